resource "aws_cloudwatch_log_group" "api" { # expect: log-retention
  name = "/ecs/api"
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/worker"
  retention_in_days = 0 # expect: log-retention
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/web"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "lambda" {
  for_each          = toset(["resize", "notify"])
  name              = "/aws/lambda/${each.key}"
  retention_in_days = 14
}

resource "aws_cloudwatch_log_group" "audit" {
  count             = 2
  name              = "/audit/${count.index}"
  retention_in_days = count.index == 0 ? 3653 : 0 # expect: log-retention
}
