#pragma once
// The rule interface (SPEC §6). A rule is one small class with its metadata;
// the engine walks each environment's evaluated model once and dispatches:
// per resource instance (to the rules that declared the instance's type),
// per environment, and across the environments of one project. Rules never
// parse or read files; they read values (known, unknown, sensitive, with
// provenance) through the RuleContext and report findings through it.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/finding.h"
#include "eval/environment_eval.h"
#include "loader/environments.h"
#include "model/model.h"

namespace tfguard::rules {

enum class RuleScope : uint8_t {
  kInstance,          ///< checkInstance() for every instance of `resource_types`
  kEnvironment,       ///< checkEnvironment() once per environment
  kCrossEnvironment,  ///< checkAcross() once with every environment of the run
  /// checkProject() once per run: the scanned files and every module's
  /// declarations, independent of environments (language rules, state
  /// files, literal secrets). Findings carry no environment.
  kProject,
};

struct RuleParam {
  std::string_view name;         ///< as written in .tfguard.hcl: admin_cidrs = [...]
  std::string_view description;
  std::string_view default_text;  ///< the default as HCL ("7", "[]"); empty: none
};

struct RuleMeta {
  std::string_view id;  ///< kebab-case, stable
  Severity default_severity = Severity::kWarning;
  /// Severity in development environments when it differs (ssh-admin-cidr: warning).
  std::optional<Severity> development_severity;
  /// Severity in production environments when it differs (backend-remote-state: error).
  std::optional<Severity> production_severity;
  std::string_view summary;      ///< one line
  std::string_view description;  ///< Markdown: what fails, why it matters (the real-world reason)
  std::string_view bad_example;  ///< HCL that fails
  std::string_view good_example; ///< HCL that passes
  RuleScope scope = RuleScope::kInstance;
  std::vector<std::string_view> resource_types;  ///< kInstance: the types it looks at
  std::vector<std::string_view> tags;            ///< "security", "cost", "reliability", "terraform"
  std::string_view security_severity;            ///< SARIF "security-severity" ("8.0"); empty if not security
  std::vector<RuleParam> params;
  /// Where the rule is defined: "builtin" (C++), "builtin policy
  /// policies/aws/x.hcl", or the path of a user's policy file.
  std::string_view source = "builtin";
  /// Off unless enabled in .tfguard.hcl (`rule "ID" { enabled = true }`) or
  /// with --enable (required-tags).
  bool disabled_by_default = false;
  /// Why the rule is C++ rather than a policy (shown in its doc); empty for policies.
  std::string_view why_cpp;
};

/// What one rule reports. `at` is the most specific place: the offending
/// attribute or nested block, else the block header.
struct RuleFinding {
  std::string message;  ///< lower-case, specific, with the offending value
  std::string detail;   ///< optional full sentences
  Location at;
  std::string resource;        ///< the instance address, if about one
  std::string attribute_path;  ///< "ingress[0].cidr_blocks"
  std::vector<RelatedLocation> related;
};

class RuleContext {
 public:
  virtual ~RuleContext() = default;
  virtual const eval::EvaluatedEnvironment& environment() const = 0;
  virtual loader::Tier tier() const = 0;
  /// Every resource and data instance of the environment, all modules.
  virtual std::span<const eval::ResourceInstance* const> allResources() const = 0;
  /// The instances of one type ("aws_eip", or "data.aws_iam_policy_document"
  /// is not used: data instances are matched by decl->mode).
  virtual std::vector<const eval::ResourceInstance*> resources(std::string_view type) const = 0;
  /// The module instance that holds `instance`.
  virtual const eval::ModuleInstance* moduleOf(const eval::ResourceInstance& instance) const = 0;
  /// A rule parameter from .tfguard.hcl (`rule "ID" { name = ... }`), or nullopt.
  virtual std::optional<eval::Value> param(std::string_view name) const = 0;
  /// Where a value came from ("value set here" at the tfvars line, module arguments).
  virtual std::vector<RelatedLocation> provenanceOf(const eval::Value& value) const = 0;

  /// Storage the rules share while this environment is checked (policies
  /// keep the objects they build for instances there), by key; it lives as
  /// long as the context.
  virtual std::shared_ptr<void>& sharedState(std::string_view key) = 0;
  /// Whether a finding on `instance` is wanted: false outside the part of
  /// the environment a --changed check covers (engine::CheckFocus), where
  /// it would be dropped. A rule that builds costly findings may skip them.
  virtual bool reports(const eval::ResourceInstance& instance) const {
    (void)instance;
    return true;
  }

  virtual void report(RuleFinding finding) = 0;
  /// The check could not be decided (its condition is unknown): no finding;
  /// counted in the summary and listed with --show-undecided.
  virtual void undecided(RuleFinding finding) = 0;
};

/// One shell env file of an environment, already read and split into lines.
struct EnvFileView {
  std::shared_ptr<const SourceFile> file;
  std::vector<loader::EnvFileEntry> entries;
};

/// What project-scope rules see: the scan as a whole.
class ProjectContext {
 public:
  virtual ~ProjectContext() = default;
  /// Root module directories, sorted.
  virtual std::span<const std::filesystem::path> rootModules() const = 0;
  /// Every module of the repository (scanned and called through local
  /// sources; not those installed under .terraform/), sorted by directory.
  virtual std::vector<const model::Module*> modules() const = 0;
  virtual bool isRootModule(const model::Module& module) const = 0;
  /// *.tfstate / *.tfstate.backup files of the scan (never read).
  virtual std::span<const std::filesystem::path> stateFiles() const = 0;
  /// Every parsed file (configuration, var files, backend configs, templates), sorted by path.
  virtual std::vector<const syntax::ParsedFile*> parsedFiles() const = 0;
  /// The env files of the environments, each once.
  virtual const std::vector<EnvFileView>& envFiles() const = 0;
  /// A location for a file that is not parsed (a state file): its whole first line.
  virtual Location fileLocation(const std::filesystem::path& path) const = 0;
  virtual std::optional<eval::Value> param(std::string_view name) const = 0;
  virtual void report(RuleFinding finding) = 0;
};

/// The environments of one run, for cross-environment rules.
struct EnvironmentView {
  const eval::EvaluatedEnvironment* environment;
  RuleContext* context;  ///< reports go to this environment
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void checkInstance(const eval::ResourceInstance& /*instance*/, RuleContext& /*ctx*/) const {}
  virtual void checkEnvironment(RuleContext& /*ctx*/) const {}
  virtual void checkAcross(std::span<const EnvironmentView> /*envs*/) const {}
  virtual void checkProject(ProjectContext& /*ctx*/) const {}
};

/// Helpers for locations of evaluated things.
Location locationOf(const eval::EvaluatedAttr& attr);   ///< the `name = value` argument
Location locationOf(const eval::EvaluatedBlock& block); ///< the whole block
Location headerOf(const eval::ResourceInstance& instance);  ///< `resource "t" "n"`

}  // namespace tfguard::rules
