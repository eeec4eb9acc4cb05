variable "name" {
  type = string

  validation {
    condition     = length(var.name) >= 3 && length(var.name) <= 63 && can(regex("^[a-z0-9.-]+$", var.name))
    error_message = "name must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)."
  }
}

variable "retention_days" {
  type    = number
  default = 30

  validation {
    condition     = contains([1, 7, 14, 30, 90, 365], var.retention_days)
    error_message = "retention_days must be one of 1, 7, 14, 30, 90, 365."
  }
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "expire"
    status = "Enabled"

    expiration {
      days = var.retention_days
    }
  }
}
