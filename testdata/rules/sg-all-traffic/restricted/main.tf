# Broad rules, but never from the whole internet: no finding.
resource "aws_security_group" "internal" {
  name = "internal"

  ingress {
    description = "everything from the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16", "192.168.0.0/24"]
  }

  ingress {
    description     = "everything from the load balancer's group"
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    security_groups = ["sg-0123456789abcdef0"]
  }

  ingress {
    description     = "everything from a prefix list"
    from_port       = 0
    to_port         = 65535
    protocol        = "tcp"
    prefix_list_ids = ["pl-0123456789abcdef0"]
  }

  ingress {
    description = "half the internet is not the internet"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/1"]
  }

  ingress {
    description = "https from anywhere is fine"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description      = "icmp from anywhere"
    from_port        = -1
    to_port          = -1
    protocol         = "icmpv6"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "vpc" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.internal.id
}

resource "aws_vpc_security_group_ingress_rule" "from_group" {
  security_group_id            = aws_security_group.internal.id
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.internal.id
}

resource "aws_vpc_security_group_egress_rule" "all_out" {
  security_group_id = aws_security_group.internal.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
