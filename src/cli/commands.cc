#include "cli/commands.h"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli/init_command.h"
#include "cli/inspect_command.h"

namespace tfguard::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
};

// Commands of SPEC §2 that later stages implement. They parse their flags
// already, so scripts get the final interface, and say they are not ready.
struct PendingCommand {
  const char* name;
  const char* summary;
};
constexpr PendingCommand kPendingCommands[] = {
    {"rules", "list every rule: id, severity, summary, source"},
    {"explain", "print a rule's documentation with a bad and a good example"},
    {"lsp", "run the language server on stdio"},
};

ParseOptions g_parse;
CheckOptions g_check;

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
  check->add_option("path", g_check.paths, "directories or files to check (default .)");
  app.add_option("path", g_check.paths, "directories or files to check (runs `check`)");

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
  if (chosen.empty() || chosen[0]->get_name() == "check") return notImplemented("check");
  const std::string& name = chosen[0]->get_name();
  if (name == "version") {
    std::printf("tfguard %s\n", TFGUARD_VERSION);
    return 0;
  }
  if (name == "parse") return runParse(g_parse);
  if (name == "init") return runInitCommand();
  if (name == "inspect") return runInspectCommand();
  return notImplemented(name);
}

}  // namespace tfguard::cli
