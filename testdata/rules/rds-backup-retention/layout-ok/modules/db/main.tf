variable "backup_days" {
  type = number
}

resource "aws_db_instance" "this" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  backup_retention_period = var.backup_days
}
