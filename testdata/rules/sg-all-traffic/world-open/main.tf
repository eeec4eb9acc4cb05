variable "ingress_ports" {
  type    = map(number)
  default = { http = 80, https = 443 }
}

resource "aws_security_group" "app" {
  name = "app"

  ingress {
    description = "everything, \"temporarily\""
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16", "0.0.0.0/0"] # expect: sg-all-traffic
  }

  ingress {
    description      = "every tcp port, IPv6"
    from_port        = 0
    to_port          = 65535
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"] # expect: sg-all-traffic
  }

  ingress {
    description      = "protocol all, both families: one finding per argument"
    from_port        = 0
    to_port          = 0
    protocol         = "ALL"
    cidr_blocks      = ["0.0.0.0/0"] # expect: sg-all-traffic
    ipv6_cidr_blocks = ["::/0"]      # expect: sg-all-traffic
  }

  ingress {
    description = "every udp port: not all traffic"
    from_port   = 0
    to_port     = 65535
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "tcp, but not every port"
    from_port   = 1024
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  dynamic "ingress" {
    for_each = var.ingress_ports
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  dynamic "ingress" {
    for_each = toset(["0.0.0.0/0"])
    content {
      from_port   = 0
      to_port     = 0
      protocol    = -1
      cidr_blocks = [ingress.value] # expect: sg-all-traffic
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Attributes as blocks: ingress written as a list of objects.
resource "aws_security_group" "as_list" {
  ingress = [ # expect: sg-all-traffic
    {
      from_port        = 0
      to_port          = 0
      protocol         = "-1"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = []
      description      = null
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
  ]
}

resource "aws_security_group_rule" "all_in" {
  count             = 2
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"] # expect: sg-all-traffic
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "all_out" {
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "tcp_v6" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "6"
  ipv6_cidr_blocks  = ["::/0"] # expect: sg-all-traffic
  security_group_id = aws_security_group.app.id
}

# 0.0.0.0/0 written as an IPv6 CIDR: AWS rejects it, the intent is clear.
resource "aws_security_group_rule" "v4_in_v6" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "all"
  ipv6_cidr_blocks  = ["0.0.0.0/0"] # expect: sg-all-traffic
  security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "everything_v6" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0" # expect: sg-all-traffic
}

# 1-65535: port 0 is reserved, this is every usable tcp port.
resource "aws_vpc_security_group_ingress_rule" "every_tcp_port" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 1
  to_port           = 65535
  cidr_ipv4         = "0.0.0.0/0" # expect: sg-all-traffic
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# count = 0: does not exist in this environment.
resource "aws_security_group_rule" "disabled" {
  count             = 0
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}
