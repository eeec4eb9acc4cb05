// Golden `tfguard inspect` outputs: every directory under testdata/ with an
// inspect.expected.json is inspected (as `cd DIR && tfguard inspect .`) and
// the document compared with the file. TFGUARD_UPDATE_GOLDENS=1 rewrites
// the files instead; review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "inspect/inspect.h"
#include "settings/settings.h"

namespace tfguard::inspect {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> goldenTrees() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(TFGUARD_TESTDATA, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == "inspect.expected.json") out.push_back(it->path().parent_path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class InspectGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(InspectGolden, MatchesExpected) {
  const fs::path dir = GetParam();
  fs::path saved = fs::current_path();
  fs::current_path(dir);
  Findings errors;
  auto settings = settings::resolveSettings({}, ".", errors);
  ASSERT_TRUE(settings.has_value()) << (errors.empty() ? "" : errors[0].summary);
  bool matched = false;
  std::vector<fs::path> paths{"."};
  std::string actual = inspectTree(paths, *settings, {}, &matched).dump(2) + "\n";
  fs::current_path(saved);

  fs::path expected_file = dir / "inspect.expected.json";
  if (std::getenv("TFGUARD_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(expected_file, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_file;
  }
  std::ifstream in(expected_file, std::ios::binary);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "inspect output of " << dir
                                    << " differs; run with TFGUARD_UPDATE_GOLDENS=1 and review the diff";
}

INSTANTIATE_TEST_SUITE_P(Trees, InspectGolden, ::testing::ValuesIn(goldenTrees()),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = fs::relative(param_info.param, TFGUARD_TESTDATA).generic_string();
                           for (char& c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace tfguard::inspect
