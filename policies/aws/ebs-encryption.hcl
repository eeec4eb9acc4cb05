policy "ebs-encryption" {
  severity          = "warning"
  summary           = "EBS volumes must be encrypted"
  tags              = ["security"]
  security_severity = "5.0"

  description = <<-EOT
    ## What fails

    An EBS volume whose `encrypted` is not `true` (`"true"` counts too; the
    launch template writes it as a string), in the environment being checked:

    - `aws_instance`: each `root_block_device` and `ebs_block_device` block
      (`dynamic` ones after expansion). An instance **without** a
      `root_block_device` block fails too, at its header: its root volume is
      created from the AMI's snapshot, unencrypted for the common public
      AMIs — unless the instance is launched from a `launch_template`, which
      then decides;
    - `aws_launch_template`: each `block_device_mappings[].ebs` block. A
      template without `block_device_mappings` is not a finding: it does not
      define volumes, the AMI does;
    - `aws_ebs_volume`: `encrypted`.

    Not a finding:

    - a volume or device created from a `snapshot_id` without `encrypted`:
      it inherits the snapshot's encryption, which tfguard cannot see;
    - any volume when the environment also manages
      `aws_ebs_encryption_by_default` with `enabled = true` (or `enabled`
      not set, whose default is `true`): AWS then encrypts every new volume
      in that account and region, whatever the configuration says. An
      explicit `encrypted = false` is still a finding, because it says the
      opposite of what happens;
    - resources with `count = 0` or an empty `for_each`.

    A value known only at apply (`encrypted = var.encrypted` without a value,
    a data source) makes the check *undecided*: no finding.

    ## Why

    An unencrypted EBS volume keeps its data in clear on AWS's disks, in its
    snapshots, and in every copy of them: a snapshot shared by mistake (made
    public, or shared with the wrong account) is readable by anyone who
    mounts it — researchers have repeatedly found thousands of public EBS
    snapshots with databases, keys and credentials. With encryption, the
    data, its snapshots and the traffic between the instance and the volume
    are encrypted under a KMS key, a shared snapshot is useless without
    access to the key, and compliance regimes (PCI DSS, HIPAA, SOC 2) that
    require encryption at rest are met. Encryption costs nothing and has no
    measurable performance cost on current instance types; an existing
    volume cannot be encrypted in place, so it is best decided when the
    volume is created.
  EOT

  bad_example = <<-EOT
    resource "aws_instance" "db" {
      ami           = data.aws_ami.al2023.id
      instance_type = "m6i.large"

      root_block_device {
        volume_size = 50
      }

      ebs_block_device {
        device_name = "/dev/sdf"
        volume_size = 500
      }
    }
  EOT

  good_example = <<-EOT
    resource "aws_instance" "db" {
      ami           = data.aws_ami.al2023.id
      instance_type = "m6i.large"

      root_block_device {
        volume_size = 50
        encrypted   = true
      }

      ebs_block_device {
        device_name = "/dev/sdf"
        volume_size = 500
        encrypted   = true
        kms_key_id  = aws_kms_key.data.arn
      }
    }

    # or, for every new volume of the account and region:
    resource "aws_ebs_encryption_by_default" "this" {
      enabled = true
    }
  EOT

  resource = ["aws_instance", "aws_launch_template", "aws_ebs_volume"]

  for_each = concat(
    # aws_ebs_volume
    [
      for v in [self] : {
        path      = "encrypted"
        device    = ""
        encrypted = v.encrypted
        snapshot  = v.snapshot_id
        written   = true
      } if instance.type == "aws_ebs_volume"
    ],
    # aws_instance: the root volume, written or not
    [
      for i, d in self.root_block_device[*] : {
        path      = "root_block_device[${i}].encrypted"
        device    = "root_block_device"
        encrypted = lookup(d, "encrypted", null)
        snapshot  = null
        written   = true
      } if instance.type == "aws_instance"
    ],
    [
      for v in [self] : {
        path      = "root_block_device"
        device    = "the root volume"
        encrypted = null
        snapshot  = null
        written   = false
      } if instance.type == "aws_instance" && length(v.root_block_device[*]) == 0 && length(v.launch_template[*]) == 0
    ],
    [
      for i, d in self.ebs_block_device[*] : {
        path      = "ebs_block_device[${i}].encrypted"
        device    = "ebs_block_device ${lookup(d, "device_name", null) == null ? i : lookup(d, "device_name", null)}"
        encrypted = lookup(d, "encrypted", null)
        snapshot  = lookup(d, "snapshot_id", null)
        written   = true
      } if instance.type == "aws_instance"
    ],
    # aws_launch_template: block_device_mappings[].ebs
    flatten([
      for i, m in self.block_device_mappings[*] : [
        for j, e in m.ebs[*] : {
          path      = "block_device_mappings[${i}].ebs[${j}].encrypted"
          device    = "block_device_mappings ${lookup(m, "device_name", null) == null ? i : lookup(m, "device_name", null)}"
          encrypted = lookup(e, "encrypted", null)
          snapshot  = lookup(e, "snapshot_id", null)
          written   = true
        }
      ] if instance.type == "aws_launch_template"
    ]),
  )

  locals {
    # aws_ebs_encryption_by_default: enabled defaults to true.
    by_default = anytrue([
      for r in resources("aws_ebs_encryption_by_default") : r.enabled == null || try(tobool(r.enabled), false)
    ])
    encrypted = each.value.encrypted == null ? null : tobool(each.value.encrypted)
    kind      = instance.type == "aws_instance" ? "instance" : (instance.type == "aws_launch_template" ? "launch template" : "EBS volume")
    what      = instance.type == "aws_ebs_volume" ? "EBS volume ${instance.address}" : "${each.value.device} of ${local.kind} ${instance.address}"
    shown     = each.value.written ? (local.encrypted == null ? "not set (the default is false)" : tostring(local.encrypted)) : "not set: there is no root_block_device block, so the AMI's snapshot decides (unencrypted for the common public AMIs)"
  }

  assert = (
    local.encrypted == true
    || (local.encrypted == null && each.value.snapshot != null)
    || (local.encrypted == null && local.by_default)
  )

  at      = each.value.path
  message = "${local.what} is not encrypted: encrypted is ${local.shown}"
  detail  = "Set encrypted = true (and kms_key_id for a customer-managed key) on every EBS volume, or enable EBS encryption by default for the account and region with an aws_ebs_encryption_by_default resource. Existing volumes cannot be encrypted in place: Terraform replaces the volume (snapshot it first, or copy the snapshot with encryption and restore from it)."
}
