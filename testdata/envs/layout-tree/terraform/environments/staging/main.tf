terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  backend "s3" {}
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "us-west-1"
}

variable "instance_type" {
  type = string
}

variable "ssh_cidrs" {
  type = list(string)
}

variable "restart_policy" {
  type    = string
  default = "unless-stopped"
}

module "web" {
  source         = "../../modules/web"
  environment    = "staging"
  instance_type  = var.instance_type
  ssh_cidrs      = var.ssh_cidrs
  restart_policy = var.restart_policy
}

output "public_ip" {
  value = module.web.public_ip
}
