// Differential test: every fixture in testdata/parse/ is parsed by tfguard
// and by HashiCorp's hclsyntax (the hcldump oracle) and the two ASTs are
// compared node by node (tests/oracle/ast_compare.h). One test per file.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ast_compare.h"
#include "base/utf8.h"
#include "syntax/ast_json.h"
#include "syntax/parser.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the oracle once over all files (much faster than once per file).
enum class Mode { kConfig, kTemplate, kJson };

std::map<std::string, json> runOracle(const std::vector<std::string>& files, Mode mode) {
  std::map<std::string, json> out;
  if (files.empty()) return out;
  fs::path list = fs::temp_directory_path() / ("tfguard-oracle-" + std::to_string(::getpid()));
  std::string cmd = std::string(TFGUARD_HCLDUMP) + (mode == Mode::kTemplate ? " --template"
                                                     : mode == Mode::kJson   ? " --json"
                                                                             : "");
  for (const auto& f : files) cmd += " '" + f + "'";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return out;
  std::string text;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  ::pclose(pipe);
  json docs = json::parse(text, nullptr, false);
  if (docs.is_object()) docs = json::array({docs});
  if (!docs.is_array()) return out;
  for (auto& d : docs) {
    std::string file = d["file"].get<std::string>();
    out[file] = std::move(d);
  }
  return out;
}

// Go's encoding/json writes each byte of invalid UTF-8 as U+FFFD; do the
// same to our strings so that both sides are compared as the same text.
std::string goSanitized(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    int len = tfguard::utf8::decode(s, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s, i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
    }
  }
  return out;
}

void sanitize(json& j) {
  if (j.is_string()) {
    j = goSanitized(j.get<std::string>());
  } else if (j.is_structured()) {
    for (auto& item : j) sanitize(item);
  }
}

class OracleCase : public ::testing::Test {
 public:
  OracleCase(std::string path, json theirs, Mode mode)
      : path_(std::move(path)), theirs_(std::move(theirs)), mode_(mode) {}

  void TestBody() override {
    std::string text = readAll(path_);
    auto source = std::make_shared<tfguard::SourceFile>(path_, text);
    auto file = mode_ == Mode::kTemplate ? tfguard::syntax::parseTemplateFile(source)
                : mode_ == Mode::kJson   ? tfguard::syntax::parseJson(source)
                                         : tfguard::syntax::parseConfig(source);
    json ours = tfguard::syntax::fileToJson(file);
    sanitize(ours);
    ASSERT_FALSE(theirs_.is_null()) << "the oracle printed nothing for " << path_;
    if (mode_ == Mode::kJson) {
      // HCL's JSON nodes are unexported: compare accept/reject and the first
      // error's line (the trees are checked by the goldens of json_parser_test).
      EXPECT_EQ(tfguard::oracle::firstErrorLine(ours), tfguard::oracle::firstErrorLine(theirs_))
          << path_ << ": first error line differs (nullopt = no error)";
      return;
    }
    auto mismatches = tfguard::oracle::compareFileAst(ours, theirs_, text);
    for (const auto& m : mismatches) {
      ADD_FAILURE() << path_ << ": at " << m.path << "\n  tfguard:  " << m.ours
                    << "\n  hclsyntax: " << m.theirs;
    }
  }

 private:
  std::string path_;
  json theirs_;
  Mode mode_;
};

void registerCases(const fs::path& dir, const std::string& ext, Mode mode,
                   const std::set<std::string>& skip = {}) {
  std::vector<std::string> files;
  if (!fs::exists(dir)) return;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    bool wanted = name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext &&
                  name.find(".ast.json") == std::string::npos && !skip.count(name);
    if (entry.is_regular_file() && wanted) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  auto theirs = runOracle(files, mode);
  for (const auto& f : files) {
    json doc = theirs.count(f) ? theirs[f] : json();
    std::string name = fs::path(f).filename().string();
    for (char& c : name)
      if (c == '.' || c == '-') c = '_';
    const char* suite = mode == Mode::kTemplate ? "OracleTemplate"
                        : mode == Mode::kJson   ? "OracleJson"
                                                : "OracleConfig";
    ::testing::RegisterTest(suite, name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [f, doc, mode]() -> ::testing::Test* { return new OracleCase(f, doc, mode); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  fs::path root = TFGUARD_TESTDATA;
  registerCases(root / "parse", ".tf", Mode::kConfig);
  registerCases(root / "parse" / "template", ".tftpl", Mode::kTemplate);
  // Errors inside template strings are found by HCL only when it evaluates
  // them; tfguard reports them at parse time.
  registerCases(root / "parse-json", ".json", Mode::kJson,
                {"err_bad_template.tf.json", "err_bad_template_directive.tf.json"});
  return RUN_ALL_TESTS();
}
