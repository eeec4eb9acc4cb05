# A root that is not clearly an environment is production.
resource "aws_db_instance" "customers" { # expect: rds-deletion-protection
  identifier          = "customers"
  engine              = "postgres"
  instance_class      = "db.r6g.large"
  allocated_storage   = 200
  skip_final_snapshot = true
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  deletion_protection = false # expect: rds-deletion-protection
}

resource "aws_db_instance" "billing" {
  identifier          = "billing"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  deletion_protection = true
}

# Deleting a read replica loses no data: not checked.
resource "aws_db_instance" "billing_replica" {
  identifier          = "billing-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = aws_db_instance.billing.identifier
}

resource "aws_rds_cluster" "catalog" {
  count               = 2
  cluster_identifier  = "catalog-${count.index}"
  engine              = "aurora-mysql"
  master_username     = "catalog"
  deletion_protection = count.index == 0 # expect: rds-deletion-protection
}

# Protection is set on the cluster, not on its members.
resource "aws_rds_cluster_instance" "catalog" {
  cluster_identifier = aws_rds_cluster.catalog[0].id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}
