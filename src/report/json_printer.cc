// The JSON printer (SPEC §7): a stable, versioned document. Every finding is
// listed, suppressed ones flagged; the undecided checks only with
// --show-undecided (an extra "undecided" array). docs/report-schema.json
// describes the document; keep the two in step.
#include <nlohmann/json.hpp>

#include "report/printer_util.h"

namespace tfguard::report {
namespace {

using Json = nlohmann::ordered_json;

// Adds file, line, column, end_line, end_column (null without a file).
void addPlace(Json& obj, const Location& loc) {
  Span span;
  if (!spanOf(loc, &span)) {
    obj["file"] = nullptr;
    obj["line"] = nullptr;
    obj["column"] = nullptr;
    obj["end_line"] = nullptr;
    obj["end_column"] = nullptr;
    return;
  }
  obj["file"] = loc.file->path();
  obj["line"] = span.line;
  obj["column"] = span.column;
  obj["end_line"] = span.end_line;
  obj["end_column"] = span.end_column;
}

Json stringOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json findingJson(const Finding& f) {
  Json obj = Json::object();
  obj["rule"] = f.rule;
  obj["severity"] = severityName(f.severity);
  obj["message"] = f.summary;
  obj["detail"] = f.detail;
  addPlace(obj, f.location);
  obj["environment"] = stringOrNull(f.environment);
  obj["resource"] = stringOrNull(f.resource);
  Json related = Json::array();
  for (const RelatedLocation& r : f.related) {
    Json rel = Json::object();
    addPlace(rel, r.location);
    rel["message"] = r.message;
    related.push_back(std::move(rel));
  }
  obj["related"] = std::move(related);
  obj["fingerprint"] = f.fingerprint;
  obj["suppressed"] = f.suppressed;
  if (f.suppressed) obj["suppression_reason"] = f.suppression_reason;
  return obj;
}

class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(const PrintOptions& options) : options_(options) {}

  void print(const Report& report, std::ostream& out) override {
    Json doc = Json::object();
    doc["version"] = 1;
    doc["tool"] = Json{{"name", "tfguard"}, {"version", report.tool_version}};
    Json findings = Json::array();
    for (const Finding& f : report.findings) findings.push_back(findingJson(f));
    doc["findings"] = std::move(findings);
    if (options_.show_undecided) {
      Json undecided = Json::array();
      for (const Finding& f : report.undecided) undecided.push_back(findingJson(f));
      doc["undecided"] = std::move(undecided);
    }
    const Summary& s = report.summary;
    doc["summary"] = Json{{"files", s.files},         {"environments", s.environments},
                          {"errors", s.errors},       {"warnings", s.warnings},
                          {"notes", s.notes},         {"suppressed", s.suppressed},
                          {"undecided", s.undecided}, {"duration_ms", roundedMs(s.duration_ms)}};
    // Invalid UTF-8 (a value read from a broken file) becomes U+FFFD rather
    // than an exception.
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }

 private:
  PrintOptions options_;
};

}  // namespace

std::unique_ptr<Printer> makeJsonPrinter(const PrintOptions& options) {
  return std::make_unique<JsonPrinter>(options);
}

}  // namespace tfguard::report
