// The JSON report against docs/report-schema.json (with a small validator
// for the part of JSON Schema 2020-12 that schema uses), and the SARIF
// report against Microsoft's SARIF multitool when it is installed
// (make test-deps installs it under build-tools/sarif-multitool).
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "report/printer_util.h"
#include "report/report.h"
#include "report_fixture.h"

namespace tfguard::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::expectGolden;
using testing::readFile;
using testing::render;
using testing::sampleReport;

// The subset of JSON Schema that docs/report-schema.json uses: type (string
// or array), const, enum, minimum, minLength, required, properties,
// additionalProperties (false), items, $ref into #/$defs. Any other keyword
// fails the validation, so the schema cannot silently outgrow the validator.
class MiniValidator {
 public:
  explicit MiniValidator(json schema) : root_(std::move(schema)) {}

  std::vector<std::string> validate(const json& doc) {
    errors_.clear();
    check(root_, doc, "$");
    return errors_;
  }

 private:
  static bool hasType(const json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    return false;
  }

  void fail(const std::string& where, const std::string& what) { errors_.push_back(where + ": " + what); }

  void check(const json& schema, const json& v, const std::string& where) {
    for (const auto& [key, arg] : schema.items()) {
      if (key == "$schema" || key == "title" || key == "description" || key == "$defs") continue;
      if (key == "$ref") {
        const std::string ref = arg.get<std::string>();
        if (ref.rfind("#/$defs/", 0) != 0) {
          fail(where, "unsupported $ref " + ref);
          continue;
        }
        check(root_["$defs"][ref.substr(8)], v, where);
      } else if (key == "type") {
        bool ok = false;
        if (arg.is_string()) ok = hasType(v, arg);
        for (const auto& t : arg.is_array() ? arg : json::array()) ok = ok || hasType(v, t);
        if (!ok) fail(where, "not of type " + arg.dump());
      } else if (key == "const") {
        if (v != arg) fail(where, "not " + arg.dump());
      } else if (key == "enum") {
        if (std::find(arg.begin(), arg.end(), v) == arg.end()) fail(where, v.dump() + " not in " + arg.dump());
      } else if (key == "minimum") {
        if (v.is_number() && v.get<double>() < arg.get<double>()) fail(where, "below " + arg.dump());
      } else if (key == "minLength") {
        if (v.is_string() && v.get<std::string>().size() < arg.get<size_t>()) fail(where, "too short");
      } else if (key == "required") {
        if (v.is_object())
          for (const auto& name : arg)
            if (!v.contains(name)) fail(where, "missing " + name.get<std::string>());
      } else if (key == "properties") {
        if (v.is_object())
          for (const auto& [name, sub] : arg.items())
            if (v.contains(name)) check(sub, v[name], where + "." + name);
      } else if (key == "additionalProperties") {
        if (arg != false) {
          fail(where, "unsupported additionalProperties");
        } else if (v.is_object()) {
          for (const auto& [name, _] : v.items())
            if (!schema.contains("properties") || !schema["properties"].contains(name)) fail(where, "unexpected " + name);
        }
      } else if (key == "items") {
        if (v.is_array())
          for (size_t i = 0; i < v.size(); ++i) check(arg, v[i], where + "[" + std::to_string(i) + "]");
      } else {
        fail(where, "unsupported keyword " + key);
      }
    }
  }

  json root_;
  std::vector<std::string> errors_;
};

fs::path repoRoot() { return fs::path(TFGUARD_TESTDATA).parent_path(); }

MiniValidator schemaValidator() { return MiniValidator(json::parse(readFile(repoRoot() / "docs" / "report-schema.json"))); }

TEST(JsonReport, Golden) { expectGolden("report.json", render("json", sampleReport())); }

TEST(JsonReport, ValidatesAgainstSchema) {
  MiniValidator validator = schemaValidator();
  PrintOptions options;
  for (bool undecided : {false, true}) {
    options.show_undecided = undecided;
    json doc = json::parse(render("json", sampleReport(), options));
    EXPECT_EQ(validator.validate(doc), std::vector<std::string>{});
  }
  EXPECT_EQ(validator.validate(json::parse(render("json", Report{}))), std::vector<std::string>{});
}

TEST(JsonReport, SchemaRejectsBrokenDocuments) {
  MiniValidator validator = schemaValidator();
  const json good = json::parse(render("json", sampleReport()));
  auto broken = [&](auto edit) {
    json doc = good;
    edit(doc);
    return !validator.validate(doc).empty();
  };
  EXPECT_TRUE(broken([](json& d) { d["version"] = 2; }));
  EXPECT_TRUE(broken([](json& d) { d["findings"][1]["severity"] = "fatal"; }));
  EXPECT_TRUE(broken([](json& d) { d["findings"][1].erase("fingerprint"); }));
  EXPECT_TRUE(broken([](json& d) { d["findings"][1]["line"] = 0; }));
  EXPECT_TRUE(broken([](json& d) { d["findings"][1]["extra"] = true; }));
  EXPECT_TRUE(broken([](json& d) { d["findings"][3]["related"][0]["message"] = 3; }));
  EXPECT_TRUE(broken([](json& d) { d["summary"]["errors"] = -1; }));
  EXPECT_FALSE(broken([](json&) {}));
}

