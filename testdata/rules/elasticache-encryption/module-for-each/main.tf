variable "caches" {
  type = map(object({
    engine  = optional(string, "redis")
    at_rest = optional(bool, true)
    tls     = optional(bool, true)
  }))
}

module "cache" {
  source = "./modules/cache"
  caches = var.caches
}
