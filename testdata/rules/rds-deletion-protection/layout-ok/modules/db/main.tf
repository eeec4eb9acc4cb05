variable "protect" {
  type    = bool
  default = false
}

resource "aws_rds_cluster" "this" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  master_username     = "orders"
  deletion_protection = var.protect
}
