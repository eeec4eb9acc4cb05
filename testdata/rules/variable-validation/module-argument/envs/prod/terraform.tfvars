retention_days = 60 # expect: variable-validation
