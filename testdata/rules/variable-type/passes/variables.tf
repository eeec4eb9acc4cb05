variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "settings" {
  type = object({
    size = optional(number, 1)
  })
  default = {}
}

# `any` is a declared type: any value is accepted on purpose.
variable "extra" {
  type    = any
  default = null
}

# The quoted Terraform 0.11 form declares a type too (whether it is still
# accepted is invalid-config's business, not this rule's).
variable "legacy" {
  type    = "string"
  default = ""
}
