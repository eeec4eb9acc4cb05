backup_days = 1
