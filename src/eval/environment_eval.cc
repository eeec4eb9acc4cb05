// Evaluating an environment: variable values by Terraform's precedence,
// then one ModuleEvaluator per module instance, which is the Scope its
// expressions see. Locals, resources and module calls are evaluated on
// first reference (with cycle detection) and then all in declaration order,
// so the order of blocks in files never matters, as in Terraform.
#include "eval/environment_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "base/task_pool.h"
#include "eval/convert.h"
#include "eval/expr_eval.h"
#include "syntax/parser.h"

namespace tfguard::eval {
namespace fs = std::filesystem;

const EvaluatedAttr* EvaluatedBlock::attr(std::string_view name) const {
  for (const auto& a : attrs)
    if (a.name == name) return &a;
  return nullptr;
}

std::vector<const EvaluatedBlock*> EvaluatedBlock::blocksOfType(std::string_view block_type) const {
  std::vector<const EvaluatedBlock*> out;
  for (const auto& b : blocks)
    if (b.type == block_type) out.push_back(&b);
  return out;
}

std::string InstanceKey::suffix() const {
  switch (kind) {
    case Kind::kNone: return "";
    case Kind::kIndex: return fmt::format("[{}]", index);
    case Kind::kString: return "[" + quoteGoString(key) + "]";
    case Kind::kUnknown: return "[?]";
  }
  return "";
}

std::unique_ptr<ModuleInstance> cloneModuleInstance(const ModuleInstance& in) {
  auto out = std::make_unique<ModuleInstance>();
  out->path = in.path;
  out->module = in.module;
  out->call = in.call;
  out->dir = in.dir;
  out->unresolved = in.unresolved;
  out->variables = in.variables;
  out->locals = in.locals;
  out->outputs = in.outputs;
  out->resources = in.resources;
  for (const auto& c : in.children) out->children.push_back(cloneModuleInstance(*c));
  return out;
}

namespace {

// ------------------------------------------------------------------ helpers

// Everything about a value that evaluation can observe, as text: type,
// content, unknown references, sensitivity and provenance (debugString
// hides sensitive content, so it cannot serve as a cache key).
void canonical(const Value& v, std::string& out, int depth = 0) {
  if (depth > 64) return;
  out += v.sensitive() ? "S" : "";
  for (const ProvenanceStep& p : v.provenance()) out += fmt::format("@{}:{}-{}:{};", p.file, p.range.begin, p.range.end, p.note);
  if (!v.isKnown()) {
    out += "?" + friendlyTypeName(v.type());
    for (const auto& r : v.references()) out += "|" + r;
    return;
  }
  if (v.isNull()) {
    out += "null:" + friendlyTypeName(v.type());
    return;
  }
  switch (v.type().kind()) {
    case TypeKind::kBool: out += v.asBool() ? "true" : "false"; return;
    case TypeKind::kNumber: out += "n" + v.asNumber().toString(); return;
    case TypeKind::kString: out += fmt::format("s{}:{}", v.asString().size(), v.asString()); return;
    default: break;
  }
  out += friendlyTypeName(v.type()) + "[";
  for (const Value& e : v.elements()) {
    canonical(e, out, depth + 1);
    out += ",";
  }
  for (const auto& [k, e] : v.attributes()) {
    out += fmt::format("{}:{}=", k.size(), k);
    canonical(e, out, depth + 1);
    out += ",";
  }
  for (const std::string& r : v.references()) out += "|" + r;
  out += "]";
}

Location locationOf(const syntax::ParsedFile* file, ByteRange range) {
  return {file ? file->source : nullptr, range};
}

const syntax::ParsedFile* attrFile(const model::Attr& a, const syntax::ParsedFile* fallback) {
  return a.file ? a.file : fallback;
}

// Fills optional() attribute defaults into a converted value (Terraform
// applies them after conversion, recursively).
Value applyDefaults(const Value& v, const Type& type, const model::TypeDefaults& defaults,
                    const syntax::ParsedFile* file, EvalDiagnostics& diags, int depth = 0) {
  if (defaults.empty() || !v.isKnown() || v.isNull() || depth > 64) return v;
  auto child = [&](std::string_view name) -> const model::TypeDefaults* {
    for (const auto& [n, d] : defaults.children)
      if (n == name) return &d;
    return nullptr;
  };
  switch (type.kind()) {
    case TypeKind::kObject: {
      std::vector<Value::Attribute> attrs(v.attributes().begin(), v.attributes().end());
      for (auto& [name, value] : attrs) {
        const ObjectAttribute* decl = type.attribute(name);
        if (decl == nullptr) continue;
        if (value.isNull()) {
          for (const auto& [n, expr] : defaults.attrs) {
            if (n != name || expr == nullptr || file == nullptr) continue;
            Value d = evalConstant(*expr, *file, diags);
            std::string err;
            if (auto c = convert(d, decl->type, &err)) value = *c;
          }
        }
        if (const model::TypeDefaults* c = child(name)) value = applyDefaults(value, decl->type, *c, file, diags, depth + 1);
      }
      return Value::object(std::move(attrs)).withMarksOf(v);
    }
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap: {
      const model::TypeDefaults* c = child("");
      if (c == nullptr) return v;
      if (type.kind() == TypeKind::kMap) {
        std::vector<Value::Attribute> entries;
        for (const auto& [k, e] : v.attributes()) entries.emplace_back(k, applyDefaults(e, type.element(), *c, file, diags, depth + 1));
        std::vector<Type> ts;
        for (const auto& [k, e] : entries) ts.push_back(e.type());
        auto t = unify(ts);
        return Value::map(std::move(entries), t ? *t : type.element()).withMarksOf(v);
      }
      std::vector<Value> elems;
      for (const Value& e : v.elements()) elems.push_back(applyDefaults(e, type.element(), *c, file, diags, depth + 1));
      std::vector<Type> ts;
      for (const auto& e : elems) ts.push_back(e.type());
      auto t = unify(ts);
      Type et = t ? *t : type.element();
      return (type.kind() == TypeKind::kSet ? Value::set(std::move(elems), et) : Value::list(std::move(elems), et))
          .withMarksOf(v);
    }
    default: return v;
  }
}

// Meta-arguments of count / for_each as instance keys.
struct Expansion {
  bool expanded = false;  ///< count or for_each is set
  bool is_count = false;
  std::vector<std::pair<InstanceKey, Value>> instances;  ///< key, each.value (for_each)
};

}  // namespace

// ------------------------------------------------------------ project reads

namespace {

/// What module evaluation reads from the project besides its inputs, each
/// read logged: a cached module instance is reused only when replaying its
/// reads gives the same results (EvaluationCache).
class ProjectReads {
 public:
  /// Logs only when there is a cache to record the reads in.
  ProjectReads(loader::Project& project, fs::path root_dir, bool logging)
      : project_(project), root_dir_(std::move(root_dir)), logging_(logging) {}

  const model::Module* module(const fs::path& dir) {
    const model::Module* m = project_.module(dir);
    if (logging_) log_.push_back({EvaluationRead::Kind::kModule, dir.string(), {}, {}, {}, m, {}});
    return m;
  }
  loader::ModuleSource moduleSource(const std::string& key, const fs::path& caller_dir, const std::string& source) {
    loader::ModuleSource src = project_.resolveModuleSource(root_dir_, key, caller_dir, source);
    if (logging_)
      log_.push_back({EvaluationRead::Kind::kModuleSource, caller_dir.string(), {}, key, source, nullptr,
                      moduleSourceText(src)});
    return src;
  }
  std::shared_ptr<const SourceFile> source(const fs::path& path, std::string* error) {
    std::string err;
    auto src = project_.sourceFile(path, &err);
    if (logging_) log_.push_back({EvaluationRead::Kind::kSource, path.string(), {}, {}, {}, src.get(), src ? "" : err});
    if (!src) *error = std::move(err);
    return src;
  }
  const syntax::ParsedFile* templateFile(const fs::path& path, std::string* error) {
    std::string err;
    const syntax::ParsedFile* f = project_.parsedFile(path, syntax::FileSyntax::kTemplate, &err);
    if (logging_) log_.push_back({EvaluationRead::Kind::kTemplate, path.string(), {}, {}, {}, f, f ? "" : err});
    if (!f) *error = std::move(err);
    return f;
  }
  /// fileset(): the files under `dir` matching `pattern`, sorted.
  std::vector<std::string> listFiles(const std::string& dir, const std::string& pattern, std::string* error) {
    std::vector<std::string> out = listFilesUnlogged(dir, pattern, error);
    if (logging_) log_.push_back({EvaluationRead::Kind::kListing, dir, pattern, {}, {}, nullptr, listingText(out, *error)});
    return out;
  }

