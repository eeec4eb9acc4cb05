#pragma once
// The recursive-descent parser shared by parser.cc (structure and
// expressions) and parser_template.cc (templates). It follows hclsyntax's
// parser decision for decision, so that trees and first errors agree; it
// recovers further than hclsyntax (at the next body item) so users see every
// broken item, not just the first.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/parser.h"
#include "syntax/token.h"

namespace tfguard::syntax {
std::vector<Token>& tokenSpare();
}
namespace tfguard::syntax::detail {

/// A node list borrowed from a per-thread stack: lists nest (a tuple inside
/// a call inside a body), so each level takes the top of the stack and gives
/// it back, and building a node list costs no heap allocation. One list per
/// nesting level may be alive at a time, and a level may only push while the
/// lists of deeper levels are gone.
template <typename T>
class ScratchList {
 public:
  ScratchList() : stack_(pool()), base_(stack_.size()) {}
  ~ScratchList() { clear(); }
  ScratchList(const ScratchList&) = delete;
  ScratchList& operator=(const ScratchList&) = delete;

  void push_back(const T& v) { stack_.push_back(v); }
  size_t size() const { return stack_.size() - base_; }
  bool empty() const { return size() == 0; }
  // erase, not resize: resize's growth path keeps it from being inlined.
  void clear() { truncate(0); }
  void truncate(size_t n) { stack_.erase(stack_.begin() + static_cast<ptrdiff_t>(base_ + n), stack_.end()); }
  T& operator[](size_t i) { return stack_[base_ + i]; }
  std::span<T> items() { return {stack_.data() + base_, size()}; }
  std::span<T> copyTo(Arena& arena) const {
    return arena.copy(std::span<const T>(stack_.data() + base_, size()));
  }

 private:
  static std::vector<T>& pool() {
    thread_local std::vector<T> stack;
    return stack;
  }
  std::vector<T>& stack_;
  size_t base_;
};

class Parser {
 public:
  Parser(ParsedFile& file, std::string_view text, uint32_t base, std::vector<Token> tokens,
         ParseLimits limits);

  ~Parser();
  Body* parseFileBody();
  Expr* parseBareTemplate();
  /// One whole expression up to the end of the text (hclsyntax ParseExpression).
  Expr* parseStandaloneExpression();
  /// Adds the lexical errors hclsyntax reports before parsing (checkInvalidTokens).
  void checkInvalidTokens();
  void collectComments();

 private:

  // ---- peeker (hclsyntax peeker.go): comments and, where not significant, newlines are skipped
  // Fast path inline: the next token is usually significant as it stands.
  const Token& peek() {
    if (next_ < tokens_.size()) {
      const Token& t = tokens_[next_];
      if (t.type != TokenType::kComment && (t.type != TokenType::kNewline || include_newlines_.back()))
        return t;
    }
    return peekSlow();
  }
  const Token& peekSlow();
  Token read() {
    if (next_ < tokens_.size()) {
      const Token& t = tokens_[next_];
      if (t.type != TokenType::kComment && (t.type != TokenType::kNewline || include_newlines_.back())) {
        ++next_;
        return t;
      }
    }
    return readSlow();
  }
  Token readSlow();
  ByteRange nextRange() { return range(peek()); }
  ByteRange prevRange();
  void pushNewlines(bool include) { include_newlines_.push_back(include); }
  void popNewlines() { include_newlines_.pop_back(); }

  ByteRange range(const Token& t) const { return {t.range.begin + base_, t.range.end + base_}; }
  std::string_view text(const Token& t) const {
    return text_.substr(t.range.begin, t.range.size());
  }
  std::string_view text(ByteRange r) const { return text_.substr(r.begin - base_, r.size()); }

  // ---- diagnostics
  void error(std::string summary, std::string detail, ByteRange subject);
  void error(std::string summary, std::string detail, ByteRange subject, ByteRange context);
  size_t errorCount() const { return error_count_; }
  bool failedSince(size_t before) const { return error_count_ > before; }

  // ---- recovery (hclsyntax parser.go)
  Token recover(TokenType end);
  void recoverAfterBodyItem();
  static TokenType oppositeBracket(TokenType t);

  // ---- structure
  Body* parseBody(TokenType end);
  BodyItem* parseBodyItem();
  Body* parseSingleAttrBody();
  Attribute* finishAttribute(const Token& ident, bool single_line);
  Block* finishBlock(const Token& ident);
  std::string_view parseQuotedStringLiteral(ByteRange* out_range);

  // ---- expressions
  Expr* parseExpression();
  Expr* parseTernary();
  Expr* parseBinaryOps(int level);
  Expr* parseWithTraversals();
  Expr* parseTraversals(Expr* from);
  Expr* parseTerm();
  Expr* parseNumber(const Token& tok);
  Expr* finishCall(std::string_view name, ByteRange name_range);
  Expr* parseTuple();
  Expr* parseObject();
  Expr* finishFor(const Token& open);
  Expr* placeholder(ByteRange r);
  bool enterNesting(ByteRange where);
  void leaveNesting() { --depth_; }

  // ---- templates (parser_template.cc)
  /// Parses template parts up to `end`; the opening token has been read.
  Expr* parseTemplateBody(TokenType end, bool flush_heredoc, ByteRange open, bool heredoc,
                          bool* is_string_literal);
  /// hclsyntax ParseStringLiteralToken: decodes escapes, reporting bad ones.
  std::string_view decodeStringLiteral(const Token& tok, bool quoted);

  ParsedFile& file_;
  Arena& arena_;
  std::string_view text_;
  uint32_t base_;
  std::vector<Token> tokens_;
  size_t next_ = 0;
  std::vector<uint8_t> include_newlines_{1};
  bool recovery_ = false;
  size_t error_count_ = 0;
  int depth_ = 0;
  bool depth_reported_ = false;
  ParseLimits limits_;
  Token fake_newline_;
  // Whether the template parsed last was a plain string (hclsyntax
  // TemplateExpr.IsStringLiteral): then x["k"] is a traversal step.
  bool key_is_string_literal_ = false;
};

bool keywordIs(std::string_view text, std::string_view keyword);

}  // namespace tfguard::syntax::detail
