resource "aws_s3_bucket" "logs" { # expect: required-version
  bucket = "logs"
}

module "app" {
  source = "./modules/app"
}
