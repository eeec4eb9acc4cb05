# terraform init -backend-config=vars/ENV.s3.tfbackend
terraform {
  backend "s3" { # expect: backend-remote-state
    region = "eu-west-1"
  }
}

variable "env" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-${var.env}"
}
