terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/network/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

resource "aws_sns_topic" "network" {
  name = "network"
}
