# A root with no variable file, env file or .tfguard.hcl values at all: its
# values are given at plan time (-var, TF_VAR_ in CI, an example run by
# hand). The variable is unknown, not missing: no finding.
terraform {
  required_version = ">= 1.6"
}

variable "vpc_id" {
  type = string
}

output "vpc_id" {
  value = var.vpc_id
}
