// Running a policy (policies/README.md): for each selected instance of an
// environment, bind self/instance/env/param, evaluate `when`, expand
// `for_each`, evaluate the locals and `assert`, and report a finding with
// the rendered message at the place `at` names. Unknown results and
// evaluation errors are undecided, never findings.
#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>

#include "eval/expr_eval.h"
#include "policy/compiled_policy.h"
#include "policy/query_functions.h"
#include "rules/rule_helpers.h"

namespace tfguard::policy {
namespace {

using eval::Value;

// ------------------------------------------------------------ instance objects

// Blocks of one type with every argument any of them sets (null where not
// written), so that they unify as Terraform's schema-typed blocks do
// (`x == null ? [] : x` and for expressions over them work).
std::vector<Value> withSameAttributes(std::vector<Value> blocks) {
  std::set<std::string> names;
  for (const Value& b : blocks)
    for (const auto& [k, v] : b.attributes()) names.insert(k);
  for (Value& b : blocks) {
    if (b.attributes().size() == names.size()) continue;
    std::vector<Value::Attribute> attrs(b.attributes().begin(), b.attributes().end());
    for (const std::string& n : names)
      if (b.get(n) == nullptr) attrs.emplace_back(n, Value::null());
    b = Value::object(std::move(attrs));
  }
  return blocks;
}

std::vector<Value::Attribute> blockAttributes(const eval::EvaluatedBlock& block, int depth = 0) {
  std::vector<Value::Attribute> attrs;
  attrs.reserve(block.attrs.size() + 4);
  for (const eval::EvaluatedAttr& a : block.attrs) attrs.emplace_back(a.name, a.value);
  if (depth < 32 && !block.blocks.empty()) {
    std::map<std::string, std::vector<Value>> nested;
    std::vector<std::string> order;
    for (const eval::EvaluatedBlock& b : block.blocks) {
      if (!nested.count(b.type)) order.push_back(b.type);
      nested[b.type].push_back(Value::object(blockAttributes(b, depth + 1)));
    }
    for (const std::string& type : order) {
      if (block.attr(type) != nullptr) continue;  // an argument of the same name wins
      attrs.emplace_back(type, Value::tuple(withSameAttributes(std::move(nested[type]))));
    }
  }
  return attrs;
}

// lifecycle is a meta block the evaluator does not keep in the body; its
// arguments are constants in Terraform (create_before_destroy, prevent_destroy).
Value lifecycleObject(const model::Resource& decl) {
  if (decl.lifecycle == nullptr) return Value::null();
  std::vector<Value::Attribute> attrs;
  for (const model::Attr& a : decl.lifecycle->content.attrs) {
    if (a.expr == nullptr || a.file == nullptr) continue;
    eval::EvalDiagnostics diags;
    Value v = eval::evalConstant(*a.expr, *a.file, diags);
    attrs.emplace_back(std::string(a.name), diags.empty() ? v : Value::unknown());
  }
  return Value::tuple({Value::object(std::move(attrs))});
}

}  // namespace

Value instanceObject(const eval::ResourceInstance& instance) {
  std::vector<Value::Attribute> attrs = blockAttributes(instance.body);
  if (instance.decl != nullptr && instance.decl->lifecycle != nullptr &&
      std::none_of(attrs.begin(), attrs.end(), [](const auto& a) { return a.first == "lifecycle"; }))
    attrs.emplace_back("lifecycle", lifecycleObject(*instance.decl));
  return Value::objectStandingFor(std::move(attrs), instance.address);
}

namespace {

std::string modulePathOf(std::string_view address) {
  // "module.a.module.b[0].aws_x.y" -> "module.a.module.b[0]"
  size_t end = 0, pos = 0;
  while (address.substr(pos).starts_with("module.")) {
    size_t dot = address.find('.', pos + 7);
    if (dot == std::string_view::npos) break;
    // A key may contain dots: skip a bracketed key.
    size_t bracket = address.find('[', pos + 7);
    if (bracket != std::string_view::npos && bracket < dot) {
      size_t close = address.find(']', bracket);
      if (close == std::string_view::npos) break;
      dot = address.find('.', close);
      if (dot == std::string_view::npos) break;
    }
    end = dot;
    pos = dot + 1;
  }
  return std::string(address.substr(0, end));
}

Value instanceMeta(const eval::ResourceInstance& r) {
  std::vector<Value::Attribute> attrs;
  bool data = r.decl != nullptr && r.decl->mode == model::ResourceMode::kData;
  attrs.emplace_back("address", Value::string(r.address));
  attrs.emplace_back("type", Value::string(r.decl ? std::string(r.decl->type) : ""));
  attrs.emplace_back("name", Value::string(r.decl ? std::string(r.decl->name) : ""));
  attrs.emplace_back("mode", Value::string(data ? "data" : "managed"));
  attrs.emplace_back("module", Value::string(modulePathOf(r.address)));
  switch (r.key.kind) {
    case eval::InstanceKey::Kind::kIndex: attrs.emplace_back("key", Value::number(r.key.index)); break;
    case eval::InstanceKey::Kind::kString: attrs.emplace_back("key", Value::string(r.key.key)); break;
    case eval::InstanceKey::Kind::kUnknown: attrs.emplace_back("key", Value::unknown()); break;
    case eval::InstanceKey::Kind::kNone: attrs.emplace_back("key", Value::null()); break;
  }
  return Value::object(std::move(attrs));
}

Value envObject(const rules::RuleContext& ctx) {
  const eval::EvaluatedEnvironment& env = ctx.environment();
  std::vector<Value::Attribute> vars;
  if (env.root)
    for (const eval::VariableValue& v : env.root->variables) vars.emplace_back(v.name, v.value);
  Value backend = Value::null();
  if (env.backend)
    backend = Value::object({{"type", Value::string(env.backend->type)}, {"config", env.backend->config}});
  std::vector<Value::Attribute> attrs;
  attrs.emplace_back("name", Value::string(env.spec ? env.spec->name : ""));
  attrs.emplace_back("tier", Value::string(std::string(loader::tierName(ctx.tier()))));
  attrs.emplace_back("workspace", Value::string(env.spec ? env.spec->workspace : "default"));
  attrs.emplace_back("root", Value::string(env.root ? env.root->dir : ""));
  attrs.emplace_back("variables", Value::object(std::move(vars)));
  attrs.emplace_back("backend", backend);
  return Value::object(std::move(attrs));
}

/// Which instances of one type refer to which resources through some of
/// their arguments: by the referenced resource's name ("aws_instance.web"),
/// the referring instance (its index in resources(type)) and the full
/// reference.
struct ReferrerIndex {
  struct Entry {
    size_t instance;
    std::string reference;
  };
  std::vector<const eval::ResourceInstance*> instances;  ///< as resources(type) lists them
  std::map<std::string, std::vector<Entry>, std::less<>> by_name;
};

// The references in a nested block's arguments and blocks.
void collectBlockReferences(const eval::EvaluatedBlock& block, std::vector<std::string>& out, int depth = 0) {
  for (const eval::EvaluatedAttr& a : block.attrs)
    for (std::string& ref : rules::allReferences(a.value)) out.push_back(std::move(ref));
  if (depth < 32)
    for (const eval::EvaluatedBlock& b : block.blocks) collectBlockReferences(b, out, depth + 1);
}

// The references in the top-level entry `name` of an instance's object
// (instanceObject): an argument, else the nested blocks of that type; the
// lifecycle block holds constants only.
std::vector<std::string> entryReferences(const eval::EvaluatedBlock& body, std::string_view name) {
  if (const eval::EvaluatedAttr* a = body.attr(name)) return rules::allReferences(a->value);
  std::vector<std::string> out;
  for (const eval::EvaluatedBlock& b : body.blocks)
    if (b.type == name) collectBlockReferences(b, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// What policies share per environment: objects built once.
struct EnvironmentObjects {
  Value env;
  std::unordered_map<const eval::ResourceInstance*, Value> selves;
  std::unordered_map<const eval::ResourceInstance*, Value> metas;
  std::map<std::string, Value, std::less<>> params;  ///< by rule id
  eval::FunctionContext function_context;  ///< policies read no files
  std::map<std::string, Value, std::less<>> by_type;
  std::map<std::string, ReferrerIndex, std::less<>> referrers;
  /// Policy expressions that read neither self, instance nor each: the
  /// same in every check of the environment, so evaluated once (a local
  /// by its index, a message or detail rendered) per policy.
  std::map<std::pair<const CompiledPolicy*, size_t>, Value> invariant_locals;
  std::map<std::pair<const CompiledPolicy*, const syntax::Expr*>, std::string> invariant_texts;
};

EnvironmentObjects& objectsOf(rules::RuleContext& ctx) {
  std::shared_ptr<void>& slot = ctx.sharedState("policy.objects");
  if (!slot) {
    auto objects = std::make_shared<EnvironmentObjects>();
    objects->env = envObject(ctx);
    objects->function_context.read_file = [](const std::string&, std::string* error) -> std::optional<std::string> {
      *error = "policies do not read files";
      return std::nullopt;
    };
    objects->function_context.list_files = [](const std::string&, const std::string&, std::string*) {
      return std::vector<std::string>();
    };
    slot = objects;
  }
  return *static_cast<EnvironmentObjects*>(slot.get());
}

const Value& selfOf(EnvironmentObjects& objects, const eval::ResourceInstance& r) {
  auto it = objects.selves.find(&r);
  if (it == objects.selves.end()) it = objects.selves.emplace(&r, instanceObject(r)).first;
  return it->second;
}

// ------------------------------------------------------------- invariance

/// Which expressions of a policy read neither `self`, `instance` nor `each`
/// (directly or through locals): their values depend on the environment and
/// the parameters only.
struct Invariance {
  std::vector<bool> locals;  ///< by index in CompiledPolicy::locals
  bool message = false, detail = false;
};

Invariance invarianceOf(const CompiledPolicy& p) {
  auto readsInstance = [&](const syntax::Expr* e, const std::vector<bool>* locals) {
    bool reads = false;
    eval::ReferenceVisitor visitor;
    visitor.traversal = [&](const syntax::ScopeTraversalExpr& t) {
      if (t.root == "self" || t.root == "instance" || t.root == "each") reads = true;
      if (t.root == "local" && locals != nullptr) {
        bool found = false;
        for (size_t i = 0; i < p.locals.size(); ++i)
          if (!t.steps.empty() && p.locals[i].first == t.steps[0].name) {
            found = true;
            if (!(*locals)[i]) reads = true;
          }
        if (!found) reads = true;
      }
    };
    if (e != nullptr) eval::visitReferences(*e, visitor);
    return reads;
  };
  Invariance out;
  out.locals.assign(p.locals.size(), true);
  for (bool changed = true; changed;) {  // a fixpoint over locals that use locals
    changed = false;
    for (size_t i = 0; i < p.locals.size(); ++i)
      if (out.locals[i] && readsInstance(p.locals[i].second, &out.locals)) {
        out.locals[i] = false;
        changed = true;
      }
  }
  out.message = p.message != nullptr && !readsInstance(p.message, &out.locals);
  out.detail = p.detail != nullptr && !readsInstance(p.detail, &out.locals);
  return out;
}

// ------------------------------------------------------------------- the scope

class PolicyScope final : public eval::Scope, public QueryHost {
 public:
  PolicyScope(rules::RuleContext& ctx, EnvironmentObjects& objects) : ctx_(ctx), objects_(objects) {}

  /// `local.NAME`, evaluated when first used in a check (so `a || local.b`
  /// costs nothing when `a` decides) and kept until the next check.
  void setLocals(eval::ExprEvaluator* ev, const CompiledPolicy* policy, const Invariance* invariance,
                 eval::EvalDiagnostics* diags) {
    evaluator_ = ev;
    policy_ = policy;
    locals_ = &policy->locals;
    invariance_ = invariance;
    diags_ = diags;
  }
  void forgetLocals() { local_values_.clear(); }

  std::optional<Value> resolve(const syntax::ScopeTraversalExpr& t, size_t* consumed, Diagnostic* error) override {
    *consumed = 0;
    if (t.root == "local" && !t.steps.empty() && t.steps[0].kind == syntax::StepKind::kAttr && locals_ != nullptr) {
      std::string_view name = t.steps[0].name;
      *consumed = 1;
      for (auto& [n, v] : local_values_)
        if (n == name) {
          if (v) return *v;
          *error = {Severity::kError, "Cycle in policy locals", fmt::format("local.{} refers to itself.", name),
                    t.root_range, std::nullopt};
          return std::nullopt;
        }
      for (size_t i = 0; i < locals_->size(); ++i) {
        const auto& [n, expr] = (*locals_)[i];
        if (n != name) continue;
        bool invariant = invariance_ != nullptr && invariance_->locals[i];
        if (invariant)
          if (auto it = objects_.invariant_locals.find({policy_, i}); it != objects_.invariant_locals.end())
            return it->second;
        local_values_.emplace_back(n, std::nullopt);  // in progress
        size_t slot = local_values_.size() - 1;
        size_t diags_before = diags_ != nullptr ? diags_->size() : 0;
        Value v = evaluator_->eval(*expr);
        local_values_[slot].second = v;
        // Kept only without errors, so that every check still reports them.
        if (invariant && diags_ != nullptr && diags_->size() == diags_before) objects_.invariant_locals.emplace(std::make_pair(policy_, i), v);
        return v;
      }
    }
    *error = {Severity::kError, "Unknown name", fmt::format("There is no \"{}\" here.", t.root), t.root_range,
              std::nullopt};
    return std::nullopt;
  }
  eval::FunctionContext& functionContext() override { return objects_.function_context; }
  const syntax::Expr* loadTemplate(const std::string&, const syntax::ParsedFile**, std::string* error) override {
    *error = "policies do not read files";
    return nullptr;
  }
  bool hasFunction(std::string_view name) const override { return isQueryFunction(name); }
  eval::FunctionResult callFunction(std::string_view name, std::span<const Value> args) override {
    return callQueryFunction(name, args, *this);
  }

  // QueryHost
  Value resources(std::string_view type) override {
    auto it = objects_.by_type.find(type);
    if (it != objects_.by_type.end()) return it->second;
    bool data = type.starts_with("data.");
    std::string_view bare = data ? type.substr(5) : type;
    std::vector<Value> list;
    for (const eval::ResourceInstance* r : ctx_.allResources()) {
      if (r == nullptr || r->decl == nullptr || r->decl->type != bare) continue;
      if ((r->decl->mode == model::ResourceMode::kData) != data) continue;
      list.push_back(selfOf(objects_, *r));
    }
    return objects_.by_type.emplace(std::string(type), Value::tuple(std::move(list))).first->second;
  }

  Value referrers(const std::string& address, std::string_view type,
                  const std::vector<std::string>& attributes) override {
    // Indexed per type and arguments asked for, from the instances' bodies:
    // an object is built only for the instances found (an environment has
    // hundreds of the type, a query finds one or two).
    std::string key(type);
    for (const std::string& a : attributes) key += "\n" + a;
    auto it = objects_.referrers.find(key);
    if (it == objects_.referrers.end()) {
      ReferrerIndex index;
      bool data = type.starts_with("data.");
      std::string_view bare = data ? type.substr(5) : type;
      for (const eval::ResourceInstance* r : ctx_.allResources()) {
        if (r == nullptr || r->decl == nullptr || r->decl->type != bare) continue;
        if ((r->decl->mode == model::ResourceMode::kData) != data) continue;
        size_t i = index.instances.size();
        index.instances.push_back(r);
        auto add = [&](std::vector<std::string> refs) {
          for (std::string& ref : refs) {
            std::string name = resourceNameOf(ref);
            if (!name.empty()) index.by_name[name].push_back({i, std::move(ref)});
          }
        };
        if (!attributes.empty()) {
          for (const std::string& a : attributes) add(entryReferences(r->body, a));
          continue;
        }
        for (const eval::EvaluatedAttr& a : r->body.attrs) add(rules::allReferences(a.value));
        std::vector<std::string_view> block_types;
        for (const eval::EvaluatedBlock& b : r->body.blocks)
          if (r->body.attr(b.type) == nullptr && std::find(block_types.begin(), block_types.end(), b.type) == block_types.end())
            block_types.push_back(b.type);
        for (std::string_view t : block_types) add(entryReferences(r->body, t));
      }
      it = objects_.referrers.emplace(std::move(key), std::move(index)).first;
    }
    const ReferrerIndex& index = it->second;
    std::vector<size_t> found;
    auto candidates = index.by_name.find(resourceNameOf(address));
    if (candidates != index.by_name.end())
      for (const ReferrerIndex::Entry& e : candidates->second)
        if (rules::matchReference(e.reference, address).matches) found.push_back(e.instance);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::vector<Value> out;
    for (size_t i : found) out.push_back(selfOf(objects_, *index.instances[i]));
    return Value::tuple(std::move(out));
  }

 private:
  rules::RuleContext& ctx_;
  EnvironmentObjects& objects_;
  eval::ExprEvaluator* evaluator_ = nullptr;
  const CompiledPolicy* policy_ = nullptr;
  const std::vector<std::pair<std::string, const syntax::Expr*>>* locals_ = nullptr;
  const Invariance* invariance_ = nullptr;
  eval::EvalDiagnostics* diags_ = nullptr;
  std::vector<std::pair<std::string, std::optional<Value>>> local_values_;
};

// ---------------------------------------------------------------- locations

struct PathSegment {
  std::string name;
  std::optional<long long> index;
};

std::vector<PathSegment> parsePath(std::string_view path) {
  std::vector<PathSegment> out;
  size_t i = 0;
  while (i < path.size() && out.size() < 64) {
    size_t end = path.find_first_of(".[", i);
    PathSegment seg;
    seg.name = std::string(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    i = end == std::string_view::npos ? path.size() : end;
    while (i < path.size() && path[i] == '[') {
      size_t close = path.find(']', i);
      if (close == std::string_view::npos) return out;
      std::string key(path.substr(i + 1, close - i - 1));
      if (!key.empty() && std::all_of(key.begin(), key.end(), ::isdigit)) seg.index = std::stoll(key.substr(0, 9));
      i = close + 1;
    }
    if (i < path.size() && path[i] == '.') ++i;
    if (!seg.name.empty()) out.push_back(std::move(seg));
  }
  return out;
}

/// The deepest place `path` reaches inside `body`; nullopt when not even
/// the first step exists. *attr is set when the path ends at an argument.
std::optional<Location> locate(const eval::EvaluatedBlock& body, std::string_view path,
                               const eval::EvaluatedAttr** attr) {
  const eval::EvaluatedBlock* block = &body;
  std::optional<Location> found;
  for (const PathSegment& seg : parsePath(path)) {
    if (const eval::EvaluatedAttr* a = block->attr(seg.name)) {
      *attr = a;
      return rules::locationOf(*a);
    }
    auto blocks = block->blocksOfType(seg.name);
    size_t index = seg.index.value_or(0);
    if (index >= blocks.size()) break;
    block = blocks[index];
    found = rules::locationOf(*block);
  }
  return found;
}

// ------------------------------------------------------------------ the rule

class PolicyRule final : public rules::Rule {
 public:
  explicit PolicyRule(std::unique_ptr<CompiledPolicy> p) : p_(std::move(p)), invariance_(invarianceOf(*p_)) {
    meta_.id = p_->id;
    meta_.default_severity = p_->severity;
    meta_.development_severity = p_->development_severity;
    meta_.production_severity = p_->production_severity;
    meta_.summary = p_->summary;
    meta_.description = p_->description;
    meta_.bad_example = p_->bad_example;
    meta_.good_example = p_->good_example;
    meta_.security_severity = p_->security_severity;
    meta_.source = p_->source;
    meta_.disabled_by_default = !p_->enabled;
    for (const std::string& t : p_->tags) meta_.tags.push_back(t);
    for (const PolicyParamDecl& d : p_->params) meta_.params.push_back({d.name, d.description, d.default_text});
    switch (p_->selector) {
      case SelectorKind::kResource:
      case SelectorKind::kData:
        meta_.scope = rules::RuleScope::kInstance;
        for (const std::string& t : p_->types) meta_.resource_types.push_back(t);
        break;
      case SelectorKind::kModule:
      case SelectorKind::kEnvironment: meta_.scope = rules::RuleScope::kEnvironment; break;
    }
  }

  const rules::RuleMeta& meta() const override { return meta_; }

  void checkInstance(const eval::ResourceInstance& instance, rules::RuleContext& ctx) const override {
    if (instance.decl == nullptr) return;
    bool data = instance.decl->mode == model::ResourceMode::kData;
    if (data != (p_->selector == SelectorKind::kData)) return;
    EnvironmentObjects& objects = objectsOf(ctx);
    Subject subject;
    subject.self = selfOf(objects, instance);
    auto meta = objects.metas.find(&instance);
    if (meta == objects.metas.end()) meta = objects.metas.emplace(&instance, instanceMeta(instance)).first;
    subject.instance = meta->second;
    subject.body = &instance.body;
    subject.decl = instance.decl;
    subject.header = rules::headerOf(instance);
    subject.address = instance.address;
    run(subject, ctx, objects);
  }

  void checkEnvironment(rules::RuleContext& ctx) const override {
    EnvironmentObjects& objects = objectsOf(ctx);
    if (p_->selector == SelectorKind::kEnvironment) {
      Subject subject;
      subject.self = Value::null();
      subject.instance = Value::null();
      subject.header = environmentPlace(ctx, "root");
      run(subject, ctx, objects);
      return;
    }
    // Module calls: every module instance whose call's source matches.
    std::vector<const eval::ModuleInstance*> stack;
    if (ctx.environment().root) stack.push_back(ctx.environment().root.get());
    size_t visited = 0;
    while (!stack.empty() && ++visited < 100000) {
      const eval::ModuleInstance* m = stack.back();
      stack.pop_back();
      for (const auto& c : m->children)
        if (c) stack.push_back(c.get());
      if (m->call == nullptr) continue;
      bool selected = std::any_of(p_->types.begin(), p_->types.end(),
                                  [&](const std::string& s) { return s == "*" || s == m->call->source; });
      if (!selected) continue;
      std::vector<Value::Attribute> args;
      for (const eval::VariableValue& v : m->variables)
        if (v.set_by == "module argument") args.emplace_back(v.name, v.value);
      args.emplace_back("source", Value::string(m->call->source));
      Value version = Value::null();
      if (m->call->version && m->call->version->expr && m->call->version->file) {
        eval::EvalDiagnostics diags;
        version = eval::evalConstant(*m->call->version->expr, *m->call->version->file, diags);
      }
      args.emplace_back("version", version);
      Subject subject;
      subject.self = Value::object(std::move(args)).withReference(m->path);
      subject.instance = Value::object({{"address", Value::string(m->path)},
                                        {"type", Value::string("module")},
                                        {"name", Value::string(std::string(m->call->name))},
                                        {"mode", Value::string("module")},
                                        {"module", Value::string(modulePathOf(m->path + "."))},
                                        {"key", Value::null()}});
      subject.header = m->call->decl.location();
      subject.call = m->call;
      subject.address = m->path;
      run(subject, ctx, objects);
    }
  }

 private:
  struct Subject {
    Value self, instance;
    const eval::EvaluatedBlock* body = nullptr;  ///< resource instances
    const model::ModuleCall* call = nullptr;     ///< module calls
    const model::Resource* decl = nullptr;       ///< resource instances (its lifecycle block)
    Location header;
    std::string address;
  };

  Location environmentPlace(rules::RuleContext& ctx, std::string_view what) const {
    const eval::EvaluatedEnvironment& env = ctx.environment();
    if (what == "backend" && env.backend && env.backend->decl) return env.backend->decl->decl.location();
    const model::Module* root = env.root ? env.root->module : nullptr;
    if (root != nullptr) {
      if (what == "backend" && !root->terraform.blocks.empty()) return root->terraform.blocks[0].location();
      if (!root->files.empty() && root->files[0] != nullptr) return {root->files[0]->source, {0, 0}};
    }
    return {};
  }

  /// One evaluation: `when`, `for_each`, then each element's check.
  void run(const Subject& subject, rules::RuleContext& ctx, EnvironmentObjects& objects) const {
    PolicyScope scope(ctx, objects);
    eval::EvalDiagnostics diags;
    eval::EvalLimits limits;
    limits.missing_attributes_are_null = true;
    limits.conditionals_evaluate_chosen_result = true;
    eval::ExprEvaluator ev(scope, *p_->file, diags, limits);
    scope.setLocals(&ev, p_.get(), &invariance_, &diags);
    ev.pushVariable("self", subject.self);
    ev.pushVariable("instance", subject.instance);
    ev.pushVariable("env", objects.env);
    ev.pushVariable("param", params(ctx, objects));

    if (p_->when != nullptr) {
      Value when = ev.eval(*p_->when);
      if (!diags.empty()) return undecided(subject, ctx, diags, "when");
      if (!when.isKnown()) return undecided(subject, ctx, "when is unknown until apply");
      if (when.isNull() || when.type().kind() != eval::TypeKind::kBool)
        return undecided(subject, ctx, fmt::format("when must be true or false, not {}", rules::displayValue(when)));
      if (!when.asBool()) return;
    }
    if (p_->for_each == nullptr) {
      check(subject, ctx, scope, ev, diags, objects);
      return;
    }
    Value each = ev.eval(*p_->for_each);
    if (!diags.empty()) return undecided(subject, ctx, diags, "for_each");
    if (!each.isKnown()) return undecided(subject, ctx, "for_each is unknown until apply");
    if (each.isNull()) return;
    std::vector<std::pair<Value, Value>> elements;
    switch (each.type().kind()) {
      case eval::TypeKind::kList:
      case eval::TypeKind::kSet:
      case eval::TypeKind::kTuple: {
        long long i = 0;
        for (const Value& e : each.elements()) elements.emplace_back(Value::number(i++), e);
        break;
      }
      case eval::TypeKind::kMap:
      case eval::TypeKind::kObject:
        for (const auto& [k, v] : each.attributes()) elements.emplace_back(Value::string(k), v);
        break;
      default:
        return undecided(subject, ctx, fmt::format("for_each must be a collection, not {}", rules::displayValue(each)));
    }
    for (const auto& [key, value] : elements) {
      Value pair = Value::object({{"key", key}, {"value", value}});
      ev.pushVariable("each", pair);
      check(subject, ctx, scope, ev, diags, objects);
      ev.popVariable();
    }
  }

  /// One check: the locals, then assert (with `each` bound, when there is one).
  void check(const Subject& subject, rules::RuleContext& ctx, PolicyScope& scope, eval::ExprEvaluator& ev,
             eval::EvalDiagnostics& diags, EnvironmentObjects& objects) const {
    diags.clear();
    scope.forgetLocals();
    Value ok = ev.eval(*p_->assertion);
    if (!diags.empty()) {
      undecided(subject, ctx, diags, "assert");
    } else if (!ok.isKnown()) {
      undecided(subject, ctx, "assert is unknown until apply");
    } else if (ok.isNull() || ok.type().kind() != eval::TypeKind::kBool) {
      undecided(subject, ctx, fmt::format("assert must be true or false, not {}", rules::displayValue(ok)));
    } else if (!ok.asBool()) {
      rules::RuleFinding f;
      f.message = render(p_->message, invariance_.message, ev, diags, objects);
      if (p_->detail != nullptr) f.detail = render(p_->detail, invariance_.detail, ev, diags, objects);
      const eval::EvaluatedAttr* offending = place(f, subject, ctx, ev, diags);
      f.resource = subject.address;
      // Where the offending value came from (the tfvars line, the module argument).
      if (offending != nullptr) rules::appendRelated(f.related, ctx.provenanceOf(offending->value));
      ctx.report(std::move(f));
    }
    diags.clear();
  }

  /// The message: each interpolation printed safely (sensitive values
  /// masked, unknowns named), so a message never leaks a secret.
  std::string render(const syntax::Expr* expr, bool invariant, eval::ExprEvaluator& ev, eval::EvalDiagnostics& diags,
                     EnvironmentObjects& objects) const {
    if (expr == nullptr) return {};
    if (invariant) {
      auto key = std::make_pair(p_.get(), expr);
      auto it = objects.invariant_texts.find(key);
      if (it == objects.invariant_texts.end()) it = objects.invariant_texts.emplace(key, render(expr, false, ev, diags, objects)).first;
      return it->second;
    }
    std::string out;
    auto part = [&](const syntax::Expr& e) {
      Value v = ev.eval(e);
      if (v.isKnown() && !v.isNull() && !v.sensitive() && v.type().kind() == eval::TypeKind::kString) out += v.asString();
      else out += rules::displayValue(v);
    };
    if (expr->kind == syntax::ExprKind::kTemplate) {
      for (const syntax::TemplatePart& p : syntax::as<syntax::TemplateExpr>(*expr).parts) part(*p.expr);
    } else {
      part(*expr);
    }
    diags.clear();
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();  // heredocs end with a newline
    return rules::shorten(out, 2000);
  }

  /// Sets f.at and f.attribute_path from `at`; returns the argument it names, if any.
  const eval::EvaluatedAttr* place(rules::RuleFinding& f, const Subject& subject, rules::RuleContext& ctx,
                                   eval::ExprEvaluator& ev, eval::EvalDiagnostics& diags) const {
    f.at = subject.header;
    if (p_->at == nullptr) return nullptr;
    Value at = ev.eval(*p_->at);
    diags.clear();
    if (!at.isKnown() || at.isNull()) return nullptr;
    if (at.type().kind() == eval::TypeKind::kObject && !at.references().empty()) {
      // An instance object from resources().
      std::string address = at.references()[0];
      for (const eval::ResourceInstance* r : ctx.allResources())
        if (r != nullptr && r->address == address) f.at = rules::headerOf(*r);
      return nullptr;
    }
    if (at.type().kind() != eval::TypeKind::kString) return nullptr;
    const std::string& path = at.asString();
    if (p_->selector == SelectorKind::kEnvironment) {
      f.at = environmentPlace(ctx, path);
      f.attribute_path = path;
      return nullptr;
    }
    f.attribute_path = path;
    const eval::EvaluatedAttr* attr = nullptr;
    if (path.starts_with("lifecycle") && subject.decl != nullptr && subject.decl->lifecycle != nullptr) {
      // A meta block: not in the evaluated body.
      const model::NestedBlock& lc = *subject.decl->lifecycle;
      f.at = {lc.content.file ? lc.content.file->source : subject.header.file, lc.range};
      std::vector<PathSegment> segs = parsePath(path);
      if (segs.size() > 1)
        if (const model::Attr* a = lc.content.attr(segs.back().name); a && a->file) f.at = {a->file->source, a->range};
    } else if (subject.body != nullptr) {
      if (auto loc = locate(*subject.body, path, &attr)) f.at = *loc;
    } else if (subject.call != nullptr) {
      std::string first = parsePath(path).empty() ? path : parsePath(path)[0].name;
      for (const model::Attr& a : subject.call->arguments)
        if (a.name == first && a.file) f.at = {a.file->source, a.range};
      for (const model::Attr& a : subject.call->meta)
        if (a.name == first && a.file) f.at = {a.file->source, a.range};
    }
    return attr;
  }

  /// The parameters: set in .tfguard.hcl, else the declared defaults (once per environment).
  const Value& params(rules::RuleContext& ctx, EnvironmentObjects& objects) const {
    auto it = objects.params.find(p_->id);
    if (it != objects.params.end()) return it->second;
    std::vector<Value::Attribute> attrs;
    for (const PolicyParamDecl& d : p_->params) {
      std::optional<Value> set = ctx.param(d.name);
      attrs.emplace_back(d.name, set ? *set : d.default_value);
    }
    return objects.params.emplace(p_->id, Value::object(std::move(attrs))).first->second;
  }

  void undecided(const Subject& subject, rules::RuleContext& ctx, const eval::EvalDiagnostics& diags,
                 std::string_view what) const {
    const eval::EvalDiagnostic& d = diags.front();
    std::string where;
    if (d.file && d.file->source && d.diag.subject) {
      Position pos = d.file->source->lines().position(d.diag.subject->begin);
      where = fmt::format(" ({}:{}:{})", d.file->source->path(), pos.line, pos.column);
    }
    undecided(subject, ctx, fmt::format("{} failed: {}: {}{}", what, d.diag.summary, d.diag.detail, where));
  }

  void undecided(const Subject& subject, rules::RuleContext& ctx, std::string why) const {
    rules::RuleFinding f;
    f.message = fmt::format("{} is undecided for {}: {}", p_->id, subject.address.empty() ? "the environment" : subject.address,
                            why);
    f.at = subject.header;
    f.resource = subject.address;
    ctx.undecided(std::move(f));
  }

  std::unique_ptr<CompiledPolicy> p_;
  Invariance invariance_;
  rules::RuleMeta meta_;
};

}  // namespace

std::unique_ptr<rules::Rule> makePolicyRule(std::unique_ptr<CompiledPolicy> policy) {
  return std::make_unique<PolicyRule>(std::move(policy));
}

}  // namespace tfguard::policy
