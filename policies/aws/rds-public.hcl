policy "rds-public" {
  severity          = "error"
  summary           = "RDS databases should not be publicly accessible"
  tags              = ["security"]
  security_severity = "8.0"

  description = <<-EOT
    ## What fails

    `publicly_accessible = true` on an `aws_db_instance`, an
    `aws_rds_cluster_instance` (an Aurora cluster member) or an
    `aws_rds_cluster` (where the argument exists for Multi-AZ DB clusters).

    Left out, it passes. The provider documents `false` as the default, but
    where it does not send the argument, RDS decides by the subnet group: a
    database created without `db_subnet_group_name` in a default VPC (or
    with the subnet group named `default`) is public
    (hashicorp/terraform-provider-aws#46118). tfguard cannot see the VPC,
    so it does not guess; write `publicly_accessible = false` and a
    private `db_subnet_group_name` to be sure.

    A value known only at apply (from a data source, say) leaves the check
    undecided: no finding. A value set per environment through a module
    variable is checked in each environment with that environment's value.

    ## Why

    A publicly accessible database gets a public IP address and its endpoint
    resolves to it from anywhere; all that stands between the database and
    the internet is then its security groups and the subnet's route to an
    internet gateway. One over-broad rule (a `0.0.0.0/0` added "for a quick
    test") exposes the engine's login to the internet, where scanners find
    open 3306/5432/1433 ports within minutes and brute-force passwords or
    exploit engine vulnerabilities. Applications reach a database from
    inside the VPC; people reach it through a bastion, SSM port forwarding
    or a VPN, none of which needs a public address.
  EOT

  bad_example = <<-EOT
    resource "aws_db_instance" "reporting" {
      identifier          = "reporting"
      engine              = "mysql"
      instance_class      = "db.t4g.small"
      allocated_storage   = 20
      publicly_accessible = true
    }
  EOT

  good_example = <<-EOT
    resource "aws_db_instance" "reporting" {
      identifier             = "reporting"
      engine                 = "mysql"
      instance_class         = "db.t4g.small"
      allocated_storage      = 20
      publicly_accessible    = false
      db_subnet_group_name   = aws_db_subnet_group.private.name
      vpc_security_group_ids = [aws_security_group.reporting_db.id]
    }
  EOT

  resource = ["aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"]

  assert  = self.publicly_accessible != true
  at      = "publicly_accessible"
  message = "${instance.type == "aws_rds_cluster" ? "db cluster" : "db instance"} ${instance.address} is publicly accessible (publicly_accessible = true)"
  detail  = "Set publicly_accessible = false and place the database in private subnets (db_subnet_group_name). Reach it from people's machines through a bastion host, SSM port forwarding or a VPN."
}
