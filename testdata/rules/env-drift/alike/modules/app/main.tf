variable "environment" {
  type = string
}

resource "aws_sns_topic" "app" {
  name = "app-${var.environment}"
}
