trusted_cidrs = ["10.20.0.0/16"]
