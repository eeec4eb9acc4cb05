terraform {
  required_version = ">= 1.6"
}

variable "replicas" {
  type    = number
  default = 1
}

variable "environment" {
  type = string
}

resource "aws_ecs_service" "api" {
  name          = "api-${var.environment}"
  desired_count = var.replicas
}
