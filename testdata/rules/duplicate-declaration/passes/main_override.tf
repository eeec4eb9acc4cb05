# An override file merges into the declarations of main.tf, as Terraform
# merges it: not a duplicate.
variable "name" {
  default = "static-assets"
}

resource "aws_s3_bucket" "this" {
  force_destroy = false
}
