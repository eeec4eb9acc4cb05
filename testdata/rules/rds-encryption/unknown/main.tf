# Values known only at apply: undecided, never a finding.
data "aws_ssm_parameter" "encrypt" {
  name = "/databases/encrypt"
}

data "aws_ssm_parameter" "mode" {
  name = "/databases/engine-mode"
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_encrypted = data.aws_ssm_parameter.encrypt.value == "true"
}

# engine_mode unknown: it might be serverless v1, which is always encrypted.
resource "aws_rds_cluster" "catalog" {
  cluster_identifier = "catalog"
  engine             = "aurora-mysql"
  engine_mode        = data.aws_ssm_parameter.mode.value
  master_username    = "catalog"
}
