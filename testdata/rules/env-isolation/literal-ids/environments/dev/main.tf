terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/dev.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

module "network" {
  source    = "../../modules/network"
  subnet_id = "subnet-0a1b2c3d"
}

resource "aws_network_interface" "extra" {
  subnet_id       = "subnet-01111111"
  security_groups = ["sg-0123abcd"] # expect: env-isolation
}

resource "aws_launch_template" "web" {
  name     = "web-dev"
  image_id = "ami-0abcdef1234567890"
}
