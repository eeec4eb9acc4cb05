#pragma once
// Reporters (SPEC §7): each output format is one small Printer behind this
// interface. A printer never evaluates: it prints the Report it is given.
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diag/finding.h"

namespace tfguard::report {

/// What a printer needs to know about a rule (SARIF driver.rules, help).
struct RuleInfo {
  std::string id;
  std::string summary;
  std::string description;  ///< Markdown
  Severity default_severity = Severity::kWarning;
  std::vector<std::string> tags;
  std::string security_severity;  ///< "8.0"; empty when not a security rule
  std::string help_uri;           ///< docs/rules/<id>.md in the repository
                                  ///< (SARIF helpUri only when absolute: https://...)
};

struct Summary {
  size_t files = 0;
  size_t environments = 0;
  /// --changed: how many of the environments were checked only in the
  /// part of the changed modules (engine::CheckFocus), and those modules.
  size_t partial_environments = 0;
  std::vector<std::string> partial_modules;
  size_t errors = 0;
  size_t warnings = 0;
  size_t notes = 0;
  size_t suppressed = 0;
  size_t undecided = 0;
  double duration_ms = 0;
};

struct Report {
  std::string tool_version;
  /// Sorted (file, line, column, rule, environment) and deduplicated;
  /// suppressed findings included (flagged), printers decide how to show them.
  std::vector<Finding> findings;
  /// Checks left undecided (--show-undecided prints them as notes).
  std::vector<Finding> undecided;
  /// Every rule that may appear in `findings` (SARIF lists them all).
  std::vector<RuleInfo> rules;
  Summary summary;
  /// The names of the environments that were checked, in order (the
  /// language server replaces exactly their findings after a check
  /// limited by changed_files).
  std::vector<std::string> environments;
  /// The directory relative URIs are based on (%SRCROOT% in SARIF): the
  /// working directory.
  std::filesystem::path source_root;
  /// The project's home page (SARIF tool.driver.informationUri); omitted
  /// when empty.
  std::string information_uri;
};

struct PrintOptions {
  bool color = false;          ///< ANSI colours (text)
  bool show_undecided = false;
  bool show_suppressed = false;
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual void print(const Report& report, std::ostream& out) = 0;
};

/// "text", "json", "sarif", "github", "checkstyle", "junit", "codequality"; null for an unknown format.
std::unique_ptr<Printer> makePrinter(std::string_view format, const PrintOptions& options);

/// The formats makePrinter knows, for --help and errors.
std::vector<std::string_view> printerFormats();

/// Whether the text printer should colour output written to `fd`, for
/// --color auto|always|never: "always" and "never" decide alone; "auto"
/// colours a terminal unless NO_COLOR is set (non-empty) or TERM is "dumb".
/// An unknown mode means no colour.
bool shouldUseColor(std::string_view mode, int fd);

}  // namespace tfguard::report
