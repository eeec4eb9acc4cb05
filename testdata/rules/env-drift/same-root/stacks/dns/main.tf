terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/dns/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

resource "aws_sns_topic" "dns" {
  name = "dns"
}
