terraform {
  required_version = ">= 1.5"
  backend "s3" {}
}

module "web" {
  source      = "../../modules/web"
  environment = "production"
  ssh_cidrs   = var.ssh_cidrs
}

variable "ssh_cidrs" {
  type = list(string)
}
