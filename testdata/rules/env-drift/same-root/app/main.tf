terraform {
  backend "s3" {}
}

variable "environment" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  name = "alerts-${var.environment}"
}
