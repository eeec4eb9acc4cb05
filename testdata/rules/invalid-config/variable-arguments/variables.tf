variable "region" {
  typ     = string # expect: invalid-config
  default = "eu-west-1"
}

variable "instance_type" {
  type    = string
  defualt = "t3.micro" # expect: invalid-config
}

variable "subnet_ids" {
  type = list(strin) # expect: invalid-config
}

# Pre-0.12 quoted type: a warning, read as list(any).
variable "azs" {
  type    = "list" # expect: invalid-config
  default = ["eu-west-1a", "eu-west-1b"]
}

variable "settings" {
  type = map(string, number) # expect: invalid-config
}

variable "db" {
  type = object({
    engine  = string
    version = optional(string, "16")
  })
}

variable "replicas" {
  type = optional(number) # expect: invalid-config
}
