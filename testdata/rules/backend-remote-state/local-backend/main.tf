terraform {
  backend "local" { # expect: backend-remote-state
    path = "state/terraform.tfstate"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}
