// tfguard: static analysis for Terraform/OpenTofu. See SPEC §2 and `tfguard --help`.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/heap_tuning.h"

int main(int argc, char** argv) {
  tfguard::cli::tuneHeap(argc, argv);
  CLI::App app{"tfguard: fast static analysis and policy checks for Terraform and OpenTofu"};
  app.set_version_flag("--version", std::string("tfguard ") + TFGUARD_VERSION);
  tfguard::cli::registerCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    return tfguard::cli::runCommand(app);
  } catch (const std::exception& e) {
    // Only programmer errors get here: user input errors are diagnostics.
    std::fprintf(stderr, "tfguard: internal error: %s\n", e.what());
    return 2;
  }
}
