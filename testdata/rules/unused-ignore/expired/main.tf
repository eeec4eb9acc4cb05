# An expired suppression is reported whatever the rules find: the exception
# needs a new decision (fix the findings, or extend it with a reason).
# Dates are in the past for any run after 2025 (the fixture runner checks as
# of 2026-06-01); the one with a far-future date is still in force and is
# not reported as expired (but under --only unused-ignore it suppresses
# nothing, since no other rule runs; see suppresses-nothing).
terraform {
  required_version = ">= 1.6"
}

# tfguard:ignore rds-deletion-protection exp:2025-12-31 data migration until end of Q4 (DB-77) # expect: unused-ignore
resource "aws_db_instance" "legacy" {
  identifier          = "legacy"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  storage_encrypted   = true
  deletion_protection = false
}

resource "aws_security_group" "vpn" {
  name = "vpn"

  ingress { # tfguard:ignore ssh-admin-cidr exp:2025-03-01 env:prod contractor access during the audit # expect: unused-ignore
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
}
