policy "ec2-create-before-destroy" {
  severity = "note"
  summary  = "An instance with an Elastic IP should be replaced create-before-destroy"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    An `aws_instance` that an Elastic IP is attached to, without
    `lifecycle { create_before_destroy = true }`. Attached means, in the
    environment being checked:

    - an `aws_eip` whose `instance` or `network_interface` refers to this
      instance (`instance = aws_instance.web.id`,
      `network_interface = aws_instance.web.primary_network_interface_id`), or
    - an `aws_eip_association` whose `instance_id` or `network_interface_id`
      refers to it.

    References are followed through modules (an EIP in the root module
    attached to `module.server.instance_id` counts) and matched per
    instance: with `count = 2` and an EIP for `aws_instance.web[0]` only,
    `aws_instance.web[1]` is not checked. An EIP attached to a separate
    `aws_network_interface` is not followed. An instance no EIP is attached
    to is never a finding.

    The finding points at the `lifecycle` block when there is one, else at
    the resource header, and names the EIP resources.

    ## Why

    An Elastic IP exists so that clients keep one address while the
    instance behind it is replaced. Many instance changes force a
    replacement (a new `ami`, `user_data` with
    `user_data_replace_on_change`, the subnet, the key pair). By default
    Terraform destroys the old instance first and creates the new one
    afterwards: the address points at nothing for the whole boot of the new
    instance — minutes of downtime — and if the create fails (capacity,
    a bad AMI, a quota) the service stays down with no instance at all.
    With `create_before_destroy = true` the new instance is created and
    booted first, the EIP is moved to it, and only then is the old one
    destroyed. Check that nothing unique to the instance (a fixed
    `private_ip`, a Name another system looks up) prevents two from
    existing side by side for a moment.
  EOT

  bad_example = <<-EOT
    resource "aws_instance" "signaling" {
      ami           = data.aws_ami.al2023.id
      instance_type = "t3.small"
    }

    resource "aws_eip" "signaling" {
      domain   = "vpc"
      instance = aws_instance.signaling.id
    }
  EOT

  good_example = <<-EOT
    resource "aws_instance" "signaling" {
      ami           = data.aws_ami.al2023.id
      instance_type = "t3.small"

      lifecycle {
        create_before_destroy = true
      }
    }

    resource "aws_eip" "signaling" {
      domain   = "vpc"
      instance = aws_instance.signaling.id
    }
  EOT

  resource = "aws_instance"

  locals {
    eips = concat(
      [for e in referrers(self, "aws_eip", ["instance", "network_interface"]) : address(e)],
      [for a in referrers(self, "aws_eip_association", ["instance_id", "network_interface_id"]) : address(a)],
    )
  }

  # The lifecycle first: local.eips (every EIP and association of the
  # environment) is only looked at for instances that lack it.
  assert = try(self.lifecycle[0].create_before_destroy, false) == true || length(local.eips) == 0

  at      = "lifecycle"
  message = "instance ${instance.address} has an elastic ip attached (${join(", ", local.eips)}) but is destroyed before its replacement is created: no lifecycle create_before_destroy"
  detail  = "Add lifecycle { create_before_destroy = true } to the instance, so that a replacement is created and the Elastic IP moved to it before the old instance is destroyed. Without it the address serves nothing from the moment the old instance is destroyed until the new one has booted."
}
