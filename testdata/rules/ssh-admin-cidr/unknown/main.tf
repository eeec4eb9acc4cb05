# Values known only at apply: undecided, never a finding.
data "aws_ssm_parameter" "ssh_port" {
  name = "/server/ssh-port"
}

data "aws_vpc" "main" {
  default = true
}

resource "aws_security_group" "server" {
  ingress {
    description = "port from SSM"
    from_port   = data.aws_ssm_parameter.ssh_port.value
    to_port     = data.aws_ssm_parameter.ssh_port.value
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "cidr from the VPC"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [data.aws_vpc.main.cidr_block]
  }

  ingress {
    description = "port unknown, but the source is private: decided, no finding"
    from_port   = data.aws_ssm_parameter.ssh_port.value
    to_port     = data.aws_ssm_parameter.ssh_port.value
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