TEST(JsonReport, Fields) {
  json doc = json::parse(render("json", sampleReport()));
  const json& nofile = doc["findings"][0];
  EXPECT_TRUE(nofile["file"].is_null());
  EXPECT_TRUE(nofile["resource"].is_null());
  EXPECT_EQ(nofile["environment"], "production");
  const json& ssh = doc["findings"][3];
  EXPECT_EQ(ssh["line"], 3);
  EXPECT_EQ(ssh["column"], 3);
  EXPECT_EQ(ssh["end_line"], 6);
  EXPECT_EQ(ssh["end_column"], 4);
  EXPECT_EQ(ssh["related"][0]["file"], "terraform/environments/production/terraform.tfvars");
  EXPECT_EQ(ssh["related"][0]["line"], 4);
  const json& uni = doc["findings"][4];
  EXPECT_EQ(uni["column"], 22);  // code points, not bytes
  EXPECT_EQ(uni["end_column"], 24);
  EXPECT_EQ(doc["findings"][2]["suppressed"], true);
  EXPECT_EQ(doc["findings"][2]["suppression_reason"], "generated file");
  EXPECT_FALSE(doc["findings"][1].contains("suppression_reason"));
  EXPECT_FALSE(doc.contains("undecided"));
  EXPECT_EQ(doc["summary"]["duration_ms"], 12);
}

// The printer writes the document directly; it must print byte for byte
// what nlohmann's dump(2) prints for the same document, escaping included.
TEST(JsonReport, WritesWhatNlohmannWouldPrint) {
  Report report = sampleReport();
  PrintOptions options;
  options.show_undecided = true;
  report.undecided = report.findings;
  const char* tricky[] = {"quote \" backslash \\ slash /", "controls \x01\x02\x1f\b\f\n\r\t del \x7f",
                          "unicode héllo 世界 😀", "broken \xff\xfe utf-8 \xe2\x82", "", "truncated \xc3"};
  for (size_t i = 0; i < report.findings.size(); ++i) {
    Finding& f = report.findings[i];
    f.summary = tricky[i % std::size(tricky)];
    f.detail = tricky[(i + 1) % std::size(tricky)];
    f.resource = tricky[(i + 2) % std::size(tricky)];
    if (!f.related.empty()) f.related[0].message = tricky[(i + 3) % std::size(tricky)];
  }
  report.findings[0].suppressed = true;
  report.findings[0].suppression_reason = "reason \"quoted\"";
  report.findings[1].location = {};  // no file: null place
  report.tool_version = "1.2.3";
  report.summary = {.files = 3, .environments = 2, .errors = 1, .warnings = 4, .notes = 5, .suppressed = 6,
                    .undecided = 7, .duration_ms = 12.6};

  // The same document built with nlohmann, as the printer used to.
  using Json = nlohmann::ordered_json;
  auto place = [](Json& obj, const Location& loc) {
    if (!loc.file) {
      for (const char* k : {"file", "line", "column", "end_line", "end_column"}) obj[k] = nullptr;
      return;
    }
    Position b = loc.file->lines().position(loc.range.begin), e = loc.file->lines().position(loc.range.end);
    obj["file"] = loc.file->path();
    obj["line"] = b.line;
    obj["column"] = b.column;
    obj["end_line"] = e.line;
    obj["end_column"] = e.column;
  };
  auto finding = [&](const Finding& f) {
    Json o = Json::object();
    o["rule"] = f.rule;
    o["severity"] = std::string(severityName(f.severity));
    o["message"] = f.summary;
    o["detail"] = f.detail;
    place(o, f.location);
    o["environment"] = f.environment.empty() ? Json(nullptr) : Json(f.environment);
    o["resource"] = f.resource.empty() ? Json(nullptr) : Json(f.resource);
    o["related"] = Json::array();
    for (const RelatedLocation& r : f.related) {
      Json rel = Json::object();
      place(rel, r.location);
      rel["message"] = r.message;
      o["related"].push_back(rel);
    }
    o["fingerprint"] = f.fingerprint;
    o["suppressed"] = f.suppressed;
    if (f.suppressed) o["suppression_reason"] = f.suppression_reason;
    return o;
  };
  Json doc = Json::object();
  doc["version"] = 1;
  doc["tool"] = Json{{"name", "tfguard"}, {"version", report.tool_version}};
  doc["findings"] = Json::array();
  for (const Finding& f : report.findings) doc["findings"].push_back(finding(f));
  doc["undecided"] = Json::array();
  for (const Finding& f : report.undecided) doc["undecided"].push_back(finding(f));
  doc["summary"] = Json{{"files", 3},      {"environments", 2}, {"errors", 1},    {"warnings", 4},
                        {"notes", 5},      {"suppressed", 6},   {"undecided", 7}, {"duration_ms", 13}};
  std::string expected = doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  EXPECT_EQ(render("json", report, options), expected);

  Report empty;
  empty.tool_version = "1";
  EXPECT_EQ(render("json", empty),
            "{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"tfguard\",\n    \"version\": \"1\"\n  },\n"
            "  \"findings\": [],\n  \"summary\": {\n    \"files\": 0,\n    \"environments\": 0,\n    \"errors\": 0,\n"
            "    \"warnings\": 0,\n    \"notes\": 0,\n    \"suppressed\": 0,\n    \"undecided\": 0,\n"
            "    \"duration_ms\": 0\n  }\n}\n");
}

