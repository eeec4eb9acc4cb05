terraform {
  required_version = ">= 1.6"
}

provider "aws" {
  region = var.region
}

# Set in terraform.tfvars, for every environment.
variable "region" {
  type = string
}

# Set in each environment's own tfvars.
variable "vpc_cidr" {
  type = string
}

# Set by vars in .tfguard.hcl.
variable "owner" {
  type = string
}

# default = null: optional, Terraform does not ask for it.
variable "desired_count" {
  type    = number
  default = null
}

resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr

  tags = {
    Owner = var.owner
  }
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(var.vpc_cidr, 8, count.index)
}

module "api" {
  source     = "./modules/service"
  name       = "api"
  vpc_id     = aws_vpc.main.id
  subnet_ids = aws_subnet.private[*].id
  # desired_count has a default in the module: it may be left out.
}

module "worker" {
  source        = "./modules/service"
  name          = "worker"
  vpc_id        = aws_vpc.main.id
  subnet_ids    = aws_subnet.private[*].id
  desired_count = coalesce(var.desired_count, 2)
}
