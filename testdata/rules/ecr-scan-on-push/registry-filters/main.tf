# Basic scanning on push for repositories matching the registry's filters.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "BASIC"

  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "prod-*"
      filter_type = "WILDCARD"
    }
    repository_filter {
      filter      = "shared"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "prod_api" {
  name = "prod-api"
}

# No wildcard: the filter matches names that contain it.
resource "aws_ecr_repository" "libs" {
  name = "team-shared-libs"
}

# "prod-*" must match the whole name.
resource "aws_ecr_repository" "preprod_api" { # expect: ecr-scan-on-push
  name = "preprod-api"
}

resource "aws_ecr_repository" "staging_api" { # expect: ecr-scan-on-push
  name = "staging-api"
}
