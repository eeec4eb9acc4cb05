# Every way an Elastic IP is attached: no finding.
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_eip" "direct" {
  domain   = "vpc"
  instance = aws_instance.web.id
}

resource "aws_eip" "associated" {
  domain = "vpc"
}

resource "aws_eip_association" "web" {
  instance_id   = aws_instance.web.id
  allocation_id = aws_eip.associated.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = "subnet-0123456789abcdef0"
}

resource "aws_eip" "exported" {
  domain = "vpc"
}

output "exported_allocation_id" {
  value = aws_eip.exported.allocation_id
}
