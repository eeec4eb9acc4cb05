variable "thumbnails_dlq" {
  type = bool
}

module "orders" {
  source = "./modules/queue"
  name   = "orders"
}

module "thumbnails" {
  source   = "./modules/queue"
  name     = "thumbnails"
  with_dlq = var.thumbnails_dlq
}
