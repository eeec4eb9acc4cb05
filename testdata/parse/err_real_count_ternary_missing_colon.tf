resource "aws_instance" "web" {
  count = var.create ? 1
  ami   = "ami-123"
}
