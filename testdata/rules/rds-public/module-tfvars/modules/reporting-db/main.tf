variable "public" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  identifier          = "reporting"
  engine              = "mysql"
  instance_class      = "db.t4g.small"
  allocated_storage   = 20
  publicly_accessible = var.public # expect: rds-public
}
