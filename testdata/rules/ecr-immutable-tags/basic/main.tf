resource "aws_ecr_repository" "worker" { # expect: ecr-immutable-tags
  name = "worker"
}

resource "aws_ecr_repository" "api" {
  name                 = "api"
  image_tag_mutability = "MUTABLE" # expect: ecr-immutable-tags
}

resource "aws_ecr_repository" "web" {
  name                 = "web"
  image_tag_mutability = "IMMUTABLE"
}

# Immutable except for the moving "latest" tag.
resource "aws_ecr_repository" "tools" {
  name                 = "tools"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "latest"
    filter_type = "WILDCARD"
  }
}

# Mutable except for release tags: still mutable.
resource "aws_ecr_repository" "jobs" {
  name                 = "jobs"
  image_tag_mutability = "MUTABLE_WITH_EXCLUSION" # expect: ecr-immutable-tags

  image_tag_mutability_exclusion_filter {
    filter      = "v*"
    filter_type = "WILDCARD"
  }
}
