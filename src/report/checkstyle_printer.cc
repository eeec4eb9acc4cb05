// The Checkstyle XML printer: one <file> per file in report order (findings
// come sorted by file, so each file appears once), one <error> per finding.
// Findings without a file go under <file name="">. Suppressed findings (with
// --show-suppressed) have severity "ignore", undecided ones "info".
#include <fmt/format.h>

#include "report/printer_util.h"

namespace tfguard::report {
namespace {

class CheckstylePrinter final : public Printer {
 public:
  explicit CheckstylePrinter(const PrintOptions& options) : options_(options) {}

  void print(const Report& report, std::ostream& out) override {
    std::vector<Shown> shown = shownFindings(report, options_);
    // Group by file, keeping the order of first appearance.
    std::vector<std::string> files;
    std::vector<std::vector<const Shown*>> groups;
    for (const Shown& s : shown) {
      const std::string name = s.finding->location.file ? s.finding->location.file->path() : std::string();
      size_t i = 0;
      while (i < files.size() && files[i] != name) ++i;
      if (i == files.size()) {
        files.push_back(name);
        groups.emplace_back();
      }
      groups[i].push_back(&s);
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
    for (size_t i = 0; i < files.size(); ++i) {
      out << "  <file name=\"" << xmlEscape(files[i], true) << "\">\n";
      for (const Shown* s : groups[i]) printError(*s, out);
      out << "  </file>\n";
    }
    out << "</checkstyle>\n";
  }

 private:
  static void printError(const Shown& shown, std::ostream& out) {
    const Finding& f = *shown.finding;
    std::string_view severity = f.severity == Severity::kError     ? "error"
                                : f.severity == Severity::kWarning ? "warning"
                                                                   : "info";
    if (shown.undecided) severity = "info";
    if (f.suppressed) severity = "ignore";
    std::string message = f.summary;
    if (shown.undecided) message = "undecided: " + message;
    if (!f.environment.empty()) message += " (" + f.environment + ")";
    out << "    <error";
    Span span;
    if (spanOf(f.location, &span)) out << fmt::format(" line=\"{}\" column=\"{}\"", span.line, span.column);
    out << " severity=\"" << severity << "\" message=\"" << xmlEscape(message, true) << "\" source=\"tfguard."
        << xmlEscape(f.rule, true) << "\"/>\n";
  }

  PrintOptions options_;
};

}  // namespace

std::unique_ptr<Printer> makeCheckstylePrinter(const PrintOptions& options) {
  return std::make_unique<CheckstylePrinter>(options);
}

}  // namespace tfguard::report
