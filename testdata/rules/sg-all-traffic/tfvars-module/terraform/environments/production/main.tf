variable "trusted_cidrs" {
  type = list(string)
}

module "app" {
  source        = "../../modules/app"
  trusted_cidrs = var.trusted_cidrs
}
