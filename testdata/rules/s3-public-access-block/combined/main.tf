# S3 applies the most restrictive combination of account and bucket settings.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls   = true
  block_public_policy = true
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Missing ignore_public_acls and restrict_public_buckets.
resource "aws_s3_bucket" "uploads" { # expect: s3-public-access-block
  bucket = "acme-uploads"
}
