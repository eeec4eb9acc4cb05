# Comments tfguard cannot read as intended: reported as warnings, whatever
# the other rules find.
terraform {
  required_version = ">= 1.6"
}

# A typo in the rule id: it suppresses nothing while its author believes it does.
# tfguard:ignore ssh-admin-cdir office VPN only # expect: unused-ignore
resource "aws_security_group" "office" {
  name = "office"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}

# A whole-file suppression is only read before the first block:
# tfguard:ignore-file s3-versioning # expect: unused-ignore

# No rule id. (A marker in the same comment would be read as the rule list,
# hence the separate /* */ comment.)
/* tfguard:ignore */ # expect: unused-ignore
resource "aws_s3_bucket" "tmp" {
  bucket = "acme-tmp"
}

# Syntax errors cannot be suppressed.
locals {
  name = "acme" # tfguard:ignore syntax # expect: unused-ignore
}

# An invalid date (month 13): a warning, and the suppression applies without
# an expiry (under --only unused-ignore it then also suppresses nothing: a
# second finding on the same line).
resource "aws_security_group" "partner" {
  name = "partner"

  ingress { # tfguard:ignore ssh-admin-cidr exp:2025-13-01 partner SFTP # expect: unused-ignore
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["192.0.2.0/24"]
  }
}
