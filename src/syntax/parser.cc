// Structure and expressions of HCL native syntax. Each function names the
// hclsyntax function it mirrors; comments explain where we deliberately
// differ (recovery, nesting limits, provider-defined functions).
#include "syntax/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include "syntax/parser_internal.h"

namespace tfguard::syntax {
namespace detail {

bool keywordIs(std::string_view text, std::string_view keyword) { return text == keyword; }

// Tree-depth cap of whole expressions (see exprTreeTooDeep below); also
// used by parseBareTemplate in parser_template.cc.
constexpr size_t kTreeDepthPerNesting = 5;
bool exprTreeTooDeep(const Expr* root, size_t arena_bytes, int max_nesting);
std::string treeTooDeepDetail(int max_nesting) {
  return fmt::format(
      "This expression is nested more than {} levels deep (counting operators and index "
      "steps); tfguard does not parse it, to stay within bounded memory.",
      kTreeDepthPerNesting * static_cast<size_t>(std::max(max_nesting, 1)));
}

Parser::Parser(ParsedFile& file, std::string_view text, uint32_t base, std::vector<Token> tokens,
               ParseLimits limits)
    : file_(file),
      arena_(*file.arena),
      text_(text),
      base_(base),
      tokens_(std::move(tokens)),
      limits_(limits) {}

Parser::~Parser() {
  if (tokens_.capacity() > tokenSpare().capacity()) tokenSpare() = std::move(tokens_);
}

// ------------------------------------------------------------------ peeker

const Token& Parser::peekSlow() {
  bool newlines = include_newlines_.back();
  for (size_t i = next_; i < tokens_.size(); ++i) {
    const Token& tok = tokens_[i];
    if (tok.type == TokenType::kComment) {
      // A line comment ends the line it is on: it stands in for the newline.
      if (newlines && tok.range.size() > 0 && text_[tok.range.end - 1] == '\n') {
        fake_newline_ = {TokenType::kNewline, tok.range};
        return fake_newline_;
      }
      continue;
    }
    if (tok.type == TokenType::kNewline && !newlines) continue;
    return tok;
  }
  return tokens_.back();
}

Token Parser::readSlow() {
  bool newlines = include_newlines_.back();
  for (size_t i = next_; i < tokens_.size(); ++i) {
    const Token& tok = tokens_[i];
    if (tok.type == TokenType::kComment) {
      if (newlines && tok.range.size() > 0 && text_[tok.range.end - 1] == '\n') {
        next_ = i + 1;
        return {TokenType::kNewline, tok.range};
      }
      continue;
    }
    if (tok.type == TokenType::kNewline && !newlines) continue;
    next_ = i + 1;
    return tok;
  }
  next_ = tokens_.size();
  return tokens_.back();
}

ByteRange Parser::prevRange() {
  if (next_ == 0) return nextRange();
  return range(tokens_[next_ - 1]);
}

// ------------------------------------------------------------- diagnostics

void Parser::error(std::string summary, std::string detail, ByteRange subject) {
  file_.diagnostics.push_back(
      {Severity::kError, std::move(summary), std::move(detail), subject, std::nullopt});
  ++error_count_;
}

void Parser::error(std::string summary, std::string detail, ByteRange subject,
                   ByteRange context) {
  file_.diagnostics.push_back(
      {Severity::kError, std::move(summary), std::move(detail), subject, context});
  ++error_count_;
}

void Parser::checkInvalidTokens() {
  int told_bitwise = 0, told_backtick = 0, told_apostrophe = 0, told_semicolon = 0,
      told_bad_utf8 = 0;
  for (const Token& tok : tokens_) {
    ByteRange r = range(tok);
    switch (tok.type) {
      case TokenType::kBitwiseAnd:
      case TokenType::kBitwiseOr:
      case TokenType::kBitwiseXor:
      case TokenType::kBitwiseNot:
        if (told_bitwise < 4) {
          std::string suggestion;
          if (tok.type == TokenType::kBitwiseAnd) suggestion = " Did you mean boolean AND (\"&&\")?";
          if (tok.type == TokenType::kBitwiseOr) suggestion = " Did you mean boolean OR (\"||\")?";
          if (tok.type == TokenType::kBitwiseNot) suggestion = " Did you mean boolean NOT (\"!\")?";
          error("Unsupported operator", "Bitwise operators are not supported." + suggestion, r);
          ++told_bitwise;
        }
        break;
      case TokenType::kBacktick:
        if (told_backtick % 2 == 0)
          error("Invalid character",
                "The \"`\" character is not valid. To create a multi-line string, use the "
                "\"heredoc\" syntax, like \"<<EOT\".",
                r);
        if (told_backtick <= 2) ++told_backtick;
        break;
      case TokenType::kApostrophe:
        if (told_apostrophe % 2 == 0)
          error("Invalid character",
                "Single quotes are not valid. Use double quotes (\") to enclose strings.", r);
        if (told_apostrophe <= 2) ++told_apostrophe;
        break;
      case TokenType::kSemicolon:
        if (told_semicolon < 1) {
          error("Invalid character",
                "The \";\" character is not valid. Use newlines to separate arguments and "
                "blocks, and commas to separate items in collection values.",
                r);
          ++told_semicolon;
        }
        break;
      case TokenType::kBadUTF8:
        if (told_bad_utf8 < 1) {
          error("Invalid character encoding",
                "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected "
                "in your editor.",
                r);
          ++told_bad_utf8;
        }
        break;
      case TokenType::kQuotedNewline:
        error("Invalid multi-line string",
              "Quoted strings may not be split over multiple lines. To produce a multi-line "
              "string, either use the \\n escape to represent a newline character or use the "
              "\"heredoc\" multi-line template syntax.",
              r);
        break;
      case TokenType::kInvalid: {
        std::string_view chars = text(tok);
        if (chars == "\u201C" || chars == "\u201D") {
          error("Invalid character",
                "\"Curly quotes\" are not valid here. These can sometimes be inadvertently "
                "introduced when sharing code via documents or discussion forums. It might help "
                "to replace the character with a \"straight quote\".",
                r);
        } else if (chars.size() == 1 && chars[0] == '\0') {
          error("Invalid character", "A NUL byte is not valid in a configuration file.", r);
        } else {
          error("Invalid character", "This character is not used within the language.", r);
        }
        break;
      }
      default:
        break;
    }
  }
}

void Parser::collectComments() {
  for (const Token& tok : tokens_) {
    if (tok.type != TokenType::kComment) continue;
    ByteRange r = range(tok);
    std::string_view t = text(tok);
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) {
      t.remove_suffix(1);
      --r.end;
    }
    file_.comments.push_back({r, t});
  }
}

// ---------------------------------------------------------------- recovery

TokenType Parser::oppositeBracket(TokenType t) {
  switch (t) {
    case TokenType::kOBrace: return TokenType::kCBrace;
    case TokenType::kOBrack: return TokenType::kCBrack;
    case TokenType::kOParen: return TokenType::kCParen;
    case TokenType::kOQuote: return TokenType::kCQuote;
    case TokenType::kOHeredoc: return TokenType::kCHeredoc;
    case TokenType::kCBrace: return TokenType::kOBrace;
    case TokenType::kCBrack: return TokenType::kOBrack;
    case TokenType::kCParen: return TokenType::kOParen;
    case TokenType::kCQuote: return TokenType::kOQuote;
    case TokenType::kCHeredoc: return TokenType::kOHeredoc;
    case TokenType::kTemplateControl: return TokenType::kTemplateSeqEnd;
    case TokenType::kTemplateInterp: return TokenType::kTemplateSeqEnd;
    case TokenType::kTemplateSeqEnd: return TokenType::kTemplateInterp;
    default: return TokenType::kNil;
  }
}

Token Parser::recover(TokenType end) {
  TokenType start = oppositeBracket(end);
  recovery_ = true;
  int nest = 0;
  for (;;) {
    Token tok = read();
    TokenType ty = tok.type;
    if (end == TokenType::kTemplateSeqEnd && ty == TokenType::kTemplateControl)
      ty = TokenType::kTemplateInterp;
    if (ty == start) {
      ++nest;
    } else if (ty == end) {
      if (nest < 1) return tok;
      --nest;
    } else if (ty == TokenType::kEOF) {
      return tok;
    }
  }
}

void Parser::recoverAfterBodyItem() {
  recovery_ = true;
  std::vector<TokenType> open;
  for (;;) {
    Token tok = read();
    switch (tok.type) {
      case TokenType::kNewline:
        if (open.empty()) return;
        break;
      case TokenType::kEOF:
        return;
      case TokenType::kOBrace: case TokenType::kOBrack: case TokenType::kOParen:
      case TokenType::kOQuote: case TokenType::kOHeredoc: case TokenType::kTemplateInterp:
      case TokenType::kTemplateControl:
        open.push_back(tok.type);
        break;
      case TokenType::kCBrace: case TokenType::kCBrack: case TokenType::kCParen:
      case TokenType::kCQuote: case TokenType::kCHeredoc: {
        if (tok.type == TokenType::kCBrace && open.empty()) {
          // Unlike hclsyntax, leave a brace that closes the enclosing block
          // (`c = 1 2 }`) for the block: skipping it would pull the items
          // after the block into it.
          next_ = next_ - 1;
          return;
        }
        TokenType opener = oppositeBracket(tok.type);
        while (!open.empty() && open.back() != opener) open.pop_back();
        if (!open.empty()) open.pop_back();
        break;
      }
      case TokenType::kTemplateSeqEnd:
        while (!open.empty() && open.back() != TokenType::kTemplateInterp &&
               open.back() != TokenType::kTemplateControl)
          open.pop_back();
        if (!open.empty()) open.pop_back();
        break;
      default:
        break;
    }
  }
}

bool Parser::enterNesting(ByteRange where) {
  if (++depth_ <= limits_.max_nesting) return true;
  if (!depth_reported_) {
    error("Nesting too deep",
          fmt::format("This configuration nests blocks or expressions more than {} levels "
                      "deep; tfguard stops parsing here to stay within bounded memory.",
                      limits_.max_nesting),
          where);
    depth_reported_ = true;
  }
  recovery_ = true;
  --depth_;
  return false;
}

// --------------------------------------------------------------- structure

namespace {

// Attribute names seen in one body, to report redefinitions. Most bodies
// have a handful of attributes: a linear scan without allocation; a hash
// map only for large ones (a generated file may have a million).
class AttributeNames {
 public:
  /// Returns the first definition's range if `name` was seen, else records it.
  const ByteRange* insert(std::string_view name, ByteRange range) {
    if (map_.empty()) {
      for (size_t i = 0; i < small_count_; ++i)
        if (small_[i].first == name) return &small_[i].second;
      if (small_count_ < kSmall) {
        small_[small_count_++] = {name, range};
        return nullptr;
      }
      map_.insert(small_.begin(), small_.end());
    }
    auto [it, inserted] = map_.emplace(name, range);
    return inserted ? nullptr : &it->second;
  }

