terraform {
  required_version = ">= 1.6"
  backend "s3" {}
}

variable "deptype" {
  type = string
}

variable "replicas" {
  type = number
}

variable "allowed_cidrs" {
  type = list(string)
}

variable "multi_az" {
  type    = bool
  default = false
}

resource "aws_db_instance" "main" {
  identifier        = "main-${var.deptype}"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  multi_az          = var.multi_az
}

resource "aws_ecs_service" "api" {
  name          = "api-${var.deptype}"
  desired_count = var.replicas
}

resource "aws_security_group" "db" {
  name = "db-${var.deptype}"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }
}
