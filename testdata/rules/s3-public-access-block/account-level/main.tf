# One account-wide block covers every bucket.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket" "uploads" {
  for_each = toset(["images", "documents"])
  bucket   = "acme-uploads-${each.key}"
}