 private:
  static constexpr size_t kSmall = 32;
  std::array<std::pair<std::string_view, ByteRange>, kSmall> small_;
  size_t small_count_ = 0;
  std::unordered_map<std::string_view, ByteRange> map_;
};

}  // namespace

Body* Parser::parseFileBody() { return parseBody(TokenType::kEOF); }

Body* Parser::parseBody(TokenType end) {
  ScratchList<BodyItem*> items;
  AttributeNames attr_names;
  ByteRange start_range = prevRange();
  ByteRange end_range;
  for (;;) {
    const Token& next = peek();
    if (next.type == end) {
      end_range = nextRange();
      read();
      break;
    }
    if (next.type == TokenType::kNewline) {
      read();
      continue;
    }
    if (next.type == TokenType::kIdent) {
      // Unlike hclsyntax, every body item starts afresh: after an error we
      // resynchronised at a newline, so later errors are real ones.
      recovery_ = false;
      BodyItem* item = parseBodyItem();
      if (item == nullptr) continue;
      if (item->kind == BodyItemKind::kAttribute) {
        auto* attr = static_cast<Attribute*>(item);
        if (const ByteRange* first = attr_names.insert(attr->name, attr->name_range)) {
          auto pos = file_.source->lines().position(first->begin);
          error("Attribute redefined",
                fmt::format("The argument \"{}\" was already set at {}:{},{}. Each argument may "
                            "be set only once.",
                            attr->name, file_.source->path(), pos.line, pos.column),
                attr->name_range);
          continue;
        }
      }
      items.push_back(item);
      continue;
    }
    Token bad = read();
    if (!recovery_) {
      if (bad.type == TokenType::kOQuote) {
        error("Invalid argument name", "Argument names must not be quoted.", range(bad));
      } else if (bad.type == TokenType::kEOF) {
        // Only a block body gets here: the file body ends at EOF.
        error("Unclosed configuration block",
              "There is no closing brace for this block before the end of the file. This may "
              "be caused by incorrect brace nesting elsewhere in this file.",
              start_range);
      } else {
        error("Argument or block definition required",
              "An argument or block definition is required here.", range(bad));
      }
    }
    end_range = prevRange();
    if (bad.type == TokenType::kEOF) break;
    // hclsyntax skips the rest of the body; we skip only this line. A stray
    // `}` (here only at the top level) is consumed already.
    if (bad.type != TokenType::kNewline && bad.type != TokenType::kCBrace) {
      next_ = next_ - 1;
      recoverAfterBodyItem();
    }
  }
  Body* body = arena_.make<Body>();
  body->range = rangeBetween(start_range, end_range);
  body->items = items.copyTo(arena_);
  return body;
}

BodyItem* Parser::parseBodyItem() {
  Token ident = read();
  const Token& next = peek();
  switch (next.type) {
    case TokenType::kEqual:
      return finishAttribute(ident, false);
    case TokenType::kOQuote:
    case TokenType::kOBrace:
    case TokenType::kIdent:
      return finishBlock(ident);
    default:
      recoverAfterBodyItem();
      error("Argument or block definition required",
            "An argument or block definition is required here. To set an argument, use the "
            "equals sign \"=\" to introduce the argument value.",
            range(ident));
      return nullptr;
  }
}

Attribute* Parser::finishAttribute(const Token& ident, bool single_line) {
  Token eq = read();
  size_t before = errorCount();
  ByteRange end_range;
  size_t arena_before = arena_.bytesAllocated();
  Expr* expr = parseExpression();
  if (exprTreeTooDeep(expr, arena_.bytesAllocated() - arena_before, limits_.max_nesting)) {
    if (!depth_reported_) error("Nesting too deep", treeTooDeepDetail(limits_.max_nesting), expr->range);
    depth_reported_ = true;
    expr = placeholder(expr->range);
  }
  if (recovery_ && failedSince(before)) {
    end_range = prevRange();
    recoverAfterBodyItem();
  } else {
    end_range = prevRange();
    if (!single_line) {
      const Token& end = peek();
      if (end.type != TokenType::kNewline && end.type != TokenType::kEOF) {
        if (!recovery_) {
          std::string summary = "Missing newline after argument";
          std::string detail = "An argument definition must end with a newline.";
          if (end.type == TokenType::kComma) {
            summary = "Unexpected comma after argument";
            detail = "Argument definitions must be separated by newlines, not commas. " + detail;
          }
          error(summary, detail, range(end), rangeBetween(range(ident), range(end)));
        }
        end_range = prevRange();
        recoverAfterBodyItem();
      } else {
        end_range = prevRange();
        read();
      }
    }
  }
  auto* attr = arena_.make<Attribute>();
  attr->kind = BodyItemKind::kAttribute;
  attr->range = rangeBetween(range(ident), end_range);
  attr->name = text(ident);
  attr->name_range = range(ident);
  attr->equals_range = range(eq);
  attr->expr = expr;
  return attr;
}

Body* Parser::parseSingleAttrBody() {
  Token ident = read();
  if (ident.type != TokenType::kIdent) {
    recoverAfterBodyItem();
    error("Argument or block definition required",
          "An argument or block definition is required here.", range(ident));
    return nullptr;
  }
  const Token& next = peek();
  switch (next.type) {
    case TokenType::kEqual: {
      Attribute* attr = finishAttribute(ident, true);
      Body* body = arena_.make<Body>();
      body->range = attr->range;
      BodyItem* item = attr;
      body->items = arena_.copy(std::vector<BodyItem*>{item});
      return body;
    }
    case TokenType::kOQuote:
    case TokenType::kOBrace:
    case TokenType::kIdent: {
      ByteRange r = rangeBetween(range(ident), range(next));
      recoverAfterBodyItem();
      error("Argument definition required",
            fmt::format("A single-line block definition can contain only a single argument. If "
                        "you meant to define argument \"{}\", use an equals sign to assign it a "
                        "value. To define a nested block, place it on a line of its own within "
                        "its parent block.",
                        text(ident)),
            r);
      return nullptr;
    }
    default:
      recoverAfterBodyItem();
      error("Argument or block definition required",
            "An argument or block definition is required here. To set an argument, use the "
            "equals sign \"=\" to introduce the argument value.",
            range(ident));
      return nullptr;
  }
}

Block* Parser::finishBlock(const Token& ident) {
  ScratchList<BlockLabel> labels;
  Token obrace;
  auto makeBlock = [&](Body* body, ByteRange open, ByteRange close) {
    auto* block = arena_.make<Block>();
    block->kind = BodyItemKind::kBlock;
    block->type = text(ident);
    block->type_range = range(ident);
    block->labels = labels.copyTo(arena_);
    block->open_brace = open;
    block->close_brace = close;
    if (body == nullptr) {
      body = arena_.make<Body>();
      body->range = rangeBetween(open, close);
    }
    block->body = body;
    block->range = rangeBetween(range(ident), close);
    return block;
  };
  for (;;) {
    const Token& tok = peek();
    if (tok.type == TokenType::kOBrace) {
      obrace = read();
      break;
    }
    if (tok.type == TokenType::kOQuote) {
      ByteRange label_range;
      std::string_view value = parseQuotedStringLiteral(&label_range);
      labels.push_back({value, label_range, true});
      continue;
    }
    if (tok.type == TokenType::kIdent) {
      Token t = read();
      labels.push_back({text(t), range(t), false});
      continue;
    }
    ByteRange context = rangeBetween(range(ident), range(tok));
    if (tok.type == TokenType::kEqual) {
      error("Invalid block definition",
            "The equals sign \"=\" indicates an argument definition, and must not be used when "
            "defining a block.",
            range(tok), context);
    } else if (tok.type == TokenType::kNewline) {
      error("Invalid block definition",
            "A block definition must have block content delimited by \"{\" and \"}\", starting "
            "on the same line as the block header.",
            range(tok), context);
    } else if (!recovery_) {
      error("Invalid block definition",
            "Either a quoted string block label or an opening brace (\"{\") is expected here.",
            range(tok), context);
    }
    recoverAfterBodyItem();
    Body* body = arena_.make<Body>();
    body->range = range(ident);
    return makeBlock(body, range(ident), range(ident));
  }

  if (!enterNesting(range(obrace))) {
    recover(TokenType::kCBrace);
    return makeBlock(nullptr, range(obrace), prevRange());
  }
  Body* body = nullptr;
  switch (peek().type) {
    case TokenType::kNewline:
    case TokenType::kEOF:
    case TokenType::kCBrace:
      body = parseBody(TokenType::kCBrace);
      break;
    default: {
      // Special one-line, single-attribute block: `a { b = 1 }`.
      body = parseSingleAttrBody();
      const Token& after = peek();
      if (after.type == TokenType::kCBrace) {
        read();
      } else if (after.type == TokenType::kComma) {
        error("Invalid single-argument block definition",
              "Single-line block syntax can include only one argument definition. To define "
              "multiple arguments, use the multi-line block syntax with one argument definition "
              "per line.",
              range(after));
        recover(TokenType::kCBrace);
      } else if (after.type == TokenType::kNewline) {
        error("Invalid single-argument block definition",
              "An argument definition on the same line as its containing block creates a "
              "single-line block definition, which must also be closed on the same line. Place "
              "the block's closing brace immediately after the argument definition.",
              range(after));
        recover(TokenType::kCBrace);
      } else {
        if (!recovery_) {
          if (after.type == TokenType::kEOF) {
            error("Unclosed configuration block",
                  "There is no closing brace for this block before the end of the file. This may "
                  "be caused by incorrect brace nesting elsewhere in this file.",
                  range(obrace), rangeBetween(range(ident), range(obrace)));
          } else {
            error("Invalid single-argument block definition",
                  "A single-line block definition must end with a closing brace immediately "
                  "after its single argument definition.",
                  range(after));
          }
        }
        recover(TokenType::kCBrace);
      }
      if (body != nullptr) {
        // The body of a one-line block spans its braces, like any block body.
        body->range = rangeBetween(range(obrace), prevRange());
      }
      break;
    }
  }
  leaveNesting();
  ByteRange cbrace = prevRange();
  const Token& eol = peek();
  if (eol.type == TokenType::kNewline || eol.type == TokenType::kEOF) {
    read();
  } else {
    if (!recovery_) {
      error("Missing newline after block definition", "A block definition must end with a newline.",
            range(eol), rangeBetween(range(ident), range(eol)));
    }
    recoverAfterBodyItem();
  }
  return makeBlock(body, range(obrace), cbrace);
}

std::string_view Parser::parseQuotedStringLiteral(ByteRange* out_range) {
  Token oquote = read();
  // The common label "name" is one literal token: its value needs no copy.
  if (tokens_[next_].type == TokenType::kQuotedLit && tokens_[next_ + 1].type == TokenType::kCQuote) {
    std::string_view value = decodeStringLiteral(read(), /*quoted=*/true);
    *out_range = rangeBetween(range(oquote), range(read()));
    return value;
  }
  std::string value;
  ByteRange end_range;
  for (;;) {
    Token tok = read();
    if (tok.type == TokenType::kCQuote) {
      end_range = range(tok);
      break;
    }
    if (tok.type == TokenType::kQuotedLit) {
      value += decodeStringLiteral(tok, /*quoted=*/true);
      continue;
    }
    if (tok.type == TokenType::kTemplateControl || tok.type == TokenType::kTemplateInterp) {
      std::string which = tok.type == TokenType::kTemplateControl ? "%" : "$";
      error("Invalid string literal",
            fmt::format("Template sequences are not allowed in this string. To include a literal "
                        "\"{0}\", double it (as \"{0}{0}\") to escape it.",
                        which),
            range(tok), rangeBetween(range(oquote), range(tok)));
      value += which + "{ ... }";
      recover(TokenType::kTemplateSeqEnd);
      continue;
    }
    if (tok.type == TokenType::kEOF) {
      error("Unterminated string literal",
            "Unable to find the closing quote mark before the end of the file.", range(tok),
            rangeBetween(range(oquote), range(tok)));
      end_range = range(tok);
      break;
    }
    error("Invalid string literal", "This item is not valid in a string literal.", range(tok),
          rangeBetween(range(oquote), range(tok)));
    recover(TokenType::kCQuote);
    end_range = range(tok);
    break;
  }
  *out_range = rangeBetween(range(oquote), end_range);
  return arena_.copy(value);
}

// ------------------------------------------------------------- expressions

// The nesting limit bounds the parser's recursion, but not quite the depth
// of the trees it builds: an operand is parsed (and its nesting released)
// before the operators or index steps that will sit on top of it are seen,
// so (((a[x][x]...)[x][x]...)[x][x]...) stacks chain upon chain. Whole
// attribute values and templates are therefore also checked against
// kTreeDepthPerNesting * max_nesting, so that recursive consumers of the AST
// (the JSON dumper, the evaluator) stay within their stack. Only expressions
// with that many nodes can be that deep: smaller ones are not walked.
bool exprTreeTooDeep(const Expr* root, size_t arena_bytes, int max_nesting) {
  const size_t max_depth = kTreeDepthPerNesting * static_cast<size_t>(std::max(max_nesting, 1));
  if (root == nullptr || arena_bytes / sizeof(Expr) <= max_depth) return false;
  std::vector<std::pair<const Expr*, size_t>> stack{{root, 1}};
  auto push = [&](const Expr* e, size_t depth) {
    if (e != nullptr) stack.push_back({e, depth});
  };
  while (!stack.empty()) {
    auto [e, depth] = stack.back();
    stack.pop_back();
    if (depth > max_depth) return true;
    size_t d = depth + 1;
    auto parts = [&](std::span<const TemplatePart> ps) {
      for (const TemplatePart& p : ps) push(p.expr, d);
    };
    switch (e->kind) {
      case ExprKind::kLiteral:
      case ExprKind::kScopeTraversal:
      case ExprKind::kSplatItem: break;
      case ExprKind::kTemplate: parts(as<TemplateExpr>(*e).parts); break;
      case ExprKind::kTemplateWrap: push(as<TemplateWrapExpr>(*e).wrapped, d); break;
      case ExprKind::kTemplateIf: {
        const auto& t = as<TemplateIfExpr>(*e);
        push(t.cond, d);
        parts(t.then_parts);
        parts(t.else_parts);
        break;
      }
      case ExprKind::kTemplateFor: {
        const auto& t = as<TemplateForExpr>(*e);
        push(t.coll, d);
        parts(t.body);
        break;
      }
      case ExprKind::kRelativeTraversal: push(as<RelativeTraversalExpr>(*e).source, d); break;
      case ExprKind::kIndex:
        push(as<IndexExpr>(*e).collection, d);
        push(as<IndexExpr>(*e).key, d);
        break;
      case ExprKind::kCall:
        for (const Expr* a : as<CallExpr>(*e).args) push(a, d);
        break;
      case ExprKind::kBinary:
        push(as<BinaryExpr>(*e).lhs, d);
        push(as<BinaryExpr>(*e).rhs, d);
        break;
      case ExprKind::kUnary: push(as<UnaryExpr>(*e).operand, d); break;
      case ExprKind::kConditional: {
        const auto& t = as<ConditionalExpr>(*e);
        push(t.cond, d);
        push(t.if_true, d);
        push(t.if_false, d);
        break;
      }
      case ExprKind::kParens: push(as<ParensExpr>(*e).inner, d); break;
      case ExprKind::kTuple:
        for (const Expr* item : as<TupleExpr>(*e).items) push(item, d);
        break;
      case ExprKind::kObject:
        for (const ObjectItem& item : as<ObjectExpr>(*e).items) {
          push(item.key, d);
          push(item.value, d);
        }
        break;
      case ExprKind::kObjectKey: push(as<ObjectKeyExpr>(*e).wrapped, d); break;
      case ExprKind::kFor: {
        const auto& t = as<ForExpr>(*e);
        push(t.coll, d);
        push(t.key, d);
        push(t.value, d);
        push(t.cond, d);
        break;
      }
      case ExprKind::kSplat:
        push(as<SplatExpr>(*e).source, d);
        push(as<SplatExpr>(*e).each, d);
        break;
    }
  }
  return false;
}

Expr* Parser::placeholder(ByteRange r) {
  auto* lit = arena_.make<LiteralExpr>();
  lit->kind = ExprKind::kLiteral;
  lit->range = r;
  lit->value.type = LiteralType::kUnknown;
  return lit;
}

Expr* Parser::parseExpression() {
  if (!enterNesting(nextRange())) {
    ByteRange r = nextRange();
    return placeholder(r);
  }
  Expr* e = parseTernary();
  leaveNesting();
  return e;
}

Expr* Parser::parseStandaloneExpression() {
  pushNewlines(false);
  size_t before = errorCount();
  size_t arena_before = arena_.bytesAllocated();
  Expr* expr = parseExpression();
  if (exprTreeTooDeep(expr, arena_.bytesAllocated() - arena_before, limits_.max_nesting)) {
    if (!depth_reported_)
      error("Nesting too deep", treeTooDeepDetail(limits_.max_nesting), expr->range);
    depth_reported_ = true;
    expr = placeholder(expr->range);
  }
  const Token& next = peek();
  if (next.type != TokenType::kEOF && !failedSince(before)) {
    error("Extra characters after expression",
          "An expression was successfully parsed, but extra characters were found after it.",
          range(next));
  }
  popNewlines();
  return expr;
}

Expr* Parser::parseTernary() {
  ByteRange start = nextRange();
  size_t before = errorCount();
  Expr* cond = parseBinaryOps(0);
  if (recovery_ && failedSince(before)) return cond;
  if (peek().type != TokenType::kQuestion) return cond;
  read();
  before = errorCount();
  Expr* if_true = parseExpression();
  if (recovery_ && failedSince(before)) return cond;
  const Token& colon = peek();
  if (colon.type != TokenType::kColon) {
    error("Missing false expression in conditional",
          "The conditional operator (...?...:...) requires a false expression, delimited by a "
          "colon.",
          range(colon), rangeBetween(start, range(colon)));
    return cond;
  }
  read();
  before = errorCount();
  Expr* if_false = parseExpression();
  if (recovery_ && failedSince(before)) return cond;
  auto* e = arena_.make<ConditionalExpr>();
  e->kind = ExprKind::kConditional;
  e->range = rangeBetween(start, if_false->range);
  e->cond = cond;
  e->if_true = if_true;
  e->if_false = if_false;
  return e;
}

namespace {

// hclsyntax's binaryOps table: index = precedence level, lowest first.
int operatorLevel(TokenType t, BinaryOp* op) {
  switch (t) {
    case TokenType::kOr: *op = BinaryOp::kOr; return 0;
    case TokenType::kAnd: *op = BinaryOp::kAnd; return 1;
    case TokenType::kEqualOp: *op = BinaryOp::kEq; return 2;
    case TokenType::kNotEqual: *op = BinaryOp::kNe; return 2;
    case TokenType::kGreaterThan: *op = BinaryOp::kGt; return 3;
    case TokenType::kGreaterThanEq: *op = BinaryOp::kGe; return 3;
    case TokenType::kLessThan: *op = BinaryOp::kLt; return 3;
    case TokenType::kLessThanEq: *op = BinaryOp::kLe; return 3;
    case TokenType::kPlus: *op = BinaryOp::kAdd; return 4;
    case TokenType::kMinus: *op = BinaryOp::kSub; return 4;
    case TokenType::kStar: *op = BinaryOp::kMul; return 5;
    case TokenType::kSlash: *op = BinaryOp::kDiv; return 5;
    case TokenType::kPercent: *op = BinaryOp::kMod; return 5;
    default: return -1;
  }
}
constexpr int kOperatorLevels = 6;

}  // namespace

// Equivalent to hclsyntax's one-call-per-level recursion (level L parses
// level L+1 operands joined by level-L operators), unrolled: the operand is
// parsed once and the operator after it is looked up once, instead of six
// nested calls that each peek at the same token.
Expr* Parser::parseBinaryOps(int level) {
  if (level == kOperatorLevels) return parseWithTraversals();
  size_t before = errorCount();
  Expr* lhs = parseWithTraversals();
  if (recovery_ && failedSince(before)) return lhs;
  auto combine = [&](Expr* l, BinaryOp o, Expr* r) {
    auto* b = arena_.make<BinaryExpr>();
    b->kind = ExprKind::kBinary;
    b->range = rangeBetween(l->range, r->range);
    b->op = o;
    b->lhs = l;
    b->rhs = r;
    return b;
  };
  BinaryOp next_op{};
  int next_level = operatorLevel(peek().type, &next_op);
  for (int l = kOperatorLevels - 1; l >= level; --l) {
    if (next_level != l) continue;
    // The loop of level l, with lhs the result of level l+1.
    int held = 0;
    Expr* rhs = nullptr;
    bool have_op = false;
    BinaryOp op{};
    bool failed = false;
    for (;;) {
      if (next_level != l) break;
      if (!enterNesting(nextRange())) break;
      ++held;
      if (have_op) lhs = combine(lhs, op, rhs);
      op = next_op;
      have_op = true;
      read();
      size_t before_rhs = errorCount();
      rhs = parseBinaryOps(l + 1);
      if (recovery_ && failedSince(before_rhs)) {
        failed = true;
        break;
      }
      next_level = operatorLevel(peek().type, &next_op);
    }
    depth_ -= held;
    if (failed) return lhs;  // and every outer level returns it too
    if (have_op) lhs = combine(lhs, op, rhs);
  }
  return lhs;
}
Expr* Parser::parseWithTraversals() { return parseTraversals(parseTerm()); }

namespace {

// Traversal steps accumulate on the expression being built (hclsyntax's
// makeRelativeTraversal extends a traversal in place); they are copied to
// the arena once the traversal is complete.
class TraversalBuilder {
 public:
  TraversalBuilder(Arena& arena, Expr* from) : arena_(arena), current_(from) {
    if (from->kind == ExprKind::kScopeTraversal) building_ = from;
  }

