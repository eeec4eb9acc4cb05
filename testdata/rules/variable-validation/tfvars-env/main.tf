terraform {
  required_version = ">= 1.9"
}

provider "aws" {
  region = var.region
}

variable "region" {
  type = string

  validation {
    condition     = can(regex("^[a-z]{2}-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "environment" {
  type        = string
  description = "Deployment stage."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "instance_count" {
  type    = number
  default = 2

  validation {
    condition     = var.instance_count >= 1 && var.instance_count <= 10
    error_message = "instance_count must be between 1 and 10."
  }
}

resource "aws_instance" "app" {
  count         = var.instance_count
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  tags = {
    Environment = var.environment
  }
}

# dev sets its own value; prod keeps the default, which fails its own
# validation: the finding is at the default (prod only).
variable "log_level" {
  type    = string
  default = "verbose" # expect: variable-validation

  validation {
    condition     = contains(["debug", "info", "warn", "error"], var.log_level)
    error_message = "log_level must be debug, info, warn or error."
  }
}

resource "aws_ssm_parameter" "log_level" {
  name  = "/app/${var.environment}/log_level"
  type  = "String"
  value = var.log_level
}
