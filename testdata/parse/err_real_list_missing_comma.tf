resource "aws_security_group_rule" "allow" {
  type        = "ingress"
  from_port   = 443
  to_port     = 443
  protocol    = "tcp"
  cidr_blocks = ["10.0.0.0/8" "192.168.0.0/16"]
}
