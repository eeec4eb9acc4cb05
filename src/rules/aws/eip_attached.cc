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
    meta_.description =
        "Fails for an `aws_eip` that is not attached: it sets neither `instance` nor `network_interface`, "
        "no `aws_eip_association` of the environment refers to it, no other resource uses it as "
        "`allocation_id` (NAT gateway, load balancer subnet mapping), and no module output exports its "
        "`id`, `allocation_id`, `public_ip` or the whole resource (then it may be associated by whoever "
        "reads the output).\n\n"
        "**Why:** an Elastic IP is allocated to give a service a stable address — clients keep "
        "`ws://54.176.92.10:8080` in their configuration while the instance behind it is replaced. That "
        "only works if the address is actually attached to the current instance: an EIP left unattached "
        "(the association forgotten, or lost when the instance was recreated) serves nothing and AWS bills "
        "every public IPv4 address by the hour, attached or not, idle ones included.";
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
