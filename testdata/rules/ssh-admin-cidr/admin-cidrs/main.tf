# admin_cidrs = ["198.51.100.0/24", "2001:db8:1234::/48"] (.tfguard.hcl)
resource "aws_security_group" "server" {
  ingress {
    description = "inside the admin range"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/25", "198.51.100.7/32"]
  }

  ingress {
    description = "wider than the admin range"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.0.0/16"] # expect: ssh-admin-cidr
  }

  ingress {
    description      = "IPv6 inside the admin /48"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["2001:db8:1234:5::/64"]
  }

  ingress {
    description      = "IPv6 outside: the /32 around it"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["2001:db8::/32"] # expect: ssh-admin-cidr
  }

  ingress {
    description = "a private network is not an admin network"
    from_port   = 20
    to_port     = 30
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"] # expect: ssh-admin-cidr
  }

  ingress {
    description = "websocket: not ssh"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.server.id
  ip_protocol       = "6"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "203.0.113.0/24" # expect: ssh-admin-cidr
}

resource "aws_vpc_security_group_ingress_rule" "ssh_admin" {
  security_group_id = aws_security_group.server.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "198.51.100.0/24"
}
