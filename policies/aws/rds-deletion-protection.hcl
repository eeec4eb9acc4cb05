policy "rds-deletion-protection" {
  severity = "warning"
  summary  = "Production RDS databases should have deletion protection"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    In environments of tier `production`, an `aws_db_instance` or
    `aws_rds_cluster` whose `deletion_protection` is not `true`: left out
    (the default is `false`) or set to `false`.

    Not checked: read replicas (`aws_db_instance` with
    `replicate_source_db`; deleting one loses no data), Aurora cluster
    members (`aws_rds_cluster_instance`; protection is set on the cluster),
    and environments of other tiers, where databases are meant to come and
    go. A value known only at apply leaves the check undecided.

    ## Why

    Terraform deletes a database whenever the plan says so: a `terraform
    destroy` run in the wrong directory or workspace, a module refactor
    without a `moved` block, or a change to an argument that forces
    replacement (`identifier`, `engine`, `kms_key_id`, `snapshot_identifier`)
    shows up as one line among many in a plan that gets approved. With
    `skip_final_snapshot = true` (common, because the final snapshot name
    must be unique) and `delete_automated_backups = true` (the default), the
    data and its backups are gone at once. Deletion protection makes the
    API refuse: the apply fails, someone reads why, and the database
    survives. Turning it off on purpose is a one-line change that reviews
    will notice.
  EOT

  bad_example = <<-EOT
    resource "aws_db_instance" "customers" {
      identifier          = "customers"
      engine              = "postgres"
      instance_class      = "db.r6g.large"
      allocated_storage   = 200
      skip_final_snapshot = true
    }
  EOT

  good_example = <<-EOT
    resource "aws_db_instance" "customers" {
      identifier                = "customers"
      engine                    = "postgres"
      instance_class            = "db.r6g.large"
      allocated_storage         = 200
      deletion_protection       = true
      final_snapshot_identifier = "customers-final"
    }
  EOT

  resource = ["aws_db_instance", "aws_rds_cluster"]

  when = env.tier == "production" && !(
    instance.type == "aws_db_instance" &&
    (self.replicate_source_db != null || length(references(self.replicate_source_db, "aws_db_instance")) > 0)
  )

  assert  = self.deletion_protection == true
  at      = "deletion_protection"
  message = "${instance.type == "aws_db_instance" ? "db instance" : "db cluster"} ${instance.address} has no deletion protection (deletion_protection ${self.deletion_protection == null ? "unset, default false" : "= ${self.deletion_protection}"})"
  detail  = "Set deletion_protection = true on production databases; a deliberate deletion then takes an explicit change to false first."
}
