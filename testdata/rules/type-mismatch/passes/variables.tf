variable "replicas" {
  type = number
}

variable "subnets" {
  type = list(object({
    cidr = string
    az   = string
    tier = optional(string, "private")
  }))
}

variable "enable_backups" {
  type    = bool
  default = true
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "admin_cidrs" {
  type = set(string)
}

variable "kms_key_id" {
  type    = string
  default = null
}

variable "settings" {
  type = any
}
