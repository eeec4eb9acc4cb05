variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
  tags       = var.tags # expect: required-tags
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
  tags       = merge(var.tags, { Tier = "private" }) # expect: required-tags
}
