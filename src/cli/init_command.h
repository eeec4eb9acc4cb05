#pragma once
// `tfguard init`: writes a commented starter .tfguard.hcl (SPEC §2, §5).
#include <CLI/CLI.hpp>

namespace tfguard::cli {

/// Adds the `init` subcommand and its flags (--dir, --force) to `app`.
void registerInitCommand(CLI::App& app);
/// Runs `init` with the flags registered above; returns the exit code.
int runInitCommand();

}  // namespace tfguard::cli
