instance_type = "t3.small"
# Anyone may SSH into dev boxes while we test.
ssh_cidrs      = ["0.0.0.0/0"]
restart_policy = "no"
