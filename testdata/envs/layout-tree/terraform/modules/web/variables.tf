variable "environment" {
  type        = string
  description = "Deployment name, used in resource names"
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

variable "ssh_cidrs" {
  type        = list(string)
  description = "Networks allowed to reach port 22"
}

variable "image" {
  type    = string
  default = "ghcr.io/example/web:2.3.1"
}

variable "restart_policy" {
  type        = string
  default     = "unless-stopped"
  description = "docker run --restart value"
}

variable "allocate_eip" {
  type    = bool
  default = true
}
