# A web server behind a security group. Used by dev and production.
variable "environment" {
  type = string
}

variable "ssh_cidrs" {
  type        = list(string)
  description = "Who may reach port 22"
}

resource "aws_security_group" "web" {
  name = "web-${var.environment}"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.ssh_cidrs
  }
}

output "security_group" {
  value = aws_security_group.web.id
}
