variable "repositories" {
  type = map(object({
    mutability = optional(string, "IMMUTABLE")
  }))
}

resource "aws_ecr_repository" "this" {
  for_each             = var.repositories
  name                 = each.key
  image_tag_mutability = each.value.mutability # expect: ecr-immutable-tags

  image_scanning_configuration {
    scan_on_push = true
  }
}
