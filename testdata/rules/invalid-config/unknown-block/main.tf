terraform {
  required_version = ">= 1.6"
}

provider "aws" {
  region = "eu-west-1"
}

# Typos in block types: Terraform refuses the module; tfguard suggests the
# block type meant.
resourc "aws_s3_bucket" "assets" { # expect: invalid-config
  bucket = "acme-assets"
}

# The name label was forgotten: the finding is at the brace, where it is missing.
resource "aws_s3_bucket_versioning" { # expect: invalid-config
  bucket = "acme-assets"
  versioning_configuration {
    status = "Enabled"
  }
}

ouptut "bucket" { # expect: invalid-config
  value = "acme-assets"
}

# A provider argument written outside of its block.
region = "eu-west-1" # expect: invalid-config

data "aws_caller_identity" "current" "extra" {} # expect: invalid-config

resource "aws_instance" "web" {
  count    = 2
  for_each = toset(["a", "b"]) # expect: invalid-config
  ami      = "ami-0c55b159cbfafe1f0"
}