  void addStep(const TraversalStep& step) {
    if (building_ != current_) {
      finish();
      auto* rel = arena_.make<RelativeTraversalExpr>();
      rel->kind = ExprKind::kRelativeTraversal;
      rel->range = current_->range;
      rel->source = current_;
      current_ = building_ = rel;
    }
    steps_.push_back(step);
    current_->range = rangeBetween(current_->range, step.range);
  }

  /// Completes the pending traversal and returns the current expression.
  Expr* finish() {
    if (building_ != nullptr && !steps_.empty()) {
      auto span = steps_.copyTo(arena_);
      if (building_->kind == ExprKind::kScopeTraversal) {
        static_cast<ScopeTraversalExpr*>(building_)->steps = span;
      } else {
        static_cast<RelativeTraversalExpr*>(building_)->steps = span;
      }
    }
    steps_.clear();
    building_ = nullptr;
    return current_;
  }

  void replace(Expr* e) {
    finish();
    current_ = e;
  }
  Expr* current() const { return current_; }
  /// Whether the next step starts a new RelativeTraversalExpr around the current one.
  bool wraps() const { return building_ != current_; }

 private:
  Arena& arena_;
  Expr* current_;
  Expr* building_ = nullptr;
  ScratchList<TraversalStep> steps_;
};

TraversalStep attrStep(std::string_view name, ByteRange r) {
  return {StepKind::kAttr, false, r, name, {}};
}
TraversalStep indexStep(LiteralValue key, ByteRange r, bool legacy_dot) {
  return {StepKind::kIndex, legacy_dot, r, {}, key};
}

}  // namespace

Expr* Parser::parseTraversals(Expr* from) {
  TraversalBuilder ret(arena_, from);
  // Every node that wraps the expression built so far (index, splat, a new
  // relative traversal) nests the tree one level deeper: it counts against
  // the nesting limit until the traversal ends, so that a[x][x][x]... or
  // a[*][*][*]... can neither overflow this recursion nor build a tree too
  // deep for recursive consumers of the AST.
  int held = 0;
  auto deeper = [&](ByteRange where) {
    if (!enterNesting(where)) return false;
    ++held;
    return true;
  };
  for (;;) {
    const Token& next = peek();
    if (next.type == TokenType::kDot) {
      Token dot = read();
      if ((ret.wraps() || peek().type == TokenType::kStar) && !deeper(range(dot))) break;
      const Token& attr_tok = peek();
      if (attr_tok.type == TokenType::kIdent) {
        Token t = read();
        ret.addStep(attrStep(text(t), rangeBetween(range(dot), range(t))));
      } else if (attr_tok.type == TokenType::kNumberLit) {
        // Legacy index syntax from HIL: foo.0 means foo[0].
        Token num = read();
        std::string_view digits = text(num);
        ByteRange r = rangeBetween(range(dot), range(num));
        if (size_t d = digits.find('.'); d != std::string_view::npos) {
          error("Invalid legacy index syntax",
                fmt::format("When using the legacy index syntax, chaining two indexes together is "
                            "not permitted. Use the proper index syntax instead, like [{}][{}].",
                            digits.substr(0, d), digits.substr(d + 1)),
                range(num));
          ret.addStep(indexStep({LiteralType::kUnknown, false, {}}, r, true));
          continue;
        }
        Expr* lit = parseNumber(num);
        ret.addStep(indexStep(static_cast<LiteralExpr*>(lit)->value, r, true));
      } else if (attr_tok.type == TokenType::kStar) {
        // Attribute-only splat `.*`: takes only following .name and .N steps.
        Token marker = read();
        std::vector<TraversalStep> steps;
        ByteRange first_range = nextRange();
        ByteRange last_range = range(marker);
        bool aborted = false;
        while (peek().type == TokenType::kDot) {
          Token inner_dot = read();
          if (peek().type == TokenType::kNumberLit) {
            Token num = read();
            std::string_view digits = text(num);
            ByteRange r = rangeBetween(range(inner_dot), range(num));
            if (size_t d = digits.find('.'); d != std::string_view::npos) {
              error("Invalid legacy index syntax",
                    fmt::format("When using the legacy index syntax, chaining two indexes "
                                "together is not permitted. Use the proper index syntax with a "
                                "full splat expression [*] instead, like [{}][{}].",
                                digits.substr(0, d), digits.substr(d + 1)),
                    range(num));
              steps.push_back(indexStep({LiteralType::kUnknown, false, {}}, r, true));
            } else {
              Expr* lit = parseNumber(num);
              steps.push_back(indexStep(static_cast<LiteralExpr*>(lit)->value, r, true));
            }
            last_range = range(num);
            continue;
          }
          if (peek().type != TokenType::kIdent) {
            if (!recovery_) {
              if (peek().type == TokenType::kStar) {
                error("Nested splat expression not allowed",
                      "A splat expression (*) cannot be used inside another attribute-only "
                      "splat expression.",
                      nextRange());
              } else {
                error("Invalid attribute name", "An attribute name is required after a dot.",
                      range(attr_tok));
              }
            }
            recovery_ = true;
            aborted = true;
            break;
          }
          Token name = read();
          steps.push_back(attrStep(text(name), rangeBetween(range(inner_dot), range(name))));
          last_range = range(name);
        }
        if (aborted) continue;  // as hclsyntax: the splat is dropped
        auto* item = arena_.make<SplatItemExpr>();
        item->kind = ExprKind::kSplatItem;
        item->range = rangeBetween(range(dot), range(marker));
        Expr* each = item;
        if (!steps.empty()) {
          auto* rel = arena_.make<RelativeTraversalExpr>();
          rel->kind = ExprKind::kRelativeTraversal;
          rel->range = rangeBetween(first_range, last_range);
          rel->source = item;
          rel->steps = arena_.copy(steps);
          each = rel;
        }
        auto* splat = arena_.make<SplatExpr>();
        splat->kind = ExprKind::kSplat;
        splat->style = SplatStyle::kAttr;
        splat->source = ret.finish();
        splat->range = rangeBetween(from->range, last_range);
        splat->marker = rangeBetween(range(dot), range(marker));
        splat->each = each;
        ret.replace(splat);
      } else {
        error("Invalid attribute name", "An attribute name is required after a dot.",
              range(attr_tok));
        recovery_ = true;
      }
      continue;
    }
    if (next.type == TokenType::kOBrack) {
      Token open = read();
      if (peek().type == TokenType::kStar) {
        // Full splat [*]: consumes every following traversal step.
        if (!deeper(range(open))) break;
        read();
        Token close = read();
        if (close.type != TokenType::kCBrack && !recovery_) {
          // hclsyntax reports at the token recovery stops at (its subject
          // pointer aliases the reassigned variable); so do we, to agree.
          close = recover(TokenType::kCBrack);
          error("Missing close bracket on splat index",
                "The star for a full splat operator must be immediately followed by a closing "
                "bracket (\"]\").",
                range(close));
        }
        auto* item = arena_.make<SplatItemExpr>();
        item->kind = ExprKind::kSplatItem;
        item->range = rangeBetween(range(open), range(close));
        Expr* each = parseTraversals(item);
        auto* splat = arena_.make<SplatExpr>();
        splat->kind = ExprKind::kSplat;
        splat->style = SplatStyle::kFull;
        splat->source = ret.finish();
        splat->range = rangeBetween(from->range, each->range);
        splat->marker = rangeBetween(range(open), range(close));
        splat->each = each;
        ret.replace(splat);
        continue;
      }
      Token close;
      pushNewlines(false);
      size_t before = errorCount();
      Expr* key = parseExpression();
      if (recovery_ && failedSince(before)) {
        close = recover(TokenType::kCBrack);
      } else {
        close = read();
        if (close.type != TokenType::kCBrack && !recovery_) {
          close = recover(TokenType::kCBrack);  // reported there, as in hclsyntax
          error("Missing close bracket on index",
                "The index operator must end with a closing bracket (\"]\").", range(close));
        }
      }
      popNewlines();
      ByteRange r = rangeBetween(range(open), range(close));
      bool step = key->kind == ExprKind::kLiteral ||
                  (key->kind == ExprKind::kTemplate && key_is_string_literal_);
      if ((!step || ret.wraps()) && !deeper(r)) break;
      if (key->kind == ExprKind::kLiteral) {
        ret.addStep(indexStep(static_cast<LiteralExpr*>(key)->value, r, false));
      } else if (key->kind == ExprKind::kTemplate && key_is_string_literal_) {
        auto* t = static_cast<TemplateExpr*>(key);
        LiteralValue v{LiteralType::kString, false, {}};
        if (!t->parts.empty()) v = static_cast<LiteralExpr*>(t->parts[0].expr)->value;
        ret.addStep(indexStep(v, r, false));
      } else {
        auto* idx = arena_.make<IndexExpr>();
        idx->kind = ExprKind::kIndex;
        idx->collection = ret.finish();
        idx->key = key;
        idx->range = rangeBetween(from->range, r);
        idx->bracket_range = r;
        ret.replace(idx);
      }
      continue;
    }
    break;
  }
  depth_ -= held;
  return ret.finish();
}

Expr* Parser::parseNumber(const Token& tok) {
  std::string_view digits = text(tok);
  // cty.ParseNumberVal accepts digits ('.' digits*)? ([eE] [+-]? digits)?
  size_t i = 0;
  while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') ++i;
  if (i < digits.size() && digits[i] == '.') {
    ++i;
    while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') ++i;
  }
  if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
    ++i;
    if (i < digits.size() && (digits[i] == '+' || digits[i] == '-')) ++i;
    size_t exp_start = i;
    while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') ++i;
    if (i == exp_start) i = 0;
  }
  auto* lit = arena_.make<LiteralExpr>();
  lit->kind = ExprKind::kLiteral;
  lit->range = range(tok);
  if (i != digits.size()) {
    error("Invalid number literal", "Failed to recognize the value of this number literal.",
          range(tok));
    lit->value = {LiteralType::kUnknown, false, {}};
    return lit;
  }
  lit->value = {LiteralType::kNumber, false, digits};
  return lit;
}

