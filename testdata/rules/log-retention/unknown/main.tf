# Known only at apply: undecided, never a finding.
data "aws_ssm_parameter" "retention" {
  name = "/logs/retention-days"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/api"
  retention_in_days = tonumber(data.aws_ssm_parameter.retention.value)
}
