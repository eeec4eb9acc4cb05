resource "aws_s3_bucket" "b" {
  bucket = "logs-${var.env"
  tags = {
    Name = "logs"
  }
}
