policy "s3-public-access-block" {
  severity          = "warning"
  summary           = "S3 buckets should have a public access block that blocks all four kinds of public access"
  tags              = ["security"]
  security_severity = "6.5"

  description = <<-EOT
    ## What fails

    An `aws_s3_bucket` for which one of the four settings
    `block_public_acls`, `block_public_policy`, `ignore_public_acls` and
    `restrict_public_buckets` is not `true` in any public access block that
    covers it. A block covers the bucket when it is

    - an `aws_s3_bucket_public_access_block` in the same environment (any
      module) whose `bucket` refers to the bucket (`aws_s3_bucket.x.id`,
      `.bucket`, `each.value.id`, through module outputs; instance keys must
      match) or, when it refers to no bucket, names the same literal bucket
      name; or
    - an `aws_s3_account_public_access_block` in the same environment: S3
      applies the most restrictive combination of the account's and the
      bucket's settings, so each setting counts when either sets it.

    Each of the four settings defaults to `false` when left out. The message
    names the settings that are missing. A setting or a `bucket` known only
    at apply, when it decides the outcome, leaves the check undecided. An
    account-level block managed in another root module or account baseline
    stack is not visible: disable the rule in `.tfguard.hcl` for such
    repositories (`rule "s3-public-access-block" { enabled = false }`).

    ## Why

    Misconfigured public buckets are behind many of the largest cloud data
    leaks: voter rolls, credit reports, medical records and whole customer
    databases have been read from buckets whose ACL or policy allowed
    "everyone" by mistake. A public access block is the guard rail that
    overrides such mistakes: `block_public_acls` and `block_public_policy`
    reject new public grants, `ignore_public_acls` and
    `restrict_public_buckets` neutralise existing ones. Since April 2023 S3
    turns the block on for new buckets, but not for older ones, and without
    a resource in Terraform nothing puts it back when someone switches it
    off in the console to "quickly share a file".
  EOT

  bad_example = <<-EOT
    resource "aws_s3_bucket" "exports" {
      bucket = "acme-prod-exports"
    }

    resource "aws_s3_bucket_public_access_block" "exports" {
      bucket            = aws_s3_bucket.exports.id
      block_public_acls = true
    }
  EOT

  good_example = <<-EOT
    resource "aws_s3_bucket" "exports" {
      bucket = "acme-prod-exports"
    }

    resource "aws_s3_bucket_public_access_block" "exports" {
      bucket                  = aws_s3_bucket.exports.id
      block_public_acls       = true
      block_public_policy     = true
      ignore_public_acls      = true
      restrict_public_buckets = true
    }
  EOT

  resource = "aws_s3_bucket"

  locals {
    settings = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
    # The bucket-level blocks of this bucket: by reference when their bucket
    # refers to a bucket, else by literal name.
    blocks = [
      for b in resources("aws_s3_bucket_public_access_block") : b
      if (
        length(references(b.bucket, "aws_s3_bucket")) > 0
        ? refers_to(b.bucket, self)
        : self.bucket != null && b.bucket == self.bucket
      )
    ]
    covering = concat(local.blocks, resources("aws_s3_account_public_access_block"))
    missing = [
      for s in local.settings : s
      if !anytrue([for b in local.covering : lookup(b, s, null) == true])
    ]
  }

  assert = length(local.missing) == 0
  # The bucket's own public access block when it has one, else the bucket.
  at = concat(local.blocks, [null])[0]
  message = (length(local.covering) == 0 ?
    "bucket ${instance.address} has no public access block" :
    "bucket ${instance.address} has no public access block that sets ${join(", ", local.missing)} to true"
  )
  detail = "Add an aws_s3_bucket_public_access_block with bucket = aws_s3_bucket.NAME.id and block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all set to true (or one aws_s3_account_public_access_block for the whole account). Serve public content through CloudFront with origin access control instead of a public bucket."
}
