# Every declaration here is read somewhere in the module, each in a
# different place Terraform evaluates expressions.
terraform {
  required_version = ">= 1.9"
}

variable "region" { # provider block
  type = string
}

variable "instances" { # count
  type    = number
  default = 1
}

variable "volumes" { # dynamic block for_each
  type    = list(string)
  default = ["/dev/sdf"]
}

variable "volume_size" { # inside a dynamic block's content
  type    = number
  default = 20
}

variable "allow_web" { # lifecycle precondition
  type    = bool
  default = true
}

variable "script_port" { # templatefile() variables
  type    = number
  default = 8080
}

variable "health_url" { # check block
  type    = string
  default = "https://example.com/health"
}

variable "imported_bucket" { # import block
  type    = string
  default = "legacy-bucket"
}

variable "network_cidr" { # module call argument
  type    = string
  default = "10.0.0.0/16"
}

variable "exported" { # output
  type    = string
  default = "x"
}

variable "tags_json" { # a .tf.json file of the module
  type    = string
  default = "{}"
}

variable "minimum_size" { # another variable's validation
  type    = number
  default = 1
}

variable "maximum_size" { # output precondition
  type    = number
  default = 4

  validation {
    condition     = var.maximum_size >= var.minimum_size
    error_message = "maximum_size must not be below minimum_size."
  }
}

provider "aws" {
  region = var.region
}

locals {
  name      = "web"
  user_data = templatefile("${path.module}/user_data.tpl", { port = var.script_port })
  ami_id    = data.aws_ami.ubuntu.id
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}

data "http" "health" {
  url = var.health_url
}

resource "aws_instance" "web" {
  count         = var.instances
  ami           = local.ami_id
  instance_type = "t3.micro"
  user_data     = local.user_data

  dynamic "ebs_block_device" {
    for_each = var.volumes
    content {
      device_name = ebs_block_device.value
      volume_size = var.volume_size
    }
  }

  lifecycle {
    precondition {
      condition     = var.allow_web
      error_message = "web instances are not allowed here."
    }
  }

  depends_on = [data.aws_caller_identity.current]
}

resource "aws_iam_role" "web" {
  name               = local.name
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_s3_bucket" "legacy" {
  bucket = var.imported_bucket
}

import {
  to = aws_s3_bucket.legacy
  id = var.imported_bucket
}

check "health" {
  assert {
    condition     = data.http.health.status_code == 200
    error_message = "${var.health_url} is not healthy."
  }
}

module "net" {
  source = "./modules/net"
  cidr   = var.network_cidr
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

output "exported" {
  value = var.exported

  precondition {
    condition     = var.maximum_size < 10
    error_message = "too many."
  }
}
