# Known only at apply: undecided, never a finding.
data "aws_ssm_parameter" "retention" {
  name = "/databases/retention-days"
}

resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  backup_retention_period = tonumber(data.aws_ssm_parameter.retention.value)
}
