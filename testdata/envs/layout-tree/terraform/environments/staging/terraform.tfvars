instance_type = "t3.small"
ssh_cidrs     = ["10.20.0.0/16"]
