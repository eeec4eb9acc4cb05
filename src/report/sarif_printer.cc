// The SARIF 2.1.0 printer (SPEC §7), shaped for GitHub code scanning: every
// rule of the report in tool.driver.rules (rules a finding names but the
// report does not list are appended, sorted, so that ruleIndex is always
// valid), one result per finding, suppressed findings with an "inSource"
// suppression, URIs relative to %SRCROOT% (the working directory), columns
// in Unicode code points.
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "report/printer_util.h"

namespace tfguard::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

// RFC 3986: everything but unreserved characters and "/" percent-encoded.
std::string percentEncode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    const auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

std::string rootUri(const std::filesystem::path& root) {
  std::error_code ec;
  std::filesystem::path abs = root.empty() ? std::filesystem::current_path(ec) : std::filesystem::absolute(root, ec);
  if (ec) abs = root;
  std::string path = abs.lexically_normal().generic_string();
  if (path.empty() || path.back() != '/') path += '/';
  if (path.front() != '/') path.insert(path.begin(), '/');
  return "file://" + percentEncode(path);
}

// "ssh-admin-cidr" -> "SshAdminCidr".
std::string pascalCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// SARIF messages are sentences (the validator's SARIF2001).
std::string sentence(std::string_view s) {
  std::string out(s);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  return out;
}

std::string_view level(Severity severity) {
  return severity == Severity::kNote ? "note" : severityName(severity);
}

// A physicalLocation; false without a file.
bool physicalLocation(const Location& loc, Json* out) {
  Span span;
  if (!spanOf(loc, &span)) return false;
  const std::string& path = loc.file->path();
  Json artifact = Json::object();
  if (!path.empty() && path.front() == '/') {
    artifact["uri"] = "file://" + percentEncode(path);
  } else {
    artifact["uri"] = percentEncode(path);
    artifact["uriBaseId"] = "%SRCROOT%";
  }
  *out = Json{{"artifactLocation", std::move(artifact)},
              {"region",
               {{"startLine", span.line},
                {"startColumn", span.column},
                {"endLine", span.end_line},
                {"endColumn", span.end_column}}}};
  return true;
}

class SarifPrinter final : public Printer {
 public:
  explicit SarifPrinter(const PrintOptions& options) : options_(options) {}

  void print(const Report& report, std::ostream& out) override {
    // Rule table: the report's, then unknown ids in sorted order.
    std::vector<RuleInfo> rules = report.rules;
    std::map<std::string, size_t, std::less<>> index;
    for (size_t i = 0; i < rules.size(); ++i) index.emplace(rules[i].id, i);
    std::map<std::string, Severity> missing;
    auto note = [&](const Finding& f) {
      if (!index.contains(f.rule)) missing.emplace(f.rule, f.severity);
    };
    for (const Finding& f : report.findings) note(f);
    if (options_.show_undecided)
      for (const Finding& f : report.undecided) note(f);
    for (const auto& [id, severity] : missing) {
      index.emplace(id, rules.size());
      RuleInfo info;
      info.id = id;
      info.summary = id;
      info.default_severity = severity;
      rules.push_back(std::move(info));
    }

    Json driver = Json::object();
    driver["name"] = "tfguard";
    driver["version"] = report.tool_version;
    driver["semanticVersion"] = report.tool_version;
    if (!report.information_uri.empty()) driver["informationUri"] = report.information_uri;
    Json rule_array = Json::array();
    for (const RuleInfo& rule : rules) rule_array.push_back(ruleJson(rule));
    driver["rules"] = std::move(rule_array);

    Json results = Json::array();
    for (const Finding& f : report.findings) results.push_back(resultJson(f, index.at(f.rule), false));
    if (options_.show_undecided)
      for (const Finding& f : report.undecided) results.push_back(resultJson(f, index.at(f.rule), true));

    Json run = Json::object();
    run["tool"] = Json{{"driver", std::move(driver)}};
    run["originalUriBaseIds"] = Json{{"%SRCROOT%", {{"uri", rootUri(report.source_root)}}}};
    run["results"] = std::move(results);
    run["columnKind"] = "unicodeCodePoints";

    Json doc = Json::object();
    doc["$schema"] = kSchema;
    doc["version"] = "2.1.0";
    doc["runs"] = Json::array({std::move(run)});
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }

 private:
  static Json ruleJson(const RuleInfo& rule) {
    Json obj = Json::object();
    obj["id"] = rule.id;
    obj["name"] = pascalCase(rule.id);
    const std::string short_text = sentence(rule.summary.empty() ? rule.id : rule.summary);
    const std::string full_text = rule.description.empty() ? short_text : sentence(rule.description);
    obj["shortDescription"] = Json{{"text", short_text}};
    obj["fullDescription"] = Json{{"text", full_text}};
    if (rule.help_uri.find("://") != std::string::npos) obj["helpUri"] = rule.help_uri;
    // GitHub requires help on every rule (the multitool's GH2012).
    obj["help"] = Json{{"text", full_text}, {"markdown", rule.description.empty() ? full_text : rule.description}};
    obj["defaultConfiguration"] = Json{{"level", level(rule.default_severity)}};
    Json props = Json::object();
    props["tags"] = rule.tags;
    if (!rule.security_severity.empty()) props["security-severity"] = rule.security_severity;
    obj["properties"] = std::move(props);
    return obj;
  }

  static Json resultJson(const Finding& f, size_t rule_index, bool undecided) {
    Json obj = Json::object();
    obj["ruleId"] = f.rule;
    obj["ruleIndex"] = rule_index;
    obj["level"] = undecided ? "note" : level(f.severity);
    std::string text = sentence((undecided ? "Undecided: " : "") + f.summary);
    if (!f.detail.empty()) text += " " + sentence(f.detail);
    obj["message"] = Json{{"text", text}};
    Json physical;
    if (physicalLocation(f.location, &physical)) {
      obj["locations"] = Json::array({Json{{"physicalLocation", std::move(physical)}}});
    }
    Json related = Json::array();
    for (const RelatedLocation& r : f.related) {
      Json rel_physical;
      if (!physicalLocation(r.location, &rel_physical)) continue;
      related.push_back(Json{{"id", related.size()},
                             {"physicalLocation", std::move(rel_physical)},
                             {"message", {{"text", sentence(r.message)}}}});
    }
    if (!related.empty()) obj["relatedLocations"] = std::move(related);
    if (!f.fingerprint.empty()) obj["partialFingerprints"] = Json{{"tfguard/v1", f.fingerprint}};
    if (f.suppressed) {
      Json suppression = Json{{"kind", "inSource"}};
      if (!f.suppression_reason.empty()) suppression["justification"] = f.suppression_reason;
      obj["suppressions"] = Json::array({std::move(suppression)});
    }
    Json props = Json::object();
    if (!f.environment.empty()) props["environment"] = f.environment;
    if (!f.resource.empty()) props["resource"] = f.resource;
    if (undecided) props["undecided"] = true;
    if (!props.empty()) obj["properties"] = std::move(props);
    return obj;
  }

  PrintOptions options_;
};

}  // namespace

std::unique_ptr<Printer> makeSarifPrinter(const PrintOptions& options) {
  return std::make_unique<SarifPrinter>(options);
}

}  // namespace tfguard::report
