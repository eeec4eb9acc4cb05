policy "apigw-access-logs" {
  severity          = "note"
  summary           = "API Gateway stages should write access logs"
  tags              = ["security", "observability"]
  security_severity = "3.0"

  description = <<-EOT
    ## What fails

    An `aws_api_gateway_stage` (REST APIs) or `aws_apigatewayv2_stage`
    (HTTP and WebSocket APIs) without an `access_log_settings` block in the
    environment being checked. A `dynamic "access_log_settings"` block
    counts after expansion: an empty `for_each` (logging switched off by a
    variable in that environment) leaves no block and fails. The block's
    `destination_arn` is required by the provider; its value (usually
    `aws_cloudwatch_log_group.x.arn`, known only at apply) is not judged.

    Not checked: stages created implicitly by `aws_api_gateway_deployment`
    with `stage_name` (deprecated by AWS; manage the stage with
    `aws_api_gateway_stage`), and execution logging (`aws_api_gateway_method_settings`
    `logging_level`), which is a different, more verbose log.

    ## Why

    Access logs are the only record of who called the API: source IP,
    caller identity, route, status, latency and request id. Without them an
    incident — a leaked API key being used, credential stuffing against a
    login route, a scraper, a client hammering an endpoint — can be neither
    seen while it happens nor investigated afterwards, and audit
    requirements (PCI DSS 10, SOC 2) that ask for a trail of access to
    systems are not met. They are not on by default, and cannot be turned
    on retroactively for requests already served.
  EOT

  bad_example = <<-EOT
    resource "aws_apigatewayv2_stage" "prod" {
      api_id      = aws_apigatewayv2_api.api.id
      name        = "prod"
      auto_deploy = true
    }
  EOT

  good_example = <<-EOT
    resource "aws_cloudwatch_log_group" "api_access" {
      name              = "/aws/apigateway/api-access"
      retention_in_days = 90
    }

    resource "aws_apigatewayv2_stage" "prod" {
      api_id      = aws_apigatewayv2_api.api.id
      name        = "prod"
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
  EOT

  resource = ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]

  assert = try(length(self.access_log_settings) > 0, false)

  at      = "access_log_settings"
  message = "api gateway stage ${instance.address} writes no access logs: there is no access_log_settings block"
  detail  = "Add an access_log_settings block with a destination_arn (a CloudWatch Logs log group, or a Kinesis Data Firehose stream whose name starts with amazon-apigateway-) and a format that records at least the request id, source IP, caller, route, status and latency."
}
