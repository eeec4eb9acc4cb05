// Loading and validating policy files (policies/README.md). Everything a
// policy author can get wrong is reported with its place: unknown
// arguments (with a suggestion), metadata that is not a constant of the
// right type, a missing selector or assert, references to names that do
// not exist and calls to functions that do not exist.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "eval/expr_eval.h"
#include "eval/functions.h"
#include "policy/compiled_policy.h"
#include "policy/policy.h"
#include "settings/constant.h"
#include "syntax/parser.h"

namespace tfguard::policy {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kArguments[] = {
    "assert",   "at",       "bad_example", "data",     "description", "detail",  "development_severity",
    "enabled",  "for_each", "good_example", "message", "module",      "production_severity", "resource",
    "scope",    "security_severity", "severity", "summary", "tags", "when",
};

std::string suggestion(std::string_view name, std::span<const std::string_view> candidates) {
  std::string_view best = settings::suggestName(name, candidates);
  return best.empty() ? std::string() : fmt::format(" (did you mean \"{}\"?)", best);
}

bool isKebabCase(std::string_view id) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      return false;
  return id.back() != '-';
}

std::optional<Severity> severityNamed(std::string_view s) {
  if (s == "error") return Severity::kError;
  if (s == "warning") return Severity::kWarning;
  if (s == "note") return Severity::kNote;
  return std::nullopt;
}

class PolicyFileLoader {
 public:
  PolicyFileLoader(std::shared_ptr<const SourceFile> source, std::string label)
      : source_(std::move(source)), label_(std::move(label)) {}

  PolicySet load() {
    auto parsed = std::make_shared<syntax::ParsedFile>(syntax::parseConfig(source_));
    file_ = parsed;
    for (const Diagnostic& d : parsed->diagnostics)
      if (d.severity == Severity::kError) error(d.subject.value_or(ByteRange{}), d.summary + ": " + d.detail);
    if (!set_.errors.empty() || parsed->body == nullptr) return std::move(set_);
    std::set<std::string> ids;
    for (const syntax::BodyItem* item : parsed->body->items) {
      if (item->kind != syntax::BodyItemKind::kBlock) {
        const auto* a = static_cast<const syntax::Attribute*>(item);
        error(a->name_range, fmt::format("unexpected argument \"{}\": a policy file holds only policy blocks", a->name));
        continue;
      }
      const auto* b = static_cast<const syntax::Block*>(item);
      if (b->type != "policy") {
        error(b->type_range, fmt::format("unexpected block \"{}\": a policy file holds only policy blocks", b->type));
        continue;
      }
      auto policy = compile(*b);
      if (!policy) continue;
      if (!ids.insert(policy->id).second) {
        error(b->labels[0].range, fmt::format("policy \"{}\" is declared twice in this file", policy->id));
        continue;
      }
      set_.rules.push_back(makePolicyRule(std::move(policy)));
    }
    return std::move(set_);
  }

 private:
  void error(ByteRange at, std::string message) {
    Position p = source_->lines().position(at.begin);
    set_.errors.push_back({fmt::format("{}:{}:{}: {}", source_->path(), p.line, p.column, message)});
    ++errors_;
  }

  std::optional<eval::Value> constant(const syntax::Attribute& a) {
    eval::EvalDiagnostics diags;
    eval::Value v = eval::evalConstant(*a.expr, *file_, diags);
    if (!diags.empty()) {
      error(diags[0].diag.subject.value_or(a.expr->range),
            fmt::format("\"{}\" must be a constant: {}", a.name, diags[0].diag.detail));
      return std::nullopt;
    }
    return v;
  }

  std::optional<std::string> constantString(const syntax::Attribute& a) {
    auto v = constant(a);
    if (!v) return std::nullopt;
    if (v->isNull() || !v->isKnown() || v->type().kind() != eval::TypeKind::kString) {
      error(a.expr->range, fmt::format("\"{}\" must be a string", a.name));
      return std::nullopt;
    }
    return v->asString();
  }

