policy "rds-encryption" {
  severity          = "error"
  summary           = "RDS DB instances and clusters should encrypt their storage"
  tags              = ["security"]
  security_severity = "7.0"

  description = <<-EOT
    ## What fails

    An `aws_db_instance` or `aws_rds_cluster` whose `storage_encrypted` is
    not `true`: left out (the provider's default is `false` for DB instances
    and for provisioned clusters) or set to `false`.

    Not checked:

    - **read replicas** (`aws_db_instance` with `replicate_source_db`): a
      replica in the same region takes its source's encryption and
      `storage_encrypted` is ignored; a cross-region replica is encrypted
      with its `kms_key_id`. The source database is what this rule checks.
    - **Aurora Serverless v1** clusters (`engine_mode = "serverless"`): they
      are always encrypted.
    - **Aurora cluster members** (`aws_rds_cluster_instance`): they take the
      cluster's encryption; the `aws_rds_cluster` is checked. (An
      `aws_db_instance` has no `cluster_identifier` argument, so there is no
      cluster member to skip among DB instances.)

    A database restored from a snapshot (`snapshot_identifier`) is encrypted
    when the snapshot is, which tfguard cannot see; it is still asked to say
    `storage_encrypted = true`, which also keeps the intent in the code.

    A `storage_encrypted` (or `replicate_source_db`, `engine_mode`) known
    only at apply leaves the check undecided: no finding.

    ## Why

    Unencrypted RDS storage means unencrypted automated backups, snapshots
    and read replicas too, and a snapshot is one `ModifyDBSnapshotAttribute`
    call away from being shared with another account or made public;
    unencrypted snapshots left shareable are a recurring source of leaked
    customer databases. Most compliance regimes (PCI DSS, HIPAA, SOC 2,
    ISO 27001) expect encryption at rest, and encryption can only be chosen
    when the database is created: turning it on later means snapshot, copy
    the snapshot with encryption, restore, and cut over, with downtime. The
    cost of deciding at creation is nil (no performance penalty worth
    measuring, the `aws/rds` key is free).
  EOT

  bad_example = <<-EOT
    resource "aws_db_instance" "orders" {
      identifier                  = "orders"
      engine                      = "postgres"
      instance_class              = "db.t4g.medium"
      allocated_storage           = 50
      username                    = "orders"
      manage_master_user_password = true
    }
  EOT

  good_example = <<-EOT
    resource "aws_db_instance" "orders" {
      identifier                  = "orders"
      engine                      = "postgres"
      instance_class              = "db.t4g.medium"
      allocated_storage           = 50
      username                    = "orders"
      manage_master_user_password = true
      storage_encrypted           = true
      kms_key_id                  = aws_kms_key.rds.arn
    }
  EOT

  resource = ["aws_db_instance", "aws_rds_cluster"]

  # Read replicas take their source's encryption; Aurora Serverless v1 is
  # always encrypted. `x != null || references(...)` because a reference to
  # another database (aws_db_instance.primary.arn) is unknown until apply
  # but certainly set.
  when = !(
    instance.type == "aws_db_instance" &&
    (self.replicate_source_db != null || length(references(self.replicate_source_db, "aws_db_instance")) > 0)
  ) && !(instance.type == "aws_rds_cluster" && self.engine_mode == "serverless")

  locals {
    kind = instance.type == "aws_db_instance" ? "db instance" : "db cluster"
  }

  assert  = self.storage_encrypted == true
  at      = "storage_encrypted"
  message = "${local.kind} ${instance.address} does not encrypt its storage (storage_encrypted ${self.storage_encrypted == null ? "unset, default false" : "= ${self.storage_encrypted}"})"
  detail  = "Set storage_encrypted = true (and kms_key_id to a customer managed key if you need to control or share the key). Encryption can only be chosen at creation: for an existing database, take a snapshot, copy it with encryption, and restore from the copy."
}
