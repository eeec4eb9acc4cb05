#pragma once
// `tfguard [check] [PATH...]` (SPEC §2), `tfguard rules`, `tfguard explain RULE`.
#include <CLI/CLI.hpp>

namespace tfguard::cli {

/// Registers the check flags on `app` (check is the default command) and
/// the `check` subcommand, which passes its flags through to them.
void registerCheckCommand(CLI::App& app, CLI::App* check);
int runCheckCommand();

void registerRulesCommands(CLI::App& app);
int runRulesCommand();
int runExplainCommand();

}  // namespace tfguard::cli