Expr* Parser::parseTerm() {
  const Token& start = peek();
  switch (start.type) {
    case TokenType::kOParen: {
      Token oparen = read();
      pushNewlines(false);
      size_t before = errorCount();
      Expr* inner = parseExpression();
      if (failedSince(before)) {
        recover(TokenType::kCParen);
        popNewlines();
        return inner;
      }
      const Token& close = peek();
      ByteRange cparen_range;
      if (close.type != TokenType::kCParen) {
        error("Unbalanced parentheses",
              "Expected a closing parenthesis to terminate the expression.", range(close),
              rangeBetween(range(start), range(close)));
        recovery_ = true;
        // hclsyntax consumes the token anyway; leaving it lets a `}` still
        // close its block.
        cparen_range = prevRange();
      } else {
        cparen_range = range(read());
      }
      popNewlines();
      auto* p = arena_.make<ParensExpr>();
      p->kind = ExprKind::kParens;
      p->range = rangeBetween(range(oparen), cparen_range);
      p->inner = inner;
      return p;
    }
    case TokenType::kNumberLit:
      return parseNumber(read());
    case TokenType::kIdent: {
      Token tok = read();
      std::string_view name = text(tok);
      ByteRange name_range = range(tok);
      if (peek().type == TokenType::kDoubleColon) {
        // Provider-defined function (Terraform >= 1.8): provider::ns::fn(...).
        // The name is its parts joined by "::" (spaces and comments around
        // the "::" are not part of it, as in HCL >= 2.20).
        std::string joined(name);
        while (peek().type == TokenType::kDoubleColon) {
          Token colons = read();
          if (peek().type != TokenType::kIdent) {
            error("Missing function name",
                  "A function namespace must be followed by a function name, like "
                  "\"provider::aws::arn_parse\".",
                  nextRange(), rangeBetween(name_range, range(colons)));
            recovery_ = true;
            return placeholder(rangeBetween(name_range, range(colons)));
          }
          Token part = read();
          name_range = rangeBetween(name_range, range(part));
          joined += "::";
          joined += text(part);
        }
        name = arena_.copy(joined);
        if (peek().type != TokenType::kOParen) {
          error("Missing function call",
                "A namespaced name like this can only be used as a function call, followed by "
                "arguments in parentheses.",
                nextRange(), name_range);
          recovery_ = true;
          return placeholder(name_range);
        }
        return finishCall(name, name_range);
      }
      if (peek().type == TokenType::kOParen) return finishCall(name, name_range);
      auto* lit = arena_.make<LiteralExpr>();
      lit->kind = ExprKind::kLiteral;
      lit->range = name_range;
      if (name == "true" || name == "false") {
        lit->value = {LiteralType::kBool, name == "true", {}};
        return lit;
      }
      if (name == "null") {
        lit->value = {LiteralType::kNull, false, {}};
        return lit;
      }
      auto* trav = arena_.make<ScopeTraversalExpr>();
      trav->kind = ExprKind::kScopeTraversal;
      trav->range = name_range;
      trav->root = name;
      trav->root_range = name_range;
      return trav;
    }
    case TokenType::kOQuote:
    case TokenType::kOHeredoc: {
      Token open = read();
      bool heredoc = open.type == TokenType::kOHeredoc;
      bool flush = heredoc && text(open).substr(0, 3) == "<<-";
      TokenType closer = oppositeBracket(open.type);
      return parseTemplateBody(closer, flush, range(open), heredoc, &key_is_string_literal_);
    }
    case TokenType::kMinus:
    case TokenType::kBang: {
      Token tok = read();
      // The operand is a term with its traversals: -a.b is -(a.b), -1+2 is (-1)+2.
      if (!enterNesting(range(tok))) return placeholder(range(tok));
      Expr* operand = parseWithTraversals();
      leaveNesting();
      auto* u = arena_.make<UnaryExpr>();
      u->kind = ExprKind::kUnary;
      u->op = tok.type == TokenType::kMinus ? UnaryOp::kNegate : UnaryOp::kNot;
      u->operand = operand;
      u->symbol_range = range(tok);
      u->range = rangeBetween(range(tok), operand->range);
      return u;
    }
    case TokenType::kOBrack:
      return parseTuple();
    case TokenType::kOBrace:
      return parseObject();
    default: {
      if (!recovery_) {
        if (start.type == TokenType::kEOF) {
          error("Missing expression",
                "Expected the start of an expression, but found the end of the file.",
                range(start));
        } else {
          error("Invalid expression",
                "Expected the start of an expression, but found an invalid expression token.",
                range(start));
        }
      }
      recovery_ = true;
      return placeholder(range(start));
    }
  }
}

