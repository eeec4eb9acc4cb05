# copied from production's sizing notes: fails in development
instance_type = "m5.4xlarge"
worker_type   = "t4g.small"
