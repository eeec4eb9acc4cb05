terraform {
  backend "local" { # expect: env-isolation
    path = "production.tfstate"
  }
}

resource "aws_sns_topic" "alerts" {
  name = "alerts-production"
}
