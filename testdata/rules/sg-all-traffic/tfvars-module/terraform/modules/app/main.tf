variable "trusted_cidrs" {
  type        = list(string)
  description = "sources allowed to reach every port of the app servers"
}

resource "aws_security_group" "app" {
  name = "app"

  ingress {
    description = "trusted networks: everything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = var.trusted_cidrs # expect: sg-all-traffic
  }
}
