resource "aws_api_gateway_stage" "prod" { # expect: apigw-access-logs
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "dep123"
  stage_name    = "prod"
}

resource "aws_apigatewayv2_stage" "default" { # expect: apigw-access-logs
  api_id      = "a1b2c3d4e5"
  name        = "$default"
  auto_deploy = true
}

variable "access_logs" {
  type    = bool
  default = false
}

# Logging switched off by a variable: the dynamic block expands to nothing.
resource "aws_apigatewayv2_stage" "ws" { # expect: apigw-access-logs
  api_id = "f6g7h8i9j0"
  name   = "live"

  dynamic "access_log_settings" {
    for_each = var.access_logs ? [1] : []
    content {
      destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/ws"
      format          = "$context.requestId $context.routeKey $context.status"
    }
  }
}
