#pragma once
// Evaluation of one environment (SPEC §3, §4): the root module with the
// environment's variable values, every module call followed with the
// caller's inputs, every resource and data source expanded by count and
// for_each, nested and dynamic blocks expanded, outputs, the merged backend.
// The result is what rules read: values (known or unknown with the
// references they stand for), sensitive marks and provenance.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/finding.h"
#include "eval/value.h"
#include "loader/environments.h"
#include "loader/project.h"
#include "model/model.h"

namespace tfguard {
class TaskPool;
}

namespace tfguard::eval {

struct EvaluatedAttr {
  std::string name;
  Value value;
  const syntax::ParsedFile* file = nullptr;
  ByteRange range;       ///< `name = expr`
  ByteRange expr_range;  ///< the expression
};

/// A nested block after dynamic expansion (a resource body is one too).
struct EvaluatedBlock {
  std::string type;
  std::vector<std::string> labels;
  const syntax::ParsedFile* file = nullptr;
  ByteRange range;
  bool from_dynamic = false;  ///< produced by a `dynamic` block
  std::vector<EvaluatedAttr> attrs;
  std::vector<EvaluatedBlock> blocks;

  const EvaluatedAttr* attr(std::string_view name) const;
  std::vector<const EvaluatedBlock*> blocksOfType(std::string_view type) const;
};

/// The key of one instance of a counted or for_each'ed resource or module.
struct InstanceKey {
  enum class Kind : uint8_t { kNone, kIndex, kString, kUnknown } kind = Kind::kNone;
  long long index = 0;
  std::string key;
  /// "", "[0]", "[\"jobs\"]", "[?]" (count or for_each unknown until apply).
  std::string suffix() const;
};

struct ResourceInstance {
  const model::Resource* decl = nullptr;
  std::string address;  ///< module.a.aws_x.y[0]
  InstanceKey key;
  EvaluatedBlock body;  ///< type = the resource type; attributes and nested blocks
};

/// A module instance's resource instances: immutable once evaluated, and
/// shared — a module instance taken from the EvaluationCache shares the
/// entry's list instead of copying every instance (and rules that key on
/// instances see the same ones from check to check of a session).
class ResourceList {
 public:
  ResourceList() = default;
  explicit ResourceList(std::vector<ResourceInstance> instances)
      : list_(std::make_shared<const std::vector<ResourceInstance>>(std::move(instances))) {}
  std::vector<ResourceInstance>::const_iterator begin() const { return list().begin(); }
  std::vector<ResourceInstance>::const_iterator end() const { return list().end(); }
  size_t size() const { return list().size(); }
  bool empty() const { return list().empty(); }
  const ResourceInstance& operator[](size_t i) const { return list()[i]; }

