// eip-attached: an Elastic IP that nothing attaches (SPEC §6). An aws_eip is
// attached when it sets `instance` or `network_interface`, when an
// aws_eip_association of the environment refers to it, when another resource
// uses it as an `allocation_id` (NAT gateways, load balancer subnet
// mappings), or when a module output exports it (it may be associated by
// whoever reads the output).
#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/rule_helpers.h"

namespace tfguard::rules {
namespace {

using eval::Value;

/// Attributes of an EIP whose export through an output counts as "associated elsewhere".
bool exportedAttribute(std::string_view attribute) {
  return attribute.empty() || attribute == "id" || attribute == "allocation_id" || attribute == "public_ip";
}

bool referencesEip(const Value& value, std::string_view address) {
  for (const std::string& r : allReferences(value))
    if (matchReference(r, address).matches) return true;
  return false;
}

/// An `allocation_id` anywhere in `block` (nested blocks too: aws_lb
/// subnet_mapping) that refers to the EIP.
bool allocationIdRefers(const eval::EvaluatedBlock& block, std::string_view address, int depth = 0) {
  if (depth > 16) return false;
  for (const eval::EvaluatedAttr& a : block.attrs) {
    if (a.name == "allocation_id" && referencesEip(a.value, address)) return true;
    // subnet_mapping = [{ allocation_id = ... }] written as an attribute.
    if (a.name != "allocation_id" && a.value.isKnown() && !a.value.isNull()) {
      for (const Value& e : a.value.elements()) {
        const Value* id = e.isKnown() && !e.isNull() ? e.get("allocation_id") : nullptr;
        if (id != nullptr && referencesEip(*id, address)) return true;
      }
    }
  }
  for (const eval::EvaluatedBlock& b : block.blocks)
    if (allocationIdRefers(b, address, depth + 1)) return true;
  return false;
}

/// What attaches the EIP, or empty.
std::string attachment(const eval::ResourceInstance& eip, RuleContext& ctx) {
  const std::string& address = eip.address;
  for (const eval::ResourceInstance* r : ctx.allResources()) {
    if (r == nullptr || r == &eip || r->decl == nullptr || r->decl->mode != model::ResourceMode::kManaged) continue;
    if (r->decl->type == "aws_eip_association") {
      for (const eval::EvaluatedAttr& a : r->body.attrs)
        if (referencesEip(a.value, address)) return r->address;
    } else if (allocationIdRefers(r->body, address)) {
      return r->address;
    }
  }
  // Outputs of every module instance.
  std::vector<const eval::ModuleInstance*> stack;
  if (ctx.environment().root) stack.push_back(ctx.environment().root.get());
  while (!stack.empty()) {
    const eval::ModuleInstance* m = stack.back();
    stack.pop_back();
    for (const auto& [name, value] : m->outputs) {
      for (const std::string& ref : allReferences(value)) {
        ReferenceMatch match = matchReference(ref, address);
        if (match.matches && exportedAttribute(match.attribute))
          return (m->path.empty() ? "output." : m->path + ".output.") + name;
      }
    }
    for (const auto& c : m->children)
      if (c) stack.push_back(c.get());
  }
  return {};
}

class EipAttachedRule final : public Rule {
 public:
  EipAttachedRule() {
    meta_.id = "eip-attached";
    meta_.default_severity = Severity::kWarning;
    meta_.summary = "an Elastic IP should be attached to an instance or network interface";
    meta_.description = R"md(## What fails

An `aws_eip` that, in the environment being checked:

- sets neither `instance` nor `network_interface` (set means: not null — a
  value known only at apply, such as `aws_instance.web.id`, counts as set;
  `instance = var.attach ? aws_instance.web.id : null` with `attach = false`
  does not), **and**
- no `aws_eip_association` refers to it (any argument, typically
  `allocation_id = aws_eip.x.id` or `public_ip = aws_eip.x.public_ip`), **and**
- no other resource uses it as an `allocation_id`, at any depth
  (`aws_nat_gateway`, `aws_lb` `subnet_mapping`), **and**
- no output of any module instance exports its `id`, `allocation_id`,
  `public_ip`, or the whole resource (then whoever reads the output may
  associate it, e.g. in another configuration).

References are followed through modules: a module that allocates the EIP and
outputs `aws_eip.this.allocation_id` to an association in the root passes.
Instances are matched individually: with `count = 2` and one association for
`aws_eip.pair[0]`, `aws_eip.pair[1]` fails. An EIP with `count = 0` (or an
empty `for_each`) does not exist in that environment and is not checked.

## The finding

The finding points at the `resource "aws_eip" ...` header:

```
elastic IP aws_eip.lonely is not attached to an instance or network interface (an unattached EIP is billed hourly)
```

## Why

An Elastic IP is allocated to give a service an address that survives the
replacement of the instance behind it: clients keep
`ws://54.176.92.10:8080` in their configuration while Terraform recreates the
server and re-attaches the address. That only works if the address really is
attached to the current instance. An EIP that nothing attaches — the
association forgotten, or dropped in a refactoring — serves nothing, and AWS
bills public IPv4 addresses by the hour, idle ones included.

An address reserved on purpose (kept for a partner's allow-list, attached by
hand) is a deliberate exception: suppress the finding on the `aws_eip`, with
that reason.

## Compared with other tools

Checkov's `CKV2_AWS_19` ("Ensure that all EIP addresses allocated to a VPC
are attached to EC2 instances") also flags EIPs of NAT gateways and load
balancers, which eip-attached accepts, so its suppressions are not mapped to
this rule. tfsec and Trivy have no equivalent check.)md";
    meta_.bad_example = R"(resource "aws_eip" "server" {
  domain = "vpc"
})";
    meta_.good_example = R"(resource "aws_eip" "server" {
  domain = "vpc"
}

resource "aws_eip_association" "server" {
  instance_id   = aws_instance.server.id
  allocation_id = aws_eip.server.id
})";
    meta_.resource_types = {"aws_eip"};
    meta_.tags = {"cost"};
    meta_.why_cpp =
        "It follows references to the EIP from every resource of the environment, through every module, at any "
        "depth of nested blocks and lists, and from the outputs of every module instance. A policy can find "
        "the `aws_eip_association`s that refer to it (`resources()`, `refers_to()`), but sees neither module "
        "outputs nor arbitrarily nested arguments.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkInstance(const eval::ResourceInstance& instance, RuleContext& ctx) const override {
    if (instance.decl == nullptr || instance.decl->mode != model::ResourceMode::kManaged) return;
    // Set (known, or unknown until apply) counts; `= null` does not.
    if (setAttr(instance.body, "instance") != nullptr || setAttr(instance.body, "network_interface") != nullptr) return;
    if (!attachment(instance, ctx).empty()) return;
    RuleFinding f;
    f.message = fmt::format(
        "elastic IP {} is not attached to an instance or network interface (an unattached EIP is billed hourly)",
        instance.address);
    f.detail =
        "Set `instance` or `network_interface`, add an aws_eip_association that refers to it, or remove the "
        "Elastic IP if nothing needs it.";
    f.at = headerOf(instance);
    f.resource = instance.address;
    ctx.report(std::move(f));
  }

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeEipAttachedRule() { return std::make_unique<EipAttachedRule>(); }

}  // namespace tfguard::rules
