variable "region" {
  type        = string
  description = "AWS region."
}

# Added for prod, forgotten in staging's tfvars.
variable "certificate_arn" { # expect: missing-required-variable
  type        = string
  description = "ACM certificate of the public listener."
}

# Set by TF_VAR_db_password in deployments/env-<name> (its value is unknown,
# a command substitution, but it is set): not missing.
variable "db_password" {
  type      = string
  sensitive = true
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}
