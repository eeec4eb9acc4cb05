policy "s3-public-acl" {
  severity          = "error"
  summary           = "S3 bucket ACLs should not grant access to everyone or to every AWS account"
  tags              = ["security"]
  security_severity = "8.5"

  description = <<-EOT
    ## What fails

    - A canned ACL `public-read`, `public-read-write` or
      `authenticated-read` in `acl` of an `aws_s3_bucket_acl`, or of an
      `aws_s3_bucket` (the legacy argument, deprecated since AWS provider
      v4).
    - A grant to the `AllUsers` group (everyone, anonymously) or the
      `AuthenticatedUsers` group (anyone with any AWS account, not just
      yours), whatever the permission: in `access_control_policy { grant {
      grantee { uri = ... } } }` of an `aws_s3_bucket_acl`, or in the legacy
      `grant { uri = ... }` blocks of an `aws_s3_bucket`.

    Each offending `acl` or grant is a finding at its place. `private`,
    `log-delivery-write`, `aws-exec-read`, `bucket-owner-*` and grants to
    canonical users or email addresses pass. An ACL or grantee known only at
    apply leaves that check undecided.

    ## Why

    Public ACLs are the classic way buckets leak: `public-read` lets anyone
    list and download every object, `public-read-write` also lets anyone
    upload (malware hosting, huge bills, overwritten content), and
    `authenticated-read` is often mistaken for "our users" while it means
    any AWS customer in the world. Since April 2023 new buckets have ACLs
    disabled (object ownership `BucketOwnerEnforced`) and public access
    blocked, so such an ACL also fails at apply unless someone has turned
    those protections off, which is one more reason to catch it in review.
    To publish content, use CloudFront with origin access control, or a
    narrowly scoped bucket policy.
  EOT

  bad_example = <<-EOT
    resource "aws_s3_bucket_acl" "assets" {
      bucket = aws_s3_bucket.assets.id
      acl    = "public-read"
    }
  EOT

  good_example = <<-EOT
    resource "aws_s3_bucket_ownership_controls" "assets" {
      bucket = aws_s3_bucket.assets.id
      rule {
        object_ownership = "BucketOwnerEnforced"
      }
    }
    # Public content is served by CloudFront with origin access control.
  EOT

  resource = ["aws_s3_bucket", "aws_s3_bucket_acl"]

  locals {
    public_acls = {
      "public-read"        = "lets anyone on the internet list and read the bucket"
      "public-read-write"  = "lets anyone on the internet list, read and write the bucket"
      "authenticated-read" = "lets every AWS account, not only yours, list and read the bucket"
    }
    public_groups = {
      "http://acs.amazonaws.com/groups/global/AllUsers"           = "everyone on the internet"
      "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" = "every AWS account"
    }
  }

  # One check for the acl argument and one per grant (access_control_policy
  # of aws_s3_bucket_acl, legacy grant blocks of aws_s3_bucket), as
  # { path, uri, permission }. (for_each cannot use locals: they are bound
  # after it.)
  for_each = concat(
    [{ path = "acl", uri = null, permission = null }],
    flatten([
      for i, p in self.access_control_policy[*] : [
        for j, g in p.grant[*] : {
          path       = "access_control_policy[${i}].grant[${j}]"
          uri        = try(g.grantee[0].uri, null)
          permission = try(g.permission, null)
        }
      ]
    ]),
    [
      for j, g in self.grant[*] : {
        path       = "grant[${j}]"
        uri        = try(g.uri, null)
        permission = try(join(", ", g.permissions), null)
      }
    ],
  )

  assert = (each.value.path == "acl"
    ? self.acl == null || !contains(keys(local.public_acls), self.acl)
    : each.value.uri == null || !contains(keys(local.public_groups), each.value.uri)
  )
  at = each.value.path
  message = (each.value.path == "acl" ?
    "${instance.address} sets the canned acl \"${self.acl}\", which ${lookup(local.public_acls, self.acl, "")}" :
    "${instance.address} grants ${coalesce(each.value.permission, "access")} to ${lookup(local.public_groups, each.value.uri, "")}"
  )
  detail = "Remove the public ACL or grant (use acl = \"private\", or better, disable ACLs with aws_s3_bucket_ownership_controls object_ownership = \"BucketOwnerEnforced\"). To publish content, serve it through CloudFront with origin access control, or grant read access to specific principals in a bucket policy."
}
