variable "network_tags" {
  type = map(string)
}

module "network" {
  source = "./modules/network"
  tags   = var.network_tags
}
