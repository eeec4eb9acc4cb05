variable "ami" {
  type = string
}

variable "env" {
  type = string
}

variable "ports" {
  type = list(number)
}

resource "aws_security_group" "web" {
  name = "web-${var.env}"
}

resource "aws_instance" "web" {
  ami                    = "${var.ami}" # expect: deprecated-interpolation
  instance_type          = "t3.micro"
  vpc_security_group_ids = ["${aws_security_group.web.id}"] # expect: deprecated-interpolation
  user_data              = base64encode("${local.script}") # expect: deprecated-interpolation

  tags = {
    Name  = "${local.name}" # expect: deprecated-interpolation
    Env   = "env-${var.env}"
    Ports = "${join(",", var.ports)}" # expect: deprecated-interpolation
  }

  dynamic "ebs_block_device" {
    for_each = "${var.ports}" # expect: deprecated-interpolation
    content {
      device_name = "/dev/sd${ebs_block_device.key}"
    }
  }
}

locals {
  name   = "${upper(var.env)}" # expect: deprecated-interpolation
  script = <<-EOT
    #!/bin/sh
    echo ${var.env}
  EOT
  pick   = var.env == "prod" ? "${var.ami}" : "ami-0123456789abcdef0" # expect: deprecated-interpolation
}

output "ami" {
  value = "${var.ami}" # expect: deprecated-interpolation
}
