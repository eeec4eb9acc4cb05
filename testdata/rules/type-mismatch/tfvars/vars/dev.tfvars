replicas       = "2" # a numeric string converts to a number
enable_backups = "false"
subnets = [
  { cidr = "10.0.1.0/24", az = "eu-west-1a" },
]
