terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = { # expect: provider-version
      source = "hashicorp/aws"
    }
    random = "hashicorp/random" # expect: provider-version
    null = { # expect: provider-version
      source  = "hashicorp/null"
      version = ""
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
    # The legacy string form is a version constraint.
    local = ">= 2.4, < 3.0"
    # Terraform's built-in provider has no versions.
    terraform = {
      source = "terraform.io/builtin/terraform"
    }
  }
}

module "app" {
  source = "./modules/app"
}
