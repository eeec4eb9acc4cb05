#include "engine/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <sstream>

#include "base/parallel.h"
#include "base/task_pool.h"
#include "engine/changed_files.h"
#include "eval/environment_eval.h"
#include "eval/expr_eval.h"
#include "loader/environments.h"
#include "loader/project.h"
#include "policy/policy.h"
#include "rules/registry.h"
#include "suppress/suppress.h"

namespace tfguard::engine {
namespace fs = std::filesystem;

std::optional<Severity> parseSeverity(std::string_view name) {
  if (name == "error") return Severity::kError;
  if (name == "warning") return Severity::kWarning;
  if (name == "note") return Severity::kNote;
  return std::nullopt;
}

namespace {

// The directory of a file's display path as module directories are shown:
// "modules/m0" for "modules/m0/main.tf", "." for "main.tf".
std::string displayDirOf(const std::string& file) {
  std::string dir = std::filesystem::path(file).parent_path().string();
  return dir.empty() ? "." : dir;
}

}  // namespace

bool CheckFocus::coversResource(std::string_view address) const {
  return std::any_of(instance_paths.begin(), instance_paths.end(), [&](const std::string& path) {
    return address.size() > path.size() && address.starts_with(path) && address[path.size()] == '.';
  });
}

bool CheckFocus::covers(const Finding& finding) const {
  if (!finding.resource.empty()) return coversResource(finding.resource);
  auto in_modules = [&](const Location& at) {
    return at.file && std::find(module_dirs.begin(), module_dirs.end(), displayDirOf(at.file->path())) !=
                          module_dirs.end();
  };
  if (in_modules(finding.location)) return true;
  if (std::any_of(finding.related.begin(), finding.related.end(),
                  [&](const RelatedLocation& r) { return in_modules(r.location); }))
    return true;
  return finding.location.file && std::any_of(calls.begin(), calls.end(), [&](const Location& call) {
           return call.file && call.file->path() == finding.location.file->path() &&
                  call.range.begin <= finding.location.range.begin && finding.location.range.end <= call.range.end;
         });
}

std::string fingerprintOf(const Finding& f) {
  // FNV-1a, 64 bits: stable across runs and platforms.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(f.rule);
  mix(f.location.file ? f.location.file->path() : "");
  mix(f.resource);
  mix(f.environment);
  mix(f.attribute_path);
  if (f.resource.empty()) mix(f.summary);
  return fmt::format("{:016x}", h);
}

namespace {

bool insideDotTerraform(const Location& loc) {
  if (!loc.file) return false;
  const std::string& p = loc.file->path();
  return p.starts_with(".terraform/") || p.find("/.terraform/") != std::string::npos;
}

// Which rules run, and at which severity, from the config and the flags.
class RulePolicy {
 public:
  RulePolicy(const CheckOptions& options, const settings::Settings& settings, const RuleCatalog& catalog)
      : options_(options), settings_(settings), catalog_(catalog) {}

  bool enabled(std::string_view id) const {
    if (id == "syntax") return true;  // always on
    if (!options_.only.empty()) return contains(options_.only, id);
    if (contains(options_.disable, id)) return false;
    if (contains(options_.enable, id)) return true;
    if (const settings::RuleConfig* c = config(id); c && c->enabled) return *c->enabled;
    const rules::Rule* r = catalog_.find(id);
    return r == nullptr || !r->meta().disabled_by_default;
  }

  Severity severity(const rules::RuleMeta& meta, loader::Tier tier) const {
    if (const settings::RuleConfig* c = config(meta.id)) {
      auto it = c->severity.by_tier.find(std::string(loader::tierName(tier)));
      if (it != c->severity.by_tier.end())
        if (auto s = parseSeverity(it->second)) return *s;
      if (auto s = parseSeverity(c->severity.all)) return *s;
    }
    if (tier == loader::Tier::kDevelopment && meta.development_severity) return *meta.development_severity;
    if (tier == loader::Tier::kProduction && meta.production_severity) return *meta.production_severity;
    return meta.default_severity;
  }

  const settings::RuleConfig* config(std::string_view id) const {
    for (const auto& r : settings_.rules)
      if (r.id == id) return &r;
    return nullptr;
  }

 private:
  static bool contains(const std::vector<std::string>& v, std::string_view id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  }
  const CheckOptions& options_;
  const settings::Settings& settings_;
  const RuleCatalog& catalog_;
};

// A rule parameter from .tfguard.hcl (`rule "ID" { name = ... }`).
std::optional<eval::Value> ruleParam(const RulePolicy& policy, const settings::Settings& settings,
                                     const rules::Rule* rule, std::string_view name) {
  if (rule == nullptr || !settings.parsed) return std::nullopt;
  const settings::RuleConfig* c = policy.config(rule->meta().id);
  if (c == nullptr) return std::nullopt;
  for (const auto& [n, expr] : c->parameters) {
    if (n != name || expr == nullptr) continue;
    eval::EvalDiagnostics diags;
    return eval::evalConstant(*expr, *settings.parsed, diags);
  }
  return std::nullopt;
}

class EnvironmentRuleContext : public rules::RuleContext {
 public:
  EnvironmentRuleContext(const eval::EvaluatedEnvironment& env, loader::Project& project, const RulePolicy& policy,
                         const settings::Settings& settings, Findings& findings, Findings& undecided)
      : env_(env), project_(project), policy_(policy), settings_(settings), findings_(&findings), undecided_(&undecided) {
    if (env.root) walk(*env.root, nullptr);
  }

