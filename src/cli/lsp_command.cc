#include "cli/lsp_command.h"

#include <signal.h>
#include <unistd.h>

#include "lsp/server.h"

namespace tfguard::cli {
namespace {

struct LspFlags {
  bool stdio = false;  // accepted for clients that always pass it; stdio is the only transport
  int debounce_ms = -1;
};
LspFlags g_lsp;

}  // namespace

void registerLspCommand(CLI::App& app) {
  CLI::App* lsp = app.add_subcommand("lsp", "run the language server on stdio (docs/editors.md)");
  lsp->add_flag("--stdio", g_lsp.stdio, "talk over stdin/stdout (the default and only transport)");
  lsp->add_option("--debounce-ms", g_lsp.debounce_ms,
                  "quiet time after an edit before the check (default 200; initializationOptions.debounceMs wins)")
      ->check(CLI::Range(0, 10000));
}

int runLspCommand() {
  // A client that goes away mid-write must end the server with an error
  // code, not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  lsp::ServerOptions options;
  if (g_lsp.debounce_ms >= 0) options.debounce = std::chrono::milliseconds(g_lsp.debounce_ms);
  return lsp::serve(STDIN_FILENO, STDOUT_FILENO, options);
}

}  // namespace tfguard::cli
