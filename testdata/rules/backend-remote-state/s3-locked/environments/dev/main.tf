terraform {
  backend "s3" {
    bucket         = "acme-terraform-state-dev"
    key            = "app/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-dev"
}