Expr* Parser::finishCall(std::string_view name, ByteRange name_range) {
  Token open = read();
  ScratchList<Expr*> args;
  bool expand_final = false;
  Token close;
  pushNewlines(false);
  for (;;) {
    if (peek().type == TokenType::kCParen) {
      close = read();
      break;
    }
    size_t before = errorCount();
    Expr* arg = parseExpression();
    args.push_back(arg);
    if (recovery_ && failedSince(before)) {
      close = recover(TokenType::kCParen);
      break;
    }
    Token sep = read();
    if (sep.type == TokenType::kCParen) {
      close = sep;
      break;
    }
    if (sep.type == TokenType::kEllipsis) {
      expand_final = true;
      if (peek().type != TokenType::kCParen) {
        if (!recovery_) {
          error("Missing closing parenthesis",
                "An expanded function argument (with ...) must be immediately followed by "
                "closing parentheses.",
                range(sep), rangeBetween(name_range, range(sep)));
        }
        close = recover(TokenType::kCParen);
      } else {
        close = read();
      }
      break;
    }
    if (sep.type != TokenType::kComma) {
      if (sep.type == TokenType::kEOF) {
        error("Unterminated function call",
              "There is no closing parenthesis for this function call before the end of the "
              "file. This may be caused by incorrect parenthesis nesting elsewhere in this file.",
              rangeBetween(name_range, range(open)));
      } else {
        error("Missing argument separator",
              "A comma is required to separate each function argument from the next.", range(sep),
              rangeBetween(name_range, range(sep)));
      }
      close = recover(TokenType::kCParen);
      break;
    }
    if (peek().type == TokenType::kCParen) {
      close = read();
      break;
    }
  }
  popNewlines();
  auto* call = arena_.make<CallExpr>();
  call->kind = ExprKind::kCall;
  call->name = name;
  call->name_range = name_range;
  call->args = args.copyTo(arena_);
  call->expand_final = expand_final;
  call->open_paren = range(open);
  call->close_paren = range(close);
  call->range = rangeBetween(name_range, range(close));
  return call;
}

