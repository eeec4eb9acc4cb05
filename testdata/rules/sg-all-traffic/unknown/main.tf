# Values known only at apply: undecided, never a finding.
data "aws_vpc" "main" {
  default = true
}

data "aws_ssm_parameter" "protocol" {
  name = "/network/ingress-protocol"
}

data "aws_ssm_parameter" "open_cidrs" {
  name = "/network/open-cidrs"
}

resource "aws_security_group" "app" {
  ingress {
    description = "cidr of the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [data.aws_vpc.main.cidr_block]
  }

  ingress {
    description = "protocol from SSM"
    from_port   = 0
    to_port     = 0
    protocol    = data.aws_ssm_parameter.protocol.value
    cidr_blocks = ["0.0.0.0/0"]
  }

  dynamic "ingress" {
    for_each = split(",", data.aws_ssm_parameter.open_cidrs.value)
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = [ingress.value]
    }
  }
}

resource "aws_security_group_rule" "direction_unknown" {
  type              = data.aws_ssm_parameter.protocol.value == "x" ? "ingress" : "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "from_vpc" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = data.aws_vpc.main.cidr_block
}
