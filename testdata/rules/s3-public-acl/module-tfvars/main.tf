variable "site_acl" {
  type = string
}

module "docs" {
  source = "./modules/site"
  name   = "acme-docs"
}

module "landing" {
  source = "./modules/site"
  name   = "acme-landing"
  acl    = var.site_acl
}
