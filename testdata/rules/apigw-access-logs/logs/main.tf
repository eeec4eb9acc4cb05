resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/api-access"
  retention_in_days = 90
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "dep123"
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = "$context.requestId $context.identity.sourceIp $context.httpMethod $context.resourcePath $context.status"
  }
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = "a1b2c3d4e5"
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId = "$context.requestId"
      ip        = "$context.identity.sourceIp"
      route     = "$context.routeKey"
      status    = "$context.status"
    })
  }
}

variable "stages" {
  type    = set(string)
  default = []
}

# No stages in this environment.
resource "aws_apigatewayv2_stage" "extra" {
  for_each = var.stages
  api_id   = "a1b2c3d4e5"
  name     = each.key
}
