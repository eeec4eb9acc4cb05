resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
}

# The module allocates the EIP and exports its allocation id; the root associates it.
module "server" {
  source = "./modules/server"
}

resource "aws_eip_association" "server" {
  instance_id   = aws_instance.web.id
  allocation_id = module.server.allocation_id
}

module "reserved" {
  source = "./modules/reserved"
}
