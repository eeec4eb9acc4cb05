# load_balancer_type unset: an application load balancer.
resource "aws_lb" "web" { # expect: alb-drop-invalid-headers
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}

resource "aws_alb" "internal" {
  name                       = "internal"
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  drop_invalid_header_fields = false # expect: alb-drop-invalid-headers
}

resource "aws_lb" "per_tenant" {
  for_each = toset(["blue", "green"])
  name     = "tenant-${each.key}"
  subnets  = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]

  drop_invalid_header_fields = each.key == "blue" # expect: alb-drop-invalid-headers
}
