variable "subnet_id" {
  type = string
}

resource "aws_network_interface" "this" {
  subnet_id = var.subnet_id # expect: env-isolation
}
