environment    = "dev"
instance_count = 1
log_level      = "debug"
