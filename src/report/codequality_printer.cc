// The GitLab Code Quality printer (a Code Climate issue array), for
// `artifacts: reports: codequality`: one issue per finding that is shown by
// default (suppressed and undecided ones are left out), with the rule as
// check_name, the environment in the description, and tfguard's fingerprint,
// made unique within the report (GitLab matches issues between the merge
// request and its target by fingerprint, so a repeat gets "-2", "-3").
// Findings without a file are left out: GitLab rejects an issue without a
// path, and the gate's log shows them.
#include <map>
#include <nlohmann/json.hpp>

#include "report/printer_util.h"

namespace tfguard::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view codeClimateSeverity(Severity severity) {
  switch (severity) {
    case Severity::kError: return "critical";
    case Severity::kWarning: return "major";
    case Severity::kNote: return "info";
  }
  return "info";
}

class CodeQualityPrinter final : public Printer {
 public:
  void print(const Report& report, std::ostream& out) override {
    Json issues = Json::array();
    std::map<std::string, int> seen;
    for (const Finding& f : report.findings) {
      Span span;
      if (f.suppressed || !spanOf(f.location, &span)) continue;
      std::string description = f.summary;
      if (!f.environment.empty()) description += " (" + f.environment + ")";
      std::string fingerprint = f.fingerprint;
      if (int n = ++seen[f.fingerprint]; n > 1) fingerprint += "-" + std::to_string(n);
      Json issue = Json::object();
      issue["type"] = "issue";
      issue["check_name"] = f.rule;
      issue["description"] = sanitize(description, "\t\n");
      issue["severity"] = codeClimateSeverity(f.severity);
      issue["fingerprint"] = fingerprint;
      Json begin = {{"line", span.line}, {"column", span.column}};
      Json end = {{"line", span.end_line}, {"column", span.end_column}};
      Json positions = {{"begin", std::move(begin)}, {"end", std::move(end)}};
      issue["location"] = {{"path", f.location.file->path()}, {"positions", std::move(positions)}};
      issues.push_back(std::move(issue));
    }
    out << issues.dump(2) << "\n";
  }
};

}  // namespace

std::unique_ptr<Printer> makeCodeQualityPrinter(const PrintOptions&) { return std::make_unique<CodeQualityPrinter>(); }

}  // namespace tfguard::report
