#include <gtest/gtest.h>

#include "syntax/token.h"

namespace tfguard::syntax {
namespace {

std::vector<TokenType> types(std::string_view src, LexMode mode = LexMode::kConfig) {
  std::vector<TokenType> out;
  for (const Token& t : lex(src, mode)) out.push_back(t.type);
  return out;
}

using T = TokenType;

TEST(Lexer, NumbersFollowHclsyntax) {
  EXPECT_EQ(types("1e5"), (std::vector{T::kNumberLit, T::kEOF}));
  EXPECT_EQ(types("1."), (std::vector{T::kNumberLit, T::kDot, T::kEOF}));
  EXPECT_EQ(types("1.2.3"), (std::vector{T::kNumberLit, T::kEOF}));
  EXPECT_EQ(types("1e"), (std::vector{T::kNumberLit, T::kIdent, T::kEOF}));
  EXPECT_EQ(types("1..."), (std::vector{T::kNumberLit, T::kEllipsis, T::kEOF}));
}

TEST(Lexer, IdentifiersMayContainDashes) {
  auto toks = lex("foo-bar - 1", LexMode::kConfig);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[0].range.end, 7u);
  EXPECT_EQ(toks[1].type, T::kMinus);
}

TEST(Lexer, TemplateSequencesReturnOnTheirClosingBrace) {
  EXPECT_EQ(types("\"a${ {b = 1} }c\""),
            (std::vector{T::kOQuote, T::kQuotedLit, T::kTemplateInterp, T::kOBrace, T::kIdent,
                         T::kEqual, T::kNumberLit, T::kCBrace, T::kTemplateSeqEnd, T::kQuotedLit,
                         T::kCQuote, T::kEOF}));
}

TEST(Lexer, DollarAndPercentSplitLiteralTokens) {
  // As in hclsyntax: this decides whether x["a$b"] is an index or a step.
  EXPECT_EQ(types("\"a$b\""),
            (std::vector{T::kOQuote, T::kQuotedLit, T::kQuotedLit, T::kQuotedLit, T::kCQuote, T::kEOF}));
  EXPECT_EQ(types("\"$${x}\""),
            (std::vector{T::kOQuote, T::kQuotedLit, T::kQuotedLit, T::kCQuote, T::kEOF}));
}

TEST(Lexer, HeredocCloseMarkerThenNewline) {
  EXPECT_EQ(types("a = <<EOT\nx\n  EOT\n"),
            (std::vector{T::kIdent, T::kEqual, T::kOHeredoc, T::kStringLit, T::kCHeredoc,
                         T::kNewline, T::kEOF}));
  // Without a newline after the marker the heredoc never closes.
  EXPECT_EQ(types("a = <<EOT\nx\nEOT"),
            (std::vector{T::kIdent, T::kEqual, T::kOHeredoc, T::kStringLit, T::kStringLit, T::kEOF}));
}

TEST(Lexer, HeredocOpenerNeedsANewline) {
  EXPECT_EQ(types("[<<A, <<B]"), (std::vector{T::kOBrack, T::kLessThan, T::kLessThan, T::kIdent,
                                               T::kComma, T::kLessThan, T::kLessThan, T::kIdent,
                                               T::kCBrack, T::kEOF}));
}

TEST(Lexer, InvalidBytesBecomeTokens) {
  EXPECT_EQ(types(std::string_view("\xff", 1)), (std::vector{T::kBadUTF8, T::kEOF}));
  EXPECT_EQ(types(std::string_view("\0", 1)), (std::vector{T::kInvalid, T::kEOF}));
  EXPECT_EQ(types("\r"), (std::vector{T::kInvalid, T::kEOF}));
  EXPECT_EQ(types("a;"), (std::vector{T::kIdent, T::kSemicolon, T::kEOF}));
}

TEST(Lexer, CommentsKeepTheirNewline) {
  auto toks = lex("# x\na", LexMode::kConfig);
  ASSERT_EQ(toks[0].type, T::kComment);
  EXPECT_EQ(toks[0].range.end, 4u);
  EXPECT_EQ(types("/* x"), (std::vector{T::kSlash, T::kStar, T::kIdent, T::kEOF}));
}

TEST(Lexer, BareTemplateLinesAreTokens) {
  EXPECT_EQ(types("a\nb ${x}\n", LexMode::kTemplate),
            (std::vector{T::kStringLit, T::kStringLit, T::kTemplateInterp, T::kIdent,
                         T::kTemplateSeqEnd, T::kStringLit, T::kEOF}));
}

}  // namespace
}  // namespace tfguard::syntax
