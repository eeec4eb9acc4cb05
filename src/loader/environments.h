#pragma once
// Environments (SPEC §3): which evaluations of which root module to run,
// with which variable files, env file, partial backend config and tier.
// This stage only finds files and names; reading values is the evaluator's.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/finding.h"
#include "settings/settings.h"

namespace tfguard::loader {

enum class Tier : uint8_t { kProduction, kStaging, kDevelopment };

std::string_view tierName(Tier tier);  ///< "production", "staging", "development"
/// "production" | "staging" | "development" (exactly), else nullopt.
std::optional<Tier> parseTier(std::string_view name);
/// The tier an environment name suggests (SPEC §3: prod, production, prd,
/// live, main → production; stage, staging, stg, uat, preprod → staging;
/// dev, development, sandbox, test, qa, demo → development), matching the
/// whole name or one of its `-`/`_`/`.`-separated words ("env-stage",
/// "prod-eu"), case-insensitively; when words disagree ("dev-to-prod") the
/// strictest tier; nullopt when none matches.
std::optional<Tier> inferTier(std::string_view name);

/// How an environment was found.
enum class EnvironmentOrigin : uint8_t {
  kConfig,     ///< an `environment` block in .tfguard.hcl
  kLayout,     ///< environments/NAME, envs/NAME, env/NAME, live/NAME, stages/NAME
  kVarFile,    ///< one NAME.tfvars of a root deployed several times
  kEnvFile,    ///< one shell env file (env-NAME, NAME.env) of a root deployed several times
  kDirectory,  ///< the root alone, named after its directory
};

struct EnvironmentSpec {
  std::string name;
  std::filesystem::path root;  ///< the root module's directory
  Tier tier = Tier::kProduction;
  bool tier_explicit = false;  ///< set in config (else inferred; production when nothing matches)
  std::string workspace = "default";
  EnvironmentOrigin origin = EnvironmentOrigin::kDirectory;
  /// Variable files in Terraform's precedence order, lowest first:
  /// terraform.tfvars, terraform.tfvars.json, *.auto.tfvars[.json] (lexical),
  /// then the environment's own files (config var_files or NAME.tfvars), in order.
  std::vector<std::filesystem::path> var_files;
  std::optional<std::filesystem::path> env_file;  ///< shell file with TF_VAR_ lines
  std::vector<std::filesystem::path> backend_config;  ///< partial backend config files, in order
  const settings::EnvironmentConfig* config = nullptr;  ///< for `vars`; null unless kConfig
};

/// Finds the environments of `root_modules` (directories, as the loader
/// found them) following SPEC §3: config blocks first (they add to
/// discovery), then layout conventions, per-environment tfvars and env
/// files, else the root alone. Missing files named in the config are
/// findings (rule "invalid-config") with the config location. The result
/// is sorted by root, then name; names are unique per root (a later
/// duplicate is dropped with a finding). docs/environments.md gives every
/// rule and the choices made where SPEC §3 is silent.
std::vector<EnvironmentSpec> discoverEnvironments(std::span<const std::filesystem::path> root_modules,
                                                  const settings::Settings& settings,
                                                  Findings& findings);

/// Terraform's auto-loaded variable files of a root module directory, in
/// load order: terraform.tfvars, terraform.tfvars.json, then
/// *.auto.tfvars and *.auto.tfvars.json together in lexical order. Only
/// regular files (or symlinks to them) that exist.
std::vector<std::filesystem::path> autoLoadedVarFiles(const std::filesystem::path& root);

/// One line of a shell env file.
struct EnvFileEntry {
  std::string name;   ///< the variable name as written ("TF_VAR_region", "AWS_PROFILE")
  std::string value;  ///< unquoted and unescaped as the shell would
  uint32_t line = 0;  ///< 1-based
  ByteRange name_range;
  ByteRange value_range;  ///< the value as written (quotes included)
  bool is_tf_var = false;  ///< name starts with TF_VAR_
  /// The value depends on something outside the file: a command
  /// substitution ($(cmd), `cmd`), a special parameter ($1, $@) or a
  /// variable the file does not assign before this line ($HOME,
  /// ${AWS_PROFILE}). `value` then keeps such parts as written (or the
  /// `${X:-default}` default); the evaluator treats the value as unknown.
  bool dynamic = false;
  std::string_view tf_var() const {
    return is_tf_var ? std::string_view(name).substr(7) : std::string_view();
  }
};

/// Parses a shell env file: `NAME=value`, `export NAME=value`, single and
/// double quotes (with the shell's escapes in double quotes), `#` comments
/// at line start or after whitespace, blank lines, CRLF. Lines that are not
/// assignments (commands, `source x`) are skipped; a malformed assignment
/// (unterminated quote) is a finding (rule "invalid-config") at its place.
/// Every assignment is kept, TF_VAR_ or not (secret scanning reads them all).
/// `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME-word}` are expanded from
/// earlier assignments of the same file when unquoted or in double quotes
/// (never in single quotes); anything the file cannot tell marks the entry
/// `dynamic`. Assignments that only prefix a command (`A=1 make`) do not set
/// anything in the shell and are not returned. `file` may be null (the
/// findings then have no file). Never throws.
std::vector<EnvFileEntry> parseEnvFile(std::string_view text, const std::shared_ptr<const SourceFile>& file,
                                       Findings& findings);

}  // namespace tfguard::loader
