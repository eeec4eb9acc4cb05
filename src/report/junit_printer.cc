// The JUnit XML printer: one <testsuite> per environment (sorted by name;
// findings that belong to no environment form the suite "tfguard", first),
// one <testcase> per finding. Errors and warnings are <failure>s; notes are
// passing test cases; suppressed and undecided findings (when shown) are
// <skipped>. A report without findings is one empty suite "tfguard".
#include <map>

#include <fmt/format.h>

#include "report/printer_util.h"

namespace tfguard::report {
namespace {

struct Suite {
  std::vector<const Shown*> cases;
  size_t failures = 0;
  size_t skipped = 0;
};

class JunitPrinter final : public Printer {
 public:
  explicit JunitPrinter(const PrintOptions& options) : options_(options) {}

  void print(const Report& report, std::ostream& out) override {
    std::vector<Shown> shown = shownFindings(report, options_);
    std::map<std::string, Suite> suites;  // "" sorts first
    for (const Shown& s : shown) {
      Suite& suite = suites[s.finding->environment];
      suite.cases.push_back(&s);
      if (s.undecided || s.finding->suppressed) {
        ++suite.skipped;
      } else if (s.finding->severity != Severity::kNote) {
        ++suite.failures;
      }
    }
    if (suites.empty()) suites[""];
    size_t tests = 0, failures = 0, skipped = 0;
    for (const auto& [name, suite] : suites) {
      tests += suite.cases.size();
      failures += suite.failures;
      skipped += suite.skipped;
    }
    const std::string time = fmt::format("{:.3f}", static_cast<double>(roundedMs(report.summary.duration_ms)) / 1000);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << fmt::format("<testsuites name=\"tfguard\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"{}\">\n",
                       tests, failures, skipped, time);
    for (const auto& [name, suite] : suites) {
      const std::string suite_name = name.empty() ? "tfguard" : "tfguard (" + name + ")";
      out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
                         xmlEscape(suite_name, true), suite.cases.size(), suite.failures, suite.skipped);
      for (const Shown* s : suite.cases) printCase(*s, out);
      out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
  }

 private:
  static void printCase(const Shown& shown, std::ostream& out) {
    const Finding& f = *shown.finding;
    Span span;
    std::string place = "tfguard";
    std::string classname = "tfguard";
    if (spanOf(f.location, &span)) {
      place = fmt::format("{}:{}:{}", f.location.file->path(), span.line, span.column);
      classname = f.location.file->path();
    }
    const std::string name = f.rule + " at " + place;
    out << "    <testcase name=\"" << xmlEscape(name, true) << "\" classname=\"" << xmlEscape(classname, true) << "\"";
    // The body: what the text printer says, for CI systems that show it.
    std::string body = fmt::format("{}: {}: {}", place, severityName(f.severity), f.summary);
    if (!f.environment.empty()) body += " (" + f.environment + ")";
    if (!f.detail.empty()) body += "\n" + f.detail;
    for (const RelatedLocation& r : f.related) {
      Span rs;
      body += "\n";
      if (spanOf(r.location, &rs)) body += fmt::format("{}:{}:{}: ", r.location.file->path(), rs.line, rs.column);
      body += "note: " + r.message;
    }
    if (shown.undecided || f.suppressed) {
      std::string message = shown.undecided ? "undecided: " + f.summary : "suppressed: " + f.summary;
      if (f.suppressed && !f.suppression_reason.empty()) message += " (" + f.suppression_reason + ")";
      out << ">\n      <skipped message=\"" << xmlEscape(message, true) << "\"/>\n    </testcase>\n";
    } else if (f.severity == Severity::kNote) {
      out << ">\n      <system-out>" << xmlEscape(body, false) << "</system-out>\n    </testcase>\n";
    } else {
      out << ">\n      <failure type=\"" << severityName(f.severity) << "\" message=\"" << xmlEscape(f.summary, true)
          << "\">" << xmlEscape(body, false) << "</failure>\n    </testcase>\n";
    }
  }

  PrintOptions options_;
};

}  // namespace

std::unique_ptr<Printer> makeJunitPrinter(const PrintOptions& options) {
  return std::make_unique<JunitPrinter>(options);
}

}  // namespace tfguard::report
