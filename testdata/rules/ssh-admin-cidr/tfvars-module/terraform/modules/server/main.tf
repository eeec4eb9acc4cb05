variable "ssh_cidrs" {
  type = list(string)
}

variable "ports" {
  type = map(object({ port = number, protocol = string }))
  default = {
    ssh       = { port = 22, protocol = "tcp" }
    websocket = { port = 8080, protocol = "tcp" }
    stun      = { port = 3478, protocol = "udp" }
  }
}

resource "aws_security_group" "server" {
  name = "server"

  dynamic "ingress" {
    for_each = var.ports
    content {
      description = ingress.key
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = ingress.value.protocol
      cidr_blocks = ingress.key == "ssh" ? var.ssh_cidrs : ["0.0.0.0/0"] # expect: ssh-admin-cidr
    }
  }
}
