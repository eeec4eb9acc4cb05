# Under `tfguard check --only unused-ignore` (as the fixture runner runs this
# case) no other rule runs, so no tfguard:ignore comment can suppress
# anything here: each one below is reported. They are written so that they
# would suppress nothing in a full run too.
terraform {
  required_version = ">= 1.6"
}

# The ingress was restricted to the VPN range long ago; the exception stayed.
# tfguard:ignore ssh-admin-cidr bastion host, reviewed by ops (OPS-142) # expect: unused-ignore
resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.8.0.0/16"]
  }
}

# A blank line after the comment: it covers nothing.
# tfguard:ignore ec2-imdsv2 the old AMI has no IMDSv2 agent # expect: unused-ignore

resource "aws_instance" "legacy" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_db_instance" "main" {
  identifier          = "main"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  storage_encrypted   = true # tfguard:ignore rds-encryption,rds-public # expect: unused-ignore
  publicly_accessible = false
  deletion_protection = true
}

# The same comment in every environment's scope: env:staging names an
# environment this root does not have.
resource "aws_s3_bucket" "assets" { # tfguard:ignore s3-versioning env:staging # expect: unused-ignore
  bucket = "acme-assets"
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}
