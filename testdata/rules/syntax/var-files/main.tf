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

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = var.instance_type
  tags          = var.tags
  user_data     = templatefile("${path.module}/templates/init.sh.tftpl", { tags = var.tags })
}
