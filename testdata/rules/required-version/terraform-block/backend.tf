terraform { # expect: required-version
  backend "s3" {
    bucket = "example-state"
    key    = "app/terraform.tfstate"
    region = "eu-west-1"
  }
}
