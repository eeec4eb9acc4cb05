variable "load_balancer_type" {
  type    = string
  default = "application"
}

variable "drop_invalid_headers" {
  type    = bool
  default = true
}

resource "aws_lb" "edge" {
  name                       = "edge"
  load_balancer_type         = var.load_balancer_type
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  drop_invalid_header_fields = var.drop_invalid_headers # expect: alb-drop-invalid-headers
}