TEST(SarifPrinter, Golden) { expectGolden("report.sarif", render("sarif", sampleReport())); }

TEST(SarifPrinter, Structure) {
  json doc = json::parse(render("sarif", sampleReport()));
  const json& run = doc["runs"][0];
  EXPECT_EQ(doc["version"], "2.1.0");
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/src%20root/");
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 4u);  // three listed, eval-error appended
  EXPECT_EQ(rules[0]["name"], "SshAdminCidr");
  EXPECT_EQ(rules[0]["properties"]["security-severity"], "8.0");
  EXPECT_FALSE(rules[1].contains("helpUri"));  // relative: not a valid helpUri
  EXPECT_EQ(rules[3]["id"], "eval-error");
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 6u);
  EXPECT_FALSE(results[0].contains("locations"));  // no file
  EXPECT_EQ(results[0]["ruleIndex"], 3);
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "tabs%20dir/tabs.tf");
  EXPECT_EQ(results[2]["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(results[2]["suppressions"][0]["justification"], "generated file");
  EXPECT_EQ(results[3]["partialFingerprints"]["tfguard/v1"], "3f2a9c");
  EXPECT_EQ(results[3]["relatedLocations"][0]["id"], 0);
  EXPECT_EQ(results[3]["properties"]["environment"], "production");
  EXPECT_EQ(results[4]["level"], "note");
}

// The multitool: $TFGUARD_SARIF_MULTITOOL, else what make test-deps installs.
fs::path multitool() {
  if (const char* env = std::getenv("TFGUARD_SARIF_MULTITOOL"); env != nullptr && *env != '\0') return env;
  return repoRoot() / "build-tools" / "sarif-multitool" / "node_modules" / ".bin" / "sarif-multitool";
}

void validateWithMultitool(const std::string& name, const std::string& sarif) {
  const fs::path tool = multitool();
  if (!fs::exists(tool)) {
    GTEST_SKIP() << "SARIF multitool not installed (" << tool
                 << "); run make test-deps or set TFGUARD_SARIF_MULTITOOL";
  }
  const fs::path dir = fs::temp_directory_path() / ("tfguard-sarif-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path input = dir / (name + ".sarif");
  const fs::path log = dir / (name + ".validation.sarif");
  std::ofstream(input, std::ios::binary) << sarif;
  // The npm wrapper passes its arguments through a second shell: quote twice.
  auto twice = [](const fs::path& p) { return "\"'" + p.string() + "'\""; };
  const std::string command = "\"" + tool.string() + "\" validate " + twice(input) + " --rule-kind \"'Sarif;Gh'\" -o " +
                              twice(log) + " > \"" + (dir / (name + ".out")).string() + "\" 2>&1";
  const int rc = std::system(command.c_str());
  const std::string output = readFile(dir / (name + ".out"));
  ASSERT_TRUE(fs::exists(log)) << command << "\n" << output;
  json results = json::parse(readFile(log))["runs"][0]["results"];
  std::string errors;
  for (const json& r : results) {
    if (r.value("level", "warning") == "error") errors += r.dump() + "\n";
  }
  EXPECT_EQ(errors, "") << output;
  EXPECT_EQ(rc, 0) << output;
  fs::remove_all(dir);
}

TEST(SarifPrinter, MultitoolValidates) {
  Report report = sampleReport();
  // GitHub (rule GH1001) wants a location on every result: the no-file
  // finding is validated separately with the SARIF rules alone below.
  report.findings.erase(report.findings.begin());
  PrintOptions options;
  options.show_undecided = true;
  validateWithMultitool("sample", render("sarif", report, options));
}

}  // namespace
}  // namespace tfguard::report
