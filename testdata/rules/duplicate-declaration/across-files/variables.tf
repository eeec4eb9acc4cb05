variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "bucket_name" { # expect: duplicate-declaration
  type = string
}
