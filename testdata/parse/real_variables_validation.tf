variable "environment" {
  type        = string
  description = "Deployment environment (dev, staging or prod)."
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be one of: dev, staging, prod."
  }
}

variable "instance_count" {
  type    = number
  default = 2

  validation {
    condition     = var.instance_count >= 1 && var.instance_count <= 10 && floor(var.instance_count) == var.instance_count
    error_message = "Instance count must be an integer between 1 and 10."
  }
}

variable "cidr_block" {
  type = string

  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "Must be a valid IPv4 CIDR block, e.g. \"10.0.0.0/16\"."
  }

  validation {
    condition     = can(regex("^10\\.", var.cidr_block))
    error_message = "Only 10.0.0.0/8 ranges are allowed."
  }
}

variable "db_password" {
  type      = string
  sensitive = true
  nullable  = false
}

variable "service" {
  type = object({
    name     = string
    port     = optional(number, 8080)
    replicas = optional(number)
    tags     = optional(map(string), {})
    probes = optional(list(object({
      path     = string
      interval = optional(number, 30)
    })), [])
  })
}

variable "subnets" {
  type = map(object({
    cidr = string
    az   = string
  }))
  default = {}
}
