// Templates: quoted strings, heredocs and bare templates. As in hclsyntax
// (parser_template.go) this runs in two passes: the token stream is first
// raised to template tokens (literals with strip markers applied, ${}
// interpolations, %{} directives), heredoc flush is applied to those, and
// then directives are nested into the AST.
#include <fmt/format.h>

#include <array>
#include <functional>
#include <limits>

#include "base/unicode_nfc.h"
#include "base/utf8.h"
#include "syntax/parser_internal.h"

namespace tfguard::syntax::detail {
namespace {

enum class TemplateTokenKind : uint8_t { kLiteral, kInterp, kIf, kFor, kElse, kEndIf, kEndFor, kEnd };

struct TemplateToken {
  TemplateTokenKind kind;
  ByteRange range;
  std::string_view value;  // kLiteral: decoded text (in the source or the arena)
  Expr* expr = nullptr;  // kInterp, kIf (condition), kFor (collection)
  std::string_view key_var;
  std::string_view val_var;
};

std::string_view trimLeftSpace(std::string_view s) {
  while (!s.empty()) {
    char32_t cp = 0;
    int len = utf8::decode(s, 0, &cp);
    if (len == 0 || !utf8::isSpace(cp)) break;
    s.remove_prefix(len);
  }
  return s;
}

std::string_view trimRightSpace(std::string_view s) {
  while (!s.empty()) {
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    char32_t cp = 0;
    int len = utf8::decode(s, start, &cp);
    if (len == 0 || !utf8::isSpace(cp)) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

size_t countCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// flushHeredocTemplateParts: remove the smallest indentation of the lines'
// first literal tokens from all of them. A line that starts with something
// other than a literal counts as unindented, which disables flushing.
void flushHeredoc(std::span<TemplateToken> tokens) {
  constexpr size_t kMax = std::numeric_limits<size_t>::max();
  size_t min_spaces = kMax;
  bool newline = true;
  std::vector<TemplateToken*> adjust;
  for (TemplateToken& tok : tokens) {
    if (newline) {
      newline = false;
      size_t spaces = 0;
      if (tok.kind == TemplateTokenKind::kLiteral) {
        std::string_view trimmed = trimLeftSpace(tok.value);
        if (trimmed.empty() && !tok.value.empty() && tok.value.back() == '\n') {
          spaces = kMax;  // a blank line does not count
        } else {
          spaces = countCodePoints(std::string_view(tok.value).substr(0, tok.value.size() - trimmed.size()));
          adjust.push_back(&tok);
        }
      } else if (tok.kind == TemplateTokenKind::kEnd) {
        break;
      }
      min_spaces = std::min(min_spaces, spaces);
    }
    if (tok.kind == TemplateTokenKind::kLiteral && !tok.value.empty() && tok.value.back() == '\n')
      newline = true;
  }
  if (min_spaces == kMax) return;
  for (TemplateToken* tok : adjust) {
    size_t bytes = 0;
    for (size_t i = 0; i < min_spaces && bytes < tok->value.size(); ++i) {
      char32_t cp = 0;
      int len = utf8::decode(tok->value, bytes, &cp);
      bytes += len > 0 ? len : 1;
    }
    tok->value.remove_prefix(bytes);
    tok->range.begin += static_cast<uint32_t>(bytes);
  }
}

// Nests directives (hclsyntax templateParser) and builds the AST parts,
// merging adjacent literals and dropping empty ones.
class TemplateTreeBuilder {
 public:
  TemplateTreeBuilder(Arena& arena, std::span<TemplateToken> tokens, Diagnostics& diags,
                      size_t& error_count, std::function<std::string(ByteRange)> describe,
                      std::function<bool(ByteRange)> enter_nesting,
                      std::function<void()> leave_nesting)
      : arena_(arena),
        tokens_(tokens),
        diags_(diags),
        error_count_(error_count),
        describe_(std::move(describe)),
        enter_nesting_(std::move(enter_nesting)),
        leave_nesting_(std::move(leave_nesting)) {}

  std::span<TemplatePart> parseRoot() {
    ScratchList<TemplatePart> parts;
    while (peek().kind != TemplateTokenKind::kEnd) parseExpr(parts);
    return finish(parts);
  }

 private:
  TemplateToken& peek() { return tokens_[pos_]; }
  TemplateToken& read() {
    TemplateToken& t = tokens_[pos_];
    if (t.kind != TemplateTokenKind::kEnd) ++pos_;
    return t;
  }

  void error(std::string summary, std::string detail, ByteRange subject) {
    diags_.push_back({Severity::kError, std::move(summary), std::move(detail), subject, std::nullopt});
    ++error_count_;
  }

  static const char* directiveName(TemplateTokenKind k) {
    switch (k) {
      case TemplateTokenKind::kElse: return "else";
      case TemplateTokenKind::kEndIf: return "endif";
      case TemplateTokenKind::kEndFor: return "endfor";
      default: return "directive";
    }
  }

  Expr* placeholder(ByteRange r) {
    auto* lit = arena_.make<LiteralExpr>();
    lit->kind = ExprKind::kLiteral;
    lit->range = r;
    lit->value.type = LiteralType::kUnknown;
    return lit;
  }

  // A literal part points at its token's text until finish() merges
  // adjacent literals and copies the result into the arena: merging one by
  // one, as this did, copied the text so far again for each further literal
  // (each line of a heredoc is one), quadratic in time and arena memory.
  void addLiteral(ScratchList<TemplatePart>& parts, TemplateToken& tok) {
    if (tok.value.empty()) return;
    // Terraform's string values are NFC (cty normalises every string).
    if (!utf8::isNfc(tok.value)) tok.value = arena_.copy(utf8::toNfc(tok.value));
    auto* lit = arena_.make<LiteralExpr>();
    lit->kind = ExprKind::kLiteral;
    lit->range = tok.range;
    lit->value = {LiteralType::kString, false, tok.value};
    parts.push_back({lit, false});
  }

  static bool isLiteralPart(const TemplatePart& p) {
    return !p.interp && p.expr->kind == ExprKind::kLiteral &&
           static_cast<const LiteralExpr*>(p.expr)->value.type == LiteralType::kString;
  }

  /// Merges each run of adjacent literal parts into its first one (the
  /// merged text copied into the arena) and returns the parts in the arena.
  std::span<TemplatePart> finish(ScratchList<TemplatePart>& parts) {
    size_t out = 0;
    std::string merged;
    for (size_t i = 0; i < parts.size();) {
      if (!isLiteralPart(parts[i])) {
        parts[out++] = parts[i++];
        continue;
      }
      auto* first = static_cast<LiteralExpr*>(parts[i].expr);
      size_t j = i + 1;
      if (j < parts.size() && isLiteralPart(parts[j])) {
        merged.assign(first->value.text);
        for (; j < parts.size() && isLiteralPart(parts[j]); ++j) {
          const auto* lit = static_cast<const LiteralExpr*>(parts[j].expr);
          merged += lit->value.text;
          first->range = rangeBetween(first->range, lit->range);
        }
        first->value.text = arena_.copy(merged);
      }  // a lone literal's text already lives in the source or the arena
      parts[out++] = parts[i];
      i = j;
    }
    parts.truncate(out);
    return parts.copyTo(arena_);
  }

  void parseExpr(ScratchList<TemplatePart>& parts) {
    TemplateToken& tok = peek();
    switch (tok.kind) {
      case TemplateTokenKind::kLiteral:
        read();
        addLiteral(parts, tok);
        return;
      case TemplateTokenKind::kInterp:
        read();
        parts.push_back({tok.expr, true});
        return;
      case TemplateTokenKind::kIf:
      case TemplateTokenKind::kFor: {
        // Nested directives recurse here and nest the tree: they count
        // against the parser's nesting limit. Past it, the rest of the
        // template is dropped (the limit has been reported).
        if (!enter_nesting_(tok.range)) {
          pos_ = tokens_.size() - 1;  // the kEnd token
          aborted_ = true;
          parts.push_back({placeholder(tok.range), false});
          return;
        }
        Expr* e = tok.kind == TemplateTokenKind::kIf ? parseIf() : parseFor();
        leave_nesting_();
        parts.push_back({e, false});
        return;
      }
      case TemplateTokenKind::kEnd:
        read();
        error("Unexpected end of template", "The control directives within this template are unbalanced.",
              tok.range);
        parts.push_back({placeholder(tok.range), false});
        return;
      default:
        read();
        error(fmt::format("Unexpected {} directive", directiveName(tok.kind)),
              "The control directives within this template are unbalanced.", tok.range);
        parts.push_back({placeholder(tok.range), false});
        return;
    }
  }

  Expr* parseIf() {
    TemplateToken& open = read();
    // One list for both clauses (ScratchLists nest, they cannot be
    // siblings): the then clause is finished when the else begins.
    ScratchList<TemplatePart> parts;
    std::span<TemplatePart> then_parts;
    bool in_else = false;
    ByteRange endif_range;
    for (;;) {
      TemplateToken& next = peek();
      if (next.kind == TemplateTokenKind::kEnd) {
        if (aborted_) return placeholder(next.range);
        error("Unexpected end of template",
              fmt::format("The if directive at {} is missing its corresponding endif directive.",
                          describe_(open.range)),
              next.range);
        return placeholder(next.range);
      }
      if (next.kind == TemplateTokenKind::kElse || next.kind == TemplateTokenKind::kEndIf ||
          next.kind == TemplateTokenKind::kEndFor) {
        read();
        if (next.kind == TemplateTokenKind::kElse && !in_else) {
          in_else = true;
          then_parts = finish(parts);
          parts.clear();
          continue;
        }
        if (next.kind == TemplateTokenKind::kEndIf) {
          endif_range = next.range;
          break;
        }
        if (next.kind == TemplateTokenKind::kElse) {
          error("Unexpected else directive",
                fmt::format("Already in the else clause for the if started at {}.", describe_(open.range)),
                next.range);
        } else {
          error(fmt::format("Unexpected {} directive", directiveName(next.kind)),
                fmt::format("Expecting an endif directive for the if started at {}.",
                            describe_(open.range)),
                next.range);
        }
        return placeholder(next.range);
      }
      parseExpr(parts);
    }
    auto* e = arena_.make<TemplateIfExpr>();
    e->kind = ExprKind::kTemplateIf;
    e->range = rangeBetween(open.range, endif_range);
    e->cond = open.expr;
    if (in_else) {
      e->then_parts = then_parts;
      e->else_parts = finish(parts);
    } else {
      e->then_parts = finish(parts);
    }
    return e;
  }

  Expr* parseFor() {
    TemplateToken& open = read();
    ScratchList<TemplatePart> body;
    ByteRange endfor_range;
    for (;;) {
      TemplateToken& next = peek();
      if (next.kind == TemplateTokenKind::kEnd) {
        if (aborted_) return placeholder(next.range);
        error("Unexpected end of template",
              fmt::format("The for directive at {} is missing its corresponding endfor directive.",
                          describe_(open.range)),
              next.range);
        return placeholder(next.range);
      }
      if (next.kind == TemplateTokenKind::kElse || next.kind == TemplateTokenKind::kEndIf ||
          next.kind == TemplateTokenKind::kEndFor) {
        read();
        if (next.kind == TemplateTokenKind::kEndFor) {
          endfor_range = next.range;
          break;
        }
        if (next.kind == TemplateTokenKind::kElse) {
          error("Unexpected else directive", "An else clause is not expected for a for directive.",
                next.range);
        } else {
          error(fmt::format("Unexpected {} directive", directiveName(next.kind)),
                fmt::format("Expecting an endfor directive corresponding to the for directive at {}.",
                            describe_(open.range)),
                next.range);
        }
        return placeholder(next.range);
      }
      parseExpr(body);
    }
    auto* e = arena_.make<TemplateForExpr>();
    e->kind = ExprKind::kTemplateFor;
    e->range = rangeBetween(open.range, endfor_range);
    e->key_var = open.key_var;
    e->val_var = open.val_var;
    e->coll = open.expr;
    e->body = finish(body);
    return e;
  }

  Arena& arena_;
  std::span<TemplateToken> tokens_;
  Diagnostics& diags_;
  size_t& error_count_;
  std::function<std::string(ByteRange)> describe_;
  std::function<bool(ByteRange)> enter_nesting_;
  std::function<void()> leave_nesting_;
  size_t pos_ = 0;
  bool aborted_ = false;  // the nesting limit was hit: the rest was skipped
};

}  // namespace

std::string_view Parser::decodeStringLiteral(const Token& tok, bool quoted) {
  std::string_view s = text(tok);
  // Most literals have nothing to decode: then the value is the source text.
  bool plain = true;
  for (size_t k = 0; k < s.size() && plain; ++k) {
    char c = s[k];
    if ((quoted && c == '\\') || ((c == '$' || c == '%') && k + 1 < s.size() && s[k + 1] == c))
      plain = false;
  }
  if (plain) return s;
  uint32_t base = range(tok).begin;
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (quoted && c == '\\') {
      size_t start = i;
      if (i + 1 >= s.size()) {
        error("Invalid escape sequence", "Backslash must be followed by an escape sequence selector character.",
              {base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(i + 1)});
        out.push_back('\\');
        ++i;
        continue;
      }
      char sel = s[i + 1];
      switch (sel) {
        case 'n': out.push_back('\n'); i += 2; continue;
        case 'r': out.push_back('\r'); i += 2; continue;
        case 't': out.push_back('\t'); i += 2; continue;
        case '"': out.push_back('"'); i += 2; continue;
        case '\\': out.push_back('\\'); i += 2; continue;
        case 'u':
        case 'U': {
          size_t want = sel == 'u' ? 4 : 8;
          size_t n = 0;
          while (n < want && i + 2 + n < s.size() && isHex(s[i + 2 + n])) ++n;
          if (n != want) {
            error("Invalid escape sequence",
                  sel == 'u' ? "The \\u escape sequence must be followed by four hexadecimal digits."
                             : "The \\U escape sequence must be followed by eight hexadecimal digits.",
                  {base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i + 2 + n)});
            out.append(s.substr(i, 2 + n));
            i += 2 + n;
            continue;
          }
          uint32_t cp = static_cast<uint32_t>(std::stoul(std::string(s.substr(i + 2, want)), nullptr, 16));
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            error("Invalid escape sequence", fmt::format("Cannot encode character U+{:04x} in UTF-8.", cp),
                  {base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i + 2 + want)});
            out.append(s.substr(i, 2 + want));
          } else {
            utf8::append(out, cp);
          }
          i += 2 + want;
          continue;
        }
        default: {
          char32_t cp = 0;
          int len = utf8::decode(s, i + 1, &cp);
          if (len <= 0) len = 1;
          error("Invalid escape sequence",
                fmt::format("The symbol \"{}\" is not a valid escape sequence selector.", s.substr(i + 1, len)),
                {base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i + 1 + len)});
          out.append(s.substr(i + 1, len));
          i += 1 + len;
          continue;
        }
      }
    }
    if ((c == '$' || c == '%') && i + 2 < s.size() + 0 && s[i + 1] == c && s[i + 2] == '{') {
      out.push_back(c);
      out.push_back('{');
      i += 3;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return arena_.copy(out);
}

