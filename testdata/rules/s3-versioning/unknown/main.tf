# Known only at apply: undecided, never a finding.
variable "bucket_name" {
  type = string
}

variable "versioning_status" {
  type = string
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

# Which bucket? Only known at apply.
resource "aws_s3_bucket_versioning" "somewhere" {
  bucket = var.bucket_name
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_versioning" "exports" {
  bucket = aws_s3_bucket.exports.id
  versioning_configuration {
    status = var.versioning_status
  }
}
