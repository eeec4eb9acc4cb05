terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/dev.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-app-logs" # expect: env-isolation
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-dev"
}
