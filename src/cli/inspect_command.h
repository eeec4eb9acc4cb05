#pragma once
// `tfguard inspect [PATH...] [--env NAME]`: the evaluated model of every
// environment as JSON (docs/inspect.md).
#include <CLI/CLI.hpp>

namespace tfguard::cli {

void registerInspectCommand(CLI::App& app);
int runInspectCommand();

}  // namespace tfguard::cli
