terraform {
  required_version = ">= 1.6"
}

variable "office_cidrs" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "web_sg" {
  source        = "../../modules/sg"
  name          = "web"
  vpc_id        = aws_vpc.main.id
  ingress_ports = [80, "https"] # expect: type-mismatch
  # A string where the module takes a list: the finding is at the argument
  # (Terraform does not turn a string into a one-element list).
  allowed_cidrs = var.office_cidrs # expect: type-mismatch
}

module "admin_sg" {
  source        = "../../modules/sg"
  name          = "admin"
  vpc_id        = aws_vpc.main.id
  ingress_ports = ["22"] # a numeric string converts
  allowed_cidrs = [var.office_cidrs]
}
