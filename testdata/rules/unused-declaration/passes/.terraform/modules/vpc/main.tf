# An installed module is not the repository's code: its unused
# declarations are not reported.
variable "unused_upstream" {
  type    = string
  default = ""
}

data "aws_region" "unused_upstream" {}
