// Parser behaviour that the oracle cannot check: provider-defined functions
// (newer than Debian's HCL), our extra recovery, limits and the AST API.
#include <gtest/gtest.h>

#include "syntax/ast_json.h"
#include "syntax/parser.h"

namespace tfguard::syntax {
namespace {

ParsedFile parse(std::string text, std::string name = "test.tf") {
  return parseConfig(std::make_shared<SourceFile>(std::move(name), std::move(text)));
}

const Expr* attrExpr(const ParsedFile& f, size_t i = 0) {
  return static_cast<const Attribute*>(f.body->items[i])->expr;
}

TEST(Parser, ProviderDefinedFunctionCall) {
  auto f = parse("a = provider::aws::arn_parse(x).region\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].summary;
  const Expr* e = attrExpr(f);
  ASSERT_EQ(e->kind, ExprKind::kRelativeTraversal);
  const auto& call = as<CallExpr>(*as<RelativeTraversalExpr>(*e).source);
  EXPECT_EQ(call.name, "provider::aws::arn_parse");
  EXPECT_EQ(call.name_range.begin, 4u);
  EXPECT_EQ(call.args.size(), 1u);
}

TEST(Parser, ProviderNamespaceWithoutCallIsAnError) {
  auto f = parse("a = provider::aws::x\n");
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.diagnostics[0].summary, "Missing function call");
}

TEST(Parser, RecoversAtTheNextBodyItem) {
  // hclsyntax stops at the first stray token; we report the later error too.
  auto f = parse("a = 1 b = 2\nok = 1\n) \nc = [\nd = 2\n");
  ASSERT_GE(f.diagnostics.size(), 2u);
  EXPECT_EQ(f.diagnostics[0].summary, "Missing newline after argument");
  EXPECT_EQ(f.diagnostics[1].summary, "Argument or block definition required");
  ASSERT_GE(f.body->items.size(), 2u);
  EXPECT_EQ(static_cast<const Attribute*>(f.body->items[1])->name, "ok");
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "a = " + std::string(100000, '[') + std::string(100000, ']') + "\nb = 1\n";
  auto f = parse(deep);
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.diagnostics[0].summary, "Nesting too deep");
}

TEST(Parser, DeepBlockNestingIsBounded) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "a {\n";
  for (int i = 0; i < 5000; ++i) deep += "}\n";
  auto f = parse(deep);
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.diagnostics[0].summary, "Nesting too deep");
}

TEST(Parser, CommentsAreKept) {
  auto f = parse("# tfguard:ignore ssh-admin-cidr\na = 1 // tail\n/* b */\n");
  ASSERT_EQ(f.comments.size(), 3u);
  EXPECT_EQ(f.comments[0].text, "# tfguard:ignore ssh-admin-cidr");
  EXPECT_EQ(f.comments[1].text, "// tail");
  EXPECT_EQ(f.comments[2].text, "/* b */");
}

TEST(Parser, TemplateFileMode) {
  auto f = parseTemplateFile(std::make_shared<SourceFile>("u.tftpl", "#!/bin/bash\n%{ for p in ports ~}\ndocker run -p ${p} x\n%{ endfor ~}\n"));
  ASSERT_TRUE(f.diagnostics.empty());
  ASSERT_EQ(f.template_->kind, ExprKind::kTemplate);
  const auto& t = as<TemplateExpr>(*f.template_);
  ASSERT_EQ(t.parts.size(), 2u);
  EXPECT_EQ(t.parts[1].expr->kind, ExprKind::kTemplateFor);
}

TEST(Parser, NumbersKeepTheirExactText) {
  auto f = parse("a = 12345678901234567890123\n");
  EXPECT_EQ(as<LiteralExpr>(*attrExpr(f)).value.text, "12345678901234567890123");
}

}  // namespace
}  // namespace tfguard::syntax
