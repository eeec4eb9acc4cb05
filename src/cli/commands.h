#pragma once
// The command table of `tfguard` (SPEC §2). Each command is a function that
// returns the process exit code: 0 ok, 1 findings, 2 usage or internal error.
#include <CLI/CLI.hpp>

namespace tfguard::cli {

/// Registers every command on `app`; the chosen one runs in runCommand().
void registerCommands(CLI::App& app);
int runCommand(CLI::App& app);

struct ParseOptions {
  std::vector<std::string> files;
  std::string format = "json";
  bool template_mode = false;
};
int runParse(const ParseOptions& options);

}  // namespace tfguard::cli
