variable "deptype" {
  type        = string
  description = "stage or prod"

  validation {
    condition     = contains(["stage", "prod"], var.deptype)
    error_message = "deptype must be stage or prod."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "instance_type" {
  type    = string
  default = "t3.medium"
}

variable "public_key" {
  type = string
}

variable "allowed_ssh_cidrs" {
  type = list(string)
}

variable "dashboard_port" {
  type    = number
  default = 443
}
