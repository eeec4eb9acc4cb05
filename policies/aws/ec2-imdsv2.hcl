policy "ec2-imdsv2" {
  severity          = "warning"
  summary           = "EC2 instances and launch templates must require IMDSv2 (http_tokens = \"required\")"
  tags              = ["security"]
  security_severity = "7.5"

  description = <<-EOT
    ## What fails

    An `aws_instance` or `aws_launch_template` whose
    `metadata_options.http_tokens` is not `"required"` in the environment
    being checked: the `metadata_options` block is missing, it does not set
    `http_tokens`, or sets it to `"optional"`. Without it, the instance
    metadata service also answers IMDSv1 requests (plain `GET`s without a
    session token).

    Passes:

    - `http_tokens = "required"`;
    - `http_endpoint = "disabled"`: no metadata service at all, so no IMDSv1
      either;
    - `http_tokens` not set while an `aws_ec2_instance_metadata_defaults`
      resource in the same environment sets `http_tokens = "required"` (the
      account-wide default for new instances in that region). An explicit
      `http_tokens = "optional"` still fails;
    - an `aws_instance` launched from a `launch_template` that does not
      write its own `metadata_options`: the template's options apply, and the
      template is checked itself.

    The value is the environment's: `http_tokens = var.http_tokens` is
    checked with each environment's tfvars, and a `dynamic
    "metadata_options"` block is checked after expansion. A value known only
    at apply makes the check *undecided* (no finding).

    The AMI can also make IMDSv2 the default (`ImdsSupport = v2.0`); tfguard
    cannot see that, so write `http_tokens = "required"` explicitly.

    ## Why

    With IMDSv1, any server-side request forgery (SSRF) on the instance — a
    proxy, a URL fetcher, an image renderer, a misconfigured WAF — can read
    `http://169.254.169.254/latest/meta-data/iam/security-credentials/ROLE`
    and walk away with the instance role's temporary credentials. That is how
    the 2019 Capital One breach happened: an SSRF through a misconfigured
    web application firewall on EC2 fetched the role's credentials from
    IMDSv1, and those credentials listed and copied more than 700 S3 buckets
    holding the data of over 100 million customers. IMDSv2 requires a
    session token obtained with a `PUT` request and a hop limit, which plain
    SSRF cannot produce.
  EOT

  bad_example = <<-EOT
    resource "aws_instance" "web" {
      ami           = data.aws_ami.al2023.id
      instance_type = "t3.micro"
    }
  EOT

  good_example = <<-EOT
    resource "aws_instance" "web" {
      ami           = data.aws_ami.al2023.id
      instance_type = "t3.micro"

      metadata_options {
        http_tokens                 = "required"
        http_put_response_hop_limit = 1
      }
    }
  EOT

  resource = ["aws_instance", "aws_launch_template"]

  # An instance from a launch template gets the template's metadata options
  # unless it writes its own; the template is checked on its own.
  when = !(instance.type == "aws_instance" && length(self.launch_template[*]) > 0 && length(self.metadata_options[*]) == 0)

  locals {
    tokens   = try(self.metadata_options[0].http_tokens, null)
    endpoint = try(self.metadata_options[0].http_endpoint, null)
    account_required = anytrue([
      for d in resources("aws_ec2_instance_metadata_defaults") : try(d.http_tokens, null) == "required"
    ])
    kind  = instance.type == "aws_instance" ? "instance" : "launch template"
    shown = local.tokens == null ? (length(self.metadata_options[*]) == 0 ? "not set (no metadata_options block; the default is \"optional\")" : "not set (the default is \"optional\")") : "\"${local.tokens}\""
  }

  assert = local.tokens == "required" || local.endpoint == "disabled" || (local.tokens == null && local.account_required)

  at      = "metadata_options.http_tokens"
  message = "${local.kind} ${instance.address} allows IMDSv1: metadata_options.http_tokens is ${local.shown}"
  detail  = "Set http_tokens = \"required\" in the metadata_options block so that the instance metadata service only answers IMDSv2 requests with a session token. Check first that the software on the instance uses an AWS SDK or CLI version that speaks IMDSv2 (all versions released since late 2019 do). To enforce it account-wide, add an aws_ec2_instance_metadata_defaults resource with http_tokens = \"required\"."
}
