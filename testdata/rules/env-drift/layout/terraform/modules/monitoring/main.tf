variable "environment" {
  type = string
}

resource "aws_sns_topic" "monitoring" {
  name = "monitoring-${var.environment}"
}
