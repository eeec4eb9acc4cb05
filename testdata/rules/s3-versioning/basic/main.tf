resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}

# By the bucket's name attribute (a name Terraform generates: unknown).
resource "aws_s3_bucket" "reports" {
  bucket_prefix = "acme-reports-"
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.bucket
  versioning_configuration {
    status = "Enabled"
  }
}

# Versioning suspended: the finding points at the versioning resource.
resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_versioning" "exports" { # expect: s3-versioning
  bucket = aws_s3_bucket.exports.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket" "scratch" { # expect: s3-versioning
  bucket = "acme-scratch"
}

# The same literal name.
resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}

resource "aws_s3_bucket_versioning" "media" {
  bucket = "acme-media"
  versioning_configuration {
    status = "Enabled"
  }
}

# Legacy inline block (AWS provider v3 style).
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket" "legacy_off" {
  bucket = "acme-legacy-off"
  versioning {
    enabled = false # expect: s3-versioning
  }
}

# Object Lock turns versioning on for good.
resource "aws_s3_bucket" "audit" {
  bucket              = "acme-audit"
  object_lock_enabled = true
}
