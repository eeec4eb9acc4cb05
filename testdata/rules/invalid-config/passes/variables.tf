variable "region" {
  type        = string
  description = "AWS region."
  default     = "eu-west-1"
  nullable    = false
}

variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = false
}

variable "subnets" {
  type = list(object({
    cidr = string
    az   = string
    tier = optional(string, "private")
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.subnets : can(cidrhost(s.cidr, 0))])
    error_message = "Every subnet needs a valid CIDR."
  }
}

variable "tags" {
  type    = map(string)
  default = {}
}
