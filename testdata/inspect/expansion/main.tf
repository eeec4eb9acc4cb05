# One root deployed per environment (vars/dev.tfvars, vars/prod.tfvars):
# count, for_each, dynamic blocks, templatefile, a JSON module, a remote
# module that is not installed, and values that fail validation and types.
terraform {
  required_version = ">= 1.6"
}

variable "environment" {
  type = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "queues" {
  type = map(object({
    visibility_timeout = optional(number, 30)
    fifo               = optional(bool, false)
  }))
}

variable "ingress_rules" {
  type = list(object({
    port  = number
    cidrs = list(string)
  }))
  default = []
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "replicas" {
  type = number
}

locals {
  name      = "app-${var.environment}"
  ports     = [for r in var.ingress_rules : r.port]
  all_cidrs = distinct(flatten([for r in var.ingress_rules : r.cidrs]))
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["amazon"]
}

resource "aws_security_group" "app" {
  name = "${local.name}-sg"

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }
}

resource "aws_instance" "app" {
  count         = var.instance_count
  ami           = data.aws_ami.base.id
  instance_type = var.environment == "prod" ? "m5.large" : "t3.micro"
  user_data = templatefile("${path.module}/templates/user-data.sh.tftpl", {
    name     = local.name
    replicas = var.replicas
    ports    = local.ports
  })
  vpc_security_group_ids = [aws_security_group.app.id]
  tags = {
    Name = "${local.name}-${count.index}"
  }
}

resource "aws_eip" "app" {
  count    = var.environment == "prod" ? var.instance_count : 0
  instance = aws_instance.app[count.index].id
}

module "queue" {
  source             = "./modules/queue"
  for_each           = var.queues
  name               = "${local.name}-${each.key}"
  visibility_timeout = each.value.visibility_timeout
  fifo               = each.value.fifo
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
  name    = local.name
}

resource "aws_s3_bucket" "logs" {
  bucket = substr(local.name, 0, "three")
}

output "queue_urls" {
  value = { for k, q in module.queue : k => q.url }
}

output "vpc_id" {
  value = module.vpc.vpc_id
}
