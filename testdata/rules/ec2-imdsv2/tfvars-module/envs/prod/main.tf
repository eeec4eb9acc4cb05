variable "http_tokens" {
  type = string
}

module "server" {
  source      = "../../modules/server"
  http_tokens = var.http_tokens
}
