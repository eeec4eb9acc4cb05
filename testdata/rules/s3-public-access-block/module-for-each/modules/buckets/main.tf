variable "buckets" {
  type = map(object({
    public_website = optional(bool, false)
  }))
}

resource "aws_s3_bucket" "this" {
  for_each = var.buckets
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket_public_access_block" "this" { # expect: s3-public-access-block
  for_each                = var.buckets
  bucket                  = aws_s3_bucket.this[each.key].id
  block_public_acls       = true
  block_public_policy     = !each.value.public_website
  ignore_public_acls      = true
  restrict_public_buckets = !each.value.public_website
}
