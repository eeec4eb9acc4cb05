variable "protect_database" {
  type = bool
}

module "db" {
  source  = "../../modules/db"
  protect = var.protect_database
}