  void setRule(const rules::Rule* rule) { rule_ = rule; }
  /// The part of the environment a --changed check covers; null: all of it.
  void setFocus(const CheckFocus* focus) { focus_ = focus; }
  bool reports(const eval::ResourceInstance& instance) const override {
    return focus_ == nullptr || focus_->coversResource(instance.address);
  }

  const eval::EvaluatedEnvironment& environment() const override { return env_; }
  loader::Tier tier() const override { return env_.spec->tier; }
  std::span<const eval::ResourceInstance* const> allResources() const override { return resources_; }
  std::vector<const eval::ResourceInstance*> resources(std::string_view type) const override {
    std::vector<const eval::ResourceInstance*> out;
    for (const auto* r : resources_)
      if (r->decl && r->decl->type == type) out.push_back(r);
    return out;
  }
  const eval::ModuleInstance* moduleOf(const eval::ResourceInstance& instance) const override {
    auto it = module_of_.find(&instance);
    return it == module_of_.end() ? nullptr : it->second;
  }
  std::optional<eval::Value> param(std::string_view name) const override {
    return ruleParam(policy_, settings_, rule_, name);
  }
  std::vector<RelatedLocation> provenanceOf(const eval::Value& value) const override {
    std::vector<RelatedLocation> out;
    for (const eval::ProvenanceStep& p : value.provenance()) {
      auto src = project_.sourceFileByPath(p.file);
      if (!src) continue;
      // Member by member: GCC 12 warns (-Wmaybe-uninitialized, wrongly) on
      // the nested temporaries of push_back({{src, range}, note}).
      RelatedLocation& related = out.emplace_back();
      related.location.file = std::move(src);
      related.location.range = p.range;
      related.message = p.note;
    }
    return out;
  }

  std::shared_ptr<void>& sharedState(std::string_view key) override {
    auto it = shared_.find(key);
    if (it == shared_.end()) it = shared_.emplace(std::string(key), nullptr).first;
    return it->second;
  }

  void releaseSharedState() { shared_.clear(); }
  /// Where later reports go.
  void reportTo(Findings& findings, Findings& undecided) {
    findings_ = &findings;
    undecided_ = &undecided;
  }

  void report(rules::RuleFinding f) override { findings_->push_back(toFinding(std::move(f))); }
  void undecided(rules::RuleFinding f) override {
    Finding finding = toFinding(std::move(f));
    finding.severity = Severity::kNote;
    undecided_->push_back(std::move(finding));
  }

 private:
  void walk(const eval::ModuleInstance& m, const eval::ModuleInstance* parent) {
    parent_[&m] = parent;
    resources_.reserve(resources_.size() + m.resources.size());
    for (const auto& r : m.resources) {
      resources_.push_back(&r);
      module_of_[&r] = &m;
      by_address_[r.address] = &r;
    }
    for (const auto& c : m.children) walk(*c, &m);
  }

  Finding toFinding(rules::RuleFinding f) {
    const rules::RuleMeta& meta = rule_->meta();
    Finding out{std::string(meta.id), policy_.severity(meta, tier()), std::move(f.message), std::move(f.detail),
                std::move(f.at), std::move(f.related), env_.spec->name};
    out.resource = std::move(f.resource);
    out.attribute_path = std::move(f.attribute_path);
    relocateFromRemoteModule(out);
    return out;
  }

  // A finding inside a module that is not in the repository (installed under
  // .terraform/modules) is placed at the module call in the repository, with
  // the inner place as related (SPEC §7).
  void relocateFromRemoteModule(Finding& f) {
    if (!insideDotTerraform(f.location)) return;
    auto it = by_address_.find(f.resource);
    if (it == by_address_.end()) return;
    const eval::ModuleInstance* m = module_of_[it->second];
    while (m != nullptr && m->call != nullptr) {
      Location call = m->call->decl.location();
      if (!insideDotTerraform(call)) {
        f.related.insert(f.related.begin(), {f.location, fmt::format("inside the module {} ({})", m->path, m->dir)});
        f.location = call;
        return;
      }
      m = parent_[m];
    }
  }

