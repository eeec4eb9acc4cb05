variable "encrypt_data" {
  type = bool
}

module "data" {
  source    = "../../modules/data-volume"
  encrypted = var.encrypt_data
}
