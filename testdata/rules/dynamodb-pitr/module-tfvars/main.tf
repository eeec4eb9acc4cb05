variable "pitr_sessions" {
  type = bool
}

module "orders" {
  source = "./modules/table"
  name   = "orders"
}

module "sessions" {
  source = "./modules/table"
  name   = "sessions"
  pitr   = var.pitr_sessions
}
