variable "timeout" {
  type    = number
  default = 60
}

variable "memory_mb" {
  type    = number
  default = 512
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  runtime       = "python3.12"
  handler       = "worker.handler"
  filename      = "worker.zip"
  timeout       = var.timeout # expect: lambda-limits
  memory_size   = var.memory_mb
}
