#pragma once
// Tokens of HCL native syntax, one per hclsyntax token type, so that the
// parser can follow hclsyntax's decisions token for token.
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/range.h"

namespace tfguard::syntax {

enum class TokenType : uint8_t {
  kOBrace, kCBrace, kOBrack, kCBrack, kOParen, kCParen,
  kOQuote, kCQuote, kOHeredoc, kCHeredoc,
  kStar, kSlash, kPlus, kMinus, kPercent,
  kEqual, kEqualOp, kNotEqual, kLessThan, kLessThanEq, kGreaterThan, kGreaterThanEq,
  kAnd, kOr, kBang, kDot, kComma, kEllipsis, kFatArrow, kQuestion, kColon,
  kDoubleColon,  // `::` of provider::ns::fn (Terraform >= 1.8)
  kTemplateInterp, kTemplateControl, kTemplateSeqEnd,
  kQuotedLit,  // literal text inside "...", may contain backslash escapes
  kStringLit,  // literal text of heredocs and bare templates, no backslash escapes
  kNumberLit, kIdent, kComment, kNewline, kEOF,
  // Recognised only to give good errors (never valid):
  kBitwiseAnd, kBitwiseOr, kBitwiseNot, kBitwiseXor, kApostrophe, kBacktick, kSemicolon,
  kInvalid, kBadUTF8, kQuotedNewline,
  kNil,  // placeholder, never produced
};

struct Token {
  TokenType type = TokenType::kNil;
  ByteRange range;
};

enum class LexMode { kConfig, kTemplate };

/// Splits src into tokens, ending with kEOF. Never fails: bytes that are not
/// part of the language become kInvalid / kBadUTF8 tokens.
std::vector<Token> lex(std::string_view src, LexMode mode);

/// A readable name for error messages and debugging.
std::string_view tokenTypeName(TokenType type);

}  // namespace tfguard::syntax
