terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "app/production/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "terraform-locks"
  }
}

provider "aws" {
  region = "eu-west-1"
}

data "terraform_remote_state" "network" {
  backend = "s3"
  config = {
    bucket = "acme-terraform-state"
    key    = "network/production/terraform.tfstate"
    region = "eu-west-1"
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-app-logs-production"
}

resource "aws_launch_template" "web" {
  name     = "web-production"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_iam_role_policy_attachment" "ssm" {
  role       = "web-production"
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}
