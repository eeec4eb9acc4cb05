#pragma once
// The configuration file `.tfguard.hcl` (SPEC §5): parsed with our own
// parser, validated strictly (an unknown key or a value of the wrong type is
// an error with its location), found from the scanned path upward.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/finding.h"
#include "syntax/ast.h"

namespace tfguard::settings {

/// `environment "NAME" { ... }`. Paths are as written (relative to the
/// directory of the config file); the loader resolves them.
struct EnvironmentConfig {
  std::string name;
  std::string root;                    ///< required
  std::vector<std::string> var_files;  ///< like -var-file, in order
  std::string env_file;                ///< shell file with TF_VAR_ lines; empty: none
  std::vector<std::string> backend_config;  ///< partial backend config files (a string or a list)
  std::string tier;       ///< "production" | "staging" | "development"; empty: inferred
  std::string workspace;  ///< terraform.workspace; empty: "default"
  /// `vars = { name = value }`: expressions in the config file's AST,
  /// evaluated as constants by the evaluator.
  std::vector<std::pair<std::string, const syntax::Expr*>> vars;
  Location location;  ///< the block header
};

/// Severity of a rule: one for all tiers or one per tier.
struct RuleSeverity {
  std::string all;  ///< "error" | "warning" | "note"; empty: per tier / default
  std::map<std::string, std::string> by_tier;
};

/// `rule "ID" { enabled, severity, <parameters> }`.
struct RuleConfig {
  std::string id;
  std::optional<bool> enabled;
  RuleSeverity severity;
  /// Every other argument is a rule parameter, validated by the rule engine
  /// against what the rule declares (the expression is kept for it).
  std::vector<std::pair<std::string, const syntax::Expr*>> parameters;
  Location location;
};

struct Settings {
  std::filesystem::path file;  ///< empty: no config file (the defaults)
  std::filesystem::path dir;   ///< the directory paths are relative to
  std::vector<std::string> exclude;   ///< globs, `**` allowed
  std::vector<std::string> policies;  ///< extra policy folders
  std::string fail_on;                ///< empty: the default ("warning")
  std::vector<EnvironmentConfig> environments;
  std::vector<RuleConfig> rules;
  /// The parsed file the expressions above live in.
  std::shared_ptr<syntax::ParsedFile> parsed;
};

/// The nearest `.tfguard.hcl` in `start` (a file's directory or a directory)
/// or one of its parents, or nullopt.
std::optional<std::filesystem::path> findSettingsFile(const std::filesystem::path& start);

/// Reads and validates a config file. On any error returns nullopt and puts
/// the errors (syntax included, with locations) in `errors`.
std::optional<Settings> loadSettings(const std::filesystem::path& file, Findings& errors);

/// Parses config text (for tests and editors); `path` is only for messages.
std::optional<Settings> parseSettings(std::string path, std::string text, Findings& errors);

/// The commented starter file `tfguard init` writes.
std::string starterSettings();

/// The name of the config file, searched from the scanned path upward.
inline constexpr char kSettingsFileName[] = ".tfguard.hcl";

/// A config error as CLI commands print it: `FILE:LINE:COL: error: SUMMARY`
/// (columns 1-based, in code points), then the detail on an indented second
/// line when there is one. A finding without a file (an unreadable config)
/// prints as `tfguard: error: SUMMARY`.
std::string formatFinding(const Finding& finding);

/// The settings a command runs with: `config_file` when one is given
/// (`--config`), else the nearest .tfguard.hcl from `start` upward, else the
/// defaults (an empty `file`, `dir` = the directory of `start`). Returns
/// nullopt with `errors` when the chosen file is unreadable or invalid.
std::optional<Settings> resolveSettings(const std::filesystem::path& config_file,
                                        const std::filesystem::path& start, Findings& errors);

/// What `tfguard init` did: the file it wrote, or why it wrote nothing.
struct StarterWriteResult {
  bool written = false;
  bool already_exists = false;  ///< refused: the file exists and `force` was false
  std::filesystem::path file;   ///< DIR/.tfguard.hcl
  std::string error;            ///< why nothing was written; empty when written
};

/// Writes starterSettings() to `dir`/.tfguard.hcl; an existing file is only
/// replaced when `force` is set.
StarterWriteResult writeStarterSettings(const std::filesystem::path& dir, bool force);

}  // namespace tfguard::settings
