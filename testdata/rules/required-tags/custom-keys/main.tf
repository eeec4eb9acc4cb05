# required_tags = ["CostCenter", "Owner"] (.tfguard.hcl)
resource "aws_lambda_function" "resize" {
  function_name = "resize"
  role          = "arn:aws:iam::123456789012:role/resize"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "resize.zip"
  tags = {
    CostCenter = "cc-4711"
    Owner      = "media-team"
  }
}

resource "aws_dynamodb_table" "thumbnails" {
  name         = "thumbnails"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  tags = { # expect: required-tags
    Owner       = "media-team"
    Environment = "production"
  }
}
