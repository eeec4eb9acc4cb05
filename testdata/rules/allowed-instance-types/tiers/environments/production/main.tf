variable "instance_type" {
  type = string
}

variable "worker_type" {
  type = string
}

module "app" {
  source        = "../../modules/app"
  instance_type = var.instance_type
  worker_type   = var.worker_type
}
