terraform {
  required_version = ">= 1.6"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = var.tags
}

resource "aws_subnet" "this" {
  count             = length(var.subnets)
  vpc_id            = aws_vpc.main.id
  cidr_block        = var.subnets[count.index].cidr
  availability_zone = var.subnets[count.index].az
}

resource "aws_autoscaling_group" "app" {
  name             = "app"
  min_size         = var.replicas
  max_size         = var.replicas
  desired_capacity = var.replicas
}

resource "aws_backup_plan" "main" {
  count = var.enable_backups ? 1 : 0
  name  = "main"
}
