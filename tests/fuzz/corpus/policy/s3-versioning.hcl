policy "s3-versioning" {
  severity = "warning"
  summary  = "S3 buckets should have versioning enabled"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    An `aws_s3_bucket` for which none of these holds:

    - an `aws_s3_bucket_versioning` in the same environment (any module)
      manages it and sets `versioning_configuration { status = "Enabled" }`.
      It manages the bucket when its `bucket` refers to that bucket
      (`aws_s3_bucket.x.id`, `aws_s3_bucket.x.bucket`, `each.value.id` of a
      `for_each` over the buckets, a module output that passes one of these
      through; instance keys must match), or, when it refers to no bucket
      at all, when it names the same literal bucket name as the bucket's
      `bucket` argument;
    - the bucket has the legacy `versioning { enabled = true }` block
      (deprecated since AWS provider v4, still honoured);
    - the bucket is created with S3 Object Lock (`object_lock_enabled =
      true`, or the legacy `object_lock_configuration { object_lock_enabled
      = "Enabled" }`): S3 turns versioning on for such buckets and it cannot
      be suspended.

    `status = "Suspended"` (or `"Disabled"`) fails. A status, a bucket name
    or a `bucket` reference known only at apply, when it decides the
    outcome, leaves the check undecided. A versioning resource in another
    root module or state is not visible: suppress the finding there, with
    the reason.

    ## Why

    Without versioning an object that is overwritten or deleted is gone: a
    deploy script that syncs with `--delete` from the wrong directory, an
    application bug that writes empty files over good ones, a lifecycle
    rule with the wrong prefix, or ransomware using leaked credentials to
    overwrite every object with an encrypted copy. With versioning the
    previous versions stay restorable (and with MFA delete or Object Lock
    they cannot be purged by the same credentials). Versioning is also
    required for replication. Keep the cost in check with a lifecycle rule
    that expires noncurrent versions after 30 to 90 days.
  EOT

  bad_example = <<-EOT
    resource "aws_s3_bucket" "uploads" {
      bucket = "acme-prod-uploads"
    }
  EOT

  good_example = <<-EOT
    resource "aws_s3_bucket" "uploads" {
      bucket = "acme-prod-uploads"
    }

    resource "aws_s3_bucket_versioning" "uploads" {
      bucket = aws_s3_bucket.uploads.id
      versioning_configuration {
        status = "Enabled"
      }
    }
  EOT

  resource = "aws_s3_bucket"

  locals {
    # The aws_s3_bucket_versioning resources that manage this bucket.
    # By reference when its bucket refers to a bucket, else by literal name.
    configs = [
      for v in resources("aws_s3_bucket_versioning") : v
      if (
        length(references(v.bucket, "aws_s3_bucket")) > 0
        ? refers_to(v.bucket, self)
        : self.bucket != null && v.bucket == self.bucket
      )
    ]
    statuses     = [for v in local.configs : try(v.versioning_configuration[0].status, null)]
    legacy_block = try(length(self.versioning) > 0, false)
    legacy       = try(self.versioning[0].enabled, false) == true
    object_lock  = self.object_lock_enabled == true || try(self.object_lock_configuration[0].object_lock_enabled, null) == "Enabled"
  }

  assert = local.legacy || local.object_lock || anytrue([for s in local.statuses : s == "Enabled"])
  # The versioning resource when there is one, else the legacy block, else the bucket.
  at = concat(local.configs, ["versioning[0].enabled"])[0]
  message = (length(local.configs) > 0 ?
    "bucket ${instance.address} has no versioning: ${address(local.configs[0])} sets status \"${coalesce(local.statuses[0], "unset")}\"" :
    local.legacy_block ? "bucket ${instance.address} has versioning disabled (versioning.enabled = false)" :
    "bucket ${instance.address} has no versioning"
  )
  detail = "Add an aws_s3_bucket_versioning with bucket = aws_s3_bucket.NAME.id and versioning_configuration { status = \"Enabled\" }, and a lifecycle rule that expires noncurrent versions after a few weeks to bound the cost."
}
