resource "random_id" "suffix" {
  byte_length = 4
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

check "vpc_exists" {
  assert {
    condition     = aws_vpc.main.cidr_block == "10.0.0.0/16"
    error_message = "unexpected VPC CIDR"
  }
}

check "vpc_exists" { # expect: duplicate-declaration
  assert {
    condition     = aws_vpc.main.id != ""
    error_message = "no VPC"
  }
}
