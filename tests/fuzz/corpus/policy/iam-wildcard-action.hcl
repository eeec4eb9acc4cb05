policy "iam-wildcard-action" {
  severity          = "warning"
  summary           = "IAM policies must not allow every action of a service (\"*\" or \"service:*\") on every resource"
  tags              = ["security"]
  security_severity = "8.0"

  description = <<-EOT
    ## What fails

    A statement with `Effect = "Allow"` (the default) whose `Action`
    contains `"*"` or a whole service, `"SERVICE:*"` (`"s3:*"`, `"iam:*"`,
    any case), **and** whose `Resource` contains `"*"`. Narrower wildcards
    pass (`"s3:Get*"`, `"arn:aws:s3:::logs-bucket/*"`), and so do `Deny`
    statements and statements with `NotAction`/`NotResource` only.

    The documents checked are the identity policies a configuration
    creates, with each environment's values:

    - `policy` of `aws_iam_policy`, `aws_iam_role_policy`,
      `aws_iam_user_policy`, `aws_iam_group_policy`;
    - `inline_policy[].policy` of `aws_iam_role` (its
      `assume_role_policy` is a trust policy: not checked).

    A document may be written as `jsonencode({...})`, a heredoc, `file()` or
    `templatefile()` of a JSON file, or be a `data "aws_iam_policy_document"`:
    when `policy` refers to a policy document data source
    (`data.aws_iam_policy_document.x.json`, also through a module variable),
    that data source's `statement` blocks are checked (`dynamic` ones after
    expansion). The finding points at the `policy` argument that attaches
    the document and names the data source and the statement (its `sid`,
    else its position). A data source that no checked resource uses — a
    bucket policy, a KMS key policy, a trust policy — is not checked.
    `source_policy_documents` and `override_policy_documents` of a data
    source are not followed.

    A document, action or resource known only at apply makes that check
    *undecided* (no finding): for example a `jsonencode()` that contains an
    ARN of another resource.

    ## Why

    `"Action": "*"` on `"Resource": "*"` is administrator access, and
    `"s3:*"` on `"*"` is every bucket of the account with the right to
    delete them, change their policies and make them public. Policies like
    these are usually written to get something working and never narrowed;
    whoever gets hold of the role — an SSRF to the instance metadata
    service, a leaked access key in a CI log, a compromised dependency in a
    Lambda function — inherits all of it. In the 2019 Capital One breach the
    stolen role could list and read far more S3 buckets than the
    application needed, which turned one SSRF into 100 million customer
    records. Grant the actions the workload calls on the resources it uses
    (IAM Access Analyzer can generate such a policy from CloudTrail
    activity).
  EOT

  bad_example = <<-EOT
    resource "aws_iam_role_policy" "app" {
      role = aws_iam_role.app.id
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect   = "Allow"
          Action   = "s3:*"
          Resource = "*"
        }]
      })
    }
  EOT

  good_example = <<-EOT
    data "aws_iam_policy_document" "app" {
      statement {
        actions   = ["s3:GetObject", "s3:PutObject"]
        resources = ["$${aws_s3_bucket.uploads.arn}/*"]
      }
    }

    resource "aws_iam_role_policy" "app" {
      role   = aws_iam_role.app.id
      policy = data.aws_iam_policy_document.app.json
    }
  EOT

  resource = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role"]

  # One element per statement of every policy document of the resource: where
  # the document is written (`path`), and the statement. A reference to an
  # aws_iam_policy_document is replaced by that data source's statements.
  for_each = flatten([
    for src in concat(
      [for r in [self] : { path = "policy", doc = r.policy } if instance.type != "aws_iam_role"],
      [
        for i, p in self.inline_policy[*] : { path = "inline_policy[${i}].policy", doc = p.policy }
        if instance.type == "aws_iam_role"
      ],
    ) : concat(
      flatten([
        for d in resources("data.aws_iam_policy_document") : [
          for k, st in iam_statements(d) : { path = src.path, from = address(d), index = k, statement = st }
        ] if refers_to(src.doc, d)
      ]),
      [
        for k, st in (anytrue([for d in resources("data.aws_iam_policy_document") : refers_to(src.doc, d)]) ? [] : iam_statements(src.doc)) :
        { path = src.path, from = "", index = k, statement = st }
      ],
    )
  ])

  locals {
    # Per statement (each.value).
    st           = each.value.statement
    actions      = local.st.actions
    resources    = local.st.resources
    wild_actions = [for a in local.actions : a if a == "*" || matches(a, "^[A-Za-z0-9-]+:\\*$")]
    name         = local.st.sid == null || local.st.sid == "" ? "statement ${each.value.index}" : "statement \"${local.st.sid}\""
    where        = each.value.from == "" ? "" : " of ${each.value.from}"
  }

  assert = !(
    local.st.effect == "Allow"
    && anytrue([for a in local.actions : a == "*" || matches(a, "^[A-Za-z0-9-]+:\\*$")])
    && anytrue([for r in local.resources : r == "*"])
  )

  at      = each.value.path
  message = "${each.value.path} of ${instance.address} allows ${join(", ", [for a in local.wild_actions : "\"${a}\""])} on resource \"*\" (${local.name}${local.where})"
  detail  = "A wildcard action on every resource grants far more than a workload needs: \"*\" is administrator access, \"SERVICE:*\" every action of the service on every resource of the account. List the actions the workload calls and the ARNs of the resources it uses; IAM Access Analyzer can generate a policy from the role's CloudTrail activity."
}
