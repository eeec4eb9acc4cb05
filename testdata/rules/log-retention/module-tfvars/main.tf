variable "services" {
  type = map(number)
}

module "service" {
  source             = "./modules/service"
  for_each           = var.services
  name               = each.key
  log_retention_days = each.value
}
