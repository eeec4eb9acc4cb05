# Both sides of a merge were kept.
locals {
  name = "static-assets" # expect: duplicate-declaration
}

resource "aws_s3_bucket" "assets" { # expect: duplicate-declaration
  bucket = "${var.bucket_name}-static"
}

data "aws_caller_identity" "current" {}

data "aws_caller_identity" "current" {} # expect: duplicate-declaration

output "bucket_arn" { # expect: duplicate-declaration
  value = aws_s3_bucket.assets.arn
}

# Also called in cdn.tf, which is read first.
module "cdn" { # expect: duplicate-declaration
  source = "./modules/cdn"
  bucket = local.name
}
