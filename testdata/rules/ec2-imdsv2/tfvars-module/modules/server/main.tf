variable "http_tokens" {
  type    = string
  default = "optional"
}

resource "aws_instance" "server" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"

  metadata_options {
    http_tokens = var.http_tokens # expect: ec2-imdsv2
  }
}
