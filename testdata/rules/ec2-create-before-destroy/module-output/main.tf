# The instance lives in a module, the EIP in the root: attached through the
# module's output.
module "server" {
  source = "./modules/server"
}

resource "aws_eip" "server" {
  domain = "vpc"
}

resource "aws_eip_association" "server" {
  instance_id   = module.server.instance_id
  allocation_id = aws_eip.server.id
}
