terraform {
  required_version = ">= 1.6"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "listener_port" {
  type    = string
  default = "https"
}

locals {
  # The port was configured by name: tonumber() cannot convert it.
  port = tonumber(var.listener_port) # expect: eval-error

  # A /16 split by 4 bits gives /20 networks: there are only 16 of them.
  subnets = [for i in range(3) : cidrsubnet(var.vpc_cidr, 4, i + 14)] # expect: eval-error

  azs = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = local.port
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}

resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr
}

resource "aws_subnet" "this" {
  count             = length(local.subnets)
  vpc_id            = aws_vpc.main.id
  cidr_block        = local.subnets[count.index]
  availability_zone = local.azs[count.index] # expect: eval-error
}

resource "aws_route53_record" "web" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "web.example.com"
  type    = "CNAME"
  ttl     = 300
  # Refers to a resource that is not declared (renamed to aws_lb.web).
  records = [aws_lb.public.dns_name] # expect: eval-error
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = aws_subnet.this[*].id
}
