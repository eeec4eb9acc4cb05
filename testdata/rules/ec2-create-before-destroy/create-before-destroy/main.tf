resource "aws_instance" "signaling" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_eip" "signaling" {
  domain   = "vpc"
  instance = aws_instance.signaling.id
}

# Two instances, one EIP, for pool[1].
resource "aws_instance" "pool" {
  count         = 2
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_eip" "pool" {
  domain = "vpc"
}

resource "aws_eip_association" "pool" {
  instance_id   = aws_instance.pool[1].id
  allocation_id = aws_eip.pool.id
}

resource "aws_eip" "unattached" {
  domain = "vpc"
}

# No EIP refers to these: no finding without lifecycle.
resource "aws_instance" "workers" {
  for_each      = toset(["a", "b"])
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}
