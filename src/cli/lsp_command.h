#pragma once
// `tfguard lsp` (SPEC §8): the language server on stdin/stdout.
#include <CLI/CLI.hpp>

namespace tfguard::cli {

void registerLspCommand(CLI::App& app);
int runLspCommand();

}  // namespace tfguard::cli
