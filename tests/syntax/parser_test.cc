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

// ---- regressions found by tests/fuzz/parse_fuzzer.cc

// Left-associative chains built trees as deep as the chain is long, which
// overflowed the stack of recursive AST consumers (the JSON dumper first).
// Each operator, each wrapping traversal node and each nested template
// directive now counts against ParseLimits::max_nesting.
std::string dumpAll(const ParsedFile& f) {
  return fileToJson(f).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(Parser, LongOperatorChainIsBoundedByTheNestingLimit) {
  std::string chain = "a = x";
  for (int i = 0; i < 150; ++i) chain += " + x";
  auto f = parse(chain + "\n");
  EXPECT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].summary;
  chain = "a = x";
  for (int i = 0; i < 100000; ++i) chain += "+x";
  auto g = parse(chain + "\nb = 1\n");
  ASSERT_FALSE(g.diagnostics.empty());
  EXPECT_EQ(g.diagnostics[0].summary, "Nesting too deep");
  EXPECT_FALSE(dumpAll(g).empty());
}

TEST(Parser, LongIndexAndSplatChainsAreBoundedByTheNestingLimit) {
  for (std::string step : {"[y]", "[*]", "[y].*", "[y].b"}) {
    std::string chain = "a = x";
    for (int i = 0; i < 50000; ++i) chain += step;
    auto f = parse(chain + "\n");
    ASSERT_FALSE(f.diagnostics.empty()) << step;
    EXPECT_EQ(f.diagnostics[0].summary, "Nesting too deep") << step;
    EXPECT_FALSE(dumpAll(f).empty());
  }
  // Steps on one traversal stay flat and cost nothing.
  std::string flat = "a = x";
  for (int i = 0; i < 1000; ++i) flat += ".b[0]";
  EXPECT_TRUE(parse(flat + "\n").diagnostics.empty());
}

// The nesting limit bounds the parser's recursion; an operand is complete
// before the chain on top of it is seen, so chains stacked through
// parentheses ((a[x]...)[x]...) need the tree-depth cap as well.
TEST(Parser, ChainsStackedThroughParenthesesAreBounded) {
  for (std::string step : {"[y]", "+y", "*y"}) {
    std::string text = "a = " + std::string(150, '(') + "x";
    for (int level = 0; level < 150; ++level) {
      for (int i = 0; i < 40; ++i) text += step;
      text += ")";
    }
    auto f = parse(text + "\nb = 1\n");
    ASSERT_FALSE(f.diagnostics.empty()) << step;
    EXPECT_EQ(f.diagnostics[0].summary, "Nesting too deep") << step;
    EXPECT_FALSE(dumpAll(f).empty());
    auto t = parseTemplateFile(std::make_shared<SourceFile>("t.tftpl", "${" + text.substr(4) + "}"));
    ASSERT_FALSE(t.diagnostics.empty()) << step;
    EXPECT_EQ(t.diagnostics[0].summary, "Nesting too deep") << step;
    EXPECT_FALSE(dumpAll(t).empty());
  }
}

TEST(Parser, NestedTemplateDirectivesAreBoundedByTheNestingLimit) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "%{ if a }";
  auto f = parseTemplateFile(std::make_shared<SourceFile>("t.tftpl", text));
  ASSERT_EQ(f.diagnostics.size(), 1u) << f.diagnostics[1].summary;
  EXPECT_EQ(f.diagnostics[0].summary, "Nesting too deep");
  EXPECT_FALSE(dumpAll(f).empty());
}

// Adjacent template literals (one per heredoc line) were merged one at a
// time, each merge copying the text so far into the arena: quadratic time
// and memory (a 60 KB heredoc used over 2 GB).
TEST(Parser, LongHeredocIsMergedInLinearSpace) {
  std::string lines;
  for (int i = 0; i < 20000; ++i) lines += "ab\n";
  auto f = parse("a = <<EOT\n" + lines + "EOT\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].summary;
  const auto& t = as<TemplateExpr>(*attrExpr(f));
  ASSERT_EQ(t.parts.size(), 1u);
  EXPECT_EQ(as<LiteralExpr>(*t.parts[0].expr).value.text, lines);
  EXPECT_LT(f.arena->bytesAllocated(), 20 * lines.size());
}

// LineIndex::position stepped from the start of the line for every query,
// so dumping a long one-line file was quadratic (a 60 KB one-line tuple took
// 30 s). It now starts from a checkpoint; columns must be unchanged.
TEST(Parser, ColumnsOnLongLinesMatchAStepByStepCount) {
  std::string text = "\xEF\xBB\xBF" "a = [";
  for (int i = 0; i < 1500; ++i)
    text += i % 7 == 0 ? "\"\xF0\x9F\x98\x80\", " : i % 5 == 0 ? "\"\xC3\xA9\", " : "1, ";
  text += "\xE2\x82]\n b = \xF0\x9F\n c";
  LineIndex idx(text);
  for (uint32_t off = 0; off <= text.size(); off += off % 3 == 0 ? 1 : 7) {
    // Reference: step from the line start, as position() did for every query.
    size_t nl = text.rfind('\n', off == 0 ? 0 : off - 1);
    bool first_line = nl == std::string::npos || nl >= off;
    uint32_t start = first_line ? (off < 3 ? off : 3) : static_cast<uint32_t>(nl + 1);
    uint32_t line = 1;
    for (uint32_t i = 0; i < off; ++i) line += text[i] == '\n';
    uint32_t cp = 1, u16 = 1;
    for (uint32_t i = start; i < off;) {
      unsigned char b = static_cast<unsigned char>(text[i]);
      uint32_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
      if (i + len > off) len = off - i;
      cp += 1;
      u16 += len == 4 ? 2 : 1;
      i += len;
    }
    ASSERT_EQ(idx.position(off).line, line) << off;
    ASSERT_EQ(idx.position(off).column, cp) << off;
    ASSERT_EQ(idx.position(off, ColumnUnit::kUtf16).column, u16) << off;
    ASSERT_EQ(idx.position(off, ColumnUnit::kByte).column, off - start + 1) << off;
  }
}


TEST(Parser, ProviderFunctionNameIsJoinedParts) {
  auto f = parse("a = provider :: aws /* c */ :: arn_parse(x)\n");
  const Expr* e = attrExpr(f);
  ASSERT_EQ(e->kind, ExprKind::kCall);
  EXPECT_EQ(as<CallExpr>(*e).name, "provider::aws::arn_parse");
}

TEST(Parser, RecoveryLeavesTheBlockClosingBrace) {
  // The error must not pull the following block into this one.
  for (const char* text : {"a {\n  c = 1 2 }\nb {}\n", "a {\n  c = (1\n}\nb {}\n"}) {
    auto f = parse(text);
    ASSERT_FALSE(f.diagnostics.empty()) << text;
    for (const auto& d : f.diagnostics) EXPECT_NE(d.summary, "Unclosed configuration block") << text;
    ASSERT_EQ(f.body->items.size(), 2u) << text;
    EXPECT_EQ(static_cast<const Block*>(f.body->items[1])->type, "b") << text;
  }
}

TEST(Parser, StrayClosingBraceAtTopLevelIsSkipped) {
  auto f = parse("}\na = 1\n}}\nb = 2\n");
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.body->items.size(), 2u);
}

}  // namespace
}  // namespace tfguard::syntax
