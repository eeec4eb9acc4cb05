terraform {
  required_version = ">= 1.5"

  backend "s3" {}
}

provider "aws" {
  region = var.region
}

variable "region" {
  type = string
}

variable "name_prefix" {
  type = string
}

variable "bastion_cidrs" {
  type = list(string)
}

variable "bastion_ami" {
  type = string
}

resource "aws_security_group" "bastion" {
  name = "${var.name_prefix}-bastion"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.bastion_cidrs
  }
}

resource "aws_instance" "bastion" {
  ami                    = var.bastion_ami
  instance_type          = "t3.nano"
  vpc_security_group_ids = [aws_security_group.bastion.id]

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_eip" "bastion" {
  instance = aws_instance.bastion.id
  domain   = "vpc"
}
