region      = "eu-central-1"
name_prefix = "prod-eu"
