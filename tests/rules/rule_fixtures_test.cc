// The rule fixture runner: every case under testdata/rules/<id>/ is checked
// (as `cd CASE && tfguard check --only <id>`), and the places of the
// findings must be exactly the lines marked `# expect: <id>` (also `//`,
// several ids separated by commas). A case is <id>/<case>/ when <id>/ has
// subdirectories without .tf files of its own, else <id>/ itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "engine/engine.h"
#include "settings/settings.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

struct FixtureCase {
  std::string rule;
  fs::path dir;
};
void PrintTo(const FixtureCase& c, std::ostream* os) { *os << c.dir.generic_string(); }

bool hasTf(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".tf" || e.path().string().ends_with(".tf.json")) return true;
  return false;
}

std::vector<FixtureCase> fixtureCases() {
  std::vector<FixtureCase> out;
  fs::path root = fs::path(TFGUARD_TESTDATA) / "rules";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return out;
  for (const auto& rule_dir : fs::directory_iterator(root, ec)) {
    if (!rule_dir.is_directory()) continue;
    std::string rule = rule_dir.path().filename().string();
    if (hasTf(rule_dir.path())) {
      out.push_back({rule, rule_dir.path()});
      continue;
    }
    for (const auto& c : fs::directory_iterator(rule_dir.path(), ec))
      if (c.is_directory()) out.push_back({rule, c.path()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.dir < b.dir; });
  return out;
}

// "file:line" of every `expect: <rule>` marker under the case.
std::set<std::string> expectedPlaces(const FixtureCase& c) {
  std::set<std::string> out;
  std::regex marker(R"((#|//)\s*expect:\s*([a-z0-9, -]+))");
  std::error_code ec;
  for (fs::recursive_directory_iterator it(c.dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().filename() == "inspect.expected.json") continue;
    std::ifstream in(it->path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (!std::regex_search(line, m, marker)) continue;
      std::string ids = m[2];
      std::stringstream ss(ids);
      std::string id;
      while (std::getline(ss, id, ',')) {
        id.erase(0, id.find_first_not_of(' '));
        id.erase(id.find_last_not_of(' ') + 1);
        if (id == c.rule) out.insert(fs::relative(it->path(), c.dir).generic_string() + ":" + std::to_string(n));
      }
    }
  }
  return out;
}

class RuleFixture : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(RuleFixture, FindingsAreExactlyTheMarkedLines) {
  const FixtureCase& c = GetParam();
  fs::path saved = fs::current_path();
  fs::current_path(c.dir);
  Findings errors;
  auto settings = settings::resolveSettings({}, ".", errors);
  ASSERT_TRUE(settings.has_value()) << (errors.empty() ? "" : errors[0].summary + ": " + errors[0].detail);
  CheckOptions options;
  options.paths = {"."};
  options.only = {c.rule};
  options.today = "2026-06-01";
  CheckResult result = runCheck(options, *settings);
  fs::current_path(saved);
  ASSERT_NE(result.exit_code, 2) << result.error;

  std::set<std::string> actual;
  std::string listing;
  for (const Finding& f : result.report.findings) {
    if (f.rule != c.rule || f.suppressed || !f.location.file) continue;
    std::string place = f.location.file->path() + ":" + std::to_string(f.location.file->lines().position(f.location.range.begin).line);
    actual.insert(place);
    listing += "  " + place + " [" + f.environment + "] " + f.summary + "\n";
  }
  EXPECT_EQ(actual, expectedPlaces(c)) << "findings of " << c.rule << " in " << c.dir << ":\n" << listing;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, ::testing::ValuesIn(fixtureCases()),
                         [](const ::testing::TestParamInfo<FixtureCase>& param_info) {
                           std::string name =
                               fs::relative(param_info.param.dir, fs::path(TFGUARD_TESTDATA) / "rules").generic_string();
                           for (char& ch : name)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleFixture);

}  // namespace
}  // namespace tfguard::engine