  const eval::EvaluatedEnvironment& env_;
  loader::Project& project_;
  const RulePolicy& policy_;
  const settings::Settings& settings_;
  Findings* findings_;
  Findings* undecided_;
  const rules::Rule* rule_ = nullptr;
  const CheckFocus* focus_ = nullptr;
  std::vector<const eval::ResourceInstance*> resources_;
  // Built for every environment of every check: hashed, and keyed by views
  // of the instances' own addresses.
  std::unordered_map<const eval::ResourceInstance*, const eval::ModuleInstance*> module_of_;
  std::unordered_map<const eval::ModuleInstance*, const eval::ModuleInstance*> parent_;
  std::unordered_map<std::string_view, const eval::ResourceInstance*> by_address_;
  std::map<std::string, std::shared_ptr<void>, std::less<>> shared_;
};

// What project-scope rules see (rules::ProjectContext): the scan as a whole.
class ScanRuleContext : public rules::ProjectContext {
 public:
  /// `changed` (display paths), when given: a --changed run, which keeps
  /// findings of no environment only in those files. The rules then see
  /// only the modules and files of the changed files' directories (and
  /// the root modules, whose sensitive variables hardcoded-secret needs).
  ScanRuleContext(loader::Project& project, std::span<const loader::EnvironmentSpec> envs, const RulePolicy& policy,
                  const settings::Settings& settings, Findings& findings, const std::set<std::string>* changed)
      : project_(project), policy_(policy), settings_(settings), findings_(findings) {
    for (const fs::path& dir : project.rootModules())
      if (const model::Module* m = project.module(dir)) roots_.insert(m);
    std::set<std::string> changed_dirs;  // display paths
    if (changed != nullptr) {
      for (const std::string& path : *changed) changed_dirs.insert(displayDirOf(path));
      files_ = project.parsedFiles();
      std::erase_if(*files_, [&](const syntax::ParsedFile* f) {
        return !f->source || !changed_dirs.count(displayDirOf(f->source->path()));
      });
    }
    for (const fs::path& dir : project.moduleDirs()) {
      if (dir.generic_string().find("/.terraform/") != std::string::npos) continue;
      const model::Module* m = project.module(dir);
      if (m == nullptr) continue;
      std::string shown = project.displayPath(dir);
      if (changed != nullptr && !roots_.count(m) && !changed_dirs.count(shown.empty() ? "." : shown)) continue;
      modules_.push_back(m);
    }
    std::set<fs::path> seen;
    for (const loader::EnvironmentSpec& env : envs) {
      if (!env.env_file || !seen.insert(*env.env_file).second) continue;
      if (changed != nullptr && !changed->count(project.displayPath(*env.env_file))) continue;
      std::string error;
      auto file = project.sourceFile(*env.env_file, &error);
      if (!file) continue;
      Findings ignored;  // the environment's evaluation reports the file's own problems
      env_files_.push_back({file, loader::parseEnvFile(file->text(), file, ignored)});
    }
  }

  void setRule(const rules::Rule* rule) { rule_ = rule; }

  std::span<const fs::path> rootModules() const override { return project_.rootModules(); }
  std::vector<const model::Module*> modules() const override { return modules_; }
  bool isRootModule(const model::Module& module) const override { return roots_.count(&module) > 0; }
  std::span<const fs::path> stateFiles() const override { return project_.stateFiles(); }
  std::vector<const syntax::ParsedFile*> parsedFiles() const override {
    return files_ ? *files_ : project_.parsedFiles();
  }
  const std::vector<rules::EnvFileView>& envFiles() const override { return env_files_; }
  Location fileLocation(const fs::path& path) const override {
    // A file that is not read (a state file) is named, not quoted.
    auto file = std::make_shared<SourceFile>(project_.displayPath(path), std::string());
    return {file, {0, 0}};
  }
  std::optional<eval::Value> param(std::string_view name) const override {
    return ruleParam(policy_, settings_, rule_, name);
  }
  void report(rules::RuleFinding f) override {
    const rules::RuleMeta& meta = rule_->meta();
    Finding out{std::string(meta.id), policy_.severity(meta, loader::Tier::kProduction), std::move(f.message),
                std::move(f.detail), std::move(f.at), std::move(f.related), std::string()};
    out.resource = std::move(f.resource);
    out.attribute_path = std::move(f.attribute_path);
    findings_.push_back(std::move(out));
  }

