# main.tf comes before variables.tf (files are read in lexical order): the
# first declaration is this file's, the second is reported in variables.tf.
# Here, a block copied from another stack kept its variable.
variable "bucket_name" {
  type    = string
  default = "acme-assets"
}

provider "aws" {
  region = var.region
}

locals {
  name = "assets"
}

resource "aws_s3_bucket" "assets" {
  bucket = var.bucket_name
}

output "bucket_arn" {
  value = aws_s3_bucket.assets.arn
}
