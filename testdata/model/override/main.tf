terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
  backend "local" {}
}

variable "size" {
  type    = string
  default = "small"
}

locals {
  env = "dev"
}

resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = var.size

  ebs_block_device {
    device_name = "/dev/sda"
  }
  dynamic "ebs_block_device" {
    for_each = []
    content {}
  }
  network_interface {
    device_index = 0
  }

  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
  }
}

module "net" {
  source = "./net"
  cidr   = "10.0.0.0/16"
}

output "ip" {
  value = aws_instance.web.private_ip
}
