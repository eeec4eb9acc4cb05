variable "ssh_cidrs" {
  type = list(string)
}

module "server" {
  source    = "../../modules/server"
  ssh_cidrs = var.ssh_cidrs
}
