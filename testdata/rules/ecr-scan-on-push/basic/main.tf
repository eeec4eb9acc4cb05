resource "aws_ecr_repository" "api" { # expect: ecr-scan-on-push
  name = "api"
}

resource "aws_ecr_repository" "worker" {
  name = "worker"

  image_scanning_configuration {
    scan_on_push = false # expect: ecr-scan-on-push
  }
}

resource "aws_ecr_repository" "web" {
  name = "web"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "jobs" {
  for_each = toset(["billing", "mailer"])
  name     = "jobs/${each.key}"

  image_scanning_configuration {
    scan_on_push = each.key == "billing" # expect: ecr-scan-on-push
  }
}
