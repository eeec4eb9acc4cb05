# Known only at apply: undecided, never a finding.
variable "block_policies" {
  type = bool
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = var.block_policies
  ignore_public_acls      = true
  restrict_public_buckets = true
}
