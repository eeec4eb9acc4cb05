# min_backup_retention_days = 14 (.tfguard.hcl)
resource "aws_rds_cluster" "billing" {
  cluster_identifier      = "billing"
  engine                  = "aurora-postgresql"
  master_username         = "billing"
  backup_retention_period = 7 # expect: rds-backup-retention
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier      = "ledger"
  engine                  = "aurora-postgresql"
  master_username         = "ledger"
  backup_retention_period = 14
}
