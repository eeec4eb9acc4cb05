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

variable "kms_key_arn" {
  type    = string
  default = null

  validation {
    condition     = var.kms_key_arn == null || startswith(var.kms_key_arn, "arn:aws:kms:")
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.kms_key_arn == null ? 0 : 1
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}
