backup_days = 3
