variable "ami_id" {
  type = string
}

resource "aws_instance" "web" {
  ami           = var.ami_id # expect: ami-literal
  instance_type = "t3.micro"
}
