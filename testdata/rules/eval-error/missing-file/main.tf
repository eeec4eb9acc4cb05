terraform {
  required_version = ">= 1.6"
}

variable "environment" {
  type = string
}

resource "aws_iam_role" "app" {
  name = "app-${var.environment}"
  # The policy document was moved to policies/ without updating this path.
  assume_role_policy = file("${path.module}/assume-role.json") # expect: eval-error
}

# One policy file per environment: policies/prod.json was never added, so
# only prod fails (the finding names the environment).
resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = file("${path.module}/policies/${var.environment}.json") # expect: eval-error
}

resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data = templatefile("${path.module}/templates/user_data.sh.tftpl", { # expect: eval-error
    environment = var.environment
  })
}

# A registry module without `terraform init`: a note, at the source.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws" # expect: eval-error
  version = "5.8.1"
}
