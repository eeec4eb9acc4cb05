variable "name" {
  type = string
}

variable "ignored" { # expect: unused-declaration
  type    = string
  default = ""
}

data "aws_region" "current" { # expect: unused-declaration
}

output "name" {
  value = var.name
}
