// End-to-end `tfguard check` goldens: every directory under testdata/ with a
// check.expected.json is checked (as `cd DIR && tfguard check -f json .`,
// every rule, suppression expiry judged on 2026-06-01) and the JSON report
// compared with the file (duration zeroed). TFGUARD_UPDATE_GOLDENS=1
// rewrites the files; review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "report/report.h"
#include "settings/settings.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> checkTrees() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(TFGUARD_TESTDATA, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename() == "check.expected.json") out.push_back(it->path().parent_path());
  std::sort(out.begin(), out.end());
  return out;
}

class CheckGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(CheckGolden, MatchesExpected) {
  const fs::path dir = GetParam();
  fs::path saved = fs::current_path();
  fs::current_path(dir);
  Findings errors;
  auto settings = settings::resolveSettings({}, ".", errors);
  ASSERT_TRUE(settings.has_value());
  CheckOptions options;
  options.paths = {"."};
  options.today = "2026-06-01";
  CheckResult result = runCheck(options, *settings);
  fs::current_path(saved);
  ASSERT_NE(result.exit_code, 2) << result.error;
  result.report.summary.duration_ms = 0;
  result.report.tool_version = "0.0.0";
  std::ostringstream out;
  report::makePrinter("json", {})->print(result.report, out);
  std::string actual = out.str();

  fs::path expected_file = dir / "check.expected.json";
  if (std::getenv("TFGUARD_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(expected_file, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_file;
  }
  std::ifstream in(expected_file, std::ios::binary);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "check output of " << dir
                                    << " differs; run with TFGUARD_UPDATE_GOLDENS=1 and review the diff";
}

INSTANTIATE_TEST_SUITE_P(Trees, CheckGolden, ::testing::ValuesIn(checkTrees()),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = fs::relative(param_info.param, TFGUARD_TESTDATA).generic_string();
                           for (char& c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckGolden);

}  // namespace
}  // namespace tfguard::engine
