#pragma once
// `--changed FILE...` (SPEC §2, pre-commit): which environments a set of
// changed files affects, so that only those are evaluated. The mapping is
// worked out from the loaded project without evaluating anything:
//
// - a configuration file (.tf, .tf.json) of module directory M affects every
//   environment whose root is M or calls M, directly or through other local
//   modules (even when the file was deleted: the module changed);
// - a file under ROOT/.terraform/ (installed modules, modules.json) affects
//   the environments of ROOT;
// - a tfvars, env or partial backend file affects the environments that read
//   it (EnvironmentSpec var_files, which include the auto-loaded ones,
//   env_file, backend_config);
// - any other file (a template read by templatefile(), a user-data script)
//   affects the modules whose configuration names it (its file name appears
//   in their text), and so their environments;
// - the config file or a file in a policy folder affects everything;
// - anything else (a README, a file outside the scanned tree) nothing.
//
// An environment affected only through a called module is checked in part
// (engine.h, CheckFocus): the changed module's instances, not the rest.
// docs/precommit.md gives the rules and their limits.
#include <filesystem>
#include <span>
#include <vector>

#include "loader/environments.h"
#include "loader/project.h"

namespace tfguard::engine {

/// What a change to a file outside the configuration tree can affect.
struct RunInputs {
  std::filesystem::path config_file;  ///< the .tfguard.hcl in use; empty: none
  std::vector<std::filesystem::path> policy_dirs;  ///< config `policies` and --policy-dir
};

struct ChangeImpact {
  /// The config or a policy changed: every environment, a full check.
  bool everything = false;
  /// Per environment of the input, in its order: whether it is affected.
  std::vector<bool> affected;
  /// Per environment: affected as a whole — its root module, a file it
  /// reads (tfvars, env, backend) or its .terraform folder changed. An
  /// affected environment that is not whole is affected only through the
  /// modules in `modules`, which it calls.
  std::vector<bool> whole;
  /// The module directories whose own files changed (absolute, normal,
  /// sorted), not their callers.
  std::vector<std::filesystem::path> modules;
  /// The changed files, absolute and lexically normal, sorted.
  std::vector<std::filesystem::path> files;

  size_t affectedCount() const;
  /// Whether `path` (absolute, normal) is one of the changed files.
  bool isChanged(const std::filesystem::path& path) const;
};

/// The environments of `envs` that `changed` (relative to the current
/// directory, or absolute; need not exist) affect. Never throws.
ChangeImpact affectedEnvironments(loader::Project& project, std::span<const loader::EnvironmentSpec> envs,
                                  std::span<const std::filesystem::path> changed, const RunInputs& inputs);

}  // namespace tfguard::engine
