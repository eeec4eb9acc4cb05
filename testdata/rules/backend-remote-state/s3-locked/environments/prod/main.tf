terraform {
  backend "s3" {
    bucket       = "acme-terraform-state-prod"
    key          = "app/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-prod"
}
