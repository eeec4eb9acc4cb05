terraform { # expect: backend-remote-state
  required_version = ">= 1.6"
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}
