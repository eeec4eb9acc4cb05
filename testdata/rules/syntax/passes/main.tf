# Everything here is valid HCL, including the constructs that look wrong:
# heredocs, template directives, nested interpolation, and comments of all
# three kinds.
terraform {
  required_version = ">= 1.6"
  backend "s3" {}
}

variable "instance_type" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  name  = "web-${lower(lookup(var.tags, "Team", "shared"))}"
  ports = [80, 443,] # a trailing comma is fine in HCL
  rules = { for p in local.ports : "port-${p}" => { from = p, to = p } }
  /* a block
     comment */
  greeting = <<-EOT
    Hello from ${local.name}
    %{~ for k, v in var.tags ~}
    ${k} = "${v}" // not a comment: heredoc text
    %{~ endfor ~}
  EOT
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = var.instance_type
  tags          = merge(var.tags, { Name = local.name })
  user_data     = templatefile("${path.module}/templates/init.sh.tftpl", { tags = var.tags, greeting = local.greeting })
}
