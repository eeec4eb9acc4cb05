variable "region" { # expect: variable-type
  default = "eu-west-1"
}

variable "instance_count" { # expect: variable-type
  default = 2
}

variable "enabled" { # expect: variable-type
  default = true
}

variable "subnets" { # expect: variable-type
  default = ["subnet-0123456789abcdef0"]
}

variable "required" { # expect: variable-type
  description = "no type and no default"
}

variable "typed" {
  type    = string
  default = "x"
}
