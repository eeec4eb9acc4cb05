resource "aws_db_instance" "orders" { # expect: rds-encryption
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}

resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "mysql"
  instance_class    = "db.t4g.small"
  allocated_storage = 20
  storage_encrypted = false # expect: rds-encryption
}

resource "aws_db_instance" "billing" {
  identifier        = "billing"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}

resource "aws_kms_key" "rds" {
  description = "RDS storage"
}

# Read replicas take their source's encryption: not checked.
resource "aws_db_instance" "billing_replica" {
  identifier          = "billing-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = aws_db_instance.billing.identifier
}

resource "aws_db_instance" "billing_replica_arn" {
  identifier          = "billing-replica-2"
  instance_class      = "db.t4g.medium"
  replicate_source_db = aws_db_instance.billing.arn
}

# count: every instance unencrypted, one finding per instance on one line.
resource "aws_db_instance" "shard" {
  count             = 2
  identifier        = "shard-${count.index}"
  engine            = "postgres"
  instance_class    = "db.t4g.small"
  allocated_storage = 20
  storage_encrypted = count.index > 5 # expect: rds-encryption
}

# Aurora Serverless v1 is always encrypted.
resource "aws_rds_cluster" "serverless" {
  cluster_identifier = "analytics"
  engine             = "aurora-postgresql"
  engine_mode        = "serverless"
  master_username    = "analytics"
}

resource "aws_rds_cluster" "catalog" { # expect: rds-encryption
  cluster_identifier = "catalog"
  engine             = "aurora-mysql"
  master_username    = "catalog"
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier = "ledger"
  engine             = "aurora-postgresql"
  master_username    = "ledger"
  storage_encrypted  = true
}

# Cluster members take the cluster's encryption: not checked.
resource "aws_rds_cluster_instance" "catalog" {
  cluster_identifier = aws_rds_cluster.catalog.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}
