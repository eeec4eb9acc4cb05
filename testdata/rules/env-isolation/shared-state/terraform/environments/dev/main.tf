terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/terraform.tfstate" # expect: env-isolation
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

module "app" {
  source      = "../../modules/app"
  environment = "dev"
}
