variable "reporting_public" {
  type = bool
}

module "reporting_db" {
  source = "../../modules/reporting-db"
  public = var.reporting_public
}
