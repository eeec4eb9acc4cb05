#include "ast_compare.h"

#include <gtest/gtest.h>

namespace tfguard::oracle {
namespace {

using nlohmann::json;

// `a = 1` as both parsers print it.
json NumberAttributeDocument(std::string_view number_text) {
  return json::parse(R"({
    "file": "main.tf",
    "diagnostics": [],
    "body": {"kind": "body", "range": "1:1-2:1", "bytes": "0-6", "items": [
      {"kind": "attribute", "range": "1:1-1:6", "bytes": "0-5", "name": "a",
       "name_range": "1:1-1:2",
       "expr": {"kind": "literal", "range": "1:5-1:6", "bytes": "4-5",
                "type": "number", "value": ")" +
                     std::string(number_text) + R"("}}]}
  })");
}

json WithError(json document, std::string_view range) {
  document["diagnostics"] =
      json::array({{{"severity", "error"}, {"summary", "Bad"}, {"detail", ""}, {"range", range}}});
  return document;
}

constexpr std::string_view kSource = "a = 1\n";

TEST(AstCompare, IdenticalDocumentsMatch) {
  const json doc = NumberAttributeDocument("1");
  EXPECT_TRUE(compareFileAst(doc, doc, kSource).empty());
}

TEST(AstCompare, DetectsChangedByteRange) {
  const json theirs = NumberAttributeDocument("1");
  json ours = theirs;
  ours["body"]["items"][0]["expr"]["bytes"] = "4-6";
  auto mismatches = compareFileAst(ours, theirs, kSource);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].path, "body.items[0].expr.bytes");
  EXPECT_EQ(mismatches[0].ours, "\"4-6\"");
  EXPECT_EQ(mismatches[0].theirs, "\"4-5\"");
}

TEST(AstCompare, DetectsChangedKindOnce) {
  const json theirs = NumberAttributeDocument("1");
  json ours = theirs;
  ours["body"]["items"][0]["expr"] = json::parse(R"({"kind": "scope_traversal", "range": "1:5-1:6",
                      "bytes": "4-5", "root": "b", "steps": []})");
  auto mismatches = compareFileAst(ours, theirs, kSource);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].path, "body.items[0].expr.kind");
}

TEST(AstCompare, ComparesNumbersNumerically) {
  EXPECT_TRUE(
      compareFileAst(NumberAttributeDocument("1e5"), NumberAttributeDocument("100000"), kSource)
          .empty());
  EXPECT_TRUE(
      compareFileAst(NumberAttributeDocument("0.0015"), NumberAttributeDocument("1.5e-3"), kSource)
          .empty());
  auto mismatches =
      compareFileAst(NumberAttributeDocument("1e5"), NumberAttributeDocument("10000"), kSource);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].path, "body.items[0].expr.value");
}

TEST(AstCompare, NormalizesNumbers) {
  EXPECT_EQ(normalizeNumber("100000"), "1e5");
  EXPECT_EQ(normalizeNumber("1e5"), "1e5");
  EXPECT_EQ(normalizeNumber("0.0015"), "15e-4");
  EXPECT_EQ(normalizeNumber("-0"), "0");
  EXPECT_EQ(normalizeNumber("abc"), std::nullopt);
  EXPECT_EQ(normalizeNumber("1e"), std::nullopt);
}

TEST(AstCompare, ErrorsOnBothSidesCompareOnlyFirstErrorLine) {
  json ours = WithError(NumberAttributeDocument("1"), "1:3-1:4");
  json theirs = WithError(NumberAttributeDocument("2"), "1:7-1:8");
  theirs["body"] = nullptr;
  EXPECT_TRUE(compareFileAst(ours, theirs, kSource).empty());

  theirs = WithError(theirs, "2:1-2:1");
  auto mismatches = compareFileAst(ours, theirs, kSource);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].path, "diagnostics.first_error_line");
}

TEST(AstCompare, ErrorOnOneSideIsAMismatch) {
  const json clean = NumberAttributeDocument("1");
  const json failed = WithError(clean, "1:1-1:2");
  EXPECT_EQ(compareFileAst(failed, clean, kSource).size(), 1u);
  EXPECT_EQ(compareFileAst(clean, failed, kSource).size(), 1u);
}

TEST(AstCompare, IgnoresCommentsFileAndWarnings) {
  const json theirs = NumberAttributeDocument("1");
  json ours = theirs;
  ours["file"] = "./main.tf";
  ours["comments"] = json::array({{{"text", "# hi"}}});
  ours["diagnostics"] =
      json::array({{{"severity", "warning"}, {"summary", "W"}, {"range", "1:1-1:2"}}});
  EXPECT_TRUE(compareFileAst(ours, theirs, kSource).empty());
}

TEST(AstCompare, SkipsColumnsOnlyOnNonAsciiLines) {
  const json theirs = NumberAttributeDocument("1");
  json ours = theirs;
  ours["body"]["items"][0]["expr"]["range"] = "1:6-1:7";
  EXPECT_EQ(compareFileAst(ours, theirs, kSource).size(), 1u);
  EXPECT_TRUE(compareFileAst(ours, theirs, "a = 1 # \xC3\xA9\n").empty());

  ours["body"]["items"][0]["expr"]["range"] = "2:5-2:6";
  EXPECT_EQ(compareFileAst(ours, theirs, "a = 1 # \xC3\xA9\n").size(), 1u);
}

TEST(AstCompare, FalseOptionalFlagEqualsMissing) {
  const json theirs = NumberAttributeDocument("1");
  json ours = theirs;
  ours["body"]["items"][0]["expr"]["interp"] = false;
  EXPECT_TRUE(compareFileAst(ours, theirs, kSource).empty());
  ours["body"]["items"][0]["expr"]["interp"] = true;
  EXPECT_EQ(compareFileAst(ours, theirs, kSource).size(), 1u);
}

TEST(AstCompare, ReportsMissingKeysAndArrayLengths) {
  const json theirs = NumberAttributeDocument("1");
  json ours = theirs;
  ours["body"]["items"][0].erase("name_range");
  ours["body"]["items"].push_back(ours["body"]["items"][0]);
  auto mismatches = compareFileAst(ours, theirs, kSource);
  ASSERT_EQ(mismatches.size(), 2u);
  EXPECT_EQ(mismatches[0].path, "body.items");
  EXPECT_EQ(mismatches[0].ours, "2 items");
  EXPECT_EQ(mismatches[1].path, "body.items[0].name_range");
  EXPECT_EQ(mismatches[1].ours, "<missing>");
}

TEST(AstCompare, StopsAfterTwentyMismatches) {
  json ours = NumberAttributeDocument("1");
  json theirs = ours;
  for (int i = 0; i < 30; ++i) {
    ours["body"]["items"][0]["extra" + std::to_string(i)] = i;
  }
  EXPECT_EQ(compareFileAst(ours, theirs, kSource).size(), kMaxMismatchesPerFile);
}

}  // namespace
}  // namespace tfguard::oracle
