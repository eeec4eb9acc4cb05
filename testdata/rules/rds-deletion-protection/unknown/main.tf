# Known only at apply: undecided, never a finding.
variable "protect" {
  type = bool
}

resource "aws_rds_cluster" "catalog" {
  cluster_identifier  = "catalog"
  engine              = "aurora-mysql"
  master_username     = "catalog"
  deletion_protection = var.protect
}
