// ssh-admin-cidr: ingress that reaches SSH (22/tcp) from outside the admin
// CIDRs (SPEC §6). Security group ingress blocks (dynamic ones arrive
// expanded), `ingress = [{...}]` written as an attribute (JSON configs,
// attributes-as-blocks), aws_security_group_rule of type "ingress", and
// aws_vpc_security_group_ingress_rule.
#include <fmt/format.h>

#include "rules/registry.h"
#include "rules/rule_helpers.h"

namespace tfguard::rules {
namespace {

using eval::Value;
namespace cidr = eval::cidr;

constexpr long long kSshPort = 22;

/// Whether an ingress reaches 22/tcp.
enum class Reach : uint8_t { kNo, kYes, kUnknown };

/// One CIDR-bearing argument of an ingress: `cidr_blocks`, `ipv6_cidr_blocks`
/// (lists) or `cidr_ipv4`, `cidr_ipv6` (one string).
struct CidrSource {
  std::string name;
  const Value* value = nullptr;
  Location at;
  std::string path;  ///< "ingress[1].cidr_blocks"
};

/// An ingress rule however it was written.
struct Ingress {
  const Value* protocol = nullptr;
  const Value* from_port = nullptr;
  const Value* to_port = nullptr;
  std::vector<CidrSource> sources;
  std::string label;  ///< "ingress[1]", "aws_security_group_rule" for messages
};

/// The admin CIDRs of the rule's configuration.
struct AdminCidrs {
  bool configured = false;
  std::vector<cidr::Prefix> prefixes;
  std::vector<std::string> text;  ///< as configured, for messages
};

AdminCidrs adminCidrs(const RuleContext& ctx) {
  AdminCidrs out;
  std::optional<Value> param = ctx.param("admin_cidrs");
  if (!param || isNullValue(*param) || !param->isKnown()) return out;
  out.configured = true;
  auto add = [&](const Value& v) {
    std::optional<std::string> s = knownString(v);
    if (!s) return;
    if (std::optional<cidr::Prefix> p = parseCidr(*s)) {
      out.prefixes.push_back(*p);
      out.text.push_back(*s);
    }
  };
  if (param->type().kind() == eval::TypeKind::kString)
    add(*param);
  else
    for (const Value& e : param->elements()) add(e);
  return out;
}

/// Does the protocol/port combination include 22/tcp? `why` says what is
/// unknown when undecided, or describes the range when it reaches 22.
Reach reachesSsh(const Ingress& in, std::string& why) {
  if (in.protocol == nullptr || isNullValue(*in.protocol)) return Reach::kNo;
  if (!in.protocol->isKnown()) {
    why = "the protocol is unknown until apply";
    return Reach::kUnknown;
  }
  std::optional<std::string> protocol = knownString(*in.protocol);
  if (!protocol) return Reach::kNo;
  std::string p = asciiLower(*protocol);
  if (p == "-1" || p == "all") {
    why = "all protocols and ports";
    return Reach::kYes;
  }
  if (p != "tcp" && p != "6") return Reach::kNo;  // udp, icmp, icmpv6, 17, 1, 58, ...
  const Value* ports[] = {in.from_port, in.to_port};
  for (const Value* v : ports) {
    if (v != nullptr && !v->isKnown()) {
      why = "the port range is unknown until apply";
      return Reach::kUnknown;
    }
  }
  std::optional<long long> from = in.from_port ? knownInt(*in.from_port) : std::nullopt;
  std::optional<long long> to = in.to_port ? knownInt(*in.to_port) : std::nullopt;
  if (!from || !to) return Reach::kNo;  // a tcp rule without ports is rejected by AWS
  PortRange range{std::min(*from, *to), std::max(*from, *to)};
  if (!range.contains(kSshPort)) return Reach::kNo;
  why = range.from == range.to ? fmt::format("port {}/tcp", range.from)
                               : fmt::format("ports {}-{}/tcp", range.from, range.to);
  return Reach::kYes;
}

class SshAdminCidrRule final : public Rule {
 public:
  SshAdminCidrRule() {
    meta_.id = "ssh-admin-cidr";
    meta_.default_severity = Severity::kError;
    meta_.development_severity = Severity::kWarning;
    meta_.summary = "SSH (22/tcp) must only be reachable from the admin CIDRs";
    meta_.description = R"md(## What fails

Security group ingress that **reaches port 22** from a **CIDR that is not inside
one of the configured `admin_cidrs`**:

- *reaches port 22*: protocol `tcp` / `6` with a `from_port`..`to_port` range
  that contains 22 (`22`, `20-30`, `0-65535`), or protocol `-1` / `all` (every
  port). `udp`, `icmp` and other protocols never reach SSH.
- *not inside `admin_cidrs`*: the whole ingress CIDR must lie inside one admin
  CIDR (`198.51.100.0/25` is inside `198.51.100.0/24`; `198.51.0.0/16` is not).
  IPv4 and IPv6 are compared separately (an IPv6 source is never inside an
  IPv4 admin range).
- **With no `admin_cidrs` configured**, only the whole internet fails:
  `0.0.0.0/0` or `::/0` (in any of the CIDR arguments — `"0.0.0.0/0"` written in
  `ipv6_cidr_blocks` counts too). Private ranges such as `10.0.0.0/8` pass.
- With `admin_cidrs = []` (configured but empty), every SSH source fails.

Resources checked:

| resource | ingress | CIDRs |
| --- | --- | --- |
| `aws_security_group` | every `ingress` block, including those produced by `dynamic "ingress"`, and `ingress = [{ ... }]` written as a list of objects (JSON configurations, attributes as blocks) | `cidr_blocks`, `ipv6_cidr_blocks` |
| `aws_security_group_rule` | `type = "ingress"` | `cidr_blocks`, `ipv6_cidr_blocks` |
| `aws_vpc_security_group_ingress_rule` | always | `cidr_ipv4`, `cidr_ipv6` (`ip_protocol`, `from_port`, `to_port`) |

The values are the ones each environment really evaluates to:
`cidr_blocks = var.ssh_cidrs` is checked with the CIDRs of dev's tfvars in dev
and of production's tfvars in production. Sources that are not CIDRs
(`security_groups`, `prefix_list_ids`, `self`, `referenced_security_group_id`)
are not checked.

**Unknown values** (a port read from SSM, a CIDR computed from a VPC created
by the same apply, an unknown protocol or rule type) make the check
*undecided* — no finding, listed with `--show-undecided` — but only when it
matters: an unknown port with a source that would pass anyway is decided
(passes).

## The finding

One finding per offending CIDR argument, listing every offending CIDR of it:

```
SSH (22/tcp) is open to 0.0.0.0/0; no admin_cidrs configured
SSH (22/tcp) is open to 198.51.0.0/16; allowed admin CIDRs: 198.51.100.0/24, 2001:db8:1234::/48
SSH (22/tcp) is open to 10.0.0.0/8; no admin CIDRs allowed (admin_cidrs is empty)
```

It points at the CIDR argument (`cidr_blocks = ...` in the `ingress` block;
for `ingress = [...]`, at that argument); the attribute path is
`ingress[N].cidr_blocks` where N counts the group's ingress blocks in order
(blocks first, then the elements of an `ingress = [...]` list), or
`cidr_blocks` / `cidr_ipv4` / ... for rule resources. Related locations say
where the value came from (the tfvars line, the module argument). A
sensitive CIDR is printed as `(sensitive)`.

## Why

An SSH port open to the internet is found by scanners within minutes and
brute-forced for as long as it stays open. A common set-up keeps `0.0.0.0/0`
"for testing" in the development environment and a restricted list in
production; when the two drift — a tfvars file copied from dev, a module
default that production forgot to override — production ends up open.
Restrict SSH to the administrators' networks, or use SSM Session Manager and
close port 22 altogether. A reviewed exception (a bastion host) is suppressed
on the security group, with the reason.

## Compared with other tools

tfsec's `aws-ec2-no-public-ingress-sgr` and Trivy's `AVD-AWS-0107` report any
port open to a public range, not only SSH; Checkov's `CKV_AWS_24` reports
port 22 open to `0.0.0.0/0`. Unlike these, ssh-admin-cidr checks the values
each environment evaluates to, knows port ranges and protocol `-1`, and
compares against your own admin networks instead of only `0.0.0.0/0`.)md";
    meta_.bad_example = R"(resource "aws_security_group" "server" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
})";
    meta_.good_example = R"(# .tfguard.hcl: rule "ssh-admin-cidr" { admin_cidrs = ["198.51.100.0/24"] }
resource "aws_security_group" "server" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
})";
    meta_.resource_types = {"aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"};
    meta_.tags = {"security"};
    meta_.security_severity = "8.0";
    meta_.params = {{"admin_cidrs",
                     "the networks SSH may be opened to, as a list of CIDR strings (IPv4 and IPv6; a bare address "
                     "is a /32 or /128), e.g. `[\"198.51.100.0/24\", \"2001:db8:1234::/48\"]`; an ingress CIDR "
                     "must lie wholly inside one of them. Unset (the default): only `0.0.0.0/0` and `::/0` fail. "
                     "`[]`: every SSH source fails. Entries that are not CIDRs are ignored.",
                     ""}};
    meta_.why_cpp =
        "It predates the policy language and normalises three resource shapes (security group blocks and "
        "`ingress = [...]` lists, `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`) with port "
        "ranges and protocol `-1`. It could be written as a policy today (its sibling sg-all-traffic is one, with "
        "`cidr_contains` and `port_in_range`); it is kept in C++ for its finer results: one finding per CIDR "
        "argument naming only the offending CIDRs and the configured admin networks, with where each offending "
        "CIDR was set, and undecided only when the unknown value changes the outcome.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkInstance(const eval::ResourceInstance& instance, RuleContext& ctx) const override {
    if (instance.decl == nullptr || instance.decl->mode != model::ResourceMode::kManaged) return;
    std::string_view type = instance.decl->type;
    AdminCidrs admin = adminCidrs(ctx);
    if (type == "aws_security_group") {
      checkSecurityGroup(instance, admin, ctx);
    } else if (type == "aws_security_group_rule") {
      checkSecurityGroupRule(instance, admin, ctx);
    } else if (type == "aws_vpc_security_group_ingress_rule") {
      checkVpcIngressRule(instance, admin, ctx);
    }
  }

 private:
  void checkSecurityGroup(const eval::ResourceInstance& instance, const AdminCidrs& admin, RuleContext& ctx) const {
    const eval::EvaluatedBlock& body = instance.body;
    // ingress { ... } blocks, dynamic ones expanded.
    std::vector<const eval::EvaluatedBlock*> blocks = body.blocksOfType("ingress");
    for (size_t i = 0; i < blocks.size(); ++i) {
      const eval::EvaluatedBlock& b = *blocks[i];
      Ingress in;
      in.label = fmt::format("ingress[{}]", i);
      in.protocol = valueOf(b, "protocol");
      in.from_port = valueOf(b, "from_port");
      in.to_port = valueOf(b, "to_port");
      for (std::string_view name : {"cidr_blocks", "ipv6_cidr_blocks"}) {
        if (const eval::EvaluatedAttr* a = setAttr(b, name))
          in.sources.push_back({std::string(name), &a->value, locationOf(*a), in.label + "." + std::string(name)});
      }
      check(instance, in, locationOf(b), admin, ctx);
    }
    // ingress = [{ ... }]: an attribute list of objects (JSON, attributes as blocks).
    const eval::EvaluatedAttr* list = setAttr(body, "ingress");
    if (list == nullptr) return;
    const Location at = locationOf(*list);
    if (!list->value.isKnown()) {
      undecided(instance, at, "ingress", "the ingress rules are unknown until apply", ctx);
      return;
    }
    std::span<const Value> elements = list->value.elements();
    for (size_t i = 0; i < elements.size(); ++i) {
      const Value& e = elements[i];
      std::string label = fmt::format("ingress[{}]", blocks.size() + i);
      if (!e.isKnown()) {
        undecided(instance, at, label, "an ingress rule is unknown until apply", ctx);
        continue;
      }
      if (e.isNull() || e.attributes().empty()) continue;
      Ingress in;
      in.label = label;
      in.protocol = e.get("protocol");
      in.from_port = e.get("from_port");
      in.to_port = e.get("to_port");
      for (std::string_view name : {"cidr_blocks", "ipv6_cidr_blocks"}) {
        const Value* v = e.get(name);
        if (v != nullptr && !isNullValue(*v)) in.sources.push_back({std::string(name), v, at, label + "." + std::string(name)});
      }
      check(instance, in, at, admin, ctx);
    }
  }

  void checkSecurityGroupRule(const eval::ResourceInstance& instance, const AdminCidrs& admin, RuleContext& ctx) const {
    const eval::EvaluatedBlock& body = instance.body;
    const eval::EvaluatedAttr* type = body.attr("type");
    if (type == nullptr) return;
    if (!type->value.isKnown()) {
      // Only matters when the ingress would fail were it an ingress.
      Ingress in = ruleIngress(body, "aws_security_group_rule", {"cidr_blocks", "ipv6_cidr_blocks"});
      std::string why;
      if (offends(in, admin) && reachesSsh(in, why) != Reach::kNo)
        undecided(instance, locationOf(*type), "type", "the rule's type is unknown until apply", ctx);
      return;
    }
    std::optional<std::string> t = knownString(type->value);
    if (!t || *t != "ingress") return;
    check(instance, ruleIngress(body, "aws_security_group_rule", {"cidr_blocks", "ipv6_cidr_blocks"}), headerOf(instance),
          admin, ctx);
  }

  void checkVpcIngressRule(const eval::ResourceInstance& instance, const AdminCidrs& admin, RuleContext& ctx) const {
    Ingress in = ruleIngress(instance.body, "aws_vpc_security_group_ingress_rule", {"cidr_ipv4", "cidr_ipv6"});
    in.protocol = valueOf(instance.body, "ip_protocol");
    check(instance, in, headerOf(instance), admin, ctx);
  }

  static const Value* valueOf(const eval::EvaluatedBlock& block, std::string_view name) {
    const eval::EvaluatedAttr* a = block.attr(name);
    return a ? &a->value : nullptr;
  }

  static Ingress ruleIngress(const eval::EvaluatedBlock& body, std::string_view label,
                             std::initializer_list<std::string_view> cidr_attrs) {
    Ingress in;
    in.label = std::string(label);
    in.protocol = valueOf(body, "protocol");
    in.from_port = valueOf(body, "from_port");
    in.to_port = valueOf(body, "to_port");
    for (std::string_view name : cidr_attrs)
      if (const eval::EvaluatedAttr* a = setAttr(body, name))
        in.sources.push_back({std::string(name), &a->value, locationOf(*a), std::string(name)});
    return in;
  }

  /// The CIDRs of one source that SSH must not be open to, and whether some are unknown.
  struct Verdict {
    std::vector<const Value*> offending;  ///< string elements (or the value itself)
    std::vector<std::string> shown;       ///< as printed: the CIDR, or "(sensitive)"
    bool unknown = false;
  };

  static Verdict judge(const CidrSource& source, const AdminCidrs& admin) {
    Verdict v;
    auto one = [&](const Value& e) {
      if (!e.isKnown()) {
        v.unknown = true;
        return;
      }
      std::optional<std::string> s = knownString(e);
      if (!s) return;
      std::optional<cidr::Prefix> p = parseCidr(*s);
      if (!p) return;  // not a CIDR: AWS rejects it; not this rule's business
      bool bad = admin.configured ? !cidrWithinAny(*p, admin.prefixes) : p->isWholeFamily();
      if (!bad) return;
      v.offending.push_back(&e);
      v.shown.push_back(anySensitive(e) || source.value->sensitive() ? "(sensitive)" : *s);
    };
    const Value& value = *source.value;
    if (!value.isKnown()) {
      v.unknown = true;
    } else if (value.type().kind() == eval::TypeKind::kString) {
      one(value);
    } else if (!value.isNull()) {
      for (const Value& e : value.elements()) one(e);
    }
    return v;
  }

  static bool offends(const Ingress& in, const AdminCidrs& admin) {
    for (const CidrSource& s : in.sources) {
      Verdict v = judge(s, admin);
      if (!v.offending.empty() || v.unknown) return true;
    }
    return false;
  }

  void check(const eval::ResourceInstance& instance, const Ingress& in, const Location& fallback,
             const AdminCidrs& admin, RuleContext& ctx) const {
    for (const CidrSource& source : in.sources) {
      Verdict v = judge(source, admin);
      if (v.offending.empty() && !v.unknown) continue;
      std::string why;
      Reach reach = reachesSsh(in, why);
      if (reach == Reach::kNo) return;  // the same for every source of this ingress
      Location at = source.at.file ? source.at : fallback;
      if (reach == Reach::kUnknown) {
        undecided(instance, at, source.path, why, ctx);
        continue;
      }
      if (v.offending.empty()) {
        undecided(instance, at, source.path, fmt::format("{} is unknown until apply", source.name), ctx);
        continue;
      }
      RuleFinding f;
      f.message = fmt::format("SSH (22/tcp) is open to {}; {}", joinStrings(v.shown), allowedText(admin));
      f.detail = fmt::format(
          "{} allows {} from {} ({}), which includes SSH. Restrict the source to the administrators' networks "
          "(the rule's admin_cidrs in .tfguard.hcl) or use SSM Session Manager and close port 22.",
          in.label, why, joinStrings(v.shown), source.name);
      f.at = at;
      f.resource = instance.address;
      f.attribute_path = source.path;
      appendRelated(f.related, ctx.provenanceOf(*source.value));
      for (const Value* e : v.offending)
        if (e != source.value) appendRelated(f.related, ctx.provenanceOf(*e));
      ctx.report(std::move(f));
    }
  }

  static std::string allowedText(const AdminCidrs& admin) {
    if (!admin.configured) return "no admin_cidrs configured";
    if (admin.text.empty()) return "no admin CIDRs allowed (admin_cidrs is empty)";
    return "allowed admin CIDRs: " + joinStrings(admin.text);
  }

  void undecided(const eval::ResourceInstance& instance, const Location& at, const std::string& path,
                 const std::string& why, RuleContext& ctx) const {
    RuleFinding f;
    f.message = fmt::format("cannot tell whether SSH (22/tcp) is open outside the admin CIDRs: {}", why);
    f.at = at;
    f.resource = instance.address;
    f.attribute_path = path;
    ctx.undecided(std::move(f));
  }

  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeSshAdminCidrRule() { return std::make_unique<SshAdminCidrRule>(); }

}  // namespace tfguard::rules
