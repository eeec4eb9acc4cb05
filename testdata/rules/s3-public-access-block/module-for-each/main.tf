variable "buckets" {
  type = map(object({
    public_website = optional(bool, false)
  }))
}

module "buckets" {
  source  = "./modules/buckets"
  buckets = var.buckets
}
