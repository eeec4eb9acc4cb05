resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read" # expect: s3-public-acl
}

resource "aws_s3_bucket" "partners" {
  bucket = "acme-partners"
}

resource "aws_s3_bucket_acl" "partners" {
  bucket = aws_s3_bucket.partners.id
  acl    = "authenticated-read" # expect: s3-public-acl
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_acl" "reports" {
  bucket = aws_s3_bucket.reports.id
  acl    = "private"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_acl" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  acl    = "log-delivery-write"
}

# Legacy argument on the bucket (AWS provider v3 style).
resource "aws_s3_bucket" "dropbox" {
  bucket = "acme-dropbox"
  acl    = "public-read-write" # expect: s3-public-acl
}

resource "aws_s3_bucket" "legacy_private" {
  bucket = "acme-legacy-private"
  acl    = "private"
}