  /// Repeats `read` against the project (logging it again): whether it gives the same.
  bool stillGives(const EvaluationRead& read) {
    std::string error;
    switch (read.kind) {
      case EvaluationRead::Kind::kModule: return module(read.path) == read.got;
      case EvaluationRead::Kind::kSource: {
        auto src = source(read.path, &error);
        return src.get() == read.got && (src || error == read.result);
      }
      case EvaluationRead::Kind::kTemplate: {
        const syntax::ParsedFile* f = templateFile(read.path, &error);
        return f == read.got && (f || error == read.result);
      }
      case EvaluationRead::Kind::kListing: {
        std::vector<std::string> listed = listFiles(read.path, read.pattern, &error);
        return listingText(listed, error) == read.result;
      }
      case EvaluationRead::Kind::kModuleSource: {
        loader::ModuleSource src = moduleSource(read.key, read.path, read.source);
        return moduleSourceText(src) == read.result;
      }
    }
    return false;
  }

  size_t position() const { return log_.size(); }
  std::vector<EvaluationRead> since(size_t position) const {
    return {log_.begin() + static_cast<ptrdiff_t>(position), log_.end()};
  }

 private:
  static std::string listingText(const std::vector<std::string>& listed, const std::string& error) {
    std::string text = error;
    for (const std::string& f : listed) text += "\n" + f;
    return text;
  }
  static std::string moduleSourceText(const loader::ModuleSource& src) {
    return fmt::format("{}\n{}\n{}", static_cast<int>(src.kind), src.dir.string(), src.note);
  }

  std::vector<std::string> listFilesUnlogged(const std::string& dir, const std::string& pattern, std::string* error) {
    std::vector<std::string> out;
    fs::path base = fs::path(dir).is_absolute() ? fs::path(dir) : root_dir_ / dir;
    std::error_code ec;
    std::string err;
    // The confinement check of file reads (symlinks resolved), on the directory.
    if (!project_.sourceFile(base / ".", &err) && err.find("outside") != std::string::npos) {
      *error = err;
      return out;
    }
    // Bounds the walk of a huge directory (or one that the scan root is inside of).
    constexpr size_t kMaxListed = 100'000;
    size_t seen = 0;
    for (fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec), ++seen) {
      if (seen == kMaxListed) {
        *error = fmt::format("more than {} entries under {}; tfguard does not list them", kMaxListed, dir);
        return {};
      }
      if (!it->is_regular_file(ec)) continue;
      std::string rel = it->path().lexically_relative(base).generic_string();
      if (loader::globMatch(pattern, rel)) out.push_back(rel);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  loader::Project& project_;
  fs::path root_dir_;
  bool logging_;
  std::vector<EvaluationRead> log_;
};

// ------------------------------------------------------------ ModuleEvaluator

class ModuleEvaluator : public Scope {
  struct ChildRun;
  struct PendingCall;

 public:
  struct Shared {
    loader::Project& project;
    const loader::EnvironmentSpec& env;
    const EnvironmentOptions& options;
    Findings& findings;
    fs::path root_dir;
    ProjectReads& reads;  ///< the module evaluation's reads of the project
  };

  ModuleEvaluator(Shared& shared, ModuleInstance& instance, fs::path dir, std::string module_key,
                  std::vector<fs::path> ancestors, int depth)
      : shared_(shared),
        instance_(instance),
        dir_(std::move(dir)),
        module_key_(std::move(module_key)),
        ancestors_(std::move(ancestors)),
        depth_(depth) {
    fn_ctx_.module_dir = shared_.root_dir.string();
    fn_ctx_.read_file = [this](const std::string& path, std::string* error) -> std::optional<std::string> {
      std::string err;
      auto src = shared_.reads.source(fs::path(path), &err);
      if (!src) {
        // "no file exists" is the function's own message (empty error); others are ours.
        *error = err.starts_with("no file exists") ? "" : err;
        return std::nullopt;
      }
      return std::string(src->text());
    };
    fn_ctx_.list_files = [this](const std::string& list_dir, const std::string& pattern, std::string* error) {
      return shared_.reads.listFiles(list_dir, pattern, error);
    };
  }

  ModuleEvaluator(const ModuleEvaluator&) = delete;
  ModuleEvaluator& operator=(const ModuleEvaluator&) = delete;
  ~ModuleEvaluator() override {
    // Only an exception leaves calls unjoined: their tasks point in here.
    for (auto& [call, pending] : pending_)
      for (auto& run : pending.runs) {
        if (!run || !run->task) continue;
        try {
          shared_.options.pool->wait(*run->task);
        } catch (...) {
        }
      }
  }

  void setVariables(std::vector<VariableValue> vars) {
    for (auto& v : vars) variables_[v.name] = v.value;
    instance_.variables = std::move(vars);
  }

  /// Evaluates everything of the module, in declaration order.
  void run() {
    const model::Module& m = *instance_.module;
    validateVariables();
    for (const model::Local& l : m.locals) instance_.locals.emplace_back(std::string(l.name), local(l.name));
    for (const model::Resource& r : m.resources) evaluateResource(r);
    // With a pool, every call's instances are submitted before any is
    // waited for: they run in parallel with each other.
    if (shared_.options.pool != nullptr)
      for (const model::ModuleCall& c : m.module_calls) startModuleCall(c);
    for (const model::ModuleCall& c : m.module_calls) moduleCall(c);
    for (const model::Output& o : m.outputs) {
      Value v = Value::null();
      if (o.value != nullptr) v = evalIn(*o.value->expr, attrFile(*o.value, o.decl.file));
      if (o.sensitive) v = v.markedSensitive();
      instance_.outputs.emplace_back(std::string(o.name), v);
    }
    // Resources in declaration order, each with its instances.
    std::vector<ResourceInstance> resources;
    for (const model::Resource& r : m.resources) {
      auto it = resource_instances_.find(&r);
      if (it == resource_instances_.end()) continue;
      for (auto& ri : it->second) resources.push_back(std::move(ri));
    }
    instance_.resources = ResourceList(std::move(resources));
  }

