terraform {
  required_version = ">= 1.9"
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "environment" {
  type = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "retention_days" {
  type    = number
  default = 30
}

resource "aws_kms_key" "logs" {
  description = "log bucket key"
}

module "logs" {
  source         = "./modules/bucket"
  name           = "acme-${var.environment}-logs"
  retention_days = var.retention_days
  # Known only at apply: the module's validation of it is undecided, no finding.
  kms_key_arn = aws_kms_key.logs.arn
}
