provider "aws" {
  region = var.region

  default_tags {
    tags = var.tags
  }
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

locals {
  azs = ["eu-west-1a", "eu-west-1b"]
}

data "aws_caller_identity" "current" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_subnet" "this" {
  for_each          = { for s in var.subnets : s.cidr => s }
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
}

module "app" {
  source     = "./modules/app"
  count      = 1
  name       = "app"
  depends_on = [aws_vpc.main]

  providers = {
    aws = aws.us
  }
}

moved {
  from = aws_subnet.private
  to   = aws_subnet.this
}

check "caller" {
  assert {
    condition     = data.aws_caller_identity.current.account_id != ""
    error_message = "no account"
  }
}

output "vpc_id" {
  value       = aws_vpc.main.id
  description = "The VPC."
}

output "db_password" {
  value     = var.db_password
  sensitive = true
}
