#include "cli/inspect_command.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/settings_errors.h"
#include "eval/environment_eval.h"
#include "inspect/inspect.h"
#include "loader/environments.h"
#include "loader/project.h"

namespace tfguard::cli {
namespace {

struct InspectOptions {
  std::vector<std::string> paths;
  std::vector<std::string> envs;
  std::string config;
  std::string output;
};
InspectOptions g_inspect;

}  // namespace

void registerInspectCommand(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("inspect", "print the evaluated model of every environment as JSON");
  sub->add_option("path", g_inspect.paths, "directories to scan (default .)");
  sub->add_option("-e,--env", g_inspect.envs, "only these environments (repeatable)");
  sub->add_option("-c,--config", g_inspect.config, "the config file (default: nearest .tfguard.hcl upward)");
  sub->add_option("-o,--output", g_inspect.output, "write the JSON there instead of stdout");
}

int runInspectCommand() {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  for (const auto& p : g_inspect.paths) paths.emplace_back(p);
  if (paths.empty()) paths.emplace_back(".");
  for (const fs::path& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      std::fprintf(stderr, "tfguard: error: %s does not exist\n", p.string().c_str());
      return 2;
    }
  }
  auto settings = loadSettingsOrReport(g_inspect.config, paths[0]);
  if (!settings) return 2;

  bool any = false;
  nlohmann::ordered_json out = inspect::inspectTree(paths, *settings, g_inspect.envs, &any);
  if (!g_inspect.envs.empty() && !any) {
    std::fprintf(stderr, "tfguard: error: no environment named %s was found\n", g_inspect.envs[0].c_str());
    return 2;
  }
  std::string text = out.dump(2) + "\n";
  if (g_inspect.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    FILE* f = std::fopen(g_inspect.output.c_str(), "wb");
    if (f == nullptr) {
      std::fprintf(stderr, "tfguard: error: cannot write %s\n", g_inspect.output.c_str());
      return 2;
    }
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  return 0;
}

}  // namespace tfguard::cli
