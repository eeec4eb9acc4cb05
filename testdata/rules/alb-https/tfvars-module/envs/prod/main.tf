variable "https_enabled" {
  type = bool
}

module "alb" {
  source           = "../../modules/alb"
  https_enabled    = var.https_enabled
  target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09"
}
