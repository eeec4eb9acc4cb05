# Enhanced continuous scanning of every repository includes scan on push;
# a MANUAL rule does not count.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "MANUAL"
    repository_filter {
      filter      = "sandbox-*"
      filter_type = "WILDCARD"
    }
  }

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "api" {
  name = "api"
}

resource "aws_ecr_repository" "sandbox_tools" {
  name = "sandbox-tools"
}
