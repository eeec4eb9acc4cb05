terraform {
  required_version = ">= 1.6"
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "queue_timeout" {
  type    = number
  default = 30
}

module "jobs" {
  source                     = "./modules/queue"
  name                       = "jobs"
  visibility_timeout_seconds = var.queue_timeout
}

module "per_tenant" {
  source     = "./modules/queue"
  for_each   = toset(["acme", "globex"])
  name       = "tenant-${each.key}"
  depends_on = [module.jobs]

  providers = {
    aws = aws
  }
}
