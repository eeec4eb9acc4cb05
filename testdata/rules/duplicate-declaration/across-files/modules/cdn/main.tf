variable "bucket" {
  type = string
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = var.bucket
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}
