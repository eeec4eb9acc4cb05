variable "name" {
  type = string
}

variable "versioning" {
  type    = string
  default = "Enabled"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_versioning" "this" { # expect: s3-versioning
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioning
  }
}

output "id" {
  value = aws_s3_bucket.this.id
}
