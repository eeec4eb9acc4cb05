variable "region" {
  type    = string
  default = "us-east-1"
  description = "AWS region"
  default = "eu-west-1"
}
