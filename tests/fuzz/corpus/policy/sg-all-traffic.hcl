policy "sg-all-traffic" {
  severity          = "error"
  summary           = "Security groups must not allow all traffic from the internet"
  tags              = ["security"]
  security_severity = "9.0"

  description = <<-EOT
    ## What fails

    An ingress rule that admits **every protocol and port** from `0.0.0.0/0`
    or `::/0`:

    - `protocol = "-1"` or `"all"` (any case; `-1` written as a number too),
      whatever `from_port`/`to_port` say — AWS ignores the ports then;
    - `protocol = "tcp"` (or `"6"`) with `from_port` 0 (or 1: port 0 is
      reserved and never used) and `to_port` 65535: every TCP port.

    Checked in three places, with each environment's values:

    - `aws_security_group` `ingress` blocks, including `dynamic "ingress"`
      blocks (each generated block is checked) and `ingress = [{ ... }]`
      written as an attribute (JSON configurations, attributes as blocks);
      `egress` is not checked;
    - `aws_security_group_rule` with `type = "ingress"` (`cidr_blocks`,
      `ipv6_cidr_blocks`);
    - `aws_vpc_security_group_ingress_rule` (`ip_protocol`, `cidr_ipv4`,
      `cidr_ipv6`).

    There is one finding per CIDR argument, at that argument
    (`ingress[1].cidr_blocks`, `cidr_ipv6`). A CIDR list that holds
    `0.0.0.0/0` among others fails. `0.0.0.0/0` written in
    `ipv6_cidr_blocks` fails too (AWS rejects it, but the intent is clear).

    Not a finding: a UDP or ICMP rule (however wide), a TCP range that misses
    a port, a private or partial source (`10.0.0.0/8`, `0.0.0.0/1`), rules
    whose source is a security group or prefix list, and resources with
    `count = 0`. When the protocol, the ports or a CIDR are known only at
    apply (a data source, another resource's attribute), the check is
    *undecided* and reports nothing; `--show-undecided` lists it.

    ## Why

    A rule that opens everything to the internet exposes every service on
    the instance — databases bound to `0.0.0.0`, the Docker API, Redis and
    Elasticsearch without authentication, admin consoles — not only the one
    port the rule was written for. Internet-wide scanners (Shodan, masscan)
    find such hosts within minutes; ransomware campaigns against
    unauthenticated MongoDB and Elasticsearch instances, and the cryptominers
    dropped through exposed Docker daemons, came in through exactly this kind
    of "allow all, fix it later" rule. Open only the ports the service serves,
    and only to the sources that need them.
  EOT

  bad_example = <<-EOT
    resource "aws_security_group" "app" {
      ingress {
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
  EOT

  good_example = <<-EOT
    resource "aws_security_group" "app" {
      ingress {
        description = "HTTPS from the internet"
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }

      ingress {
        description = "everything from inside the VPC"
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = ["10.0.0.0/16"]
      }
    }
  EOT

  resource = ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"]

  # aws_security_group_rule is also used for egress.
  when = instance.type != "aws_security_group_rule" || self.type == "ingress"

  # One element per (ingress rule, CIDR argument): the blocks of a security
  # group, or the rule resource itself.
  for_each = flatten(concat(
    [
      for i, r in self.ingress[*] : [
        for a in ["cidr_blocks", "ipv6_cidr_blocks"] : {
          path     = "ingress[${i}].${a}"
          label    = "ingress[${i}] of "
          cidrs    = lookup(r, a, null)
          protocol = lookup(r, "protocol", null)
          from     = lookup(r, "from_port", null)
          to       = lookup(r, "to_port", null)
        }
      ]
      # A block whose protocol and ports are known to be narrow (most are)
      # cannot fail: it is left out before an element per CIDR argument is
      # built, which keeps large groups cheap. (The same test as
      # local.any_proto || local.all_tcp below.)
      if instance.type == "aws_security_group" && !(is_known((contains(["-1", "all"], try(lower(tostring(lookup(r, "protocol", null))), "")) || (contains(["tcp", "6"], try(lower(tostring(lookup(r, "protocol", null))), "")) && try(tonumber(lookup(r, "from_port", null)) <= 1 && tonumber(lookup(r, "to_port", null)) >= 65535, false)))) && (contains(["-1", "all"], try(lower(tostring(lookup(r, "protocol", null))), "")) || (contains(["tcp", "6"], try(lower(tostring(lookup(r, "protocol", null))), "")) && try(tonumber(lookup(r, "from_port", null)) <= 1 && tonumber(lookup(r, "to_port", null)) >= 65535, false))) == false)
    ],
    [
      for a in ["cidr_blocks", "ipv6_cidr_blocks"] : {
        path     = a
        label    = ""
        cidrs    = lookup(self, a, null)
        protocol = self.protocol
        from     = self.from_port
        to       = self.to_port
      } if instance.type == "aws_security_group_rule"
    ],
    [
      for a in ["cidr_ipv4", "cidr_ipv6"] : {
        path     = a
        label    = ""
        cidrs    = lookup(self, a, null)
        protocol = self.ip_protocol
        from     = self.from_port
        to       = self.to_port
      } if instance.type == "aws_vpc_security_group_ingress_rule"
    ],
  ))

  locals {
    cidrs     = flatten([each.value.cidrs[*]])
    world     = [for c in local.cidrs : c if contains(["0.0.0.0/0", "::/0"], c)]
    protocol  = try(lower(tostring(each.value.protocol)), "")
    any_proto = contains(["-1", "all"], local.protocol)
    all_tcp   = contains(["tcp", "6"], local.protocol) && try(tonumber(each.value.from) <= 1 && tonumber(each.value.to) >= 65535, false)
    what      = local.any_proto ? "all protocols and ports (protocol ${each.value.protocol})" : try("every tcp port (${each.value.from}-${each.value.to})", "every tcp port")
    kind      = instance.type == "aws_security_group" ? "security group" : "security group rule"
  }

  assert = !((local.any_proto || local.all_tcp) && anytrue([for c in local.cidrs : contains(["0.0.0.0/0", "::/0"], c)]))

  at      = each.value.path
  message = "${each.value.label}${local.kind} ${instance.address} allows ${local.what} from ${join(", ", local.world)}"
  detail  = "${each.value.path} admits ${local.what} from ${join(", ", local.world)}: every service listening on the instances behind this group is reachable from the internet. Open only the ports the service serves (for example 443/tcp), and keep broad rules to private sources such as the VPC CIDR or another security group."
}
