ami_id = "ami-0c55b159cbfafe1f0"
