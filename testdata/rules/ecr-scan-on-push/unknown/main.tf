# Known only at apply: undecided, never a finding.
variable "scan" {
  type = bool
}

variable "service" {
  type = string
}

resource "aws_ecr_repository" "api" {
  name = "api"

  image_scanning_configuration {
    scan_on_push = var.scan
  }
}

# Whether the registry filter matches depends on the name.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "BASIC"

  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "team-*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "service" {
  name = var.service
}
