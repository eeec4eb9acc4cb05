terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/staging/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

module "app" {
  source      = "../../modules/app"
  environment = "staging"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.4.0" # expect: env-drift
}
