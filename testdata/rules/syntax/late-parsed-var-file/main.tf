# A syntax error in a tfvars file is found while its environment is
# evaluated (the file is parsed then), and reported like one in a .tf file.
terraform {
  required_version = ">= 1.6"
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
}
