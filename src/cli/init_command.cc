// `tfguard init`: writes the starter .tfguard.hcl into a directory. An
// existing file is someone's configuration: it is only replaced with
// --force.
#include "cli/init_command.h"

#include <cstdio>
#include <string>

#include "settings/settings.h"

namespace tfguard::cli {
namespace {

struct InitOptions {
  std::string dir = ".";
  bool force = false;
};

InitOptions g_init;

}  // namespace

void registerInitCommand(CLI::App& app) {
  CLI::App* init = app.add_subcommand("init", "write a commented starter .tfguard.hcl");
  init->add_option("--dir", g_init.dir, "the directory to write .tfguard.hcl into (default .)")
      ->option_text("DIR");
  init->add_flag("--force", g_init.force, "overwrite an existing .tfguard.hcl");
}

int runInitCommand() {
  settings::StarterWriteResult result = settings::writeStarterSettings(g_init.dir, g_init.force);
  if (!result.written) {
    std::fprintf(stderr, "tfguard: error: %s\n", result.error.c_str());
    return 2;
  }
  std::printf("wrote %s: the defaults, with every setting documented and examples to uncomment\n",
              result.file.string().c_str());
  return 0;
}

}  // namespace tfguard::cli
