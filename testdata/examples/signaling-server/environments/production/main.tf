terraform {
  required_version = ">= 1.5"
  backend "s3" {}
}

module "signaling" {
  source        = "../../modules/signaling-server"
  environment   = "production"
  instance_type = var.instance_type
  ssh_cidrs     = var.ssh_cidrs
}

variable "instance_type" {
  type = string
}

variable "ssh_cidrs" {
  type = list(string)
}
