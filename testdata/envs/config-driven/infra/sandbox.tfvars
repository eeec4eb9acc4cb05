region        = "eu-west-1"
name_prefix   = "sandbox"
bastion_ami   = "ami-0aa7d40eeae50c9a9"
bastion_cidrs = ["0.0.0.0/0"]
