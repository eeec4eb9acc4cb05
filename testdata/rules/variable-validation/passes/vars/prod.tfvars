environment    = "prod"
retention_days = 365
region         = "eu-central-1"
