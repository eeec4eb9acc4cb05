resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "mysql"
  instance_class      = "db.t4g.small"
  allocated_storage   = 20
  publicly_accessible = true # expect: rds-public
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  publicly_accessible = false
}

# Left out: false.
resource "aws_db_instance" "billing" {
  identifier        = "billing"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}

resource "aws_rds_cluster" "catalog" {
  cluster_identifier = "catalog"
  engine             = "aurora-mysql"
  master_username    = "catalog"
}

resource "aws_rds_cluster_instance" "catalog" {
  count               = 2
  identifier          = "catalog-${count.index}"
  cluster_identifier  = aws_rds_cluster.catalog.id
  instance_class      = "db.r6g.large"
  engine              = "aurora-mysql"
  publicly_accessible = count.index == 1 # expect: rds-public
}

# A Multi-AZ DB cluster (not Aurora) has the argument on the cluster.
resource "aws_rds_cluster" "events" {
  cluster_identifier        = "events"
  engine                    = "postgres"
  db_cluster_instance_class = "db.r6gd.large"
  storage_type              = "io1"
  allocated_storage         = 100
  iops                      = 1000
  master_username           = "events"
  publicly_accessible       = true # expect: rds-public
}