  // ---- Scope
  std::optional<Value> resolve(const syntax::ScopeTraversalExpr& t, size_t* consumed, Diagnostic* error) override {
    auto stepName = [&](size_t i) -> std::string_view {
      return i < t.steps.size() && t.steps[i].kind == syntax::StepKind::kAttr ? t.steps[i].name : std::string_view();
    };
    auto err = [&](std::string summary, std::string detail) -> std::optional<Value> {
      *error = {Severity::kError, std::move(summary), std::move(detail), t.range, std::nullopt};
      return std::nullopt;
    };
    const model::Module& m = *instance_.module;
    std::string_view root = t.root;
    std::string_view first = stepName(0);
    *consumed = 1;
    if (root == "var") {
      if (first.empty()) return err("Invalid reference", "The \"var\" object cannot be accessed directly. Instead, access one of its attributes.");
      if (auto it = variables_.find(first); it != variables_.end()) return it->second;
      return err("Reference to undeclared input variable",
                 fmt::format("An input variable with the name \"{}\" has not been declared. This variable can be "
                             "declared with a variable \"{}\" {{}} block.",
                             first, first));
    }
    if (root == "local") {
      if (first.empty()) return err("Invalid reference", "The \"local\" object cannot be accessed directly. Instead, access one of its attributes.");
      if (m.local(first) == nullptr)
        return err("Reference to undeclared local value",
                   fmt::format("A local value with the name \"{}\" has not been declared.", first));
      return local(first);
    }
    if (root == "module") {
      if (first.empty()) return err("Invalid reference", "The \"module\" object cannot be accessed directly. Instead, access one of its attributes.");
      const model::ModuleCall* call = m.moduleCall(first);
      if (call == nullptr)
        return err("Reference to undeclared module",
                   fmt::format("No module call named \"{}\" is declared in {}.", first, moduleDescription()));
      // Terraform orders each output on its own: an output that does not
      // depend on the call's inputs can be read while they are evaluated.
      if (auto it = call_values_.find(call); it != call_values_.end() && it->second.first == State::kInProgress &&
                                             !stepName(1).empty() && call->count == nullptr && call->for_each == nullptr) {
        *consumed = 2;
        return outputWithoutInputs(*call, stepName(1));
      }
      return moduleCall(*call);
    }
    if (root == "data") {
      std::string_view name = stepName(1);
      if (first.empty() || name.empty())
        return err("Invalid reference", "The \"data\" object must be followed by two attribute names: the data source type and the resource name.");
      *consumed = 2;
      const model::Resource* r = m.resource(model::ResourceMode::kData, first, name);
      if (r == nullptr)
        return err("Reference to undeclared resource",
                   fmt::format("A data resource \"{}\" \"{}\" has not been declared in {}.", first, name, moduleDescription()));
      return resource(*r);
    }
    if (root == "count") {
      if (first != "index") return err("Invalid \"count\" attribute", fmt::format("The \"count\" object does not have an attribute named \"{}\". The only supported attribute is count.index, which is the index of each instance of a resource block that has the \"count\" argument set.", first));
      if (!count_index_) return err("Reference to \"count\" in non-counted context", "The \"count\" object can only be used in \"module\", \"resource\", and \"data\" blocks, and only when the \"count\" argument is set.");
      return *count_index_;
    }
    if (root == "each") {
      if (!each_key_) return err("Reference to \"each\" in context without for_each", "The \"each\" object can be used only in \"module\" or \"resource\" blocks, and only when the \"for_each\" argument is set.");
      if (first == "key") return *each_key_;
      if (first == "value") return *each_value_;
      return err("Invalid \"each\" attribute", fmt::format("The \"each\" object does not have an attribute named \"{}\". The supported attributes are each.key and each.value, the current key and value pair of the \"for_each\" attribute set.", first));
    }
    if (root == "path") {
      fs::path rel = dir_.lexically_relative(shared_.root_dir);
      if (first == "module") return Value::string(rel.empty() ? "." : rel.generic_string());
      if (first == "root") return Value::string(".");
      if (first == "cwd") return Value::string(shared_.root_dir.generic_string());
      return err("Invalid \"path\" attribute", fmt::format("The \"path\" object does not have an attribute named \"{}\". The supported attributes are path.cwd, path.module, and path.root.", first));
    }
    if (root == "terraform") {
      if (first == "workspace") return Value::string(shared_.env.workspace);
      return err("Invalid \"terraform\" attribute", fmt::format("The \"terraform\" object does not have an attribute named \"{}\". The only supported attribute is terraform.workspace, the name of the currently-selected workspace.", first));
    }
    if (root == "resource" || root == "ephemeral") {
      // resource.TYPE.NAME is TYPE.NAME (Terraform's addrs.ParseRef);
      // ephemeral resources exist only during apply: unknown.
      std::string_view name = stepName(1);
      if (first.empty() || name.empty())
        return err("Invalid reference", fmt::format("The \"{}\" object must be followed by two attribute names: the resource type and the resource name.", root));
      *consumed = 2;
      if (root == "ephemeral")
        return Value::unknown(Type::dynamic(), {address(fmt::format("ephemeral.{}.{}", first, name))});
      const model::Resource* r = m.resource(model::ResourceMode::kManaged, first, name);
      if (r == nullptr)
        return err("Reference to undeclared resource",
                   fmt::format("A managed resource \"{}\" \"{}\" has not been declared in {}.", first, name, moduleDescription()));
      return resource(*r);
    }
    if (root == "self") {
      *consumed = 0;
      return Value::unknown(Type::dynamic(), {current_address_.empty() ? "self" : current_address_});
    }
    if (first.empty())
      return err("Invalid reference", "A reference to a resource type must be followed by at least one attribute access, specifying the resource name.");
    const model::Resource* r = m.resource(model::ResourceMode::kManaged, root, first);
    if (r == nullptr)
      return err("Reference to undeclared resource",
                 fmt::format("A managed resource \"{}\" \"{}\" has not been declared in {}.", root, first, moduleDescription()));
    return resource(*r);
  }

  FunctionContext& functionContext() override { return fn_ctx_; }

  const syntax::Expr* loadTemplate(const std::string& path, const syntax::ParsedFile** file, std::string* error) override {
    fs::path p = fs::path(path).is_absolute() ? fs::path(path) : shared_.root_dir / path;
    std::string err;
    const syntax::ParsedFile* f = shared_.reads.templateFile(p, &err);
    if (f == nullptr) {
      *error = err.starts_with("no file exists") ? fmt::format("no file exists at \"{}\"", path) : err;
      return nullptr;
    }
    *file = f;
    return f->template_;
  }

 private:
  /// kStarted: a module call whose instances are evaluated as pool tasks.
  enum class State : uint8_t { kInProgress, kStarted, kDone };

  std::string moduleDescription() const {
    return instance_.path.empty() ? "the root module" : fmt::format("module \"{}\"", instance_.path);
  }
  std::string address(std::string_view local) const {
    return instance_.path.empty() ? std::string(local) : instance_.path + "." + std::string(local);
  }

  Value evalIn(const syntax::Expr& e, const syntax::ParsedFile* file) {
    if (file == nullptr) return Value::unknown();
    EvalDiagnostics diags;
    ExprEvaluator ev(*this, *file, diags);
    for (const auto& [name, value] : iterators_) ev.pushVariable(name, value);
    Value v = ev.eval(e);
    report(diags);
    return v;
  }

  void report(const EvalDiagnostics& diags) {
    for (const auto& d : diags) {
      // One finding per place: the same expression evaluated for many
      // instances or referenced from many places fails once.
      auto key = std::make_tuple(d.file, d.diag.subject ? d.diag.subject->begin : 0u, d.diag.summary);
      if (!reported_.insert(key).second) continue;
      Finding f{"eval-error", Severity::kWarning, d.diag.summary, d.diag.detail,
                locationOf(d.file, d.diag.subject.value_or(ByteRange{})), {}, shared_.env.name};
      shared_.findings.push_back(std::move(f));
    }
  }

  void addFinding(std::string rule, Severity severity, std::string summary, std::string detail, Location where,
                  std::vector<RelatedLocation> related = {}) {
    shared_.findings.push_back({std::move(rule), severity, std::move(summary), std::move(detail), std::move(where),
                                std::move(related), shared_.env.name});
  }

  // ---- locals
  Value local(std::string_view name) {
    auto it = locals_.find(name);
    if (it != locals_.end()) {
      if (it->second.first == State::kDone) return it->second.second;
      const model::Local* l = instance_.module->local(name);
      addFinding("eval-error", Severity::kWarning, "Cycle in local values",
                 fmt::format("local.{} depends on itself (through the locals it references); tfguard treats it as unknown.", name),
                 locationOf(l ? attrFile(l->attr, l->file) : nullptr, l ? l->attr.name_range : ByteRange{}));
      return Value::unknown();
    }
    const model::Local* l = instance_.module->local(name);
    if (l == nullptr) return Value::unknown();
    locals_[std::string(name)] = {State::kInProgress, Value::unknown()};
    Value v = evalIn(*l->attr.expr, attrFile(l->attr, l->file));
    locals_[std::string(name)] = {State::kDone, v};
    return v;
  }