  std::optional<std::vector<std::string>> constantStrings(const syntax::Attribute& a) {
    auto v = constant(a);
    if (!v) return std::nullopt;
    if (v->isKnown() && !v->isNull() && v->type().kind() == eval::TypeKind::kString) return std::vector{v->asString()};
    std::vector<std::string> out;
    bool ok = v->isKnown() && !v->isNull() &&
              (v->type().kind() == eval::TypeKind::kTuple || v->type().kind() == eval::TypeKind::kList);
    if (ok) {
      for (const eval::Value& e : v->elements()) {
        if (e.isNull() || !e.isKnown() || e.type().kind() != eval::TypeKind::kString) {
          ok = false;
          break;
        }
        out.push_back(e.asString());
      }
    }
    if (!ok) {
      error(a.expr->range, fmt::format("\"{}\" must be a string or a list of strings", a.name));
      return std::nullopt;
    }
    return out;
  }

  std::optional<Severity> constantSeverity(const syntax::Attribute& a) {
    auto s = constantString(a);
    if (!s) return std::nullopt;
    auto sev = severityNamed(*s);
    if (!sev) error(a.expr->range, fmt::format("\"{}\" must be \"error\", \"warning\" or \"note\", not \"{}\"", a.name, *s));
    return sev;
  }

