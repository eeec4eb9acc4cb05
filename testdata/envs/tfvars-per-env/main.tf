# One root deployed per environment with
#   terraform plan -var-file=vars/common.tfvars -var-file=vars/<env>.tfvars
terraform {
  required_version = ">= 1.6"

  backend "s3" {}
}

provider "aws" {
  region = var.region
}

resource "aws_security_group" "api" {
  name = "api-${var.environment}"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  ingress {
    description = "API"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "api" {
  ami                    = var.ami_id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.api.id]

  user_data = templatefile("${path.module}/templates/api.sh.tftpl", {
    image       = "${var.image_repository}:${var.image_tag}"
    environment = var.environment
  })

  tags = merge(var.tags, { Name = "api-${var.environment}" })
}

resource "aws_eip" "api" {
  domain = "vpc"
  tags   = var.tags
}

resource "aws_eip_association" "api" {
  instance_id   = aws_instance.api.id
  allocation_id = aws_eip.api.id
}