 private:
  const std::vector<ResourceInstance>& list() const {
    static const std::vector<ResourceInstance> kNone;
    return list_ ? *list_ : kNone;
  }
  std::shared_ptr<const std::vector<ResourceInstance>> list_;
};

struct VariableValue {
  std::string name;
  const model::Variable* decl = nullptr;
  Value value;  ///< converted to the declared type; provenance: where it was set
  std::string set_by;  ///< "default", "tfvars", "env file", "config", "module argument", "unset"
};

struct ModuleInstance {
  std::string path;  ///< "" for the root, "module.app", "module.queue[\"jobs\"]"
  const model::Module* module = nullptr;  ///< null when unresolved
  const model::ModuleCall* call = nullptr;  ///< null for the root
  std::string dir;  ///< the module's directory (display path)
  std::string unresolved;  ///< why the module could not be loaded; empty when it was
  std::vector<VariableValue> variables;
  std::vector<std::pair<std::string, Value>> locals;
  std::vector<std::pair<std::string, Value>> outputs;
  ResourceList resources;  ///< managed and data, in declaration order
  std::vector<std::unique_ptr<ModuleInstance>> children;
};

struct BackendConfig {
  std::string type;  ///< "s3", "local", "cloud", ...
  Value config;      ///< the block's arguments merged with the partial config files
  const model::Backend* decl = nullptr;
  std::vector<std::string> files;  ///< the partial config files merged in (display paths)
};

struct EvaluatedEnvironment {
  const loader::EnvironmentSpec* spec = nullptr;
  std::unique_ptr<ModuleInstance> root;
  std::optional<BackendConfig> backend;  ///< none when the root declares no backend
  Findings findings;  ///< variable, type, validation and evaluation findings
};

/// Something the evaluation of a module instance read from the project
/// besides its inputs, and what it got: a module's model, a file's text,
/// a template, a directory listing, where a module source leads.
struct EvaluationRead {
  enum class Kind : uint8_t { kModule, kSource, kTemplate, kListing, kModuleSource } kind = Kind::kModule;
  std::string path, pattern, key, source;  ///< the arguments (by kind)
  const void* got = nullptr;  ///< the Module, SourceFile or ParsedFile (compared by identity)
  std::string result;         ///< the error, the listing, the source's directory
};

/// Module instances already evaluated: a module instance is evaluated once
/// per distinct set of inputs. The key is everything the result depends on
/// besides the project's files (module directory, instance path, root
/// directory, workspace, and each input's value with its marks and
/// provenance); an entry also lists what it read from the project, and is
/// used only while every read gives the same (the same module model, the
/// same file text). A hit is exactly what evaluation would produce; its
/// findings are repeated for the new environment.
///
/// Within one check the environments of a root share a cache. A session
/// of checks (the language server's) keeps it from one check to the next:
/// entries then outlive the project they were evaluated against, which
/// they keep alive (`owner`), and the next project shares every unchanged
/// file and model with it (loader::LoadOptions::previous).
class EvaluationCache {
 public:
  struct Entry {
    std::unique_ptr<ModuleInstance> instance;
    Value outputs;
    Findings findings;
    std::vector<EvaluationRead> reads;
    std::shared_ptr<const void> owner;  ///< what the instance points into
    uint64_t last_used = 0;             ///< the check that last used it
  };
  /// Null when absent; marks the entry used by this check.
  const Entry* find(const std::string& key) {
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    it->second.last_used = check_;
    return &it->second;
  }
  void add(std::string key, Entry entry) {
    entry.owner = owner_;
    entry.last_used = check_;
    entries_.insert_or_assign(std::move(key), std::move(entry));
  }
  void erase(const std::string& key) { entries_.erase(key); }
  /// An entry whose reads all gave the same in this check points only at
  /// objects this check's project holds too: it is kept alive by that one
  /// from now on (an older project is freed once no entry needs it).
  void renew(const std::string& key) {
    if (auto it = entries_.find(key); it != entries_.end()) it->second.owner = owner_;
  }

  /// Starts a check against a project kept alive by `owner`; entries not
  /// used by the last `keep_checks` checks are dropped (with the projects
  /// only they kept alive).
  void beginCheck(std::shared_ptr<const void> owner, uint64_t keep_checks) {
    ++check_;
    owner_ = std::move(owner);
    std::erase_if(entries_, [&](const auto& e) { return e.second.last_used + keep_checks < check_; });
  }

  size_t hits = 0;
  size_t misses = 0;

 private:
  std::map<std::string, Entry> entries_;
  std::shared_ptr<const void> owner_;
  uint64_t check_ = 0;
};

/// A deep copy of a module instance and its children.
std::unique_ptr<ModuleInstance> cloneModuleInstance(const ModuleInstance& instance);

struct EnvironmentOptions {
  /// `--var NAME=VALUE` / `--var-file` values, highest precedence.
  std::vector<std::pair<std::string, std::string>> cli_vars;
  int max_module_depth = 32;
  long long max_instances = 10'000;  ///< per count / for_each
  EvaluationCache* cache = nullptr;  ///< optional, shared across environments
  /// Optional: module instances are evaluated as tasks there, in parallel
  /// with their caller and with each other (not with a cache, which is
  /// not shared between threads).
  TaskPool* pool = nullptr;
};

/// Evaluates `env` (whose root module the project has loaded).
EvaluatedEnvironment evaluateEnvironment(loader::Project& project, const loader::EnvironmentSpec& env,
                                         const EnvironmentOptions& options = {});

}  // namespace tfguard::eval
