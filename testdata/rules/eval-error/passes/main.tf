terraform {
  required_version = ">= 1.6"
}

variable "environment" {
  type = string
}

variable "listener_port" {
  type    = string
  default = "443"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "extra_tags" {
  type    = string
  default = "not json"
}

locals {
  port    = tonumber(var.listener_port)
  subnets = [for i in range(3) : cidrsubnet(var.vpc_cidr, 4, i)]
  azs     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  # try() and can() catch errors as Terraform does: no finding.
  extra_tags  = try(jsondecode(var.extra_tags), {})
  has_logging = can(file("${path.module}/policies/logging.json"))
  policy      = fileexists("${path.module}/policies/${var.environment}.json") ? file("${path.module}/policies/${var.environment}.json") : file("${path.module}/policies/default.json")
}

resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr
  tags       = local.extra_tags
}

resource "aws_subnet" "this" {
  count             = length(local.subnets)
  vpc_id            = aws_vpc.main.id
  cidr_block        = local.subnets[count.index]
  availability_zone = local.azs[count.index]
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = aws_subnet.this[*].id
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = local.port
  protocol = "HTTPS"
  vpc_id   = aws_vpc.main.id
}

resource "aws_iam_role" "app" {
  name = "app-${var.environment}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = local.policy
}

resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.this[0].id
  user_data = templatefile("${path.module}/templates/user_data.sh.tftpl", {
    environment = var.environment
    port        = local.port
  })
}

resource "aws_route53_record" "web" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "web.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_lb.web.dns_name]
}
