# The nested block's closing brace closes the resource: the resource's own
# brace is never closed, and the error is reported at the opening brace.
resource "aws_instance" "web" { # expect: syntax
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
}
