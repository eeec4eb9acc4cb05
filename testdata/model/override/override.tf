terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
  backend "s3" {
    bucket = "state"
  }
}

variable "size" {
  default = "large"
}

locals {
  env = "prod"
}

resource "aws_instance" "web" {
  ami = "ami-2"

  ebs_block_device {
    device_name = "/dev/sdb"
  }

  lifecycle {
    prevent_destroy = true
  }
}

output "missing" {
  value = 1
}
