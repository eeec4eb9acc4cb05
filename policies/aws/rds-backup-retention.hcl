policy "rds-backup-retention" {
  severity = "warning"
  summary  = "Production RDS databases should keep automated backups for at least 7 days"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    In environments of tier `production`, an `aws_db_instance` or
    `aws_rds_cluster` whose `backup_retention_period` is below
    `min_backup_retention_days` (7 unless configured). `0` (automated
    backups disabled) fails.

    Left out, the value is what AWS applies when Terraform does not send one:

    - `aws_rds_cluster`: **1 day**, the provider's schema default
      (`Default: 1`; the RDS `CreateDBCluster` API default is 1 as well).
    - `aws_db_instance`: **1 day**. The provider declares the argument
      optional and computed, with no default, and sends it only when set;
      the RDS API (`CreateDBInstance`, "BackupRetentionPeriod ... Default:
      1") and the RDS User Guide ("If you create a DB instance using the
      Amazon RDS API or the AWS CLI and if you don't set the backup
      retention period, the default backup retention period is one day. If
      you create a DB instance using the console, the default ... is seven
      days") then give 1 day. The provider's documentation says "Default is
      `0`"; either way it is below any sensible minimum, so the finding is
      the same. A database restored from a snapshot or to a point in time
      inherits the source's retention when the argument is left out, which
      tfguard cannot see: it is still asked to state it.

    Not checked: read replicas (`aws_db_instance` with
    `replicate_source_db`; their source's backups are the recovery point,
    and AWS creates them with backups off), Aurora cluster members
    (`aws_rds_cluster_instance`; the cluster's retention applies), and
    environments of other tiers (development databases are rebuilt, not
    restored). A retention known only at apply leaves the check undecided.

    ## Why

    Automated backups are what point-in-time restore uses: with a retention
    of 1 day, a corruption found on Monday morning that started with
    Friday's deployment (a migration that dropped a column, a job that
    overwrote prices, an accidental `DELETE` without `WHERE`) can no longer
    be undone, because the last restorable state is Sunday's. Problems are
    routinely found days after they start, after a weekend or a release
    cycle; a week of retention covers that, and 14 to 35 days covers month
    end jobs. Retention costs only backup storage beyond the size of the
    database, usually cents per GB-month.
  EOT

  bad_example = <<-EOT
    resource "aws_rds_cluster" "billing" {
      cluster_identifier = "billing"
      engine             = "aurora-postgresql"
      master_username    = "billing"
      # backup_retention_period left out: 1 day
    }
  EOT

  good_example = <<-EOT
    resource "aws_rds_cluster" "billing" {
      cluster_identifier      = "billing"
      engine                  = "aurora-postgresql"
      master_username         = "billing"
      backup_retention_period = 14
      preferred_backup_window = "02:00-03:00"
    }
  EOT

  param "min_backup_retention_days" {
    default     = 7
    description = "the fewest days of automated backups accepted in production (RDS allows up to 35)"
  }

  resource = ["aws_db_instance", "aws_rds_cluster"]

  # Production only; read replicas rely on their source's backups.
  when = env.tier == "production" && !(
    instance.type == "aws_db_instance" &&
    (self.replicate_source_db != null || length(references(self.replicate_source_db, "aws_db_instance")) > 0)
  )

  locals {
    kind = instance.type == "aws_db_instance" ? "db instance" : "db cluster"
    # Left out: 1 day (see the description for the sources).
    days = self.backup_retention_period == null ? 1 : self.backup_retention_period
    kept = (
      self.backup_retention_period == null ? "keeps automated backups for 1 day (backup_retention_period unset: the RDS default)" :
      self.backup_retention_period == 0 ? "has automated backups disabled (backup_retention_period = 0)" :
      "keeps automated backups for ${self.backup_retention_period} day${self.backup_retention_period == 1 ? "" : "s"}"
    )
  }

  assert  = local.days >= param.min_backup_retention_days
  at      = "backup_retention_period"
  message = "${local.kind} ${instance.address} ${local.kept}; production needs at least ${param.min_backup_retention_days} days"
  detail  = "Set backup_retention_period = ${param.min_backup_retention_days} or more (up to 35) so that point-in-time restore reaches back past a weekend or a release cycle."
}
