terraform {
  required_version = ">= 1.6"
  backend "s3" {}
}

variable "region" {
  type = string
}

variable "owner" {
  type    = string
  default = "platform"
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets-${var.region}"
  tags   = { Owner = var.owner }
}
