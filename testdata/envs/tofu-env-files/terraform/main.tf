# The dashboard host, deployed once per environment by deploy-dashboard.sh,
# which sources deployments/env-<env> and runs tofu with
# -backend-config=deployments/backend-<env>.hcl.
resource "aws_key_pair" "deployer" {
  key_name   = "dashboard-${var.deptype}"
  public_key = var.public_key
}

resource "aws_security_group" "dashboard" {
  name = "dashboard-${var.deptype}"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.allowed_ssh_cidrs
  }

  ingress {
    description = "dashboard"
    from_port   = var.dashboard_port
    to_port     = var.dashboard_port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "dashboard" {
  ami                    = "ami-0c7217cdde317cfec"
  instance_type          = var.instance_type
  key_name               = aws_key_pair.deployer.key_name
  vpc_security_group_ids = [aws_security_group.dashboard.id]

  user_data = templatefile("${path.module}/templates/ec2-setup.sh.tftpl", {
    deptype = var.deptype
  })

  tags = {
    Name = "dashboard-${var.deptype}"
  }
}

resource "aws_eip" "dashboard" {
  instance = aws_instance.dashboard.id
  domain   = "vpc"
}

output "dashboard_ip" {
  value = aws_eip.dashboard.public_ip
}
