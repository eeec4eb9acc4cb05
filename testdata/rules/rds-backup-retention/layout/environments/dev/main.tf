variable "backup_days" {
  type = number
}

module "db" {
  source      = "../../modules/db"
  backup_days = var.backup_days
}