Expr* Parser::parseTuple() {
  Token open = read();
  pushNewlines(false);
  if (peek().type == TokenType::kIdent && text(peek()) == "for") {
    Expr* e = finishFor(open);
    popNewlines();
    return e;
  }
  Token close;
  ScratchList<Expr*> items;
  for (;;) {
    if (peek().type == TokenType::kCBrack) {
      close = read();
      break;
    }
    size_t before = errorCount();
    items.push_back(parseExpression());
    if (recovery_ && failedSince(before)) {
      close = recover(TokenType::kCBrack);
      break;
    }
    const Token& next = peek();
    if (next.type == TokenType::kCBrack) {
      close = read();
      break;
    }
    if (next.type != TokenType::kComma) {
      if (!recovery_) {
        if (next.type == TokenType::kEOF) {
          error("Unterminated tuple constructor expression",
                "There is no corresponding closing bracket before the end of the file. This may "
                "be caused by incorrect bracket nesting elsewhere in this file.",
                range(open));
        } else {
          error("Missing item separator", "Expected a comma to mark the beginning of the next item.",
                range(next), rangeBetween(range(open), range(next)));
        }
      }
      close = recover(TokenType::kCBrack);
      break;
    }
    read();
  }
  popNewlines();
  auto* t = arena_.make<TupleExpr>();
  t->kind = ExprKind::kTuple;
  t->range = rangeBetween(range(open), range(close));
  t->items = items.copyTo(arena_);
  return t;
}

