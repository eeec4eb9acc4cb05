terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/staging.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

data "terraform_remote_state" "shared" {
  backend = "s3"
  config = { # expect: env-isolation
    bucket = "acme-terraform-state"
    key    = "app/production.tfstate"
    region = "eu-west-1"
  }
}

resource "aws_sns_topic" "alerts" {
  name = "alerts-staging"
}
