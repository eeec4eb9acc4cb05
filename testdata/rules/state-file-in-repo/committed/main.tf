terraform {
  required_version = ">= 1.6"
}

resource "random_password" "db" {
  length = 24
}
