resource "aws_security_group" "dynamic" {
  name   = "dynamic-example"
  vpc_id = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      description = rule.value.description
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = lookup(rule.value, "protocol", "tcp")
      cidr_blocks = rule.value.cidrs
    }
  }

  dynamic "egress" {
    for_each = var.allow_all_egress ? [1] : []
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.main.arn
  port              = 443
  protocol          = "HTTPS"

  default_action {
    type = "fixed-response"

    dynamic "fixed_response" {
      for_each = var.maintenance ? [var.maintenance_page] : []
      content {
        content_type = "text/html"
        message_body = fixed_response.value
        status_code  = "503"
      }
    }
  }
}
