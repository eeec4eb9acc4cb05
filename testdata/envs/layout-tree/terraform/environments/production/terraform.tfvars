instance_type = "t3.medium"
ssh_cidrs     = ["198.51.100.0/24"]
region        = "us-east-1"
