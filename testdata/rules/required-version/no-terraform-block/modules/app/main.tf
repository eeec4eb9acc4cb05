# A child module runs under its root's Terraform: not reported.
resource "aws_s3_bucket" "app" {
  bucket = "app"
}