  // ---- count / for_each
  Expansion expand(const model::Attr* count, const model::Attr* for_each, const syntax::ParsedFile* file,
                   const std::string& what) {
    Expansion ex;
    if (count != nullptr) {
      ex.expanded = ex.is_count = true;
      Value c = evalIn(*count->expr, attrFile(*count, file));
      if (!c.isKnown()) {
        ex.instances.push_back({{InstanceKey::Kind::kUnknown}, Value::unknown()});
        return ex;
      }
      std::string err;
      auto n = convert(c, Type::number(), &err);
      if (!n || n->isNull() || !n->asNumber().isInteger() || !n->asNumber().toInt() || *n->asNumber().toInt() < 0) {
        addFinding("eval-error", Severity::kWarning, "Invalid count argument",
                   c.isNull() ? "The given \"count\" argument value is null. An integer is required."
                              : "The given \"count\" argument value is unsuitable: must be a whole number, at least zero.",
                   locationOf(attrFile(*count, file), count->expr->range));
        ex.instances.push_back({{InstanceKey::Kind::kUnknown}, Value::unknown()});
        return ex;
      }
      long long total = *n->asNumber().toInt();
      if (total > shared_.options.max_instances) {
        addFinding("eval-error", Severity::kWarning, "Too many instances",
                   fmt::format("count = {} for {}; tfguard evaluates the first {} instances.", total, what,
                               shared_.options.max_instances),
                   locationOf(attrFile(*count, file), count->expr->range));
        total = shared_.options.max_instances;
      }
      for (long long i = 0; i < total; ++i) ex.instances.push_back({{InstanceKey::Kind::kIndex, i}, Value()});
      return ex;
    }
    if (for_each != nullptr) {
      ex.expanded = true;
      Value fe = evalIn(*for_each->expr, attrFile(*for_each, file));
      if (!fe.isKnown()) {
        ex.instances.push_back({{InstanceKey::Kind::kUnknown}, Value::unknown(Type::dynamic(), {fe.references().begin(), fe.references().end()})});
        return ex;
      }
      auto unsuitable = [&](std::string detail) {
        addFinding("eval-error", Severity::kWarning, "Invalid for_each argument", std::move(detail),
                   locationOf(attrFile(*for_each, file), for_each->expr->range));
        ex.instances.push_back({{InstanceKey::Kind::kUnknown}, Value::unknown()});
      };
      if (fe.isNull()) {
        unsuitable("The given \"for_each\" argument value is unsuitable: the given \"for_each\" argument value is null. A map, or set of strings is allowed.");
        return ex;
      }
      TypeKind k = fe.type().kind();
      if (k == TypeKind::kMap || k == TypeKind::kObject) {
        for (const auto& [key, value] : fe.attributes()) ex.instances.push_back({{InstanceKey::Kind::kString, 0, key}, value});
      } else if (k == TypeKind::kSet) {
        for (const Value& e : fe.elements()) {
          if (!e.isKnown()) {
            ex.instances.push_back({{InstanceKey::Kind::kUnknown}, e});
            continue;
          }
          if (e.type().kind() != TypeKind::kString || e.isNull()) {
            unsuitable(fmt::format("The given \"for_each\" argument value is unsuitable: \"for_each\" supports maps and sets of strings, but you have provided a set containing type {}.", friendlyTypeName(e.type())));
            return ex;
          }
          ex.instances.push_back({{InstanceKey::Kind::kString, 0, e.asString()}, e});
        }
      } else {
        unsuitable(fmt::format("The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type {}.", friendlyTypeName(fe.type())));
        return ex;
      }
      if (static_cast<long long>(ex.instances.size()) > shared_.options.max_instances) {
        ex.instances.resize(static_cast<size_t>(shared_.options.max_instances));
      }
      return ex;
    }
    ex.instances.push_back({{InstanceKey::Kind::kNone}, Value()});
    return ex;
  }

  struct InstanceContext {
    ModuleEvaluator& self;
    std::optional<Value> saved_count, saved_key, saved_value;
    InstanceContext(ModuleEvaluator& s, const Expansion& ex, const std::pair<InstanceKey, Value>& inst) : self(s) {
      saved_count = s.count_index_;
      saved_key = s.each_key_;
      saved_value = s.each_value_;
      if (!ex.expanded) return;
      const InstanceKey& k = inst.first;
      if (ex.is_count) {
        s.count_index_ = k.kind == InstanceKey::Kind::kIndex ? Value::number(k.index) : Value::unknown(Type::number());
      } else {
        s.each_key_ = k.kind == InstanceKey::Kind::kString ? Value::string(k.key) : Value::unknown(Type::string());
        s.each_value_ = inst.second;
      }
    }
    ~InstanceContext() {
      self.count_index_ = saved_count;
      self.each_key_ = saved_key;
      self.each_value_ = saved_value;
    }
  };

  // ---- blocks
  EvaluatedBlock evalContent(const model::Content& content, std::string type, std::vector<std::string> labels,
                             ByteRange range, int depth = 0) {
    EvaluatedBlock out;
    out.type = std::move(type);
    out.labels = std::move(labels);
    out.file = content.file;
    out.range = range;
    if (depth > 32) return out;
    out.attrs.reserve(content.attrs.size());
    out.blocks.reserve(content.blocks.size());
    for (const model::Attr& a : content.attrs) {
      const syntax::ParsedFile* f = attrFile(a, content.file);
      out.attrs.push_back({std::string(a.name), evalIn(*a.expr, f), f, a.range, a.expr->range});
    }
    for (const model::NestedBlock& b : content.blocks) {
      if (b.type == "dynamic" && !b.labels.empty()) {
        expandDynamic(b, content.file, out.blocks, depth);
        continue;
      }
      std::vector<std::string> ls(b.labels.begin(), b.labels.end());
      out.blocks.push_back(evalContent(b.content, std::string(b.type), std::move(ls), b.range, depth + 1));
    }
    return out;
  }

  void expandDynamic(const model::NestedBlock& dyn, const syntax::ParsedFile* file, std::vector<EvaluatedBlock>& out,
                     int depth) {
    std::string type(dyn.labels[0]);
    const model::Content& c = dyn.content;
    const model::Attr* for_each = c.attr("for_each");
    const model::Attr* iterator = c.attr("iterator");
    const model::Attr* labels_attr = c.attr("labels");
    auto contents = c.blocksOfType("content");
    const syntax::ParsedFile* f = c.file ? c.file : file;
    if (for_each == nullptr || contents.empty()) {
      addFinding("eval-error", Severity::kWarning, "Invalid dynamic block",
                 for_each == nullptr ? "A dynamic block requires a \"for_each\" argument."
                                     : "A dynamic block requires a nested \"content\" block.",
                 locationOf(f, dyn.header_range));
      return;
    }
    std::string iter_name = type;
    if (iterator != nullptr && iterator->expr->kind == syntax::ExprKind::kScopeTraversal)
      iter_name = std::string(syntax::as<syntax::ScopeTraversalExpr>(*iterator->expr).root);
    Value coll = evalIn(*for_each->expr, attrFile(*for_each, f));
    std::vector<std::pair<Value, Value>> items;  // key, value
    if (!coll.isKnown()) {
      items.push_back({Value::unknown(), Value::unknown(Type::dynamic(), {coll.references().begin(), coll.references().end()})});
    } else if (coll.isNull()) {
      addFinding("eval-error", Severity::kWarning, "Invalid dynamic for_each value",
                 "Cannot use a null value in for_each.", locationOf(attrFile(*for_each, f), for_each->expr->range));
      return;
    } else if (coll.type().kind() == TypeKind::kMap || coll.type().kind() == TypeKind::kObject) {
      for (const auto& [k, v] : coll.attributes()) items.push_back({Value::string(k), v});
    } else if (coll.type().kind() == TypeKind::kList || coll.type().kind() == TypeKind::kTuple) {
      long long i = 0;
      for (const Value& v : coll.elements()) items.push_back({Value::number(i++), v});
    } else if (coll.type().kind() == TypeKind::kSet) {
      for (const Value& v : coll.elements()) items.push_back({v, v});
    } else {
      addFinding("eval-error", Severity::kWarning, "Invalid dynamic for_each value",
                 fmt::format("Cannot use a {} value in for_each. An iterable collection is required.", friendlyTypeName(coll.type())),
                 locationOf(attrFile(*for_each, f), for_each->expr->range));
      return;
    }
    if (static_cast<long long>(items.size()) > shared_.options.max_instances) items.resize(static_cast<size_t>(shared_.options.max_instances));
    for (auto& [k, v] : items) {
      iterators_.emplace_back(iter_name, Value::object({{"key", k}, {"value", v}}));
      std::vector<std::string> labels;
      if (labels_attr != nullptr) {
        Value lv = evalIn(*labels_attr->expr, attrFile(*labels_attr, f));
        for (const Value& l : lv.elements()) labels.push_back(l.isKnown() && l.type().kind() == TypeKind::kString ? l.asString() : "?");
      }
      EvaluatedBlock b = evalContent(contents[0]->content, type, std::move(labels), contents[0]->range, depth + 1);
      b.from_dynamic = true;
      out.push_back(std::move(b));
      iterators_.pop_back();
    }
  }

