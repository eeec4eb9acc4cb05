resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
}

resource "aws_network_interface" "web" {
  subnet_id = "subnet-0123456789abcdef0"
}

resource "aws_eip" "lonely" { # expect: eip-attached
  domain = "vpc"
}

resource "aws_eip" "direct" {
  domain   = "vpc"
  instance = aws_instance.web.id
}

resource "aws_eip" "eni" {
  domain            = "vpc"
  network_interface = aws_network_interface.web.id
}

variable "attach" {
  type    = bool
  default = false
}

resource "aws_eip" "maybe" { # expect: eip-attached
  domain   = "vpc"
  instance = var.attach ? aws_instance.web.id : null
}

# The seed's set-up: an EIP and a separate association.
resource "aws_eip" "signaling" {
  domain = "vpc"
}

resource "aws_eip_association" "signaling" {
  instance_id   = aws_instance.web.id
  allocation_id = aws_eip.signaling.id
}

resource "aws_eip" "by_public_ip" {
}

resource "aws_eip_association" "by_public_ip" {
  instance_id = aws_instance.web.id
  public_ip   = aws_eip.by_public_ip.public_ip
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = "subnet-0123456789abcdef0"
}

resource "aws_eip" "nlb" {
  domain = "vpc"
}

resource "aws_lb" "nlb" {
  load_balancer_type = "network"
  subnet_mapping {
    subnet_id     = "subnet-0123456789abcdef0"
    allocation_id = aws_eip.nlb.id
  }
}

# Two EIPs, only the first associated: pair[1] fails (same header line).
resource "aws_eip" "pair" { # expect: eip-attached
  count  = 2
  domain = "vpc"
}

resource "aws_eip_association" "pair" {
  count         = 1
  instance_id   = aws_instance.web.id
  allocation_id = aws_eip.pair[count.index].id
}

# count = 0: no EIP in this environment.
resource "aws_eip" "disabled" {
  count  = 0
  domain = "vpc"
}

# tfguard:ignore eip-attached reserved for the partner allow-list, attached by hand
resource "aws_eip" "reserved" {
  domain = "vpc"
}
