variable "access_log_group_arn" {
  type    = string
  default = null
}

module "api" {
  source               = "../../modules/api"
  access_log_group_arn = var.access_log_group_arn
}
