variable "db_password" {
  type      = string
  sensitive = true
}

variable "partner_credential" {
  type      = string
  sensitive = true
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "deptype" {
  type = string
}
