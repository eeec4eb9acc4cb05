region = "eu-west-1"
owner  = "team-a"
