# Every value converts to its variable's type, as Terraform converts it.
replicas       = "3"
enable_backups = "true"
subnets = [
  { cidr = "10.0.1.0/24", az = "eu-west-1a" },
  { cidr = "10.0.2.0/24", az = "eu-west-1b", tier = "public" },
]
tags = {
  Team       = "platform"
  CostCenter = 4711
  Critical   = true
}
kms_key_id = null
settings = {
  volume_size = 50
  encrypted   = true
}
