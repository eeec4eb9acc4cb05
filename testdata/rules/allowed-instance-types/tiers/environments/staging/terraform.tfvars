# staging has no key of its own: "default" applies
instance_type = "t3.large"
worker_type   = "t3.medium"
