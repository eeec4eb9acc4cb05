module "app" {
  source = "../modules/app"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}

module "private" {
  source  = "app.terraform.io/example-org/vpc/aws"
  version = ">= 1.0, < 2.0"
}

module "github" {
  source = "github.com/example/terraform-aws-sg?ref=v3.1.0"
}

module "ssh" {
  source = "git::ssh://git@github.com/example/terraform-aws-sg.git?ref=9c1d2e3"
}
