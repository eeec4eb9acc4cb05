terraform {
  required_version = ">= 1.9"
}

provider "aws" {
  region = var.region
}

variable "region" {
  type = string
}

variable "unused" { # expect: unused-declaration
  type    = string
  default = "never read"
}

# Only its own validation reads it: not a use.
variable "replicas" { # expect: unused-declaration
  type    = number
  default = 1

  validation {
    condition     = var.replicas > 0
    error_message = "replicas must be positive, got ${var.replicas}."
  }
}

# Another variable's validation reads it (Terraform 1.9+): a use.
variable "minimum_size" {
  type    = number
  default = 1
}

variable "maximum_size" { # expect: unused-declaration
  type    = number
  default = 4

  validation {
    condition     = var.maximum_size >= var.minimum_size
    error_message = "maximum_size must not be below minimum_size."
  }
}

# Set in terraform.tfvars and read by tests/main.tftest.hcl, never by the module.
variable "owner" { # expect: unused-declaration
  type    = string
  default = "platform"
}

variable "child_name" {
  type    = string
  default = "child"
}

locals {
  name_prefix    = "app-${var.region}"
  leftover       = "x" # expect: unused-declaration
  only_by_unused = 3
  doubled        = local.only_by_unused * 2 # expect: unused-declaration
}

data "aws_ami" "old_lookup" { # expect: unused-declaration
  most_recent = true
  owners      = ["099720109477"]
}

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket" "logs" {
  bucket     = "${local.name_prefix}-logs"
  depends_on = [data.aws_caller_identity.current]
}

module "child" {
  source  = "./modules/child"
  name    = var.child_name
  ignored = "passed, but the child never reads it"
}
