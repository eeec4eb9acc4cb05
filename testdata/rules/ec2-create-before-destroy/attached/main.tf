resource "aws_instance" "signaling" { # expect: ec2-create-before-destroy
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}

resource "aws_eip" "signaling" {
  domain   = "vpc"
  instance = aws_instance.signaling.id
}

# A lifecycle block without create_before_destroy: the finding points at it.
resource "aws_instance" "turn" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"

  lifecycle { # expect: ec2-create-before-destroy
    ignore_changes = [ami]
  }
}

resource "aws_eip" "turn" {
  domain = "vpc"
}

resource "aws_eip_association" "turn" {
  instance_id   = aws_instance.turn.id
  allocation_id = aws_eip.turn.id
}

# Attached through the instance's primary network interface.
resource "aws_instance" "media" { # expect: ec2-create-before-destroy
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}

resource "aws_eip" "media" {
  domain            = "vpc"
  network_interface = aws_instance.media.primary_network_interface_id
}

# No EIP: not this rule's business.
resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}

# count: the EIP belongs to pool[0].
resource "aws_instance" "pool" { # expect: ec2-create-before-destroy
  count         = 2
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}

resource "aws_eip" "pool" {
  domain   = "vpc"
  instance = aws_instance.pool[0].id
}
