terraform {
  required_version = ">= 1.8.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  # Filled in by: tofu init -backend-config=deployments/backend-<env>.hcl
  backend "s3" {}
}

provider "aws" {
  region = var.region
}