  // The object references see for a resource body or nested block at
  // `address`: open (attributes the configuration does not set, including
  // those set to null, which the provider may compute, are unknown with a
  // reference), nested blocks as lists of such objects.
  static Value blockValue(const EvaluatedBlock& b, const std::string& address, int depth = 0) {
    std::vector<Value::Attribute> attrs;
    attrs.reserve(b.attrs.size() + b.blocks.size());
    for (const auto& a : b.attrs)
      if (!a.value.isNull()) attrs.emplace_back(a.name, a.value);
    std::map<std::string, std::vector<Value>> nested;
    if (depth < 32) {
      for (const auto& nb : b.blocks) {
        auto& list = nested[nb.type];
        list.push_back(blockValue(nb, fmt::format("{}.{}[{}]", address, nb.type, list.size()), depth + 1));
      }
    }
    for (auto& [type, values] : nested) {
      if (std::none_of(attrs.begin(), attrs.end(), [&](const auto& a) { return a.first == type; }))
        attrs.emplace_back(type, Value::tuple(std::move(values)));
    }
    return Value::objectStandingFor(std::move(attrs), address);
  }

  // ---- resources
  /// The resource's value as references see it (its instances' bodies as
  /// objects), built on the first reference: most resources have none.
  Value resource(const model::Resource& r) {
    evaluateResource(r);
    ResourceState& st = resource_states_[&r];
    if (st.state != State::kDone) {
      // Referenced while its own arguments are evaluated: through a module
      // call, an input of which depends on it (Terraform orders attributes,
      // not blocks, so this is usually no cycle: a computed attribute such
      // as .id is read). Its attributes read as unknown, without a finding.
      return Value::object({}).withReference(st.base);
    }
    if (!st.value) {
      std::vector<Value> values;
      for (const ResourceInstance& ri : resource_instances_[&r]) values.push_back(blockValue(ri.body, ri.address));
      st.value = expansionValue(st.ex, st.base, std::move(values));
    }
    return *st.value;
  }

  /// The value of a resource or module call from its instances' values:
  /// the one value, a tuple (count), an object by key (for_each), or
  /// unknown when the keys are.
  static Value expansionValue(const Expansion& ex, const std::string& base, std::vector<Value> values) {
    if (!ex.expanded) return values[0];
    if (ex.instances.size() == 1 && ex.instances[0].first.kind == InstanceKey::Kind::kUnknown)
      return Value::unknown(Type::dynamic(), {base});
    if (ex.is_count) return Value::tuple(std::move(values));
    std::vector<Value::Attribute> entries;
    entries.reserve(values.size());
    for (size_t i = 0; i < ex.instances.size(); ++i) entries.emplace_back(ex.instances[i].first.key, std::move(values[i]));
    return Value::object(std::move(entries));
  }

  /// Evaluates the resource's instances, once.
  void evaluateResource(const model::Resource& r) {
    if (resource_states_.count(&r) > 0) return;
    ResourceState& st = resource_states_[&r];
    st.base = address(r.address());
    Expansion ex = expand(r.count, r.for_each, r.decl.file, st.base);
    std::vector<ResourceInstance> instances;
    instances.reserve(ex.instances.size());
    for (const auto& inst : ex.instances) {
      InstanceContext ctx(*this, ex, inst);
      ResourceInstance ri;
      ri.decl = &r;
      ri.key = inst.first;
      ri.address = st.base + inst.first.suffix();
      std::string saved = std::exchange(current_address_, ri.address);
      ri.body = evalContent(r.content, std::string(r.type), {std::string(r.type), std::string(r.name)}, r.decl.range);
      current_address_ = std::move(saved);
      instances.push_back(std::move(ri));
    }
    // `st` is still valid: map nodes do not move when others are added.
    st.ex = std::move(ex);
    resource_instances_[&r] = std::move(instances);
    st.state = State::kDone;
  }

  // ---- module calls
  Value moduleCall(const model::ModuleCall& call) {
    if (auto it = call_values_.find(&call); it != call_values_.end()) {
      if (it->second.first == State::kDone) return it->second.second;
      if (it->second.first == State::kStarted) return finishModuleCall(call);
      addFinding("eval-error", Severity::kWarning, "Cycle in module references",
                 fmt::format("module.{} depends on its own outputs; tfguard treats them as unknown.", call.name),
                 call.decl.location());
      return Value::unknown(Type::dynamic(), {address("module." + std::string(call.name))});
    }
    startModuleCall(call);
    return finishModuleCall(call);
  }

  /// Evaluates the call's expansion and each instance's inputs, and each
  /// instance itself, or with a pool submits it as a task (it runs while
  /// this module goes on). The instances are this one's children from now
  /// on, in the order they would have been evaluated in.
  void startModuleCall(const model::ModuleCall& call) {
    if (call_values_.count(&call) > 0) return;
    call_values_[&call] = {State::kInProgress, Value::unknown()};
    PendingCall pending;
    pending.base = address("module." + std::string(call.name));
    std::string key = module_key_.empty() ? std::string(call.name) : module_key_ + "." + std::string(call.name);
    pending.ex = expand(call.count, call.for_each, call.decl.file, pending.base);
    for (const auto& inst : pending.ex.instances) {
      InstanceContext ctx(*this, pending.ex, inst);
      auto child = std::make_unique<ModuleInstance>();
      child->path = pending.base + inst.first.suffix();
      child->call = &call;
      std::unique_ptr<ChildRun> run;
      pending.outputs.push_back(evaluateChild(call, key, *child, shared_.options.pool != nullptr ? &run : nullptr));
      pending.runs.push_back(std::move(run));
      instance_.children.push_back(std::move(child));
    }
    call_values_[&call] = {State::kStarted, Value::unknown()};
    pending_.emplace(&call, std::move(pending));
  }

  /// Waits for the call's instances and gives its value.
  Value finishModuleCall(const model::ModuleCall& call) {
    auto node = pending_.extract(&call);
    PendingCall& p = node.mapped();
    for (size_t i = 0; i < p.runs.size(); ++i)
      if (p.runs[i]) p.outputs[i] = joinChild(*p.runs[i]);
    Value v = expansionValue(p.ex, p.base, std::move(p.outputs));
    call_values_[&call] = {State::kDone, v};
    return v;
  }

  // One output of `call` evaluated with its inputs unknown (defaults kept):
  // exact when the output does not depend on them. Findings of this side
  // evaluation are dropped: the real one reports them.
  Value outputWithoutInputs(const model::ModuleCall& call, std::string_view output) {
    std::string base = address("module." + std::string(call.name));
    Value unknown = Value::unknown(Type::dynamic(), {base + "." + std::string(output)});
    if (call.source.empty() || depth_ + 1 > shared_.options.max_module_depth) return unknown;
    std::string key = module_key_.empty() ? std::string(call.name) : module_key_ + "." + std::string(call.name);
    loader::ModuleSource src = shared_.reads.moduleSource(key, dir_, call.source);
    if (src.kind == loader::ModuleSource::Kind::kUnresolved || src.dir == dir_ ||
        std::find(ancestors_.begin(), ancestors_.end(), src.dir) != ancestors_.end())
      return unknown;
    const model::Module* m = shared_.reads.module(src.dir);
    const model::Output* o = m ? m->output(output) : nullptr;
    if (o == nullptr || o->value == nullptr) return unknown;
    Findings scratch;
    Shared side{shared_.project, shared_.env, shared_.options, scratch, shared_.root_dir, shared_.reads};
    ModuleInstance temp;
    temp.path = base;
    temp.module = m;
    std::vector<VariableValue> vars;
    for (const model::Variable& var : m->variables) {
      bool given = std::any_of(call.arguments.begin(), call.arguments.end(),
                               [&](const model::Attr& a) { return a.name == var.name; });
      VariableValue vv{std::string(var.name), &var, Value::unknown(var.type, {base + ".var." + std::string(var.name)}), "unset"};
      if (!given && var.default_attr != nullptr) {
        EvalDiagnostics diags;
        vv.value = evalConstant(*var.default_attr->expr, *attrFile(*var.default_attr, var.decl.file), diags);
      }
      vars.push_back(std::move(vv));
    }
    std::vector<fs::path> ancestors = ancestors_;
    ancestors.push_back(dir_);
    ModuleEvaluator inner(side, temp, src.dir, key, std::move(ancestors), depth_ + 1);
    inner.setVariables(std::move(vars));
    Value v = inner.evalIn(*o->value->expr, attrFile(*o->value, o->decl.file));
    return o->sensitive ? v.markedSensitive() : v;
  }

