# The same name in different namespaces is not a duplicate: a variable, a
# local and an output "name"; a resource and a data source "logs"; resources
# of different types named "this".
variable "name" {
  type    = string
  default = "assets"
}

locals {
  name = "acme-${var.name}"
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-logs"
}

data "aws_s3_bucket" "logs" {
  provider = aws.us
  bucket   = "acme-central-logs"
}

resource "aws_s3_bucket" "this" {
  bucket = local.name
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Two calls of one module, and the module declares its own "name".
module "replica_eu" {
  source = "./modules/bucket"
  name   = "${local.name}-replica-eu"
}

module "replica_us" {
  source = "./modules/bucket"
  name   = "${local.name}-replica-us"
  providers = {
    aws = aws.us
  }
}

output "name" {
  value = local.name
}
