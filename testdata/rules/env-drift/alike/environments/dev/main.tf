terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/dev/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

module "app" {
  source      = "../../modules/app"
  environment = "dev"
}

resource "aws_sns_topic" "pager" {
  name = "pager-dev"
  # count differs by environment: declarations are compared, not instances
  count = 0
}
