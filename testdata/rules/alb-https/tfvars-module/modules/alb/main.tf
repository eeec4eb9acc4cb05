variable "https_enabled" {
  type    = bool
  default = true
}

variable "target_group_arn" {
  type = string
}

resource "aws_lb" "this" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action { # expect: alb-https
    type             = var.https_enabled ? "redirect" : "forward"
    target_group_arn = var.https_enabled ? null : var.target_group_arn

    dynamic "redirect" {
      for_each = var.https_enabled ? [443] : []
      content {
        port        = tostring(redirect.value)
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  }
}
