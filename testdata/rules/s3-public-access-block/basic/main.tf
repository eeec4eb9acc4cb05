resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Only half of the protection: the finding points at the block.
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_public_access_block" "uploads" { # expect: s3-public-access-block
  bucket             = aws_s3_bucket.uploads.id
  block_public_acls  = true
  ignore_public_acls = true
}

resource "aws_s3_bucket" "scratch" { # expect: s3-public-access-block
  bucket = "acme-scratch"
}

# The same literal name.
resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}

resource "aws_s3_bucket_public_access_block" "media" {
  bucket                  = "acme-media"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# count: the block covers only the first bucket.
resource "aws_s3_bucket" "logs" { # expect: s3-public-access-block
  count  = 2
  bucket = "acme-logs-${count.index}"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
