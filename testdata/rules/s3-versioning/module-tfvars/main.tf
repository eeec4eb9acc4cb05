variable "archive_versioning" {
  type = string
}

module "assets" {
  source = "./modules/bucket"
  name   = "acme-assets"
}

module "archive" {
  source     = "./modules/bucket"
  name       = "acme-archive"
  versioning = var.archive_versioning
}

# A bucket from a module, versioned here through the module's output.
module "backups" {
  source = "./modules/plain-bucket"
  name   = "acme-backups"
}

resource "aws_s3_bucket_versioning" "backups" {
  bucket = module.backups.id
  versioning_configuration {
    status = "Enabled"
  }
}
