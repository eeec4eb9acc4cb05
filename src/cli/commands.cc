#include "cli/commands.h"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli/check_command.h"
#include "cli/init_command.h"
#include "cli/inspect_command.h"
#include "cli/lsp_command.h"

namespace tfguard::cli {
namespace {

ParseOptions g_parse;

}  // namespace

void registerCommands(CLI::App& app) {
  app.require_subcommand(0, 1);
  app.fallthrough();

  CLI::App* check = app.add_subcommand("check", "check configurations (the default command)");
  registerCheckCommand(app, check);
  registerRulesCommands(app);

  CLI::App* parse = app.add_subcommand("parse", "print the syntax tree of files as JSON or text");
  parse->add_option("file", g_parse.files, "files to parse")->required();
  parse->add_option("-f,--format", g_parse.format, "json (the AST-JSON shape) or text")
      ->check(CLI::IsMember({"json", "text"}));
  parse->add_flag("--template", g_parse.template_mode,
                  "parse every file as a bare template (as templatefile() does)");

  registerLspCommand(app);
  registerInitCommand(app);
  registerInspectCommand(app);
  app.add_subcommand("version", "print the version");
}

int runCommand(CLI::App& app) {
  auto chosen = app.get_subcommands();
  if (chosen.empty() || chosen[0]->get_name() == "check") return runCheckCommand();
  const std::string& name = chosen[0]->get_name();
  if (name == "version") {
    std::printf("tfguard %s\n", TFGUARD_VERSION);
    return 0;
  }
  if (name == "parse") return runParse(g_parse);
  if (name == "rules") return runRulesCommand();
  if (name == "explain") return runExplainCommand();
  if (name == "init") return runInitCommand();
  if (name == "inspect") return runInspectCommand();
  if (name == "lsp") return runLspCommand();
  std::fprintf(stderr, "tfguard: unknown command %s\n", name.c_str());
  return 2;
}

}  // namespace tfguard::cli
