environment    = "dev"
retention_days = 7