  std::unique_ptr<CompiledPolicy> compile(const syntax::Block& block) {
    size_t errors_before = errors_;
    if (block.labels.size() != 1) {
      error(block.type_range, "a policy block takes one label, its id: policy \"my-rule\" { ... }");
      return nullptr;
    }
    auto p = std::make_unique<CompiledPolicy>();
    p->file = file_;
    p->id = std::string(block.labels[0].value);
    p->source = label_;
    p->header = {block.range.begin, block.open_brace.begin};
    if (!isKebabCase(p->id))
      error(block.labels[0].range, fmt::format("policy id \"{}\" must be kebab-case (lower-case words joined by -)", p->id));

    std::map<std::string_view, const syntax::Attribute*> attrs;
    std::vector<const syntax::Block*> param_blocks, locals_blocks;
    for (const syntax::BodyItem* item : block.body->items) {
      if (item->kind == syntax::BodyItemKind::kBlock) {
        const auto* b = static_cast<const syntax::Block*>(item);
        if (b->type == "param") param_blocks.push_back(b);
        else if (b->type == "locals") locals_blocks.push_back(b);
        else error(b->type_range, fmt::format("unexpected block \"{}\" in policy \"{}\" (param and locals are allowed)", b->type, p->id));
        continue;
      }
      const auto* a = static_cast<const syntax::Attribute*>(item);
      if (std::find(std::begin(kArguments), std::end(kArguments), a->name) == std::end(kArguments)) {
        error(a->name_range, fmt::format("unknown argument \"{}\" in policy \"{}\"{}", a->name, p->id,
                                         suggestion(a->name, kArguments)));
        continue;
      }
      if (!attrs.emplace(a->name, a).second)
        error(a->name_range, fmt::format("argument \"{}\" is set twice in policy \"{}\"", a->name, p->id));
    }
    auto get = [&](std::string_view name) -> const syntax::Attribute* {
      auto it = attrs.find(name);
      return it == attrs.end() ? nullptr : it->second;
    };

    // Metadata.
    if (const auto* a = get("severity")) {
      if (auto s = constantSeverity(*a)) p->severity = *s;
    } else {
      error(block.type_range, fmt::format("policy \"{}\" needs a severity (\"error\", \"warning\" or \"note\")", p->id));
    }
    if (const auto* a = get("development_severity")) p->development_severity = constantSeverity(*a);
    if (const auto* a = get("production_severity")) p->production_severity = constantSeverity(*a);
    if (const auto* a = get("summary")) {
      if (auto s = constantString(*a)) p->summary = *s;
    } else {
      error(block.type_range, fmt::format("policy \"{}\" needs a summary", p->id));
    }
    for (auto [name, field] : {std::pair{"description", &p->description}, {"bad_example", &p->bad_example},
                               {"good_example", &p->good_example}, {"security_severity", &p->security_severity}}) {
      if (const auto* a = get(name))
        if (auto s = constantString(*a)) *field = *s;
    }
    if (const auto* a = get("tags"))
      if (auto t = constantStrings(*a)) p->tags = *t;
    if (const auto* a = get("enabled")) {
      auto v = constant(*a);
      if (v && v->isKnown() && !v->isNull() && v->type().kind() == eval::TypeKind::kBool) p->enabled = v->asBool();
      else if (v) error(a->expr->range, "\"enabled\" must be true or false");
    }

    // Selector: exactly one.
    std::vector<const syntax::Attribute*> selectors;
    for (std::string_view s : {"resource", "data", "module", "scope"})
      if (const auto* a = get(s)) selectors.push_back(a);
    if (selectors.size() != 1) {
      error(selectors.size() > 1 ? selectors[1]->name_range : block.type_range,
            fmt::format("policy \"{}\" needs exactly one of resource, data, module or scope = \"environment\"", p->id));
    } else {
      const syntax::Attribute& s = *selectors[0];
      if (s.name == "scope") {
        auto v = constantString(s);
        if (v && *v != "environment") error(s.expr->range, fmt::format("scope must be \"environment\", not \"{}\"", *v));
        p->selector = SelectorKind::kEnvironment;
      } else {
        p->selector = s.name == "resource" ? SelectorKind::kResource
                      : s.name == "data"   ? SelectorKind::kData
                                           : SelectorKind::kModule;
        if (auto t = constantStrings(s)) p->types = *t;
        if (p->types.empty()) error(s.expr->range, fmt::format("\"{}\" must name at least one type", s.name));
      }
    }

    // Parameters.
    for (const syntax::Block* b : param_blocks) {
      if (b->labels.size() != 1) {
        error(b->type_range, "a param block takes one label, the parameter's name");
        continue;
      }
      PolicyParamDecl decl;
      decl.name = std::string(b->labels[0].value);
      for (const syntax::BodyItem* item : b->body->items) {
        if (item->kind != syntax::BodyItemKind::kAttribute) {
          error(item->range, "a param block holds only default and description");
          continue;
        }
        const auto* a = static_cast<const syntax::Attribute*>(item);
        if (a->name == "default") {
          if (auto v = constant(*a)) decl.default_value = *v;
          decl.default_text = std::string(source_->text().substr(a->expr->range.begin, a->expr->range.end - a->expr->range.begin));
        } else if (a->name == "description") {
          if (auto s = constantString(*a)) decl.description = *s;
        } else {
          error(a->name_range, fmt::format("unknown argument \"{}\" in param \"{}\" (default and description are allowed)", a->name, decl.name));
        }
      }
      for (const auto& existing : p->params)
        if (existing.name == decl.name) error(b->labels[0].range, fmt::format("param \"{}\" is declared twice", decl.name));
      p->params.push_back(std::move(decl));
    }

    // The check's expressions.
    p->when = get("when") ? get("when")->expr : nullptr;
    p->for_each = get("for_each") ? get("for_each")->expr : nullptr;
    p->assertion = get("assert") ? get("assert")->expr : nullptr;
    p->at = get("at") ? get("at")->expr : nullptr;
    p->message = get("message") ? get("message")->expr : nullptr;
    p->detail = get("detail") ? get("detail")->expr : nullptr;
    if (p->assertion == nullptr) error(block.type_range, fmt::format("policy \"{}\" needs an assert", p->id));
    if (p->message == nullptr) error(block.type_range, fmt::format("policy \"{}\" needs a message", p->id));

    std::set<std::string> declared_locals;
    for (const syntax::Block* b : locals_blocks) {
      for (const syntax::BodyItem* item : b->body->items) {
        if (item->kind != syntax::BodyItemKind::kAttribute) {
          error(item->range, "a locals block holds only name = expression");
          continue;
        }
        const auto* a = static_cast<const syntax::Attribute*>(item);
        checkExpression(*p, *a->expr, declared_locals);
        if (!declared_locals.insert(std::string(a->name)).second)
          error(a->name_range, fmt::format("local \"{}\" is declared twice", a->name));
        p->locals.emplace_back(std::string(a->name), a->expr);
      }
    }
    for (const syntax::Expr* e : {p->when, p->for_each, p->assertion, p->at, p->message, p->detail})
      if (e != nullptr) checkExpression(*p, *e, declared_locals);
    for (auto [name, expr] : {std::pair{"when", p->when}, {"for_each", p->for_each}}) {
      if (expr == nullptr) continue;
      // Locals are evaluated per check, after these.
      eval::ReferenceVisitor v;
      v.traversal = [&, name = name](const syntax::ScopeTraversalExpr& t) {
        if (t.root == "local") error(t.root_range, fmt::format("{} cannot use locals (they are evaluated per check, after it)", name));
      };
      eval::visitReferences(*expr, v);
    }
    if (p->for_each != nullptr) {
      // each is bound only after for_each: for_each itself cannot use it.
      eval::ReferenceVisitor v;
      v.traversal = [&](const syntax::ScopeTraversalExpr& t) {
        if (t.root == "each") error(t.root_range, "for_each cannot refer to each");
      };
      eval::visitReferences(*p->for_each, v);
    }
    if (errors_ != errors_before) return nullptr;
    return p;
  }

