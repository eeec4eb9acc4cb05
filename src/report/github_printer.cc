// The GitHub Actions printer: one workflow command per finding,
//
//   ::error file=main.tf,line=31,col=3,endLine=31,endColumn=9,title=ssh-admin-cidr::SSH ... (production)
//
// errors as ::error, warnings as ::warning, notes (and suppressed or
// undecided findings, when shown) as ::notice. GitHub rejects col/endColumn
// when the range spans lines, so multi-line ranges give line/endLine only;
// endColumn is the last column of the range (inclusive).
#include <fmt/format.h>

#include "report/printer_util.h"

namespace tfguard::report {
namespace {

// The escaping of @actions/core: data escapes %, \r and \n; property values
// also : and ,.
std::string escapeData(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escapeProperty(std::string_view s) {
  std::string out;
  for (char c : escapeData(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

class GithubPrinter final : public Printer {
 public:
  explicit GithubPrinter(const PrintOptions& options) : options_(options) {}

  void print(const Report& report, std::ostream& out) override {
    for (const Shown& shown : shownFindings(report, options_)) {
      const Finding& f = *shown.finding;
      std::string_view command = "notice";
      if (!shown.undecided && !f.suppressed) {
        if (f.severity == Severity::kError) command = "error";
        if (f.severity == Severity::kWarning) command = "warning";
      }
      std::vector<std::string> props;
      Span span;
      if (spanOf(f.location, &span)) {
        props.push_back("file=" + escapeProperty(f.location.file->path()));
        props.push_back(fmt::format("line={}", span.line));
        if (span.end_line == span.line) {
          props.push_back(fmt::format("col={}", span.column));
          props.push_back(fmt::format("endLine={}", span.end_line));
          props.push_back(fmt::format("endColumn={}", std::max(span.column, span.end_column - 1)));
        } else {
          props.push_back(fmt::format("endLine={}", span.end_line));
        }
      }
      if (!f.rule.empty()) props.push_back("title=" + escapeProperty(f.rule));
      std::string message = sanitize(f.summary, "\t\n\r");
      if (shown.undecided) message = "undecided: " + message;
      if (f.suppressed) message = "suppressed: " + message;
      if (!f.environment.empty()) message += " (" + sanitize(f.environment) + ")";
      if (f.suppressed && !f.suppression_reason.empty()) message += "\nReason: " + sanitize(f.suppression_reason, "\t\n");
      if (!f.detail.empty()) message += "\n\n" + sanitize(f.detail, "\t\n");
      for (const RelatedLocation& r : f.related) {
        Span rs;
        message += "\n";
        if (spanOf(r.location, &rs)) message += fmt::format("{}:{}:{}: ", sanitize(r.location.file->path()), rs.line, rs.column);
        message += sanitize(r.message);
      }
      out << "::" << command;
      for (size_t i = 0; i < props.size(); ++i) out << (i == 0 ? " " : ",") << props[i];
      out << "::" << escapeData(message) << '\n';
    }
  }

 private:
  PrintOptions options_;
};

}  // namespace

std::unique_ptr<Printer> makeGithubPrinter(const PrintOptions& options) {
  return std::make_unique<GithubPrinter>(options);
}

}  // namespace tfguard::report
