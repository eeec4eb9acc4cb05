variable "repositories" {
  type = map(object({
    mutability = optional(string, "IMMUTABLE")
  }))
}

module "repos" {
  source       = "./modules/repos"
  repositories = var.repositories
}
