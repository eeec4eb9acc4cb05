variable "access_log_group_arn" {
  type        = string
  default     = null
  description = "CloudWatch log group for access logs; null turns them off"
}

resource "aws_apigatewayv2_api" "this" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # expect: apigw-access-logs
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  dynamic "access_log_settings" {
    for_each = var.access_log_group_arn == null ? [] : [var.access_log_group_arn]
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId $context.identity.sourceIp $context.routeKey $context.status"
    }
  }
}
