// Tests of the HCL JSON syntax parser: the fixtures of testdata/parse-json/
// against their reviewed goldens, then focused checks of ranges, the JSON
// mapping and errors. (That the same files fail as with HashiCorp's parser is
// checked against the hcldump oracle: tests/oracle/hcldump --json.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/ast_json.h"
#include "syntax/parser.h"

namespace tfguard::syntax {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ------------------------------------------------------------------ goldens

constexpr std::string_view kFixtureDir = "testdata/parse-json";

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool isFixture(const fs::path& p) {
  std::string name = p.filename().string();
  return (name.ends_with(".tf.json") || name.ends_with(".tfvars.json")) &&
         !name.ends_with(".ast.json");
}

std::vector<std::string> fixtureNames() {
  std::vector<std::string> names;
  fs::path dir = fs::path(TFGUARD_TESTDATA) / "parse-json";
  if (!fs::exists(dir)) return names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && isFixture(entry.path()))
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// x.tf.json → x.tf.ast.json, so that x.tf.json and x.tfvars.json never clash.
fs::path goldenPath(const std::string& fixture) {
  std::string stem = fixture.substr(0, fixture.size() - std::string_view(".json").size());
  return fs::path(TFGUARD_TESTDATA) / "parse-json" / (stem + ".ast.json");
}

// What `tfguard parse testdata/parse-json/NAME` prints from the repository
// root: the path recorded is the relative one, whatever the test's cwd.
json parseFixture(const std::string& name) {
  std::string text = readAll(fs::path(TFGUARD_TESTDATA) / "parse-json" / name);
  auto source = std::make_shared<SourceFile>(std::string(kFixtureDir) + "/" + name, text);
  std::string dumped =
      fileToJson(parseByName(source)).dump(-1, ' ', false, json::error_handler_t::replace);
  return json::parse(dumped);
}

class JsonGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(JsonGolden, MatchesReviewedAst) {
  const std::string& name = GetParam();
  json ours = parseFixture(name);
  fs::path golden = goldenPath(name);
  if (std::getenv("TFGUARD_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(golden, std::ios::binary) << ours.dump(2) << "\n";
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with TFGUARD_UPDATE_GOLDENS=1";
  json expected = json::parse(readAll(golden), nullptr, false);
  ASSERT_FALSE(expected.is_discarded()) << golden << " is not JSON";
  EXPECT_EQ(ours, expected) << "diff " << golden << ":\n" << json::diff(expected, ours).dump(2);
  // The err_ prefix is the fixture's promise about errors.
  bool has_error = std::any_of(ours["diagnostics"].begin(), ours["diagnostics"].end(),
                               [](const json& d) { return d["severity"] == "error"; });
  EXPECT_EQ(has_error, name.starts_with("err_")) << name;
}

std::string testName(const ::testing::TestParamInfo<std::string>& fixture) {
  std::string id = fixture.param;
  std::replace_if(
      id.begin(), id.end(), [](char c) { return !std::isalnum(c); }, '_');
  return id;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, JsonGolden, ::testing::ValuesIn(fixtureNames()), testName);

TEST(JsonGolden, EnoughFixtures) { EXPECT_GE(fixtureNames().size(), 30u); }

// ------------------------------------------------------------- focused tests

ParsedFile parse(std::string text, std::string name = "test.tf.json", ParseLimits limits = {}) {
  return parseJson(std::make_shared<SourceFile>(std::move(name), std::move(text)), limits);
}

const Attribute& attr(const ParsedFile& f, size_t i) {
  return static_cast<const Attribute&>(*f.body->items[i]);
}

uint32_t lineOf(const ParsedFile& f, const Diagnostic& d) {
  return f.source->lines().position(d.subject->begin).line;
}

std::vector<std::string> errorSummaries(const ParsedFile& f) {
  std::vector<std::string> out;
  for (const Diagnostic& d : f.diagnostics)
    if (d.severity == Severity::kError) out.push_back(d.summary);
  return out;
}

TEST(JsonParser, RootPropertiesBecomeAttributesWithExactRanges) {
  //                0123456789012345678901
  auto f = parse(R"({"name" : "value", "n": 1})");
  ASSERT_TRUE(f.diagnostics.empty());
  EXPECT_EQ(f.syntax, FileSyntax::kJson);
  EXPECT_EQ(f.body->range, (ByteRange{0, 26}));
  ASSERT_EQ(f.body->items.size(), 2u);
  const Attribute& a = attr(f, 0);
  EXPECT_EQ(a.kind, BodyItemKind::kAttribute);
  EXPECT_EQ(a.name, "name");
  EXPECT_EQ(a.name_range, (ByteRange{1, 7}));  // the quotes included
  EXPECT_EQ(a.equals_range, (ByteRange{8, 9}));
  EXPECT_EQ(a.range, (ByteRange{1, 17}));
  EXPECT_EQ(a.expr->range, (ByteRange{10, 17}));
  EXPECT_EQ(attr(f, 1).expr->range, (ByteRange{24, 25}));
}

TEST(JsonParser, NestedObjectKeysAndValuesHaveRanges) {
  //               0         1         2
  //               0123456789012345678901234567
  auto f = parse(R"({"a": {"k": [1, true]}})");
  ASSERT_TRUE(f.diagnostics.empty());
  const auto& obj = as<ObjectExpr>(*attr(f, 0).expr);
  EXPECT_EQ(obj.range, (ByteRange{6, 22}));
  ASSERT_EQ(obj.items.size(), 1u);
  const ObjectKeyExpr& key = *obj.items[0].key;
  EXPECT_EQ(key.kind, ExprKind::kObjectKey);
  EXPECT_EQ(key.range, (ByteRange{7, 10}));
  EXPECT_FALSE(key.force_non_literal);
  EXPECT_TRUE(key.bare_name.empty());
  ASSERT_EQ(key.wrapped->kind, ExprKind::kTemplate);
  const auto& tuple = as<TupleExpr>(*obj.items[0].value);
  EXPECT_EQ(tuple.range, (ByteRange{12, 21}));
  ASSERT_EQ(tuple.items.size(), 2u);
  EXPECT_EQ(tuple.items[1]->range, (ByteRange{16, 20}));
  EXPECT_TRUE(as<LiteralExpr>(*tuple.items[1]).value.boolean);
}

TEST(JsonParser, DuplicateKeysAreKeptInOrder) {
  auto f = parse(R"({"resource": {"a": {}}, "locals": {}, "resource": {"b": {}}})");
  ASSERT_TRUE(f.diagnostics.empty());
  ASSERT_EQ(f.body->items.size(), 3u);
  EXPECT_EQ(attr(f, 0).name, "resource");
  EXPECT_EQ(attr(f, 1).name, "locals");
  EXPECT_EQ(attr(f, 2).name, "resource");
  EXPECT_LT(attr(f, 0).range.end, attr(f, 2).range.begin);
}

TEST(JsonParser, RootCommentsAreCollectedNotItems) {
  //               0         1         2         3
  //               0123456789012345678901234567890123456
  auto f = parse(R"({"//": "generated", "a": {"//": "kept"}})");
  ASSERT_TRUE(f.diagnostics.empty());
  ASSERT_EQ(f.comments.size(), 1u);
  EXPECT_EQ(f.comments[0].text, "generated");
  EXPECT_EQ(f.comments[0].range, (ByteRange{1, 18}));
  ASSERT_EQ(f.body->items.size(), 1u);
  // Below the root only the schema tells a body from a map: the item stays.
  EXPECT_EQ(as<ObjectExpr>(*attr(f, 0).expr).items.size(), 1u);
}

TEST(JsonParser, CommentValuesAreNotTemplates) {
  auto f = parse(R"({"//": "see ${ and %{ unbalanced"})");
  EXPECT_TRUE(f.diagnostics.empty());
  ASSERT_EQ(f.comments.size(), 1u);
  EXPECT_EQ(f.comments[0].text, "see ${ and %{ unbalanced");
}

TEST(JsonParser, StringsAreTemplates) {
  auto f = parse(R"({"a": "${var.x}", "b": "x-${var.y}", "c": "plain"})");
  ASSERT_TRUE(f.diagnostics.empty());
  const Expr* wrap = attr(f, 0).expr;
  ASSERT_EQ(wrap->kind, ExprKind::kTemplateWrap);
  EXPECT_EQ(wrap->range, (ByteRange{6, 16}));  // the quotes included
  const auto& traversal = as<ScopeTraversalExpr>(*as<TemplateWrapExpr>(*wrap).wrapped);
  EXPECT_EQ(traversal.root, "var");
  EXPECT_EQ(traversal.range, (ByteRange{9, 14}));  // exact: no escapes before it
  const auto& tmpl = as<TemplateExpr>(*attr(f, 1).expr);
  ASSERT_EQ(tmpl.parts.size(), 2u);
  EXPECT_FALSE(tmpl.parts[0].interp);
  EXPECT_TRUE(tmpl.parts[1].interp);
  const auto& plain = as<TemplateExpr>(*attr(f, 2).expr);
  ASSERT_EQ(plain.parts.size(), 1u);
  EXPECT_EQ(as<LiteralExpr>(*plain.parts[0].expr).value.text, "plain");
}

std::string_view onlyLiteral(const Expr* e) {
  const auto& t = as<TemplateExpr>(*e);
  return t.parts.size() == 1 ? as<LiteralExpr>(*t.parts[0].expr).value.text : "<parts>";
}

TEST(JsonParser, EscapesDecodeLikeGo) {
  auto f = parse(
      R"({"a": "\"\\\/\b\f\n\r\t", "b": "\u00e9\ud83d\ude00", "c": "\ud800x", "d": "\ude00\ud83d"})");
  ASSERT_TRUE(f.diagnostics.empty());
  EXPECT_EQ(onlyLiteral(attr(f, 0).expr), "\"\\/\b\f\n\r\t");
  EXPECT_EQ(onlyLiteral(attr(f, 1).expr), "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(onlyLiteral(attr(f, 2).expr), "\xEF\xBF\xBDx");             // lone surrogate
  EXPECT_EQ(onlyLiteral(attr(f, 3).expr), "\xEF\xBF\xBD\xEF\xBF\xBD");  // reversed pair
}

TEST(JsonParser, InvalidUtf8InAStringIsAWarningAndReplaced) {
  auto f = parse("{\"a\": \"caf\xE9\"}");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(f.diagnostics[0].subject, (ByteRange{10, 11}));
  EXPECT_EQ(onlyLiteral(attr(f, 0).expr), "caf\xEF\xBF\xBD");
}

TEST(JsonParser, RangesStayInsideTheFileWhenDecodingGrows) {
  std::string text = "{\"a\":\"" + std::string(40, '\xFF') + "\"}";
  auto f = parse(text);
  const auto& t = as<TemplateExpr>(*attr(f, 0).expr);
  ASSERT_EQ(t.parts.size(), 1u);
  EXPECT_LE(t.parts[0].expr->range.end, text.size());
}

TEST(JsonParser, NumbersKeepTheirSourceText) {
  auto f = parse(R"({"a": 1e5, "b": -1, "c": 0.5, "d": 1E+10})");
  ASSERT_TRUE(f.diagnostics.empty());
  for (size_t i = 0; i < 4; ++i) {
    const auto& lit = as<LiteralExpr>(*attr(f, i).expr);
    EXPECT_EQ(lit.value.type, LiteralType::kNumber);
  }
  EXPECT_EQ(as<LiteralExpr>(*attr(f, 0).expr).value.text, "1e5");
  EXPECT_EQ(as<LiteralExpr>(*attr(f, 1).expr).value.text, "-1");
  EXPECT_EQ(as<LiteralExpr>(*attr(f, 3).expr).value.text, "1E+10");
}

TEST(JsonParser, RootArrayOfObjectsIsOneBody) {
  auto f = parse(R"([{"a": 1}, {"//": "c", "b": 2}])");
  ASSERT_TRUE(f.diagnostics.empty());
  ASSERT_EQ(f.body->items.size(), 2u);
  EXPECT_EQ(attr(f, 1).name, "b");
  EXPECT_EQ(f.comments.size(), 1u);
}

TEST(JsonParser, RootArrayIsNotAVariablesFile) {
  auto f = parse(R"([{"a": 1}])", "x.tfvars.json");
  EXPECT_EQ(errorSummaries(f), std::vector<std::string>{"Incorrect JSON value type"});
}

TEST(JsonParser, ErrorsNameTheRightLine) {
  auto f = parse("{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}\n");
  // HCL then reads the array's "]" as the object's: "Mismatched braces".
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.diagnostics[0].summary, "Trailing comma in array");
  EXPECT_EQ(lineOf(f, f.diagnostics[0]), 3u);
  // The attribute before the error is kept.
  ASSERT_GE(f.body->items.size(), 1u);
  EXPECT_EQ(attr(f, 0).name, "a");
}

TEST(JsonParser, MissingColonAndBadStrings) {
  auto colon = parse("{\n\"a\" = 1}");
  ASSERT_FALSE(colon.diagnostics.empty());
  EXPECT_EQ(colon.diagnostics[0].summary, "Missing property value colon");
  EXPECT_EQ(lineOf(colon, colon.diagnostics[0]), 2u);

  auto escape = parse("{\n\n\"a\": \"\\x\"}");
  ASSERT_FALSE(escape.diagnostics.empty());
  EXPECT_EQ(escape.diagnostics[0].summary, "Invalid JSON string");
  EXPECT_EQ(lineOf(escape, escape.diagnostics[0]), 3u);
}

TEST(JsonParser, TemplateErrorsInsideStringsAreReported) {
  auto f = parse("{\n  \"a\": \"ok\",\n  \"b\": \"${var.x\"\n}");
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.diagnostics[0].summary, "Unclosed template interpolation sequence");
  EXPECT_EQ(lineOf(f, f.diagnostics[0]), 3u);
}

TEST(JsonParser, EmptyAndNonObjectRoots) {
  auto empty = parse("");
  ASSERT_NE(empty.body, nullptr);
  EXPECT_EQ(errorSummaries(empty), std::vector<std::string>{"Missing value"});
  auto str = parse("\"x\"");
  EXPECT_EQ(errorSummaries(str), std::vector<std::string>{"Root value must be object"});
  auto extra = parse("{} {}");
  EXPECT_EQ(errorSummaries(extra), std::vector<std::string>{"Extraneous data after value"});
}

TEST(JsonParser, KeywordsAndSuggestions) {
  auto f = parse(R"({"a": True})");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].detail,
            "\"True\" is not a valid JSON keyword. Did you mean \"true\"?");
}

TEST(JsonParser, NestingIsBounded) {
  ParseLimits limits;
  limits.max_nesting = 3;
  auto f = parse(R"({"a": [[[[1]]]], "b": 2})", "test.tf.json", limits);
  EXPECT_EQ(errorSummaries(f), std::vector<std::string>{"Nesting too deep"});
  ASSERT_EQ(f.body->items.size(), 2u);  // parsing goes on after the deep value
  EXPECT_EQ(attr(f, 1).name, "b");

  std::string deep = "{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto g = parse(deep);
  EXPECT_EQ(errorSummaries(g), std::vector<std::string>{"Nesting too deep"});
}

// Every prefix of a realistic file: no crash, a body, an error, and every
// range inside the file.
TEST(JsonParser, TruncatedInputNeverCrashes) {
  const std::string text =
      "{\"//\": \"c\", \"resource\": {\"a\": {\"b\": {\"x\": \"${var.y}\\u00e9\", "
      "\"l\": [1, -2.5e3, true, null, {\"k\": \"%{ if c }y%{ endif }\"}]}}}}";
  for (size_t n = 0; n < text.size(); ++n) {
    auto f = parse(text.substr(0, n));
    ASSERT_NE(f.body, nullptr);
    EXPECT_FALSE(errorSummaries(f).empty()) << n;
    for (const Diagnostic& d : f.diagnostics) EXPECT_LE(d.subject->end, n);
  }
  EXPECT_TRUE(parse(text).diagnostics.empty());
}

}  // namespace
}  // namespace tfguard::syntax
