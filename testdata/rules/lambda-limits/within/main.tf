# Unset: the defaults (3 s, 128 MB).
resource "aws_lambda_function" "defaults" {
  function_name = "defaults"
  role          = "arn:aws:iam::123456789012:role/defaults"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
}

# The bounds themselves are allowed.
resource "aws_lambda_function" "bounds" {
  function_name = "bounds"
  role          = "arn:aws:iam::123456789012:role/bounds"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  timeout       = 900
  memory_size   = 10240
}

resource "aws_lambda_function" "small" {
  function_name = "small"
  role          = "arn:aws:iam::123456789012:role/small"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  timeout       = 1
  memory_size   = "128"
}

# Known only at apply: undecided.
data "aws_ssm_parameter" "timeout" {
  name = "/jobs/timeout"
}

resource "aws_lambda_function" "configurable" {
  function_name = "configurable"
  role          = "arn:aws:iam::123456789012:role/configurable"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  timeout       = data.aws_ssm_parameter.timeout.value
}
