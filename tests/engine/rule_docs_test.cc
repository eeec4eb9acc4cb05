// Every rule has its documentation and its fixtures: docs/rules/<id>.md is
// exactly what the metadata generates (`make docs` rewrites the folder), and
// testdata/rules/<id>/ holds at least one failing case (with `# expect:`
// markers) and one passing case (without).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "engine/engine.h"
#include "engine/rule_docs.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

const fs::path kDocs = fs::path(TFGUARD_TESTDATA).parent_path() / "docs" / "rules";

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RuleDocs, EveryRuleHasItsGeneratedPage) {
  for (const rules::Rule* r : RuleCatalog::builtin().rules()) {
    const rules::RuleMeta& m = r->meta();
    fs::path page = kDocs / (std::string(m.id) + ".md");
    ASSERT_TRUE(fs::exists(page)) << page << " is missing: run `make docs`";
    EXPECT_EQ(readFile(page), ruleMarkdown(m)) << page << " differs from the rule's metadata: run `make docs`";
    EXPECT_FALSE(m.summary.empty()) << m.id;
    EXPECT_FALSE(m.description.empty()) << m.id;
    EXPECT_NE(m.description.find("## Why"), std::string_view::npos) << m.id << ": the description has no ## Why";
  }
  EXPECT_EQ(readFile(kDocs / "README.md"), catalogMarkdown(RuleCatalog::builtin())) << "run `make docs`";
}

TEST(RuleDocs, NoPageWithoutARule) {
  for (const auto& e : fs::directory_iterator(kDocs)) {
    if (e.path().filename() == "README.md") continue;
    EXPECT_NE(RuleCatalog::builtin().find(e.path().stem().string()), nullptr)
        << e.path() << " documents no rule: remove it (make docs)";
  }
}

bool hasMarker(const fs::path& dir, const std::string& id) {
  std::regex marker("(#|//)\\s*expect:\\s*[a-z0-9, -]*\\b" + id + "\\b");
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string text = readFile(it->path());
    if (std::regex_search(text, marker)) return true;
  }
  return false;
}

TEST(RuleFixtures, EveryRuleHasFailingAndPassingCases) {
  fs::path root = fs::path(TFGUARD_TESTDATA) / "rules";
  for (const rules::Rule* r : RuleCatalog::builtin().rules()) {
    std::string id(r->meta().id);
    fs::path dir = root / id;
    if (!fs::is_directory(dir)) {
      ADD_FAILURE() << "rule " << id << " has no fixtures in " << dir;
      continue;
    }
    int failing = 0, passing = 0;
    for (const auto& c : fs::directory_iterator(dir)) {
      if (!c.is_directory()) continue;
      (hasMarker(c.path(), id) ? failing : passing)++;
    }
    EXPECT_GT(failing, 0) << "rule " << id << " has no failing case (with `# expect: " << id << "`)";
    EXPECT_GT(passing, 0) << "rule " << id << " has no passing case (a case without markers)";
  }
}

}  // namespace
}  // namespace tfguard::engine
