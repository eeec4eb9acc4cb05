variable "worker_timeout" {
  type = number
}

module "worker" {
  source  = "../../modules/worker"
  timeout = var.worker_timeout
}
