# Copied from dev.
backup_days = 1