  /// Evaluates one instance of `call` into `child`, giving its outputs; with
  /// `deferred`, the evaluation may be left to a pool task put there (the
  /// outputs then come from joinChild()).
  Value evaluateChild(const model::ModuleCall& call, const std::string& key, ModuleInstance& child,
                      std::unique_ptr<ChildRun>* deferred) {
    const syntax::ParsedFile* file = call.decl.file;
    // From here on, what is read belongs to the child's cache entry (its
    // source and model included; the inputs' reads too, harmlessly).
    size_t reads_before = shared_.reads.position();
    // Inputs, evaluated here in the caller, with where they were set.
    std::vector<std::pair<const model::Attr*, Value>> inputs;
    for (const model::Attr& a : call.arguments) {
      const syntax::ParsedFile* f = attrFile(a, file);
      Value v = evalIn(*a.expr, f);
      v = v.withProvenance({f ? f->source->path() : "", a.range, fmt::format("module argument {} of module.{}", a.name, call.name)});
      inputs.emplace_back(&a, std::move(v));
    }
    auto unresolved = [&](std::string why) {
      child.unresolved = why;
      addFinding("eval-error", Severity::kNote, "Module not loaded",
                 fmt::format("module.{} ({}): {}; its outputs are unknown.", call.name, call.source.empty() ? "no source" : call.source, why),
                 locationOf(file, call.source_attr ? call.source_attr->expr->range : call.decl.header_range));
      return Value::object({}).withReference(child.path);
    };
    if (call.source.empty()) return unresolved("the source is not a literal string");
    loader::ModuleSource src = shared_.reads.moduleSource(key, dir_, call.source);
    if (src.kind == loader::ModuleSource::Kind::kUnresolved) return unresolved(src.note);
    if (depth_ + 1 > shared_.options.max_module_depth)
      return unresolved(fmt::format("modules nest deeper than {} levels", shared_.options.max_module_depth));
    if (std::find(ancestors_.begin(), ancestors_.end(), src.dir) != ancestors_.end() || src.dir == dir_)
      return unresolved("the module calls itself (directly or through other modules)");
    const model::Module* m = shared_.reads.module(src.dir);
    if (m == nullptr) return unresolved(fmt::format("{} has no configuration files", shared_.project.displayPath(src.dir)));
    child.module = m;
    child.dir = shared_.project.displayPath(src.dir);

    // Variables of the child: module arguments, else defaults.
    std::vector<VariableValue> vars;
    for (const auto& [attr, value] : inputs) {
      if (m->variable(attr->name) == nullptr) {
        addFinding("undeclared-variable", Severity::kError, "Unsupported argument",
                   fmt::format("An argument named \"{}\" is not expected here: module.{} ({}) declares no variable \"{}\".",
                               attr->name, call.name, child.dir, attr->name),
                   locationOf(attrFile(*attr, file), attr->name_range));
      }
    }
    for (const model::Variable& var : m->variables) {
      VariableValue vv;
      vv.name = std::string(var.name);
      vv.decl = &var;
      auto in = std::find_if(inputs.begin(), inputs.end(), [&](const auto& p) { return p.first->name == var.name; });
      if (in != inputs.end()) {
        vv.value = in->second;
        vv.set_by = "module argument";
      } else if (var.default_attr != nullptr) {
        EvalDiagnostics diags;
        vv.value = evalConstant(*var.default_attr->expr, *attrFile(*var.default_attr, var.decl.file), diags);
        report(diags);
        vv.set_by = "default";
      } else {
        addFinding("missing-required-variable", Severity::kError, "Missing required argument",
                   fmt::format("The argument \"{}\" is required by module.{} ({}), but no definition was found.", var.name,
                               call.name, child.dir),
                   locationOf(file, call.decl.header_range),
                   {{var.decl.location(), fmt::format("variable \"{}\" declared here", var.name)}});
        vv.value = Value::unknown(var.type, {child.path + ".var." + std::string(var.name)});
        vv.set_by = "unset";
      }
      vv.value = convertVariable(var, vv.value, vv.set_by == "module argument" ? in->first : nullptr, file);
      vars.push_back(std::move(vv));
    }
    // Evaluated before with the same inputs (another environment)? Then the
    // result is the same; only its findings are repeated for this environment.
    EvaluationCache* cache = shared_.options.cache;
    std::string cache_key;
    if (cache != nullptr) {
      cache_key = fmt::format("{}\n{}\n{}\n{}\n{}\n", shared_.root_dir.string(), shared_.env.workspace,
                              src.dir.string(), child.path, ancestors_.size());
      for (const VariableValue& vv : vars) {
        cache_key += vv.name + "=";
        canonical(vv.value, cache_key);
        cache_key += "\n";
      }
      const EvaluationCache::Entry* hit = cache->find(cache_key);
      // Evaluated in an earlier check: still valid only if the project
      // still gives what it read (the same models, the same file texts).
      if (hit != nullptr && !std::all_of(hit->reads.begin(), hit->reads.end(),
                                         [&](const EvaluationRead& r) { return shared_.reads.stillGives(r); })) {
        cache->erase(cache_key);
        hit = nullptr;
      }
      if (hit != nullptr) {
        ++cache->hits;
        cache->renew(cache_key);
        auto copy = cloneModuleInstance(*hit->instance);
        child.variables = std::move(copy->variables);
        child.locals = std::move(copy->locals);
        child.outputs = std::move(copy->outputs);
        child.resources = std::move(copy->resources);
        child.children = std::move(copy->children);
        for (Finding f : hit->findings) {
          f.environment = shared_.env.name;
          shared_.findings.push_back(std::move(f));
        }
        return hit->outputs;
      }
      ++cache->misses;
    }
    if (deferred != nullptr && cache == nullptr) {
      auto run = std::make_unique<ChildRun>(shared_);
      std::vector<fs::path> ancestors = ancestors_;
      ancestors.push_back(dir_);
      run->evaluator = std::make_unique<ModuleEvaluator>(run->shared, child, src.dir, key, std::move(ancestors), depth_ + 1);
      run->evaluator->setVariables(std::move(vars));
      ChildRun* r = run.get();
      ModuleInstance* c = &child;
      r->task = shared_.options.pool->submit([r, c] {
        r->evaluator->run();
        std::vector<Value::Attribute> outs(c->outputs.begin(), c->outputs.end());
        r->outputs = Value::objectStandingFor(std::move(outs), c->path);
        r->evaluator.reset();  // freed on the thread that allocated it (no arena handoff)
      });
      *deferred = std::move(run);
      return Value();
    }
    size_t findings_before = shared_.findings.size();
    std::vector<fs::path> ancestors = ancestors_;
    ancestors.push_back(dir_);
    ModuleEvaluator inner(shared_, child, src.dir, key, std::move(ancestors), depth_ + 1);
    inner.setVariables(std::move(vars));
    inner.run();
    std::vector<Value::Attribute> outs(child.outputs.begin(), child.outputs.end());
    Value outputs = Value::objectStandingFor(std::move(outs), child.path);
    if (cache != nullptr) {
      Findings produced(shared_.findings.begin() + static_cast<ptrdiff_t>(findings_before), shared_.findings.end());
      EvaluationCache::Entry entry;
      entry.instance = cloneModuleInstance(child);
      entry.outputs = outputs;
      entry.findings = std::move(produced);
      entry.reads = shared_.reads.since(reads_before);
      cache->add(std::move(cache_key), std::move(entry));
    }
    return outputs;
  }

