policy "ami-literal" {
  severity = "note"
  summary  = "AMI ids should come from a data source lookup, not a literal \"ami-…\" id"
  tags     = ["reliability", "maintainability"]

  description = <<-EOT
    ## What fails

    An image id that is a known string starting with `ami-` in the
    environment being checked:

    - `aws_instance` `ami`,
    - `aws_launch_template` `image_id`,
    - `aws_launch_configuration` `image_id`.

    The value counts, not how it is written: `ami = "ami-0c55b159cbfafe1f0"`
    fails, and so do `ami = var.ami_id` when a tfvars file or the
    variable's default sets `"ami-0c55…"`, and `ami = lookup(var.amis,
    var.region)` over a map of ids — the id is still written by hand, only
    somewhere else. The finding points at the argument, and lists where the
    value was set as related locations.

    Passes:

    - an id from a data source (`data.aws_ami.x.id`,
      `data.aws_ssm_parameter.x.value`) or any other value known only at
      apply; such a check is counted *undecided*, never a finding;
    - a launch template's `resolve:ssm:/aws/service/...` parameter alias;
    - an unset argument (an instance launched from a launch template).

    ## Why

    AMI ids are per region, and the images they name age: a hard-coded id
    keeps launching the OS, kernel and agents of the day it was copied —
    months of unpatched CVEs — and fails outright in another region or after
    the owner deregisters the image ("InvalidAMIID.NotFound" in the middle
    of an apply or an Auto Scaling scale-out). A lookup
    (`data "aws_ami"` with `most_recent`, owner and name filters, or the
    public SSM parameters such as
    `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`)
    always resolves to the current image of the right region. If you need a
    pinned image on purpose (a golden AMI, a reproducible rollout), pin it
    in one visible place and suppress this note there with a reason.
  EOT

  bad_example = <<-EOT
    resource "aws_instance" "web" {
      ami           = "ami-0c55b159cbfafe1f0"
      instance_type = "t3.micro"
    }
  EOT

  good_example = <<-EOT
    data "aws_ami" "al2023" {
      most_recent = true
      owners      = ["amazon"]

      filter {
        name   = "name"
        values = ["al2023-ami-2023.*-x86_64"]
      }
    }

    resource "aws_instance" "web" {
      ami           = data.aws_ami.al2023.id
      instance_type = "t3.micro"
    }
  EOT

  resource = ["aws_instance", "aws_launch_template", "aws_launch_configuration"]

  locals {
    attr = instance.type == "aws_instance" ? "ami" : "image_id"
    ami  = lookup(self, local.attr, null)
  }

  assert = local.ami == null || !startswith(local.ami, "ami-")

  at      = local.attr
  message = "${local.attr} of ${instance.address} is the literal image id \"${local.ami}\" instead of a data source lookup"
  detail  = "Look the image up with a data \"aws_ami\" block (most_recent = true with owners and a name filter) or the public SSM parameter of the distribution (data \"aws_ssm_parameter\", or \"resolve:ssm:...\" in a launch template), so that every environment and region launches the current image. Keep a pinned id only on purpose, with a tfguard:ignore comment that says why."
}
