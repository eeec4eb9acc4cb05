policy "allowed-instance-types" {
  severity = "warning"
  summary  = "EC2 instance types must be in the list allowed for the environment's tier"
  tags     = ["cost"]

  description = <<-EOT
    ## What fails

    With `allowed_instance_types` configured for the environment's tier, an
    `instance_type` of an `aws_instance`, `aws_launch_template` or
    `aws_launch_configuration` that matches none of the tier's entries, in
    the environment being checked:

    ```hcl
    # .tfguard.hcl
    rule "allowed-instance-types" {
      allowed_instance_types = {
        development = ["t3.micro", "t3.small", "t4g.*"]
        production  = ["t3.*", "m6i.*", "c6i.large"]
        default     = ["t3.*"]
      }
    }
    ```

    - The keys are tiers: `production`, `staging`, `development` (see
      environments.md; a root whose name says nothing is production). The
      key `default` applies to tiers that have no key of their own. A tier
      with neither is not restricted.
    - An entry is an instance type (`"m6i.large"`), or a pattern with `*`
      for any characters (`"t3.*"`, `"*.large"`). Matching is exact
      otherwise (`"t3.micro"` does not allow `"t3.micro2"`).
    - With no `allowed_instance_types` (the default, `{}`) the rule checks
      nothing.

    The value is the environment's: `instance_type = var.instance_type` is
    checked with each environment's tfvars, and the finding lists where the
    value was set. An unset `instance_type` (a launch template that leaves
    it to the Auto Scaling group, an instance launched from a template) is
    not checked; a value known only at apply makes the check *undecided*.

    ## Why

    Instance types are the largest line of most AWS bills, and the wrong
    one is easy to type and hard to notice: `m5.24xlarge` instead of
    `m5.large` costs about $4,600 instead of $70 a month, and a tfvars file
    copied from production gives a development environment production-sized
    machines. An allow-list per tier catches both in review, keeps
    development on burstable instances, and keeps production on the
    families the team has tested, reserved or bought Savings Plans for
    (and, for some families, the only ones a region or an AMI's
    architecture supports).
  EOT

  bad_example = <<-EOT
    # rule "allowed-instance-types" { allowed_instance_types = { development = ["t3.micro", "t3.small"] } }
    # environments/dev/terraform.tfvars: instance_type = "m5.4xlarge"
    resource "aws_instance" "app" {
      ami           = data.aws_ami.al2023.id
      instance_type = var.instance_type
    }
  EOT

  good_example = <<-EOT
    # rule "allowed-instance-types" { allowed_instance_types = { development = ["t3.micro", "t3.small"] } }
    # environments/dev/terraform.tfvars: instance_type = "t3.small"
    resource "aws_instance" "app" {
      ami           = data.aws_ami.al2023.id
      instance_type = var.instance_type
    }
  EOT

  param "allowed_instance_types" {
    default     = {}
    description = "a map from tier (production, staging, development, or default for the other tiers) to the list of instance types allowed there; entries may use * as a wildcard (\"t3.*\"). Empty: no restriction"
  }

  resource = ["aws_instance", "aws_launch_template", "aws_launch_configuration"]

  locals {
    allowed  = lookup(param.allowed_instance_types, env.tier, lookup(param.allowed_instance_types, "default", null))
    patterns = local.allowed == null ? [] : [for p in local.allowed : "^${replace(replace(p, ".", "\\."), "*", ".*")}$"]
  }

  # No list for the tier, or no instance type: nothing to check.
  assert = local.allowed == null || self.instance_type == null || anytrue([for p in local.patterns : matches(self.instance_type, p)])

  at      = "instance_type"
  message = "instance type ${self.instance_type} of ${instance.address} is not allowed in ${env.tier} environment ${env.name}; allowed: ${length(local.allowed) == 0 ? "none" : join(", ", local.allowed)}"
  detail  = "Use one of the instance types allowed for the ${env.tier} tier, or add this one to allowed_instance_types in .tfguard.hcl (rule \"allowed-instance-types\") if it is intended."
}