  // Names and functions an expression uses must exist.
  void checkExpression(const CompiledPolicy& p, const syntax::Expr& expr, const std::set<std::string>& locals) {
    static constexpr std::string_view kRoots[] = {"self", "instance", "each", "env", "param", "local"};
    eval::ReferenceVisitor v;
    v.traversal = [&](const syntax::ScopeTraversalExpr& t) {
      if (std::find(std::begin(kRoots), std::end(kRoots), t.root) == std::end(kRoots)) {
        error(t.root_range, fmt::format("unknown name \"{}\" in policy \"{}\"{}: the names are self, instance, each, "
                                        "env, param and local",
                                        t.root, p.id, suggestion(t.root, kRoots)));
        return;
      }
      if ((t.root == "self" || t.root == "instance") && p.selector == SelectorKind::kEnvironment)
        error(t.root_range, fmt::format("an environment policy has no {} (use resources(type))", t.root));
      if (t.root == "each" && p.for_each == nullptr)
        error(t.root_range, "each is only defined in a policy with for_each");
      std::string_view step = !t.steps.empty() && t.steps[0].kind == syntax::StepKind::kAttr ? t.steps[0].name : "";
      if (t.root == "param") {
        bool found = std::any_of(p.params.begin(), p.params.end(), [&](const auto& d) { return d.name == step; });
        if (!found)
          error(t.root_range, fmt::format("param.{} is not declared: add param \"{}\" {{ default = ... }} to policy \"{}\"",
                                          step, step, p.id));
      }
      if (t.root == "local" && !locals.count(std::string(step)))
        error(t.root_range, fmt::format("local.{} is not declared (before this use) in policy \"{}\"", step, p.id));
    };
    v.call = [&](const syntax::CallExpr& c) {
      if (c.name == "try" || c.name == "can" || isQueryFunction(c.name) || eval::findFunction(c.name) != nullptr) return;
      error(c.name_range, fmt::format("there is no function named \"{}\"", c.name));
    };
    eval::visitReferences(expr, v);
  }

  std::shared_ptr<const SourceFile> source_;
  std::string label_;
  std::shared_ptr<syntax::ParsedFile> file_;
  PolicySet set_;
  size_t errors_ = 0;
};

}  // namespace

PolicySet loadPolicyText(std::shared_ptr<const SourceFile> file, std::string source) {
  return PolicyFileLoader(std::move(file), std::move(source)).load();
}

PolicySet loadPolicyDir(const fs::path& dir) {
  PolicySet out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.errors.push_back({fmt::format("{}: the policy folder does not exist", dir.string())});
    return out;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it.depth() > 32) it.disable_recursion_pending();
    if (it->is_regular_file(ec) && it->path().extension() == ".hcl") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      out.errors.push_back({fmt::format("{}: cannot read the policy file", path.string())});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string shown = path.lexically_normal().generic_string();
    PolicySet one = loadPolicyText(std::make_shared<SourceFile>(shown, ss.str()), shown);
    for (auto& r : one.rules) out.rules.push_back(std::move(r));
    for (auto& e : one.errors) out.errors.push_back(std::move(e));
  }
  return out;
}

const PolicySet& builtinPolicies() {
  // Never destroyed: the ASTs' arenas return their blocks to a per-thread
  // pool that is gone by the time function-local statics are destroyed.
  static const PolicySet& set = *new PolicySet([] {
    PolicySet out;
    for (const EmbeddedPolicyFile& f : embeddedPolicyFiles()) {
      std::string shown = "policies/" + std::string(f.path);
      PolicySet one =
          loadPolicyText(std::make_shared<SourceFile>(shown, std::string(f.text)), "builtin policy " + shown);
      for (auto& r : one.rules) out.rules.push_back(std::move(r));
      for (auto& e : one.errors) out.errors.push_back(std::move(e));
    }
    return out;
  }());
  return set;
}

}  // namespace tfguard::policy
