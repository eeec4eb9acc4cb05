# Under `tfguard check --only unused-ignore` (as the fixture runner runs this
# case) no other rule runs, so a tfguard:ignore comment here would always
# suppress nothing and be reported. A clean case therefore holds only the
# comments unused-ignore never reports: other tools' suppressions (which may
# still be there for that tool, mapped to a tfguard rule or not) and prose
# that merely mentions tfguard.
terraform {
  required_version = ">= 1.6"
}

# Public HTTPS is the point of this load balancer.
#tfsec:ignore:aws-ec2-no-public-ingress-sgr
resource "aws_security_group" "alb" {
  name = "alb"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] #trivy:ignore:AVD-AWS-0107:exp:2099-12-31
  }
}

resource "aws_s3_bucket" "logs" {
  #checkov:skip=CKV_AWS_144:cross-region replication is not needed for logs
  #checkov:skip=CKV_AWS_21:versioning is configured in its own resource
  bucket = "acme-alb-logs"
}

# tflint-ignore: terraform_unused_declarations # kept for the next release
variable "log_prefix" {
  type    = string
  default = "alb"
}

# Suppressions are documented in docs/suppressions.md; see tfguard:ignore there.
resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    # tfguard:ignore in a heredoc is text, not a comment
    echo hello
  EOT

  metadata_options {
    http_tokens = "required"
  }
}
