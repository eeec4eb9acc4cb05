terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.5, < 4.0"
    }
    http = "~> 3.4"
    external = {
      source  = "hashicorp/external"
      version = "= 2.3.3"
    }
  }
}

module "app" {
  source = "./modules/app"
}
