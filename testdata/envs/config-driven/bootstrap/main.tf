# Creates the state buckets and the lock table; applied once with a local backend.
resource "aws_s3_bucket" "state" {
  for_each = toset(["example-infra-state-eu", "example-infra-state-us"])
  bucket   = each.value
}

resource "aws_dynamodb_table" "locks" {
  name         = "example-infra-locks"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }
}
