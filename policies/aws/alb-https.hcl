policy "alb-https" {
  severity          = "error"
  summary           = "HTTP load balancer listeners must redirect to HTTPS"
  tags              = ["security"]
  security_severity = "7.0"

  description = <<-EOT
    ## What fails

    An `aws_lb_listener` or `aws_alb_listener` on plain HTTP whose
    `default_action` does not redirect to HTTPS, in the environment being
    checked.

    - **On HTTP**: `protocol = "HTTP"` (any case). A listener that does not
      set `protocol` counts as HTTP when its `load_balancer_arn` refers to an
      `aws_lb`/`aws_alb` of type `application` (the default type): AWS
      defaults application listeners to HTTP. When the load balancer is not
      found (passed in from outside), an unset protocol is not judged.
    - **Redirects to HTTPS**: one of its `default_action` blocks has
      `type = "redirect"` and a `redirect` block with `protocol = "HTTPS"`.
      A redirect that keeps the protocol (`protocol` unset or
      `"#{protocol}"`), a `forward`, a `fixed-response` or an
      `authenticate-*` action fails.

    Listeners on HTTPS, TCP, TLS, UDP or GENEVE pass. Listener rules
    (`aws_lb_listener_rule`) are not checked: the default action decides
    what a client that matches no rule gets. A protocol or action known only
    at apply makes the check *undecided* (no finding).

    ## Why

    Plain HTTP sends session cookies, credentials, API tokens and form data
    in clear text over every network between the client and the load
    balancer: public Wi-Fi, a compromised router, an ISP that injects
    content. Tools like Firesheep showed years ago how trivially sessions
    are hijacked from such traffic. Browsers now mark HTTP pages "Not
    secure", and HSTS cannot protect the first request to a site that still
    answers on HTTP. Keep the HTTP listener only to answer with a permanent
    redirect to HTTPS (`HTTP_301`), and serve the application on an HTTPS
    listener with a current TLS policy.
  EOT

  bad_example = <<-EOT
    resource "aws_lb_listener" "http" {
      load_balancer_arn = aws_lb.web.arn
      port              = 80
      protocol          = "HTTP"

      default_action {
        type             = "forward"
        target_group_arn = aws_lb_target_group.web.arn
      }
    }
  EOT

  good_example = <<-EOT
    resource "aws_lb_listener" "http" {
      load_balancer_arn = aws_lb.web.arn
      port              = 80
      protocol          = "HTTP"

      default_action {
        type = "redirect"

        redirect {
          port        = "443"
          protocol    = "HTTPS"
          status_code = "HTTP_301"
        }
      }
    }

    resource "aws_lb_listener" "https" {
      load_balancer_arn = aws_lb.web.arn
      port              = 443
      protocol          = "HTTPS"
      ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
      certificate_arn   = aws_acm_certificate.web.arn

      default_action {
        type             = "forward"
        target_group_arn = aws_lb_target_group.web.arn
      }
    }
  EOT

  resource = ["aws_lb_listener", "aws_alb_listener"]

  locals {
    # The load balancers this listener belongs to (for an unset protocol).
    lbs = [
      for lb in concat(resources("aws_lb"), resources("aws_alb")) : lb
      if refers_to(self.load_balancer_arn, lb)
    ]
    application = length(local.lbs) > 0 && alltrue([
      for lb in local.lbs : lb.load_balancer_type == null || lb.load_balancer_type == "application"
    ])
    protocol = self.protocol != null ? upper(self.protocol) : (local.application ? "HTTP" : "")
    actions  = self.default_action[*]
    types    = [for a in local.actions : a.type]
  }

  assert = local.protocol != "HTTP" || anytrue([
    for a in local.actions : a.type == "redirect" && try(upper(a.redirect[0].protocol), "") == "HTTPS"
  ])

  at      = "default_action"
  message = "listener ${instance.address} serves plain http${self.port == null ? "" : " on port ${self.port}"}: its default action is ${length(local.types) == 0 ? "not set" : join(", ", local.types)}, not a redirect to https"
  detail  = "Make the HTTP listener's default action a redirect to HTTPS (type = \"redirect\" with redirect { protocol = \"HTTPS\", port = \"443\", status_code = \"HTTP_301\" }) and serve the application from an HTTPS listener with a certificate and a current ssl_policy."
}
