resource "aws_instance" "web" {
  subnet_id = aws_subnet.main.
  ami       = "ami-123"
}