Expr* Parser::parseObject() {
  Token open = read();
  pushNewlines(false);
  bool is_for = peek().type == TokenType::kIdent && text(peek()) == "for";
  popNewlines();
  if (is_for) return finishFor(open);

  pushNewlines(true);
  Token close;
  ScratchList<ObjectItem> items;
  for (;;) {
    const Token& next = peek();
    if (next.type == TokenType::kNewline) {
      read();
      continue;
    }
    if (next.type == TokenType::kCBrace) {
      close = read();
      break;
    }
    bool force_non_literal = next.type == TokenType::kOParen;
    size_t before = errorCount();
    Expr* key = parseExpression();
    if (recovery_ && failedSince(before)) {
      close = recover(TokenType::kCBrace);
      break;
    }
    auto* okey = arena_.make<ObjectKeyExpr>();
    okey->kind = ExprKind::kObjectKey;
    okey->range = key->range;
    okey->wrapped = key;
    okey->force_non_literal = force_non_literal;
    if (!force_non_literal) {
      // hcl.ExprAsKeyword: a lone identifier, or a keyword literal.
      if (key->kind == ExprKind::kScopeTraversal &&
          static_cast<ScopeTraversalExpr*>(key)->steps.empty()) {
        okey->bare_name = static_cast<ScopeTraversalExpr*>(key)->root;
      } else if (key->kind == ExprKind::kLiteral) {
        auto& v = static_cast<LiteralExpr*>(key)->value;
        if (v.type == LiteralType::kBool || v.type == LiteralType::kNull) okey->bare_name = text(key->range);
      }
    }
    const Token& sep = peek();
    if (sep.type != TokenType::kEqual && sep.type != TokenType::kColon) {
      if (!recovery_) {
        ByteRange ctx = rangeBetween(range(open), range(sep));
        switch (sep.type) {
          case TokenType::kNewline:
          case TokenType::kComma:
            error("Missing attribute value",
                  "Expected an attribute value, introduced by an equals sign (\"=\").", range(sep),
                  ctx);
            break;
          case TokenType::kIdent:
            error("Missing key/value separator",
                  "Expected an equals sign (\"=\") to mark the beginning of the attribute value. "
                  "If you intended to given an attribute name containing periods or spaces, "
                  "write the name in quotes to create a string literal.",
                  range(sep), ctx);
            break;
          case TokenType::kEOF:
            error("Unterminated object constructor expression",
                  "There is no corresponding closing brace before the end of the file. This may "
                  "be caused by incorrect brace nesting elsewhere in this file.",
                  range(open));
            break;
          default:
            error("Missing key/value separator",
                  "Expected an equals sign (\"=\") to mark the beginning of the attribute value.",
                  range(sep), ctx);
        }
      }
      close = recover(TokenType::kCBrace);
      break;
    }
    read();
    before = errorCount();
    Expr* value = parseExpression();
    if (recovery_ && failedSince(before)) {
      close = recover(TokenType::kCBrace);
      break;
    }
    items.push_back({okey, value});
    const Token& after = peek();
    if (after.type == TokenType::kCBrace) {
      close = read();
      break;
    }
    if (after.type != TokenType::kComma && after.type != TokenType::kNewline) {
      if (!recovery_) {
        if (after.type == TokenType::kEOF) {
          error("Unterminated object constructor expression",
                "There is no corresponding closing brace before the end of the file. This may be "
                "caused by incorrect brace nesting elsewhere in this file.",
                range(open));
        } else {
          error("Missing attribute separator",
                "Expected a newline or comma to mark the beginning of the next attribute.",
                range(after), rangeBetween(range(open), range(after)));
        }
      }
      close = recover(TokenType::kCBrace);
      break;
    }
    read();
  }
  popNewlines();
  auto* o = arena_.make<ObjectExpr>();
  o->kind = ExprKind::kObject;
  o->range = rangeBetween(range(open), range(close));
  o->items = items.copyTo(arena_);
  return o;
}

