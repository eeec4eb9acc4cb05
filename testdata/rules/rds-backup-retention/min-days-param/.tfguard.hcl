rule "rds-backup-retention" {
  min_backup_retention_days = 14
}
