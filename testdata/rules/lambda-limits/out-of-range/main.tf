resource "aws_lambda_function" "export" {
  function_name = "export"
  role          = "arn:aws:iam::123456789012:role/export"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "export.zip"
  timeout       = 3600 # expect: lambda-limits
  memory_size   = 64   # expect: lambda-limits
}

resource "aws_lambda_function" "zero" {
  function_name = "zero"
  role          = "arn:aws:iam::123456789012:role/zero"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "zero.zip"
  timeout       = 0 # expect: lambda-limits
}

variable "api_timeout" {
  type        = string
  description = "copied from the API Gateway integration, in milliseconds"
  default     = "30000"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"
  timeout       = var.api_timeout # expect: lambda-limits
  memory_size   = 10241           # expect: lambda-limits
}