 private:
  loader::Project& project_;
  const RulePolicy& policy_;
  const settings::Settings& settings_;
  Findings& findings_;
  const rules::Rule* rule_ = nullptr;
  std::vector<const model::Module*> modules_;
  std::set<const model::Module*> roots_;
  std::vector<rules::EnvFileView> env_files_;
  std::optional<std::vector<const syntax::ParsedFile*>> files_;  // --changed: those in the changed directories
};

// The instances of the modules in `dirs` (display paths) in `instance`'s
// subtree; the ones below them are inside their paths already.
void collectFocus(const eval::ModuleInstance& instance, std::span<const std::string> dirs, CheckFocus& focus) {
  for (const auto& child : instance.children) {
    if (std::find(dirs.begin(), dirs.end(), child->dir) == dirs.end()) {
      collectFocus(*child, dirs, focus);
      continue;
    }
    focus.instance_paths.push_back(child->path);
    if (child->call != nullptr && child->call->decl.file != nullptr)
      focus.calls.push_back({child->call->decl.file->source, child->call->decl.range});
  }
}

CheckFocus focusOf(const eval::EvaluatedEnvironment& env, std::vector<std::string> dirs) {
  CheckFocus focus;
  focus.environment = env.spec->name;
  if (env.root) collectFocus(*env.root, dirs, focus);
  focus.module_dirs = std::move(dirs);
  return focus;
}

RunInputs runInputs(const settings::Settings& settings, const CheckOptions& options) {
  RunInputs inputs;
  inputs.config_file = settings.file;
  for (const std::string& d : settings.policies)
    inputs.policy_dirs.push_back(settings.dir.empty() ? fs::path(d) : settings.dir / d);
  for (const std::string& d : options.policy_dirs) inputs.policy_dirs.emplace_back(d);
  return inputs;
}

std::string todayUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool findingLess(const Finding& a, const Finding& b) {
  // References, not copies: thousands of findings are sorted.
  static const std::string kNoFile;
  auto key = [](const Finding& f) {
    // The detail last: of two findings equal but for it (one environment
    // name in two roots), which one stays must not depend on the order the
    // environments' instances were evaluated in.
    return std::tie(f.location.file ? f.location.file->path() : kNoFile, f.location.range.begin, f.rule, f.environment,
                    f.summary, f.location.range.end, f.detail);
  };
  int a_file = a.location.file ? 0 : 1, b_file = b.location.file ? 0 : 1;
  if (a_file != b_file) return a_file < b_file;
  return key(a) < key(b);
}

// findingLess's order, sorted through an index: a Finding is a dozen
// strings (moving each once beats the swaps of sorting in place), and
// files are ranked by path once so that most comparisons are integers.
void sortFindings(Findings& findings) {
  std::vector<const SourceFile*> files;
  for (const Finding& f : findings) files.push_back(f.location.file.get());
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::vector<const SourceFile*> by_path = files;
  std::sort(by_path.begin(), by_path.end(), [](const SourceFile* a, const SourceFile* b) {
    if ((a == nullptr) != (b == nullptr)) return b == nullptr;  // findings without a file last
    return a != nullptr && a->path() < b->path();
  });
  std::vector<std::pair<const SourceFile*, uint32_t>> rank;  // by pointer
  for (size_t i = 0; i < by_path.size(); ++i) {
    uint32_t r = static_cast<uint32_t>(i);
    if (i > 0 && by_path[i] != nullptr && by_path[i - 1] != nullptr && by_path[i]->path() == by_path[i - 1]->path())
      r = std::find_if(rank.begin(), rank.end(), [&](const auto& e) { return e.first == by_path[i - 1]; })->second;
    rank.emplace_back(by_path[i], r);
  }
  std::sort(rank.begin(), rank.end());
  auto rankOf = [&](const SourceFile* f) {
    return std::lower_bound(rank.begin(), rank.end(), std::make_pair(f, uint32_t{0}))->second;
  };
  struct Key {
    uint32_t file, begin, index;
  };
  std::vector<Key> keys(findings.size());
  for (uint32_t i = 0; i < keys.size(); ++i)
    keys[i] = {rankOf(findings[i].location.file.get()), findings[i].location.range.begin, i};
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.begin != b.begin) return a.begin < b.begin;
    return findingLess(findings[a.index], findings[b.index]);
  });
  Findings sorted;
  sorted.reserve(findings.size());
  for (const Key& k : keys) sorted.push_back(std::move(findings[k.index]));
  findings = std::move(sorted);
}

std::optional<std::set<std::string>> readBaseline(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("cannot read the baseline file {}", path);
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto json = nlohmann::json::parse(ss.str(), nullptr, false);
  if (!json.is_object() || !json.contains("fingerprints") || !json["fingerprints"].is_array()) {
    *error = fmt::format("{} is not a tfguard baseline (expected {{\"version\": 1, \"fingerprints\": [...]}})", path);
    return std::nullopt;
  }
  std::set<std::string> out;
  for (const auto& f : json["fingerprints"])
    if (f.is_string()) out.insert(f.get<std::string>());
  return out;
}

}  // namespace

const rules::Rule* RuleCatalog::find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const rules::Rule* r, std::string_view v) { return r->meta().id < v; });
  return it != rules_.end() && (*it)->meta().id == id ? *it : nullptr;
}

namespace {

void sortById(std::vector<const rules::Rule*>& rules) {
  std::sort(rules.begin(), rules.end(), [](const rules::Rule* a, const rules::Rule* b) { return a->meta().id < b->meta().id; });
}

}  // namespace

const RuleCatalog& RuleCatalog::builtin() {
  static const RuleCatalog catalog = [] {
    RuleCatalog c;
    for (const rules::Rule* r : rules::allRules()) c.rules_.push_back(r);
    for (const auto& r : policy::builtinPolicies().rules)
      if (rules::findRule(r->meta().id) == nullptr) c.rules_.push_back(r.get());
    sortById(c.rules_);
    return c;
  }();
  return catalog;
}


std::shared_ptr<const RuleCatalog> RuleCatalog::load(const settings::Settings& settings,
                                                     std::span<const std::string> policy_dirs,
                                                     std::vector<std::string>* errors) {
  auto catalog = std::make_shared<RuleCatalog>();
  const RuleCatalog& base = builtin();
  catalog->rules_.assign(base.rules_.begin(), base.rules_.end());
  std::vector<fs::path> dirs;
  for (const std::string& d : settings.policies) dirs.push_back(settings.dir.empty() ? fs::path(d) : settings.dir / d);
  for (const std::string& d : policy_dirs) dirs.emplace_back(d);
  for (const fs::path& dir : dirs) {
    policy::PolicySet set = policy::loadPolicyDir(dir);
    for (auto& e : set.errors) errors->push_back(std::move(e.text));
    for (auto& r : set.rules) {
      std::string_view id = r->meta().id;
      bool clash = std::any_of(catalog->rules_.begin(), catalog->rules_.end(),
                               [&](const rules::Rule* other) { return other->meta().id == id; });
      if (clash) {
        errors->push_back(fmt::format("{}: policy \"{}\" has the id of another rule (tfguard rules lists them)",
                                      r->meta().source, id));
        continue;
      }
      catalog->rules_.push_back(r.get());
      catalog->owned_.push_back(std::move(r));
    }
  }
  sortById(catalog->rules_);
  // Parameters set in the config must be ones the rule declares.
  for (const settings::RuleConfig& c : settings.rules) {
    const rules::Rule* r = catalog->find(c.id);
    if (r == nullptr) continue;  // the settings validation reports unknown rules
    for (const auto& [name, expr] : c.parameters) {
      const auto& params = r->meta().params;
      if (std::any_of(params.begin(), params.end(), [&](const rules::RuleParam& p) { return p.name == name; })) continue;
      std::string where = settings.file.string();
      if (expr != nullptr && settings.parsed && settings.parsed->source) {
        Position pos = settings.parsed->source->lines().position(expr->range.begin);
        where = fmt::format("{}:{}:{}", settings.parsed->source->path(), pos.line, pos.column);
      }
      std::string known;
      for (const auto& p : params) known += (known.empty() ? "" : ", ") + std::string(p.name);
      errors->push_back(fmt::format("{}: rule \"{}\" has no parameter \"{}\" ({})", where, c.id, name,
                                    known.empty() ? "it takes none" : "it takes " + known));
    }
  }
  return catalog;
}

