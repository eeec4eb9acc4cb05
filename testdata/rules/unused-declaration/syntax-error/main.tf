# A file with a syntax error may have lost the references that use a
# declaration: the module is not judged, even for a variable nothing reads.
variable "not_judged" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags = {
