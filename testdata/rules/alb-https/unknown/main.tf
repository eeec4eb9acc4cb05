# Known only at apply: undecided, never a finding.
data "aws_ssm_parameter" "listener" {
  name = "/web/listener-protocol"
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}

resource "aws_lb_listener" "protocol_unknown" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = data.aws_ssm_parameter.listener.value

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09"
  }
}

resource "aws_lb_listener" "action_unknown" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = data.aws_ssm_parameter.listener.value
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
