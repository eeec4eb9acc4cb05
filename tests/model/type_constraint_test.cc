// Type constraints as Terraform reads a variable's `type`.
#include <gtest/gtest.h>

#include "model/model.h"
#include "model_test_util.h"

namespace tfguard::model {
namespace {

using testing::summaries;
using testing::where;

struct Parsed {
  std::unique_ptr<syntax::ParsedFile> file;
  eval::Type type;
  TypeDefaults defaults;
  Findings findings;
};

// Parses `type = <text>` and reads the attribute's expression.
Parsed parseType(std::string text) {
  Parsed p;
  auto source = std::make_shared<SourceFile>("t.tf", "type = " + text + "\n");
  p.file = std::make_unique<syntax::ParsedFile>(syntax::parseConfig(source));
  EXPECT_TRUE(p.file->diagnostics.empty()) << text;
  const auto& attr = static_cast<const syntax::Attribute&>(*p.file->body->items[0]);
  p.type = parseTypeConstraint(*p.file, *attr.expr, &p.defaults, p.findings);
  return p;
}

std::string_view exprText(const Parsed& p, const syntax::Expr* e) {
  return p.file->source->text().substr(e->range.begin, e->range.size());
}

TEST(TypeConstraint, Primitives) {
  EXPECT_EQ(parseType("string").type, eval::Type::string());
  EXPECT_EQ(parseType("number").type, eval::Type::number());
  EXPECT_EQ(parseType("bool").type, eval::Type::boolean());
  EXPECT_TRUE(parseType("any").type.isDynamic());
}

TEST(TypeConstraint, Collections) {
  EXPECT_EQ(parseType("list(string)").type.toString(), "list(string)");
  EXPECT_EQ(parseType("set(number)").type.toString(), "set(number)");
  EXPECT_EQ(parseType("map(list(bool))").type.toString(), "map(list(bool))");
  EXPECT_EQ(parseType("list(any)").type, eval::Type::list(eval::Type::dynamic()));
  EXPECT_EQ(parseType("tuple([string, number])").type.toString(), "tuple([string, number])");
  EXPECT_EQ(parseType("object({a = string, b = number})").type.toString(),
            "object({a=string, b=number})");
  // The legacy shorthands of decodeVariableType.
  EXPECT_EQ(parseType("list").type, eval::Type::list(eval::Type::dynamic()));
  EXPECT_EQ(parseType("map").type, eval::Type::map(eval::Type::dynamic()));
}

TEST(TypeConstraint, OptionalAttributesAndNestedDefaults) {
  Parsed p = parseType(
      "list(object({\n"
      "  name = string\n"
      "  port = optional(number, 80)\n"
      "  tags = optional(map(string))\n"
      "  opts = optional(object({ tls = optional(bool, true) }), {})\n"
      "  pair = tuple([string, object({ x = optional(number, 1) })])\n"
      "}))");
  EXPECT_TRUE(p.findings.empty()) << summaries(p.findings);
  ASSERT_EQ(p.type.kind(), eval::TypeKind::kList);
  const eval::Type& obj = p.type.element();
  ASSERT_EQ(obj.kind(), eval::TypeKind::kObject);
  EXPECT_FALSE(obj.attribute("name")->optional);
  EXPECT_TRUE(obj.attribute("port")->optional);
  EXPECT_EQ(obj.attribute("port")->type, eval::Type::number());
  EXPECT_TRUE(obj.attribute("tags")->optional);
  EXPECT_TRUE(obj.attribute("opts")->optional);
  EXPECT_TRUE(obj.attribute("opts")->type.attribute("tls")->optional);
  EXPECT_FALSE(obj.attribute("pair")->optional);

  // list → "" → the object's defaults
  EXPECT_TRUE(p.defaults.attrs.empty());
  ASSERT_EQ(p.defaults.children.size(), 1u);
  EXPECT_EQ(p.defaults.children[0].first, "");
  const TypeDefaults& element = p.defaults.children[0].second;
  ASSERT_EQ(element.attrs.size(), 2u);
  EXPECT_EQ(element.attrs[0].first, "port");
  EXPECT_EQ(exprText(p, element.attrs[0].second), "80");
  EXPECT_EQ(element.attrs[1].first, "opts");
  EXPECT_EQ(exprText(p, element.attrs[1].second), "{}");
  ASSERT_EQ(element.children.size(), 2u);
  EXPECT_EQ(element.children[0].first, "opts");
  ASSERT_EQ(element.children[0].second.attrs.size(), 1u);
  EXPECT_EQ(element.children[0].second.attrs[0].first, "tls");
  EXPECT_EQ(exprText(p, element.children[0].second.attrs[0].second), "true");
  EXPECT_EQ(element.children[1].first, "pair");
  const TypeDefaults& pair = element.children[1].second;
  ASSERT_EQ(pair.children.size(), 1u);
  EXPECT_EQ(pair.children[0].first, "1");
  EXPECT_EQ(exprText(p, pair.children[0].second.attrs.at(0).second), "1");
}

TEST(TypeConstraint, NoDefaultsMeansEmptyTree) {
  Parsed p = parseType("object({a = optional(string)})");
  EXPECT_TRUE(p.defaults.empty());
  EXPECT_TRUE(p.type.attribute("a")->optional);
}

struct ErrorCase {
  const char* type;
  const char* detail;
  const char* location;  ///< columns count from "type = " (8 is the first)
};

class TypeConstraintErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(TypeConstraintErrors, LikeTerraform) {
  const ErrorCase& c = GetParam();
  Parsed p = parseType(c.type);
  ASSERT_EQ(p.findings.size(), 1u) << summaries(p.findings);
  const Finding& f = p.findings[0];
  EXPECT_EQ(f.rule, "invalid-config");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.summary, "Invalid type specification");
  EXPECT_EQ(f.detail, c.detail);
  EXPECT_EQ(where(f.location), c.location);
  EXPECT_TRUE(p.type.isDynamic() || p.type.kind() == eval::TypeKind::kObject ||
              p.type.kind() == eval::TypeKind::kList);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TypeConstraintErrors,
    ::testing::Values(
        ErrorCase{"strin", "The keyword \"strin\" is not a valid type specification.", "1:8-1:13"},
        ErrorCase{"set",
                  "The set type constructor requires one argument specifying the element type.",
                  "1:8-1:11"},
        ErrorCase{"object",
                  "The object type constructor requires one argument specifying the attribute "
                  "types and values as a map.",
                  "1:8-1:14"},
        ErrorCase{"tuple",
                  "The tuple type constructor requires one argument specifying the element types "
                  "as a list.",
                  "1:8-1:13"},
        ErrorCase{"\"${x}\"",
                  "A type specification is either a primitive type keyword (bool, number, string) "
                  "or a complex type constructor call, like list(string).",
                  "1:8-1:14"},
        ErrorCase{"string(1)", "Primitive type keyword \"string\" does not expect arguments.",
                  "1:14-1:17"},
        ErrorCase{"any()", "Type constraint keyword \"any\" does not expect arguments.",
                  "1:11-1:13"},
        ErrorCase{"list()",
                  "The list type constructor requires one argument specifying the element type.",
                  "1:12-1:14"},
        ErrorCase{"map(string, number, bool)",
                  "The map type constructor requires one argument specifying the element type.",
                  "1:20-1:32"},
        ErrorCase{"object([string])",
                  "Object type constructor requires a map whose keys are attribute names and "
                  "whose values are the corresponding attribute types.",
                  "1:15-1:23"},
        ErrorCase{"tuple({})", "Tuple type constructor requires a list of element types.",
                  "1:14-1:16"},
        ErrorCase{"object({\"a\" = string})",
                  "Object constructor map keys must be attribute names.", "1:16-1:19"},
        ErrorCase{"object({a = optional()})",
                  "Optional attribute modifier requires the attribute type as its argument.",
                  "1:28-1:30"},
        ErrorCase{"object({a = optional(string, 1, 2)})",
                  "Optional attribute modifier expects at most two arguments: the attribute type, "
                  "and a default value.",
                  "1:28-1:42"},
        ErrorCase{"optional(string)",
                  "Keyword \"optional\" is valid only as a modifier for object type attributes.",
                  "1:8-1:16"},
        ErrorCase{"list(optional(string))",
                  "Keyword \"optional\" is valid only as a modifier for object type attributes.",
                  "1:13-1:21"},
        ErrorCase{"frob(string)", "Keyword \"frob\" is not a valid type constructor.",
                  "1:8-1:20"}));

TEST(TypeConstraint, DeepNestingIsCappedWithOneFinding) {
  std::string deep;
  for (int i = 0; i < 150; ++i) deep += "list(";
  deep += "string";
  for (int i = 0; i < 150; ++i) deep += ")";
  Parsed p = parseType(deep);
  ASSERT_EQ(p.findings.size(), 1u) << summaries(p.findings);
  EXPECT_EQ(p.findings[0].detail,
            "This type constraint is nested more than 64 levels deep; tfguard does not read it "
            "further.");
  EXPECT_EQ(p.type.kind(), eval::TypeKind::kList);
}

TEST(TypeConstraint, LegacyQuotedFormsWarn) {
  for (const char* quoted : {"\"string\"", "\"list\"", "\"map\""}) {
    Parsed p = parseType(quoted);
    ASSERT_EQ(p.findings.size(), 1u) << quoted;
    EXPECT_EQ(p.findings[0].severity, Severity::kWarning);
    EXPECT_EQ(p.findings[0].summary, "Invalid quoted type constraints");
    EXPECT_EQ(where(p.findings[0].location), quoted[1] == 's'   ? "1:8-1:16"
                                             : quoted[1] == 'l' ? "1:8-1:14"
                                                                : "1:8-1:13");
  }
  EXPECT_EQ(parseType("\"string\"").type, eval::Type::string());
  EXPECT_EQ(parseType("\"list\"").type, eval::Type::list(eval::Type::dynamic()));
  Parsed list = parseType("\"list\"");
  EXPECT_EQ(list.findings[0].detail,
            "Terraform 0.11 and earlier required type constraints to be given in quotes, but that "
            "form is now deprecated and will be removed in a future version of Terraform. Remove "
            "the quotes around \"list\" and write list(string) instead to explicitly indicate "
            "that the list elements are strings.");
  Parsed other = parseType("\"bool\"");
  ASSERT_EQ(other.findings.size(), 1u);
  EXPECT_EQ(other.findings[0].severity, Severity::kError);
  EXPECT_EQ(other.findings[0].summary, "Invalid legacy variable type hint");
}

}  // namespace
}  // namespace tfguard::model
