resource "aws_lb" "web" {
  name                       = "web"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  drop_invalid_header_fields = true
}

# Network and gateway load balancers do not parse HTTP.
resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = ["subnet-0123456789abcdef0"]
}

resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = ["subnet-0123456789abcdef0"]
}

# Known only at apply: undecided.
data "aws_ssm_parameter" "strict_headers" {
  name = "/web/strict-headers"
}

resource "aws_lb" "configurable" {
  name                       = "configurable"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  drop_invalid_header_fields = data.aws_ssm_parameter.strict_headers.value
}
