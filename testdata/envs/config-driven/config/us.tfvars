region      = "us-east-2"
name_prefix = "prod-us"
bastion_ami = "ami-05fb0b8c1424f266b"