 public:
  /// Converts a value to the variable's type with optional() defaults; a
  /// failure is a type-mismatch finding where the value was set.
  Value convertVariable(const model::Variable& var, const Value& value, const model::Attr* set_at,
                        const syntax::ParsedFile* set_file) {
    Value v = value;
    if (v.isNull() && !var.nullable && var.default_attr != nullptr) {
      EvalDiagnostics diags;
      v = evalConstant(*var.default_attr->expr, *attrFile(*var.default_attr, var.decl.file), diags);
    }
    std::string err, path;
    auto converted = convert(v, var.type, &err, &path);
    if (!converted) {
      Location where = set_at ? locationOf(attrFile(*set_at, set_file), set_at->expr->range) : provenanceLocation(value);
      if (!where.file) where = var.decl.location();
      // The text there is the sensitive value itself: printers mask it.
      where.secret = var.sensitive || value.sensitive();
      addFinding("type-mismatch", Severity::kError, "Invalid value for input variable",
                 fmt::format("The given value is not suitable for var.{}: {}{}.", var.name, path.empty() ? "" : path.substr(path[0] == '.' ? 1 : 0) + ": ", err),
                 where, {{var.decl.location(), fmt::format("variable \"{}\" declared here", var.name)}});
      return Value::unknown(var.type).withMarksOf(value);
    }
    EvalDiagnostics diags;
    Value out = applyDefaults(*converted, var.type, var.defaults, var.decl.file, diags);
    report(diags);
    if (var.sensitive) out = out.markedSensitive();
    return out;
  }

  Location provenanceLocation(const Value& v) const {
    if (v.provenance().empty()) return {};
    const ProvenanceStep& p = v.provenance().front();
    return {shared_.project.sourceFileByPath(p.file), p.range};
  }

  void validateVariables() {
    for (const VariableValue& vv : instance_.variables) {
      if (vv.decl == nullptr) continue;
      for (const model::Validation& val : vv.decl->validations) {
        if (val.condition == nullptr) continue;
        const syntax::ParsedFile* f = vv.decl->decl.file;
        Value ok = evalIn(*val.condition, f);
        if (!ok.isKnown() || ok.isNull()) continue;
        std::string err;
        auto b = convert(ok, Type::boolean(), &err);
        if (!b) {
          addFinding("eval-error", Severity::kWarning, "Invalid variable validation result",
                     "Invalid validation condition result value: a bool is required.", locationOf(f, val.condition->range));
          continue;
        }
        if (b->asBool()) continue;
        std::string message = "Invalid value for variable";
        if (val.error_message != nullptr) {
          Value m = evalIn(*val.error_message, f);
          if (m.isKnown() && !m.isNull() && m.type().kind() == TypeKind::kString) message = m.asString();
        }
        Location where = provenanceLocation(vv.value);
        std::vector<RelatedLocation> related;
        related.push_back({locationOf(f, val.condition->range), "validation condition"});
        for (size_t i = 1; i < vv.value.provenance().size(); ++i) {
          const ProvenanceStep& p = vv.value.provenance()[i];
          // Member by member: GCC 12 warns (-Wmaybe-uninitialized, wrongly) on
          // the nested temporaries of push_back({{file, range}, note}).
          RelatedLocation& step = related.emplace_back();
          step.location.file = shared_.project.sourceFileByPath(p.file);
          step.location.range = p.range;
          step.message = p.note;
        }
        if (!where.file) where = locationOf(f, val.range);
        addFinding("variable-validation", Severity::kError, "Invalid value for variable",
                   fmt::format("{} (var.{}{})", message, vv.name, vv.value.sensitive() ? "" : " = " + vv.value.debugString()),
                   where, std::move(related));
      }
    }
  }

 private:

  /// A module instance evaluated as a pool task: it reports into findings
  /// and reads of its own, this module's once joined.
  struct ChildRun {
    explicit ChildRun(Shared& caller)
        : reads(caller.project, caller.root_dir, /*logging=*/false),
          shared{caller.project, caller.env, caller.options, findings, caller.root_dir, reads} {}
    Findings findings;
    ProjectReads reads;
    Shared shared;
    std::unique_ptr<ModuleEvaluator> evaluator;
    Value outputs;
    std::shared_ptr<TaskPool::Task> task;
  };
  /// A call whose instances were started (startModuleCall) and not yet
  /// waited for: outputs of those evaluated at once, runs of the others.
  struct PendingCall {
    Expansion ex;
    std::string base;
    std::vector<Value> outputs;
    std::vector<std::unique_ptr<ChildRun>> runs;
  };

  Value joinChild(ChildRun& run) {
    shared_.options.pool->wait(*run.task);
    for (Finding& f : run.findings) shared_.findings.push_back(std::move(f));
    return run.outputs;
  }

