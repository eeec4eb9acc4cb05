variable "databases" {
  type = map(object({
    engine    = string
    encrypted = optional(bool, true)
  }))
}

module "databases" {
  source    = "../../modules/databases"
  databases = var.databases
}
