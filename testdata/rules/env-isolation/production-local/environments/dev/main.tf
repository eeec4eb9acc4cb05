terraform {
  backend "local" {
    path = "dev.tfstate"
  }
}

resource "aws_sns_topic" "alerts" {
  name = "alerts-dev"
}