  Shared& shared_;
  ModuleInstance& instance_;
  fs::path dir_;
  std::string module_key_;
  std::vector<fs::path> ancestors_;
  int depth_;
  FunctionContext fn_ctx_;
  std::map<std::string, Value, std::less<>> variables_;
  std::map<std::string, std::pair<State, Value>, std::less<>> locals_;
  struct ResourceState {
    State state = State::kInProgress;
    std::string base;  ///< its address
    Expansion ex;      ///< its instances' keys
    std::optional<Value> value;  ///< once referenced
  };
  std::map<const model::Resource*, ResourceState> resource_states_;
  std::map<const model::Resource*, std::vector<ResourceInstance>> resource_instances_;
  std::map<const model::ModuleCall*, std::pair<State, Value>> call_values_;
  std::map<const model::ModuleCall*, PendingCall> pending_;
  std::optional<Value> count_index_, each_key_, each_value_;
  std::vector<std::pair<std::string, Value>> iterators_;
  std::string current_address_;
  std::set<std::tuple<const syntax::ParsedFile*, uint32_t, std::string>> reported_;
};

}  // namespace

// ------------------------------------------------------------- environment

namespace {

struct SetValue {
  Value value;
  std::string set_by;
  const model::Attr* attr = nullptr;  // unused for files
};

bool isStringTyped(const model::Variable& v) {
  return v.type.kind() == TypeKind::kString || v.type.isDynamic();
}

}  // namespace

EvaluatedEnvironment evaluateEnvironment(loader::Project& project, const loader::EnvironmentSpec& env,
                                         const EnvironmentOptions& options) {
  EvaluatedEnvironment out;
  out.spec = &env;
  out.root = std::make_unique<ModuleInstance>();
  ModuleInstance& root = *out.root;
  fs::path root_dir = env.root.lexically_normal();
  root.dir = project.displayPath(root_dir);
  root.module = project.module(root_dir);
  if (root.module == nullptr) {
    root.unresolved = "the root module has no configuration files";
    return out;
  }
  const model::Module& m = *root.module;
  ProjectReads reads(project, root_dir, options.cache != nullptr);
  ModuleEvaluator::Shared shared{project, env, options, out.findings, root_dir, reads};
  ModuleEvaluator evaluator(shared, root, root_dir, "", {}, 0);

  auto report = [&](const EvalDiagnostics& diags) {
    for (const auto& d : diags)
      out.findings.push_back({"eval-error", Severity::kWarning, d.diag.summary, d.diag.detail,
                              locationOf(d.file, d.diag.subject.value_or(ByteRange{})), {}, env.name});
  };
  std::map<std::string, SetValue, std::less<>> values;
  auto undeclared = [&](std::string_view name, Location where, std::string_view from) {
    out.findings.push_back({"undeclared-variable", Severity::kWarning, "Value for undeclared variable",
                            fmt::format("{} sets a value for \"{}\", but the root module ({}) declares no variable \"{}\"; "
                                        "Terraform ignores it (or fails, for -var-file).",
                                        from, name, root.dir, name),
                            std::move(where), {}, env.name});
  };
  auto setFromExpr = [&](std::string_view name, const syntax::Expr& expr, const syntax::ParsedFile& file,
                         ByteRange range, std::string set_by, std::string_view from) {
    if (m.variable(name) == nullptr) {
      undeclared(name, locationOf(&file, range), from);
      return;
    }
    EvalDiagnostics diags;
    Value v = evalConstant(expr, file, diags);
    report(diags);
    values[std::string(name)] = {v.withProvenance({file.source->path(), range, "value set here"}), std::move(set_by)};
  };

  // 1. env file TF_VAR_ lines (below every tfvars file, as in Terraform).
  if (env.env_file) {
    std::string err;
    auto src = project.sourceFile(*env.env_file, &err);
    if (!src) {
      out.findings.push_back({"invalid-config", Severity::kError, "Cannot read env file", err, {}, {}, env.name});
    } else {
      project.registerSource(src);
      for (const loader::EnvFileEntry& e : loader::parseEnvFile(src->text(), src, out.findings)) {
        if (!e.is_tf_var) continue;
        std::string name(e.tf_var());
        const model::Variable* var = m.variable(name);
        Location where{src, e.value_range};
        where.secret = var != nullptr && var->sensitive;  // a sensitive value: printers mask it
        if (var == nullptr) {
          undeclared(name, {src, e.name_range}, "the env file");
          continue;
        }
        Value v;
        if (e.dynamic) {
          v = Value::unknown(Type::dynamic(), {"env." + e.name});
        } else if (isStringTyped(*var)) {
          v = Value::string(e.value);
        } else {
          // Terraform parses TF_VAR_ values of non-string variables as HCL.
          auto parsed = std::make_shared<syntax::ParsedFile>(
              syntax::parseConfig(std::make_shared<SourceFile>(src->path(), "v = " + e.value + "\n")));
          if (!parsed->diagnostics.empty() || parsed->body->items.empty() ||
              parsed->body->items[0]->kind != syntax::BodyItemKind::kAttribute) {
            out.findings.push_back({"type-mismatch", Severity::kError, "Invalid value for input variable",
                                    fmt::format("The value of TF_VAR_{} is not a valid HCL expression for var.{} ({}).", name,
                                                name, friendlyTypeName(var->type, true)),
                                    where, {}, env.name});
            continue;
          }
          EvalDiagnostics diags;
          v = evalConstant(*static_cast<const syntax::Attribute*>(parsed->body->items[0])->expr, *parsed, diags);
          if (!diags.empty()) v = Value::unknown();
          project.keepAlive(parsed);
        }
        values[name] = {v.withProvenance({src->path(), e.value_range, "value set here"}), "env file"};
      }
    }
  }
  // 2. variable files, lowest precedence first.
  for (const fs::path& vf : env.var_files) {
    std::string err;
    bool json = vf.filename().string().ends_with(".json");
    const syntax::ParsedFile* f = project.parsedFile(vf, json ? syntax::FileSyntax::kJson : syntax::FileSyntax::kNative, &err);
    if (f == nullptr) {
      out.findings.push_back({"invalid-config", Severity::kError, "Cannot read variable file", err, {}, {}, env.name});
      continue;
    }
    if (f->body == nullptr) continue;
    for (const syntax::BodyItem* item : f->body->items) {
      if (item->kind == syntax::BodyItemKind::kBlock) {
        const auto* b = static_cast<const syntax::Block*>(item);
        out.findings.push_back({"syntax", Severity::kError, "Unexpected block",
                                fmt::format("Blocks are not allowed in variable files; \"{}\" is a block.", b->type),
                                locationOf(f, b->type_range), {}, env.name});
        continue;
      }
      const auto* a = static_cast<const syntax::Attribute*>(item);
      setFromExpr(a->name, *a->expr, *f, a->range, "tfvars", project.displayPath(vf));
    }
  }
  // 3. config `vars`.
  if (env.config != nullptr) {
    for (const auto& [name, expr] : env.config->vars) {
      if (expr == nullptr || !env.config->location.file) continue;
      const syntax::ParsedFile* f = project.parsedFile(fs::path(env.config->location.file->path()), syntax::FileSyntax::kNative, nullptr);
      if (f == nullptr) continue;
      setFromExpr(name, *expr, *f, expr->range, "config", ".tfguard.hcl");
    }
  }
  // 4. command line.
  for (const auto& [name, text] : options.cli_vars) {
    const model::Variable* var = m.variable(name);
    if (var == nullptr) continue;
    values[name] = {Value::string(text).withProvenance({"<command line>", {}, "-var"}), "command line"};
  }

  std::vector<VariableValue> vars;
  const bool values_come_from_outside = env.origin == loader::EnvironmentOrigin::kDirectory && env.var_files.empty() &&
                                     !env.env_file && env.config == nullptr && values.empty();
  for (const model::Variable& var : m.variables) {
    VariableValue vv;
    vv.name = std::string(var.name);
    vv.decl = &var;
    if (auto it = values.find(var.name); it != values.end()) {
      vv.value = it->second.value;
      vv.set_by = it->second.set_by;
    } else if (var.default_attr != nullptr) {
      EvalDiagnostics diags;
      const syntax::ParsedFile* f = attrFile(*var.default_attr, var.decl.file);
      vv.value = evalConstant(*var.default_attr->expr, *f, diags)
                     .withProvenance({f->source->path(), var.default_attr->range, "default value"});
      report(diags);
      vv.set_by = "default";
    } else if (values_come_from_outside) {
      // A root with no variable file, env file or config values at all gets
      // its values at plan time (-var, TF_VAR_ in CI, an example run by
      // hand): unknown, not a finding.
      vv.value = Value::unknown(var.type, {"var." + std::string(var.name)});
      vv.set_by = "unset";
      vars.push_back(std::move(vv));
      continue;
    } else {
      out.findings.push_back({"missing-required-variable", Severity::kError, "No value for required variable",
                              fmt::format("The root module input variable \"{}\" is not set, and has no default value; "
                                          "environment \"{}\" sets it in none of its variable files{}.",
                                          var.name, env.name, env.env_file ? " or its env file" : ""),
                              var.decl.location(), {}, env.name});
      vv.value = Value::unknown(var.type, {"var." + std::string(var.name)});
      vv.set_by = "unset";
      vars.push_back(std::move(vv));
      continue;
    }
    vv.value = evaluator.convertVariable(var, vv.value, nullptr, nullptr);
    vars.push_back(std::move(vv));
  }
  evaluator.setVariables(std::move(vars));
  evaluator.run();

  // Backend: the block's arguments, then the partial config files.
  if (m.terraform.backend) {
    const model::Backend& b = *m.terraform.backend;
    BackendConfig cfg;
    cfg.type = std::string(b.type);
    cfg.decl = &b;
    std::map<std::string, Value> entries;
    for (const model::Attr& a : b.content.attrs) {
      const syntax::ParsedFile* f = attrFile(a, b.content.file);
      EvalDiagnostics diags;
      Value v = evalConstant(*a.expr, *f, diags);
      report(diags);
      entries[std::string(a.name)] = v.withProvenance({f->source->path(), a.range, "backend argument"});
    }
    for (const fs::path& p : env.backend_config) {
      std::string err;
      const syntax::ParsedFile* f = project.parsedFile(p, syntax::FileSyntax::kNative, &err);
      if (f == nullptr) {
        out.findings.push_back({"invalid-config", Severity::kError, "Cannot read backend config file", err, {}, {}, env.name});
        continue;
      }
      cfg.files.push_back(project.displayPath(p));
      if (f->body == nullptr) continue;
      for (const syntax::BodyItem* item : f->body->items) {
        if (item->kind != syntax::BodyItemKind::kAttribute) continue;
        const auto* a = static_cast<const syntax::Attribute*>(item);
        EvalDiagnostics diags;
        Value v = evalConstant(*a->expr, *f, diags);
        report(diags);
        entries[std::string(a->name)] = v.withProvenance({f->source->path(), a->range, "partial backend configuration"});
      }
    }
    std::vector<Value::Attribute> attrs(entries.begin(), entries.end());
    cfg.config = Value::object(std::move(attrs));
    out.backend = std::move(cfg);
  }
  return out;
}

}  // namespace tfguard::eval
