terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/production/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

module "app" {
  source      = "../../modules/app"
  environment = "production"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0" # expect: env-drift
}

module "monitoring" { # expect: env-drift
  source      = "../../modules/monitoring"
  environment = "production"
}

resource "aws_sns_topic" "pager" { # expect: env-drift
  name = "pager-production"
}
