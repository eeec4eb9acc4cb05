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
    meta_.description =
        "Fails for security group ingress that reaches port 22 — an explicit port range containing 22, "
        "0-65535, or protocol `-1`/`all` — from a CIDR that is not inside one of the configured "
        "`admin_cidrs`. With no `admin_cidrs` configured, only `0.0.0.0/0` and `::/0` fail.\n\n"
        "Covers `aws_security_group` `ingress` blocks (including `dynamic` ones and `ingress = [{...}]` "
        "lists), `aws_security_group_rule` with `type = \"ingress\"` and "
        "`aws_vpc_security_group_ingress_rule`. The CIDRs are the values each environment really sets: "
        "`cidr_blocks = var.ssh_cidrs` is checked with production's tfvars.\n\n"
        "**Why:** an SSH port open to the internet is scanned and brute-forced within minutes of the "
        "instance starting. A common set-up keeps `0.0.0.0/0` \"for testing\" in development and a "
        "restricted list in production; when the two drift (a copied tfvars file, a default left in the "
        "module), production ends up open. Restrict SSH to the administrators' networks, or use SSM "
        "Session Manager and close port 22 altogether.";
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
                     "list of CIDRs SSH may be opened to (IPv4 and IPv6); an ingress CIDR must lie inside one "
                     "of them. Unset: only 0.0.0.0/0 and ::/0 fail. An empty list: any SSH ingress fails."}};
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
