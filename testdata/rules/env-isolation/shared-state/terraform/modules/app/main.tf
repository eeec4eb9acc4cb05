variable "environment" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  name = "alerts-${var.environment}"
}
