variable "ami_id" {
  type        = string
  description = "a pinned image for dev"
}

module "web" {
  source = "../../modules/web"
  ami_id = var.ami_id
}
