#pragma once
// The check session (SPEC §1): discover → parse → model → evaluate every
// environment → dispatch the rules (one walk per environment) → place
// findings (remote modules at their call) → severities by tier and config
// → suppressions → baseline → sort. The result is a Report for a printer
// and the exit code of SPEC §2.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "report/report.h"
#include "rules/rule.h"
#include "settings/settings.h"

namespace tfguard::engine {

/// Every rule of a run, sorted by id: the C++ rules, the built-in policies
/// and the policies of the user's folders (config `policies`, relative to
/// the config file, then --policy-dir).
class RuleCatalog {
 public:
  /// Problems (a bad policy file, a policy id that clashes with another
  /// rule, a parameter set in the config that its rule does not declare)
  /// go to `errors` as "FILE:LINE:COL: message"; the catalog is still
  /// usable without the offending policies.
  static std::shared_ptr<const RuleCatalog> load(const settings::Settings& settings,
                                                 std::span<const std::string> policy_dirs,
                                                 std::vector<std::string>* errors);
  /// The built-in rules and policies only.
  static const RuleCatalog& builtin();

  std::span<const rules::Rule* const> rules() const { return rules_; }
  const rules::Rule* find(std::string_view id) const;

 private:
  std::vector<const rules::Rule*> rules_;
  std::vector<std::unique_ptr<rules::Rule>> owned_;
};

/// What a session of checks of one tree keeps from one check to the next
/// (the language server keeps one per workspace): the last load, whose
/// unchanged files and module models the next load shares instead of
/// parsing and building them again, and the module instances evaluated,
/// reused while their modules' files, the files they read and their inputs
/// are unchanged. One check at a time.
class CheckSession {
 public:
  CheckSession();
  ~CheckSession();
  CheckSession(const CheckSession&) = delete;
  CheckSession& operator=(const CheckSession&) = delete;

  struct State;  ///< engine.cc
  State& state() { return *state_; }

 private:
  std::unique_ptr<State> state_;
};

struct CheckOptions {
  std::vector<std::filesystem::path> paths;  ///< default "."
  std::vector<std::string> environments;     ///< --env: only these
  std::vector<std::string> enable, disable, only;
  std::string fail_on;  ///< error | warning | note | never; empty: config, else warning
  std::string baseline_file;        ///< hide findings whose fingerprint is listed
  std::string write_baseline_file;  ///< write every fingerprint there
  std::string today;  ///< YYYY-MM-DD for suppression expiry; empty: the current date (UTC)
  unsigned jobs = 0;  ///< threads; 0 = one per core for a large check, one for a small one
  /// Unsaved buffers: path → content, read instead of the disk.
  std::map<std::filesystem::path, std::string> overlays;
  /// Report only the findings located in this file (editor checks of one
  /// buffer, evaluated in its module and environment context); empty: all.
  std::filesystem::path only_file;
  /// Extra policy folders (--policy-dir).
  std::vector<std::string> policy_dirs;
  /// --changed (pre-commit, the language server): when non-empty, only the
  /// environments these files affect are checked — a module file re-checks
  /// every environment that calls its module, directly or through other
  /// modules; a tfvars, env or backend file its environment — and only
  /// their findings are reported (of an environment reached only through
  /// a module, only the module's part: CheckFocus), with the findings of
  /// no environment (syntax errors, project-wide rules, suppressions)
  /// located in these files. The config file or a policy file among them: a full check.
  /// The mapping: engine/changed_files.h.
  std::vector<std::filesystem::path> changed_files;
  /// Kept between checks (the language server); null: every check starts afresh.
  CheckSession* session = nullptr;
  /// --changed given without a file (pre-commit staged nothing the hook
  /// matches): nothing changed, nothing is evaluated.
  bool changed_only = false;
};

/// The part of one environment a --changed check covers when only modules
/// it calls changed: those modules' instances (their resources and every
/// module instance below them), the module blocks that call them, and the
/// findings located in the modules' own files. The rest of the environment
/// is evaluated (values flow through it) but not reported.
struct CheckFocus {
  std::string environment;
  std::vector<std::string> instance_paths;  ///< "module.app", "module.a.module.app[\"x\"]"
  std::vector<std::string> module_dirs;     ///< the changed modules (display paths)
  std::vector<Location> calls;              ///< the module blocks of those instances

  /// Whether the resource at `address` is inside one of the instances.
  bool coversResource(std::string_view address) const;
  /// Whether a finding of this environment lies in the covered part: by
  /// its resource when it has one, else by its place or related places.
  bool covers(const Finding& finding) const;
};

struct CheckResult {
  report::Report report;
  int exit_code = 0;   ///< 0, 1 (findings at/above fail_on), 2 (usage or internal error)
  std::string error;   ///< for exit code 2
  std::vector<std::pair<std::string, double>> phase_ms;  ///< --stats
  /// Module instances taken from the evaluation cache (another environment
  /// of the same root with the same inputs, or a session's earlier check)
  /// and those evaluated while it was in use (--stats).
  size_t module_instances_reused = 0, module_instances_evaluated = 0;
  /// --changed: how many environments the changed files affect (0: the
  /// check had nothing to evaluate).
  std::optional<size_t> affected_environments;
  /// --changed: the environments checked only in part (the others of
  /// report.environments were checked whole).
  std::vector<CheckFocus> focus;
  /// What the findings were computed from (the project's files and models,
  /// the evaluated environments): the report does not need it, but freeing
  /// hundreds of thousands of small objects is a tenth of a large check.
  /// It goes with the result, so a process about to exit need not free it.
  std::shared_ptr<const void> model;
};

CheckResult runCheck(const CheckOptions& options, const settings::Settings& settings);

/// The stable identity of a finding: rule, file, resource address,
/// environment and attribute path (or, without a resource, the message) —
/// never line numbers, so a baseline survives edits above the finding.
std::string fingerprintOf(const Finding& finding);

/// Severity parsing shared with the CLI ("error", "warning", "note").
std::optional<Severity> parseSeverity(std::string_view name);

}  // namespace tfguard::engine
