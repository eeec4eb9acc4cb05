# Files are read in lexical order: providers.tf before versions.tf, so the
# blocks of versions.tf are the ones reported.
terraform {
  required_providers {
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  cloud {
    organization = "acme"
    workspaces {
      name = "network"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

# A second default configuration: a second region needs an alias.
provider "aws" { # expect: duplicate-declaration
  region = "eu-central-1"
}

provider "aws" { # expect: duplicate-declaration
  alias  = "us"
  region = "us-east-2"
}