struct CheckSession::State {
  std::shared_ptr<const loader::Project> last_project;
  /// By root module: its environments' module instances.
  std::map<fs::path, std::unique_ptr<eval::EvaluationCache>> caches;
};

CheckSession::CheckSession() : state_(std::make_unique<State>()) {}
CheckSession::~CheckSession() = default;

namespace {
// A session's cache entry not used by this many checks in a row is dropped
// (an editor's checks come back to the same environments; the entry of an
// edited module's old inputs does not).
constexpr uint64_t kCheckSessionKeepChecks = 8;
}  // namespace

CheckResult runCheck(const CheckOptions& options, const settings::Settings& settings) {
  using clock = std::chrono::steady_clock;
  CheckResult result;
  auto t0 = clock::now();
  auto phase = [&](const char* name, clock::time_point& since) {
    auto now = clock::now();
    result.phase_ms.emplace_back(name, std::chrono::duration<double, std::milli>(now - since).count());
    since = now;
  };
  clock::time_point mark = t0;

  std::vector<std::string> catalog_errors;
  std::shared_ptr<const RuleCatalog> catalog = RuleCatalog::load(settings, options.policy_dirs, &catalog_errors);
  if (!catalog_errors.empty()) {
    result.exit_code = 2;
    result.error = catalog_errors[0];
    for (size_t i = 1; i < catalog_errors.size(); ++i) result.error += "\ntfguard: error: " + catalog_errors[i];
    return result;
  }
  // The built-in and the user's policies, compiled. (Compiling them on
  // another thread while the project loads was measured slower: the load
  // lost more to the second thread than the catalog's 2 ms.)
  phase("catalog", mark);
  std::string fail_on = !options.fail_on.empty() ? options.fail_on : !settings.fail_on.empty() ? settings.fail_on : "warning";
  if (fail_on != "never" && !parseSeverity(fail_on)) {
    result.exit_code = 2;
    result.error = fmt::format("--fail-on must be error, warning, note or never, not \"{}\"", fail_on);
    return result;
  }
  for (const auto* list : {&options.enable, &options.disable, &options.only}) {
    for (const std::string& id : *list) {
      if (catalog->find(id) == nullptr) {
        result.exit_code = 2;
        result.error = fmt::format("unknown rule \"{}\" (tfguard rules lists them)", id);
        return result;
      }
    }
  }

  std::vector<fs::path> paths = options.paths;
  if (paths.empty()) paths.emplace_back(".");
  loader::LoadOptions load_options;
  load_options.jobs = options.jobs;
  load_options.overlays = options.overlays;
  if (options.session != nullptr) load_options.previous = options.session->state().last_project;
  std::shared_ptr<loader::Project> project = loader::Project::load(paths, settings, load_options);
  if (options.session != nullptr) options.session->state().last_project = project;
  phase("load", mark);

  Findings findings = project->findings();
  std::vector<loader::EnvironmentSpec> envs = loader::discoverEnvironments(project->rootModules(), settings, findings);
  if (!options.environments.empty()) {
    std::erase_if(envs, [&](const loader::EnvironmentSpec& e) {
      return std::find(options.environments.begin(), options.environments.end(), e.name) == options.environments.end();
    });
    if (envs.empty()) {
      result.exit_code = 2;
      result.error = fmt::format("no environment named {} was found", options.environments[0]);
      return result;
    }
  }
  // --changed: only the environments the changed files affect are evaluated.
  std::optional<ChangeImpact> impact;
  std::set<std::string> changed;  // display paths of the changed files
  std::vector<bool> checked_whole;  // per environment checked: whole, or only the changed modules' part
  if (!options.changed_files.empty() || options.changed_only) {
    impact = affectedEnvironments(*project, envs, options.changed_files, runInputs(settings, options));
    for (const fs::path& p : impact->files) changed.insert(project->displayPath(p));
    std::vector<loader::EnvironmentSpec> affected;
    for (size_t i = 0; i < envs.size(); ++i) {
      if (!impact->affected[i]) continue;
      affected.push_back(std::move(envs[i]));
      checked_whole.push_back(impact->whole[i]);
    }
    envs = std::move(affected);
    result.affected_environments = envs.size();
  }
  phase("environments", mark);

  // ---- rules: which run where (set up first: each environment's own
  // rules run as soon as it is evaluated, in its task)
  RulePolicy policy(options, settings, *catalog);
  Findings undecided;
  std::map<std::string, std::vector<const rules::Rule*>, std::less<>> by_type;
  std::vector<const rules::Rule*> env_rules, cross_rules, project_rules;
  for (const rules::Rule* r : catalog->rules()) {
    if (!policy.enabled(r->meta().id)) continue;
    switch (r->meta().scope) {
      case rules::RuleScope::kInstance:
        for (std::string_view t : r->meta().resource_types) by_type[std::string(t)].push_back(r);
        break;
      case rules::RuleScope::kEnvironment: env_rules.push_back(r); break;
      case rules::RuleScope::kCrossEnvironment: cross_rules.push_back(r); break;
      case rules::RuleScope::kProject: project_rules.push_back(r); break;
    }
  }
  // An environment affected only through changed modules is checked in
  // their part: a module edit in a large environment re-checks that module,
  // not every other one (the pre-commit and on-save latency).
  std::vector<std::string> focus_dirs;
  if (impact && !impact->everything)
    for (const fs::path& d : impact->modules) focus_dirs.push_back(project->displayPath(d));
  std::vector<std::optional<CheckFocus>> focus_of(envs.size());
  std::vector<eval::EvaluatedEnvironment> evaluated(envs.size());
  std::vector<Findings> env_findings(envs.size()), env_undecided(envs.size());
  std::vector<std::unique_ptr<EnvironmentRuleContext>> contexts(envs.size());
  // Instance and environment rules of one environment: each reports into
  // its own lists, joined in environment order.
  auto checkEnvironment = [&](size_t i) {
    if (impact && !impact->everything && !checked_whole[i]) focus_of[i] = focusOf(evaluated[i], focus_dirs);
    const CheckFocus* focus = focus_of[i] ? &*focus_of[i] : nullptr;
    auto ctx = std::make_unique<EnvironmentRuleContext>(evaluated[i], *project, policy, settings, env_findings[i],
                                                        env_undecided[i]);
    ctx->setFocus(focus);
    for (const eval::ResourceInstance* r : ctx->allResources()) {
      if (r->decl == nullptr || (focus != nullptr && !focus->coversResource(r->address))) continue;
      auto it = by_type.find(r->decl->type);
      if (it == by_type.end()) continue;
      for (const rules::Rule* rule : it->second) {
        ctx->setRule(rule);
        rule->checkInstance(*r, *ctx);
      }
    }
    for (const rules::Rule* rule : env_rules) {
      ctx->setRule(rule);
      rule->checkEnvironment(*ctx);
    }
    // What policies built for this environment is not needed by the
    // cross-environment rules: freed now, not when every environment is done.
    ctx->releaseSharedState();
    contexts[i] = std::move(ctx);
  };

  // Environments are evaluated in parallel, a root module's environments
  // in one task: the evaluation cache only matches within one root (its
  // key holds the root), so each root with several environments gets its
  // own cache, freed when they are done, and a root with one none at all.
  std::vector<std::vector<size_t>> by_root;
  {
    std::map<fs::path, size_t> group_of;
    for (size_t i = 0; i < envs.size(); ++i) {
      auto [it, inserted] = group_of.try_emplace(envs[i].root, by_root.size());
      if (inserted) by_root.emplace_back();
      by_root[it->second].push_back(i);
    }
  }
  size_t loaded_findings = project->findings().size();
  // A session keeps each root's cache from check to check.
  std::vector<eval::EvaluationCache*> session_caches(by_root.size(), nullptr);
  if (options.session != nullptr) {
    for (size_t g = 0; g < by_root.size(); ++g) {
      auto& cache = options.session->state().caches[envs[by_root[g][0]].root];
      if (!cache) cache = std::make_unique<eval::EvaluationCache>();
      cache->beginCheck(project, kCheckSessionKeepChecks);
      session_caches[g] = cache.get();
    }
  }
  std::vector<std::pair<size_t, size_t>> cache_counts(by_root.size());  // hits, misses
  // Without a cache the module instances are tasks too, so that a few large
  // environments spread over every thread (three environments on two
  // threads, or one); an environment's own rules run in its task when it is
  // evaluated, while the others' evaluation goes on.
  // Without -j, a small check runs on one thread: a second one costs its
  // start, a heap of its own to fault in, and slower memory for both; on the
  // CI's two cores, checks with fewer than ~2,000 resource blocks to
  // evaluate ran faster on one (bench/README.md).
  constexpr size_t kResourceBlocksForThreads = 2000;
  unsigned eval_jobs = options.jobs;
  if (eval_jobs == 0) {
    size_t resource_blocks = 0;
    for (const fs::path& dir : project->moduleDirs())
      if (const model::Module* m = project->module(dir)) resource_blocks += m->resources.size();
    if (resource_blocks * envs.size() < kResourceBlocksForThreads) eval_jobs = 1;
  }
  TaskPool pool(eval_jobs);
  pool.run([&] {
    for (size_t g = 0; g < by_root.size(); ++g)
      pool.submit([&, g] {
        std::optional<eval::EvaluationCache> cache;
        eval::EnvironmentOptions eval_options;
        if (session_caches[g] != nullptr) eval_options.cache = session_caches[g];
        else if (by_root[g].size() > 1) eval_options.cache = &cache.emplace();
        else eval_options.pool = &pool;
        size_t hits = eval_options.cache ? eval_options.cache->hits : 0,
               misses = eval_options.cache ? eval_options.cache->misses : 0;
        for (size_t i : by_root[g]) {
          evaluated[i] = eval::evaluateEnvironment(*project, envs[i], eval_options);
          checkEnvironment(i);
        }
        if (eval_options.cache) cache_counts[g] = {eval_options.cache->hits - hits, eval_options.cache->misses - misses};
      });
  });
  for (const auto& [hits, misses] : cache_counts) {
    result.module_instances_reused += hits;
    result.module_instances_evaluated += misses;
  }
  // What evaluation reads from now on comes from this project alone (the
  // previous one stays alive only through the session's cache entries).
  project->releasePrevious();
  // Files read while evaluating (tfvars, backend configs, templates) are
  // parsed then: their syntax errors come after the load's.
  for (size_t i = loaded_findings; i < project->findings().size(); ++i) findings.push_back(project->findings()[i]);
  for (const std::optional<CheckFocus>& f : focus_of)
    if (f) result.focus.push_back(*f);
  phase("evaluate", mark);  // and each environment's own rules

  // ---- rules across environments and of the project
  for (size_t i = 0; i < evaluated.size(); ++i) {
    // Findings of evaluation (variables, types, eval errors) are this environment's.
    findings.insert(findings.end(), evaluated[i].findings.begin(), evaluated[i].findings.end());
    findings.insert(findings.end(), std::make_move_iterator(env_findings[i].begin()),
                    std::make_move_iterator(env_findings[i].end()));
    undecided.insert(undecided.end(), std::make_move_iterator(env_undecided[i].begin()),
                     std::make_move_iterator(env_undecided[i].end()));
    contexts[i]->reportTo(findings, undecided);  // the cross-environment rules'
  }
  for (const rules::Rule* rule : cross_rules) {
    std::vector<rules::EnvironmentView> views;
    for (size_t i = 0; i < evaluated.size(); ++i) {
      contexts[i]->setRule(rule);
      views.push_back({&evaluated[i], contexts[i].get()});
    }
    rule->checkAcross(views);
  }
  if (!result.focus.empty()) {
    std::map<std::string_view, const CheckFocus*> focus_by_name;
    for (const CheckFocus& f : result.focus) focus_by_name.emplace(f.environment, &f);
    auto outside = [&](const Finding& f) {
      auto it = focus_by_name.find(f.environment);
      return it != focus_by_name.end() && !it->second->covers(f);
    };
    std::erase_if(findings, outside);
    std::erase_if(undecided, outside);
  }
  // --changed with nothing affected: project-wide findings could only be in
  // a changed file the project read or found, and they are kept only there.
  bool scan_project = !impact || impact->everything || !envs.empty() ||
                      std::any_of(changed.begin(), changed.end(), [&](const std::string& path) {
                        return project->sourceFileByPath(path) != nullptr ||
                               std::any_of(project->stateFiles().begin(), project->stateFiles().end(),
                                           [&](const fs::path& state) { return project->displayPath(state) == path; });
                      });
  if (!project_rules.empty() && scan_project) {
    ScanRuleContext scan(*project, envs, policy, settings, findings,
                         impact && !impact->everything ? &changed : nullptr);
    for (const rules::Rule* rule : project_rules) {
      scan.setRule(rule);
      rule->checkProject(scan);
    }
  }
  phase("rules", mark);

  // ---- findings of loading and evaluation: enabled rules only, configured
  // severities; none inside modules that are not in the repository.
  std::map<std::string, loader::Tier> tier_of;
  for (const auto& env : envs) tier_of[env.name] = env.tier;
  std::erase_if(findings, [&](const Finding& f) {
    return !policy.enabled(f.rule) || (insideDotTerraform(f.location) && f.resource.empty());
  });
  for (Finding& f : findings) {
    const rules::Rule* r = catalog->find(f.rule);
    if (r == nullptr || f.rule == "syntax") continue;
    auto tier = tier_of.find(f.environment);
    if (r->meta().scope != rules::RuleScope::kInstance && r->meta().scope != rules::RuleScope::kCrossEnvironment &&
        tier != tier_of.end()) {
      // Language rules keep the severity their stage gave unless configured.
      if (const settings::RuleConfig* c = policy.config(f.rule); c && (!c->severity.all.empty() || !c->severity.by_tier.empty()))
        f.severity = policy.severity(r->meta(), tier->second);
    }
  }

  // ---- suppressions
  std::vector<suppress::Suppression> suppressions;
  Findings suppression_problems;
  for (const syntax::ParsedFile* file : project->parsedFiles()) {
    if (file->comments.empty()) continue;
    auto s = suppress::collectSuppressions(
        *file, [&](std::string_view id) { return catalog->find(id) != nullptr; }, suppression_problems);
    suppressions.insert(suppressions.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  }
  if (impact && !impact->everything) {
    // Cross-environment rules compared only the affected environments: a
    // suppression of theirs may be used by a pair this run did not compare.
    for (suppress::Suppression& s : suppressions) {
      bool cross = std::any_of(s.rules.begin(), s.rules.end(), [&](const std::string& id) {
        const rules::Rule* r = catalog->find(id);
        return id == "all" || id == "*" || (r != nullptr && r->meta().scope == rules::RuleScope::kCrossEnvironment);
      });
      if (cross) s.report_unused = false;
    }
  }
  // One finding per place and environment.
  for (Finding& f : findings) f.fingerprint = fingerprintOf(f);
  sortFindings(findings);
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.fingerprint == b.fingerprint && a.location.range.begin == b.location.range.begin &&
                                      a.summary == b.summary &&
                                      (a.location.file ? a.location.file->path() : "") ==
                                          (b.location.file ? b.location.file->path() : "");
                             }),
                 findings.end());
  suppress::applySuppressions(findings, suppressions, options.today.empty() ? todayUtc() : options.today);
  for (Finding& f : suppression_problems) findings.push_back(std::move(f));
  std::erase_if(findings, [&](const Finding& f) { return !policy.enabled(f.rule); });
  for (Finding& f : findings)
    if (f.fingerprint.empty()) f.fingerprint = fingerprintOf(f);
  sortFindings(findings);
  for (Finding& f : undecided) f.fingerprint = fingerprintOf(f);
  sortFindings(undecided);

  // ---- baseline
  if (!options.write_baseline_file.empty()) {
    std::set<std::string> prints;
    for (const Finding& f : findings)
      if (!f.suppressed) prints.insert(f.fingerprint);
    nlohmann::ordered_json j{{"version", 1}, {"tool", "tfguard"}, {"fingerprints", prints}};
    std::ofstream out(options.write_baseline_file, std::ios::binary);
    if (!out) {
      result.exit_code = 2;
      result.error = fmt::format("cannot write the baseline file {}", options.write_baseline_file);
      return result;
    }
    out << j.dump(2) << "\n";
  }
  size_t baselined = 0;
  if (!options.baseline_file.empty()) {
    std::string error;
    auto baseline = readBaseline(options.baseline_file, &error);
    if (!baseline) {
      result.exit_code = 2;
      result.error = error;
      return result;
    }
    size_t before = findings.size();
    std::erase_if(findings, [&](const Finding& f) { return baseline->count(f.fingerprint) > 0; });
    baselined = before - findings.size();
  }
  if (!options.only_file.empty()) {
    std::string shown = project->displayPath(fs::absolute(options.only_file).lexically_normal());
    auto elsewhere = [&](const Finding& f) { return !f.location.file || f.location.file->path() != shown; };
    std::erase_if(findings, elsewhere);
    std::erase_if(undecided, elsewhere);
  }
  if (impact && !impact->everything) {
    // Findings of no environment (syntax, declarations, project-wide rules,
    // suppressions) only where the change is: the rest of the tree was not
    // touched by it.
    auto elsewhere = [&](const Finding& f) {
      return f.environment.empty() && (!f.location.file || !changed.count(f.location.file->path()));
    };
    std::erase_if(findings, elsewhere);
    std::erase_if(undecided, elsewhere);
  }
  phase("report", mark);
  (void)baselined;

  // ---- the report
  report::Report& rep = result.report;
  rep.tool_version = TFGUARD_VERSION;
  rep.source_root = fs::current_path();
  for (const rules::Rule* r : catalog->rules()) {
    const rules::RuleMeta& m = r->meta();
    report::RuleInfo info;
    info.id = std::string(m.id);
    info.summary = std::string(m.summary);
    info.description = std::string(m.description);
    info.default_severity = m.default_severity;
    for (auto t : m.tags) info.tags.emplace_back(t);
    info.security_severity = std::string(m.security_severity);
    info.help_uri = fmt::format("https://github.com/tfguard/tfguard/blob/main/docs/rules/{}.md", m.id);
    rep.rules.push_back(std::move(info));
  }
  rep.summary.files = project->parsedFiles().size();
  rep.summary.environments = evaluated.size();
  rep.summary.partial_environments = result.focus.size();
  if (!result.focus.empty()) rep.summary.partial_modules = result.focus[0].module_dirs;
  for (const eval::EvaluatedEnvironment& env : evaluated) rep.environments.push_back(env.spec->name);
  for (const Finding& f : findings) {
    if (f.suppressed) {
      ++rep.summary.suppressed;
      continue;
    }
    switch (f.severity) {
      case Severity::kError: ++rep.summary.errors; break;
      case Severity::kWarning: ++rep.summary.warnings; break;
      case Severity::kNote: ++rep.summary.notes; break;
    }
  }
  rep.summary.undecided = undecided.size();
  rep.findings = std::move(findings);
  rep.undecided = std::move(undecided);
  rep.summary.duration_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();

  if (fail_on != "never") {
    Severity threshold = *parseSeverity(fail_on);
    for (const Finding& f : rep.findings)
      if (!f.suppressed && static_cast<int>(f.severity) <= static_cast<int>(threshold)) result.exit_code = 1;
  }
  // The rule contexts point into the environments, which point into the
  // project: freed in that order with the model.
  struct CheckModel {
    std::shared_ptr<loader::Project> project;
    std::vector<loader::EnvironmentSpec> envs;
    std::vector<eval::EvaluatedEnvironment> evaluated;
    std::vector<std::unique_ptr<EnvironmentRuleContext>> contexts;
  };
  result.model = std::make_shared<const CheckModel>(
      CheckModel{std::move(project), std::move(envs), std::move(evaluated), std::move(contexts)});
  return result;
}

}  // namespace tfguard::engine
