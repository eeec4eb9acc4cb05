#include "cli/commands.h"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli/check_command.h"
#include "cli/init_command.h"
#include "cli/inspect_command.h"

namespace tfguard::cli {
namespace {

// Commands of SPEC §2 that later stages implement. They parse their flags
// already, so scripts get the final interface, and say they are not ready.
struct PendingCommand {
  const char* name;
  const char* summary;
};
constexpr PendingCommand kPendingCommands[] = {
    {"lsp", "run the language server on stdio"},
};

ParseOptions g_parse;

int notImplemented(const std::string& name) {
  std::fprintf(stderr, "tfguard: '%s' is not implemented yet in this version (%s)\n", name.c_str(),
               TFGUARD_VERSION);
  return 2;
}

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

  for (const PendingCommand& c : kPendingCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    sub->allow_extras();
  }
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
  return notImplemented(name);
}

}  // namespace tfguard::cli
