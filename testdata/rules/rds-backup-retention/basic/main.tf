# A root that is not clearly an environment is production.
resource "aws_db_instance" "orders" { # expect: rds-backup-retention
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}

resource "aws_db_instance" "reporting" {
  identifier              = "reporting"
  engine                  = "mysql"
  instance_class          = "db.t4g.small"
  allocated_storage       = 20
  backup_retention_period = 3 # expect: rds-backup-retention
}

resource "aws_db_instance" "scratch" {
  identifier              = "scratch"
  engine                  = "mysql"
  instance_class          = "db.t4g.small"
  allocated_storage       = 20
  backup_retention_period = 0 # expect: rds-backup-retention
}

resource "aws_db_instance" "billing" {
  identifier              = "billing"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  backup_retention_period = 7
}

# A read replica relies on its source's backups: not checked.
resource "aws_db_instance" "billing_replica" {
  identifier          = "billing-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = aws_db_instance.billing.arn
}

resource "aws_rds_cluster" "catalog" { # expect: rds-backup-retention
  cluster_identifier = "catalog"
  engine             = "aurora-mysql"
  master_username    = "catalog"
}

resource "aws_rds_cluster" "ledger" {
  for_each                = { eu = 14, us = 35 }
  cluster_identifier      = "ledger-${each.key}"
  engine                  = "aurora-postgresql"
  master_username         = "ledger"
  backup_retention_period = each.value
}
