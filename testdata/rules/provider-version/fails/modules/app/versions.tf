terraform {
  required_providers {
    aws = { # expect: provider-version
      source                = "hashicorp/aws"
      configuration_aliases = [aws.replica]
    }
  }
}
