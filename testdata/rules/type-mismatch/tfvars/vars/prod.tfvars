replicas = "three" # expect: type-mismatch

# A multi-line value: the finding is at the line where the value starts.
subnets = [ # expect: type-mismatch
  { cidr = "10.0.1.0/24", az = "eu-west-1a" },
  { cidr = "10.0.2.0/24" },
]

enable_backups = "yes" # expect: type-mismatch

# Values of a map(string) must be strings; a nested object does not convert.
tags = { # expect: type-mismatch
  Team  = "platform"
  Owner = { name = "ops" }
}