Expr* Parser::finishFor(const Token& open) {
  pushNewlines(false);
  struct PopOnExit {
    Parser* p;
    ~PopOnExit() { p->popNewlines(); }
  } pop_on_exit{this};
  read();  // "for"
  bool make_obj = open.type == TokenType::kOBrace;
  TokenType close_type = make_obj ? TokenType::kCBrace : TokenType::kCBrack;
  auto fail = [&](const char* detail) -> Expr* {
    if (!recovery_) {
      error("Invalid 'for' expression", detail, nextRange(),
            rangeBetween(range(open), nextRange()));
    }
    Token close = recover(close_type);
    return placeholder(rangeBetween(range(open), range(close)));
  };
  if (peek().type != TokenType::kIdent) return fail("For expression requires variable name after 'for'.");
  std::string_view key_name;
  std::string_view val_name = text(read());
  if (peek().type == TokenType::kComma) {
    key_name = val_name;
    read();
    if (peek().type != TokenType::kIdent)
      return fail("For expression requires value variable name after comma.");
    val_name = text(read());
  }
  if (peek().type != TokenType::kIdent || text(peek()) != "in")
    return fail("For expression requires the 'in' keyword after its name declarations.");
  read();
  size_t before = errorCount();
  Expr* coll = parseExpression();
  if (recovery_ && failedSince(before)) {
    Token close = recover(close_type);
    return placeholder(rangeBetween(range(open), range(close)));
  }
  if (peek().type != TokenType::kColon)
    return fail("For expression requires a colon after the collection expression.");
  read();
  Expr* key = nullptr;
  before = errorCount();
  Expr* value = parseExpression();
  if (peek().type == TokenType::kFatArrow) {
    read();
    key = value;
    value = parseExpression();
  }
  if (recovery_ && failedSince(before)) {
    Token close = recover(close_type);
    return placeholder(rangeBetween(range(open), range(close)));
  }
  bool group = false;
  ByteRange ellipsis;
  if (peek().type == TokenType::kEllipsis) {
    ellipsis = range(read());
    group = true;
  }
  Expr* cond = nullptr;
  if (peek().type == TokenType::kIdent && text(peek()) == "if") {
    read();
    before = errorCount();
    cond = parseExpression();
    if (recovery_ && failedSince(before)) {
      Token close = recover(close_type);
      return placeholder(rangeBetween(range(open), range(close)));
    }
  }
  Token close;
  if (peek().type == close_type) {
    close = read();
  } else {
    if (!recovery_) {
      error("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.",
            nextRange(), rangeBetween(range(open), nextRange()));
    }
    close = recover(close_type);
  }
  ByteRange whole = rangeBetween(range(open), range(close));
  if (!make_obj) {
    if (key != nullptr)
      error("Invalid 'for' expression", "Key expression is not valid when building a tuple.",
            key->range, whole);
    if (group)
      error("Invalid 'for' expression",
            "Grouping ellipsis (...) cannot be used when building a tuple.", ellipsis, whole);
  } else if (key == nullptr) {
    error("Invalid 'for' expression", "Key expression is required when building an object.",
          value->range, whole);
    // Like the other broken 'for' expressions, an unknown: an object 'for'
    // node always has a key (the evaluator reads it).
    return placeholder(whole);
  }
  auto* f = arena_.make<ForExpr>();
  f->kind = ExprKind::kFor;
  f->range = whole;
  f->is_object = make_obj;
  f->group = group;
  f->key_var = key_name;
  f->val_var = val_name;
  f->coll = coll;
  f->key = key;
  f->value = value;
  f->cond = cond;
  return f;
}

}  // namespace detail

// -------------------------------------------------------------- entry points

namespace {

ParsedFile newFile(std::shared_ptr<const SourceFile> source, FileSyntax syntax) {
  ParsedFile file;
  file.source = std::move(source);
  file.syntax = syntax;
  return file;
}

}  // namespace

ParsedFile parseConfig(std::shared_ptr<const SourceFile> source, ParseLimits limits) {
  ParsedFile file = newFile(std::move(source), FileSyntax::kNative);
  std::string_view text = file.source->text();
  detail::Parser parser(file, text, 0, lex(text, LexMode::kConfig), limits);
  parser.checkInvalidTokens();
  parser.collectComments();
  file.body = parser.parseFileBody();
  // The file body covers the whole file, whatever the parse stopped at.
  file.body->range = {0, static_cast<uint32_t>(text.size())};
  return file;
}

ParsedFile parseTemplateFile(std::shared_ptr<const SourceFile> source, ParseLimits limits) {
  ParsedFile file = newFile(std::move(source), FileSyntax::kTemplate);
  std::string_view text = file.source->text();
  detail::Parser parser(file, text, 0, lex(text, LexMode::kTemplate), limits);
  parser.checkInvalidTokens();
  file.template_ = parser.parseBareTemplate();
  return file;
}

Expr* parseEmbeddedTemplate(ParsedFile& file, std::string_view text, uint32_t base,
                            ParseLimits limits) {
  detail::Parser parser(file, text, base, lex(text, LexMode::kTemplate), limits);
  parser.checkInvalidTokens();
  return parser.parseBareTemplate();
}

Expr* parseExpression(ParsedFile& file, std::string_view text, uint32_t base, ParseLimits limits) {
  detail::Parser parser(file, text, base, lex(text, LexMode::kConfig), limits);
  parser.checkInvalidTokens();
  return parser.parseStandaloneExpression();
}

ParsedFile parseByName(std::shared_ptr<const SourceFile> source, ParseLimits limits) {
  std::string_view path = source->path();
  auto ends = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends(".json")) return parseJson(std::move(source), limits);
  if (ends(".tftpl") || ends(".tpl")) return parseTemplateFile(std::move(source), limits);
  return parseConfig(std::move(source), limits);
}

}  // namespace tfguard::syntax
