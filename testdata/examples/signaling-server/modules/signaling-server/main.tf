# A signaling server: one EC2 instance running a container, reachable on a
# stable Elastic IP. Written for tfguard's bundled example.
variable "environment" {
  type = string
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

variable "ssh_cidrs" {
  type        = list(string)
  description = "Who may reach port 22"
}

variable "image" {
  type    = string
  default = "ghcr.io/example/signaling:1.4.2"
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }
}

resource "aws_security_group" "signaling" {
  name = "signaling-${var.environment}"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.ssh_cidrs
  }

  dynamic "ingress" {
    for_each = [8080, 8443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_instance" "signaling" {
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.signaling.id]
  user_data = templatefile("${path.module}/user-data.sh.tftpl", {
    image       = var.image
    environment = var.environment
  })

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }

  lifecycle {
    create_before_destroy = true
  }

  tags = { Name = "signaling-${var.environment}", Environment = var.environment }
}

resource "aws_eip" "signaling" {
  instance = aws_instance.signaling.id
  domain   = "vpc"
}

output "public_ip" {
  value = aws_eip.signaling.public_ip
}
