terraform {
  required_version = ">= 1.6"

  # providers.tf has one already: a module has one required_providers block.
  required_providers { # expect: duplicate-declaration
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  # providers.tf configures HCP Terraform (cloud): not both.
  backend "s3" { # expect: duplicate-declaration
    bucket = "acme-terraform-state"
    key    = "network/terraform.tfstate"
    region = "eu-west-1"
  }
}
