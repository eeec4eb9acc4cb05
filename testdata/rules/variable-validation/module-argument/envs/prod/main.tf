variable "retention_days" {
  type = number
}

module "logs" {
  source = "../../modules/bucket"
  name   = "acme-prod-logs"
  # The value comes from terraform.tfvars through this argument: the finding
  # is placed at the tfvars line, with this argument as a related location.
  retention_days = var.retention_days
}
