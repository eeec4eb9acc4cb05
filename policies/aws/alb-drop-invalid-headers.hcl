policy "alb-drop-invalid-headers" {
  severity          = "note"
  summary           = "Application load balancers should drop invalid HTTP header fields"
  tags              = ["security"]
  security_severity = "4.0"

  description = <<-EOT
    ## What fails

    An `aws_lb` or `aws_alb` of type `application` — `load_balancer_type =
    "application"` or not set, the default — whose
    `drop_invalid_header_fields` is not `true` in the environment being
    checked (not set, the default `false`, or `false`). Network and gateway
    load balancers (`"network"`, `"gateway"`) are not checked: they do not
    parse HTTP. Internal load balancers are checked too: request smuggling
    works from inside the network as well. A value known only at apply makes
    the check *undecided* (no finding).

    ## Why

    By default an ALB forwards header fields whose names are not valid
    HTTP tokens (for example `X-Forwarded_For`, names with spaces or
    control characters) to the targets. Proxies and application servers
    disagree about how to read such fields; that disagreement is the raw
    material of HTTP request smuggling and header-injection attacks, where
    a front end and a back end see different requests and an attacker's
    request rides along with another user's (the class of attack James
    Kettle demonstrated against major sites in 2019). With
    `drop_invalid_header_fields = true` the ALB removes them before they
    reach your code; well-behaved clients never send them, so nothing
    legitimate is lost.
  EOT

  bad_example = <<-EOT
    resource "aws_lb" "web" {
      name               = "web"
      load_balancer_type = "application"
      subnets            = var.public_subnet_ids
    }
  EOT

  good_example = <<-EOT
    resource "aws_lb" "web" {
      name                       = "web"
      load_balancer_type         = "application"
      subnets                    = var.public_subnet_ids
      drop_invalid_header_fields = true
    }
  EOT

  resource = ["aws_lb", "aws_alb"]

  when   = self.load_balancer_type == null || self.load_balancer_type == "application"
  assert = self.drop_invalid_header_fields == null ? false : tobool(self.drop_invalid_header_fields)

  at      = "drop_invalid_header_fields"
  message = "application load balancer ${instance.address} forwards invalid http header fields: drop_invalid_header_fields is ${self.drop_invalid_header_fields == null ? "not set (the default is false)" : self.drop_invalid_header_fields}"
  detail  = "Set drop_invalid_header_fields = true so that the load balancer removes header fields whose names are not valid HTTP tokens before the request reaches the targets."
}
