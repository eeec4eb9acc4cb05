variable "restart_policy" {
  type    = string
  default = "unless-stopped"
}

variable "image" {
  type = string
}

resource "aws_instance" "signaling" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  user_data = templatefile("${path.module}/user-data.sh.tftpl", { # expect: user-data-restart-policy
    image          = var.image
    restart_policy = var.restart_policy
    region         = "us-west-1"
  })
}

resource "aws_instance" "signaling_default" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  user_data = templatefile("${path.module}/user-data.sh.tftpl", {
    image          = var.image
    restart_policy = "always"
    region         = "us-west-1"
  })
}
