rule "allowed-instance-types" {
  allowed_instance_types = {
    development = ["t3.micro", "t3.small", "t4g.*"]
    production  = ["m6i.*", "c6i.large"]
    default     = ["t3.*"]
  }
}
