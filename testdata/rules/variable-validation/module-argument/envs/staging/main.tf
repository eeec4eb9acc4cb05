variable "retention_days" {
  type = number
}

module "logs" {
  source         = "../../modules/bucket"
  name           = "Acme_Staging_Logs" # expect: variable-validation
  retention_days = var.retention_days
}
