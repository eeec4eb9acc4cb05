# Known only at apply: undecided, never a finding.
variable "public" {
  type = bool
}

resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "mysql"
  instance_class      = "db.t4g.small"
  allocated_storage   = 20
  publicly_accessible = var.public
}
