variable "name" {
  type = string
}

variable "log_retention_days" {
  type    = number
  default = 30
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.log_retention_days # expect: log-retention
}
