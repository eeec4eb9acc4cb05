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
  tags              = { Tier = var.subnets[count.index].tier }
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

resource "aws_ebs_volume" "data" {
  availability_zone = var.subnets[0].az
  size              = lookup(var.settings, "volume_size", 20)
  encrypted         = true
  kms_key_id        = var.kms_key_id
}

module "admin_sg" {
  source        = "./modules/sg"
  name          = "admin"
  vpc_id        = aws_vpc.main.id
  ingress_ports = ["22", 443] # numeric strings convert to numbers
  allowed_cidrs = var.admin_cidrs
}