Expr* Parser::parseTemplateBody(TokenType end, bool flush_heredoc, ByteRange open, bool heredoc,
                                bool* is_string_literal) {
  if (!enterNesting(open)) {
    Token close = recover(end);
    *is_string_literal = false;
    auto* lit = arena_.make<LiteralExpr>();
    lit->kind = ExprKind::kLiteral;
    lit->range = rangeBetween(open, range(close));
    lit->value.type = LiteralType::kUnknown;
    return lit;
  }
  // Most quoted strings are one literal without template sequences ("abc",
  // ""): build those directly, skipping the template token and directive
  // passes, which would produce exactly this.
  if (end == TokenType::kCQuote) {
    const Token& first = tokens_[next_];
    const bool empty = first.type == TokenType::kCQuote;
    if (empty || (first.type == TokenType::kQuotedLit && tokens_[next_ + 1].type == TokenType::kCQuote)) {
      std::span<TemplatePart> parts;
      if (!empty) {
        Token lit_tok = read();
        std::string_view str = decodeStringLiteral(lit_tok, /*quoted=*/true);
        if (!str.empty()) {
          if (!utf8::isNfc(str)) str = arena_.copy(utf8::toNfc(str));
          auto* lit = arena_.make<LiteralExpr>();
          lit->kind = ExprKind::kLiteral;
          lit->range = range(lit_tok);
          lit->value = {LiteralType::kString, false, str};
          parts = arena_.copy(std::span<const TemplatePart>(std::array{TemplatePart{lit, false}}));
        }
      }
      Token close = read();
      leaveNesting();
      *is_string_literal = true;
      auto* t = arena_.make<TemplateExpr>();
      t->kind = ExprKind::kTemplate;
      t->range = rangeBetween(open, range(close));
      t->parts = parts;
      t->heredoc = heredoc;
      return t;
    }
  }
  // Template tokens live on a per-thread stack (templates nest through
  // interpolations) instead of a vector per template.
  static thread_local std::vector<TemplateToken> scratch;
  const size_t base = scratch.size();
  struct PopOnExit {
    size_t base;
    ~PopOnExit() { scratch.resize(base); }
  } pop_on_exit{base};
  auto count = [&] { return scratch.size() - base; };
  ByteRange start_range = nextRange();
  ByteRange end_range;
  bool ltrim_next = false;
  bool next_can_trim_prev = false;
  auto trimPrevious = [&](const Token& opener, bool can_trim_prev) {
    if (can_trim_prev && opener.range.size() == 3 && count() > 0 &&
        scratch.back().kind == TemplateTokenKind::kLiteral) {
      scratch.back().value = trimRightSpace(scratch.back().value);
    }
  };
  for (;;) {
    Token next = read();
    if (next.type == end) {
      end_range = range(next);
      break;
    }
    bool ltrim = ltrim_next;
    ltrim_next = false;
    bool can_trim_prev = next_can_trim_prev;
    next_can_trim_prev = false;
    if (next.type == TokenType::kStringLit || next.type == TokenType::kQuotedLit) {
      std::string_view str = decodeStringLiteral(next, next.type == TokenType::kQuotedLit);
      if (ltrim) str = trimLeftSpace(str);
      scratch.push_back({TemplateTokenKind::kLiteral, range(next), str});
      next_can_trim_prev = true;
      continue;
    }
    if (next.type == TokenType::kTemplateInterp) {
      trimPrevious(next, can_trim_prev);
      pushNewlines(false);
      Expr* expr = parseExpression();
      const Token& close = peek();
      if (close.type != TokenType::kTemplateSeqEnd) {
        if (!recovery_) {
          if (close.type == TokenType::kEOF) {
            error("Unclosed template interpolation sequence",
                  "There is no closing brace for this interpolation sequence before the end of "
                  "the file. This might be caused by incorrect nesting inside the given "
                  "expression.",
                  start_range);
          } else if (close.type == TokenType::kColon) {
            error("Extra characters after interpolation expression",
                  "Template interpolation doesn't expect a colon at this location. Did you "
                  "intend this to be a literal sequence to be processed as part of another "
                  "language? If so, you can escape it by starting with \"$${\" instead of just "
                  "\"${\".",
                  range(close), rangeBetween(start_range, range(close)));
          } else if ((close.type == TokenType::kCQuote || close.type == TokenType::kOQuote) &&
                     end == TokenType::kCQuote) {
            error("Unclosed template interpolation sequence",
                  "There is no closing brace for this interpolation sequence before the end of "
                  "the quoted template. This might be caused by incorrect nesting inside the "
                  "given expression.",
                  start_range);
          } else {
            error("Extra characters after interpolation expression",
                  "Expected a closing brace to end the interpolation expression, but found extra "
                  "characters.\n\nThis can happen when you include interpolation syntax for "
                  "another language, such as shell scripting, but forget to escape the "
                  "interpolation start token. If this is an embedded sequence for another "
                  "language, escape it by starting with \"$${\" instead of just \"${\".",
                  range(close), rangeBetween(start_range, range(close)));
          }
        }
        recover(TokenType::kTemplateSeqEnd);
      } else {
        Token c = read();
        if (c.range.size() == 2 && text(c)[0] == '~') ltrim_next = true;
      }
      popNewlines();
      TemplateToken t{TemplateTokenKind::kInterp, rangeBetween(range(next), prevRange()), {}};
      t.expr = expr;
      scratch.push_back(std::move(t));
      continue;
    }
    if (next.type == TokenType::kTemplateControl) {
      trimPrevious(next, can_trim_prev);
      pushNewlines(false);
      const Token& kw = peek();
      if (kw.type != TokenType::kIdent) {
        if (!recovery_) {
          error("Invalid template directive",
                "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning "
                "of a %{ sequence.",
                range(kw), rangeBetween(range(next), range(kw)));
        }
        recover(TokenType::kTemplateSeqEnd);
        popNewlines();
        continue;
      }
      Token keyword = read();
      std::string_view word = text(keyword);
      bool ok = true;
      if (word == "if") {
        Expr* cond = parseExpression();
        TemplateToken t{TemplateTokenKind::kIf, rangeBetween(range(next), nextRange()), {}};
        t.expr = cond;
        scratch.push_back(std::move(t));
      } else if (word == "else" || word == "endif" || word == "endfor") {
        TemplateTokenKind k = word == "else"    ? TemplateTokenKind::kElse
                              : word == "endif" ? TemplateTokenKind::kEndIf
                                                : TemplateTokenKind::kEndFor;
        scratch.push_back({k, rangeBetween(range(next), nextRange()), {}});
      } else if (word == "for") {
        std::string_view key_name, val_name;
        auto forError = [&](const char* detail) {
          if (!recovery_) error("Invalid 'for' directive", detail, nextRange());
          recover(TokenType::kTemplateSeqEnd);
          popNewlines();
          ok = false;
        };
        if (peek().type != TokenType::kIdent) {
          forError("For directive requires variable name after 'for'.");
        } else {
          val_name = text(read());
          if (peek().type == TokenType::kComma) {
            key_name = val_name;
            read();
            if (peek().type != TokenType::kIdent) {
              forError("For directive requires value variable name after comma.");
            } else {
              val_name = text(read());
            }
          }
          if (ok && (peek().type != TokenType::kIdent || text(peek()) != "in")) {
            forError("For directive requires 'in' keyword after names.");
          }
          if (ok) {
            read();
            Expr* coll = parseExpression();
            TemplateToken t{TemplateTokenKind::kFor, rangeBetween(range(next), nextRange()), {}};
            t.expr = coll;
            t.key_var = key_name;
            t.val_var = val_name;
            scratch.push_back(std::move(t));
          }
        }
        if (!ok) continue;
      } else {
        if (!recovery_) {
          static constexpr std::string_view kKeywords[] = {"if", "for", "else", "endif", "endfor"};
          std::string suggestion;
          for (std::string_view k : kKeywords) {
            // A cheap stand-in for hclsyntax's Levenshtein "did you mean".
            if (k.size() + 1 >= word.size() && word.size() + 1 >= k.size() &&
                (word.substr(0, 2) == k.substr(0, 2))) {
              suggestion = fmt::format(" Did you mean \"{}\"?", k);
              break;
            }
          }
          error("Invalid template control keyword",
                fmt::format("\"{}\" is not a valid template control keyword.{}", word, suggestion),
                range(keyword), rangeBetween(range(next), range(keyword)));
        }
        recover(TokenType::kTemplateSeqEnd);
        popNewlines();
        continue;
      }
      const Token& close = peek();
      if (close.type != TokenType::kTemplateSeqEnd) {
        if (!recovery_) {
          error(fmt::format("Extra characters in {} marker", word),
                "Expected a closing brace to end the sequence, but found extra characters.",
                range(close), rangeBetween(start_range, range(close)));
        }
        recover(TokenType::kTemplateSeqEnd);
      } else {
        Token c = read();
        if (c.range.size() == 2 && text(c)[0] == '~') ltrim_next = true;
      }
      popNewlines();
      continue;
    }
    if (!recovery_) {
      error("Unterminated template string", "No closing marker was found for the string.", range(next),
            rangeBetween(start_range, range(next)));
    }
    Token final_tok = recover(end);
    end_range = range(final_tok);
    break;
  }
  leaveNesting();

  size_t literal_only = 0;
  if (count() == 0) {
    scratch.push_back({TemplateTokenKind::kLiteral, {start_range.end, start_range.end}, {}});
  }
  bool passthru = count() == 1 && scratch[base].kind == TemplateTokenKind::kInterp;
  literal_only = count() == 1 && scratch[base].kind == TemplateTokenKind::kLiteral;
  scratch.push_back({TemplateTokenKind::kEnd, end_range, {}});
  std::span<TemplateToken> tokens(scratch.data() + base, count());
  if (flush_heredoc) flushHeredoc(tokens);

  auto describe = [this](ByteRange r) {
    auto pos = file_.source->lines().position(r.begin);
    return fmt::format("{}:{},{}", file_.source->path(), pos.line, pos.column);
  };
  TemplateTreeBuilder builder(
      arena_, tokens, file_.diagnostics, error_count_, describe,
      [this](ByteRange r) { return enterNesting(r); }, [this] { leaveNesting(); });
  std::span<TemplatePart> parts = builder.parseRoot();

  ByteRange whole = end == TokenType::kEOF ? rangeBetween(start_range, end_range)
                                           : rangeBetween(open, prevRange());
  *is_string_literal = literal_only != 0;
  if (passthru) {
    auto* wrap = arena_.make<TemplateWrapExpr>();
    wrap->kind = ExprKind::kTemplateWrap;
    wrap->range = whole;
    wrap->wrapped = parts[0].expr;
    return wrap;
  }
  auto* t = arena_.make<TemplateExpr>();
  t->kind = ExprKind::kTemplate;
  t->range = whole;
  t->parts = parts;
  t->heredoc = heredoc;
  return t;
}

// parser.cc: the tree-depth cap of whole expressions.
bool exprTreeTooDeep(const Expr* root, size_t arena_bytes, int max_nesting);
std::string treeTooDeepDetail(int max_nesting);

Expr* Parser::parseBareTemplate() {
  bool ignored = false;
  size_t arena_before = arena_.bytesAllocated();
  Expr* t = parseTemplateBody(TokenType::kEOF, false, nextRange(), false, &ignored);
  if (exprTreeTooDeep(t, arena_.bytesAllocated() - arena_before, limits_.max_nesting)) {
    if (!depth_reported_) error("Nesting too deep", treeTooDeepDetail(limits_.max_nesting), t->range);
    depth_reported_ = true;
    t = placeholder(t->range);
  }
  return t;
}

}  // namespace tfguard::syntax::detail
