policy "dynamodb-pitr" {
  severity = "warning"
  summary  = "DynamoDB tables should have point-in-time recovery"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    An `aws_dynamodb_table` without `point_in_time_recovery { enabled = true
    }`: no such block (point-in-time recovery is off by default), or
    `enabled = false`. A value known only at apply leaves the check
    undecided.

    Not checked: the `point_in_time_recovery` flag of `replica` blocks
    (global table replicas in other regions have their own setting). Backup
    plans of AWS Backup are not taken into account: they take snapshots at
    intervals, not a continuous history; if one is all a table needs,
    suppress the finding with that reason.

    ## Why

    DynamoDB has no undo. A deploy whose migration script writes the wrong
    attribute to every item, a batch job run against production instead of
    staging, or a bug that deletes items by the wrong key cannot be reversed
    without a backup taken just before it. Point-in-time recovery restores
    the table to any second of the last 35 days (or a shorter
    `recovery_period_in_days`), and when a table with PITR is deleted,
    DynamoDB keeps a system backup of it for 35 days. On-demand backups only
    help if someone happened to take one at the right moment. PITR costs a
    fraction of the table's storage price and has no performance impact.
  EOT

  bad_example = <<-EOT
    resource "aws_dynamodb_table" "orders" {
      name         = "orders"
      billing_mode = "PAY_PER_REQUEST"
      hash_key     = "order_id"

      attribute {
        name = "order_id"
        type = "S"
      }
    }
  EOT

  good_example = <<-EOT
    resource "aws_dynamodb_table" "orders" {
      name         = "orders"
      billing_mode = "PAY_PER_REQUEST"
      hash_key     = "order_id"

      attribute {
        name = "order_id"
        type = "S"
      }

      point_in_time_recovery {
        enabled = true
      }
    }
  EOT

  resource = "aws_dynamodb_table"

  locals {
    enabled = try(self.point_in_time_recovery[0].enabled, null)
  }

  assert  = local.enabled == true
  at      = "point_in_time_recovery[0].enabled"
  message = "table ${instance.address} has no point-in-time recovery (${local.enabled == null ? "no point_in_time_recovery block" : "point_in_time_recovery.enabled = ${local.enabled}"})"
  detail  = "Add point_in_time_recovery { enabled = true } to the table."
}
