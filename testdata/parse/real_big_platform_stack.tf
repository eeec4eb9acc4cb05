# ---------------------------------------------------------------------------
# Platform stack: network, compute, database and monitoring in one file.
# ---------------------------------------------------------------------------

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws    = { source = "hashicorp/aws", version = "~> 5.30" }
    random = { source = "hashicorp/random", version = "~> 3.5" }
  }
}

variable "project" {
  type    = string
  default = "acme"
}

variable "environment" {
  type = string
  validation {
    condition     = can(regex("^(dev|staging|prod)$", var.environment))
    error_message = "Invalid environment \"${var.environment}\"."
  }
}

variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "az_count" {
  type    = number
  default = 3
}

variable "app_ports" {
  type    = list(number)
  default = [80, 443]
}

variable "db" {
  type = object({
    engine         = optional(string, "postgres")
    engine_version = optional(string, "15.4")
    instance_class = optional(string, "db.t3.medium")
    storage_gb     = optional(number, 50)
    multi_az       = optional(bool, false)
  })
  default = {}
}

locals {
  name   = "${var.project}-${var.environment}"
  prod   = var.environment == "prod"
  azs    = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  tags   = { Project = var.project, Environment = var.environment }
  subnet_bits = 8

  public_cidrs  = [for i in range(var.az_count) : cidrsubnet(var.vpc_cidr, local.subnet_bits, i)]
  private_cidrs = [for i in range(var.az_count) : cidrsubnet(var.vpc_cidr, local.subnet_bits, i + 10)]
  db_cidrs      = [for i in range(var.az_count) : cidrsubnet(var.vpc_cidr, local.subnet_bits, i + 20)]

  ingress = {
    for port in var.app_ports : tostring(port) => {
      port  = port
      cidrs = port == 443 ? ["0.0.0.0/0"] : [var.vpc_cidr]
    }
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags                 = merge(local.tags, { Name = local.name })
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
  tags   = merge(local.tags, { Name = "${local.name}-igw" })
}

resource "aws_subnet" "public" {
  count                   = var.az_count
  vpc_id                  = aws_vpc.main.id
  cidr_block              = local.public_cidrs[count.index]
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = true
  tags = merge(local.tags, {
    Name = "${local.name}-public-${local.azs[count.index]}"
    Tier = "public"
  })
}

resource "aws_subnet" "private" {
  count             = var.az_count
  vpc_id            = aws_vpc.main.id
  cidr_block        = local.private_cidrs[count.index]
  availability_zone = local.azs[count.index]
  tags = merge(local.tags, {
    Name = "${local.name}-private-${local.azs[count.index]}"
    Tier = "private"
  })
}

resource "aws_eip" "nat" {
  count  = local.prod ? var.az_count : 1
  domain = "vpc"
}

resource "aws_nat_gateway" "nat" {
  count         = length(aws_eip.nat)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  depends_on    = [aws_internet_gateway.igw]
}

resource "aws_route_table" "private" {
  count  = var.az_count
  vpc_id = aws_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat[local.prod ? count.index : 0].id
  }
}

resource "aws_security_group" "app" {
  name   = "${local.name}-app"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = local.ingress
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "random_password" "db" {
  length           = 32
  special          = true
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

resource "aws_db_instance" "main" {
  identifier             = "${local.name}-db"
  engine                 = var.db.engine
  engine_version         = var.db.engine_version
  instance_class         = var.db.instance_class
  allocated_storage      = var.db.storage_gb
  multi_az               = var.db.multi_az || local.prod
  username               = "app"
  password               = random_password.db.result
  skip_final_snapshot    = !local.prod
  vpc_security_group_ids = [aws_security_group.app.id]
  backup_retention_period = local.prod ? 14 : 1
}

resource "aws_launch_template" "app" {
  name_prefix   = "${local.name}-app-"
  image_id      = data.aws_ami.ubuntu.id
  instance_type = local.prod ? "m6i.large" : "t3.small"

  user_data = base64encode(<<-EOT
    #!/usr/bin/env bash
    set -euxo pipefail
    docker run -d --restart=always --name app \
      -p 80:8080 \
      -e DATABASE_URL="postgres://app:${random_password.db.result}@${aws_db_instance.main.address}:5432/app" \
      -e ENVIRONMENT=${var.environment} \
      ${var.project}/app:latest
  EOT
  )

  tag_specifications {
    resource_type = "instance"
    tags          = merge(local.tags, { Role = "app" })
  }
}

resource "aws_autoscaling_group" "app" {
  name                = "${local.name}-asg"
  min_size            = local.prod ? 3 : 1
  max_size            = local.prod ? 12 : 2
  vpc_zone_identifier = aws_subnet.private[*].id

  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }

  dynamic "tag" {
    for_each = local.tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.name
  dashboard_body = jsonencode({
    widgets = [
      for i, metric in ["CPUUtilization", "NetworkIn", "NetworkOut"] : {
        type   = "metric"
        x      = (i % 3) * 8
        y      = floor(i / 3) * 6
        width  = 8
        height = 6
        properties = {
          metrics = [["AWS/EC2", metric, "AutoScalingGroupName", aws_autoscaling_group.app.name]]
          period  = 300
          stat    = "Average"
          region  = data.aws_region.current.name
          title   = "${metric} (${local.name})"
        }
      }
    ]
  })
}

output "vpc_id" {
  value = aws_vpc.main.id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "db_endpoint" {
  value     = aws_db_instance.main.endpoint
  sensitive = false
}
