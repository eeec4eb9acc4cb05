variable "partner_key" {
  type      = string
  sensitive = true
}

module "app" {
  source      = "./modules/app"
  partner_key = var.partner_key
}
