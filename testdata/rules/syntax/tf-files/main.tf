terraform {
  required_version = ">= 1.6"
}

# Two arguments on one line (a bad merge): the error is at the second.
resource "aws_eip" "nat" {
  domain = "vpc" tags = { Name = "nat" } # expect: syntax
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    # A doubled comma: the error is at the second comma.
    cidr_blocks = ["10.0.0.0/8",, "172.16.0.0/12"] # expect: syntax
  }
}

