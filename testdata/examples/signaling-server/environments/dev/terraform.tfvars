instance_type = "t3.small"
ssh_cidrs     = ["0.0.0.0/0"]
