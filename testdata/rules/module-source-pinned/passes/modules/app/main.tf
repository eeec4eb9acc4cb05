resource "aws_s3_bucket" "app" {
  bucket = "app"
}
