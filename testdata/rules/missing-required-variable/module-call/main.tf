terraform {
  required_version = ">= 1.6"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

module "api" {
  source        = "./modules/service"
  name          = "api"
  vpc_id        = aws_vpc.main.id
  subnet_ids    = aws_subnet.private[*].id
  desired_count = 3
}

# subnet_ids was added to the module later; this call was not updated.
# The finding is at the module block's header.
module "worker" { # expect: missing-required-variable
  source = "./modules/service"
  name   = "worker"
  vpc_id = aws_vpc.main.id
}
