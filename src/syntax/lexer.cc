// The HCL lexer. It mirrors the modes of hclsyntax's Ragel scanner: `main`
// (expressions and structure), `stringTemplate` ("..."), `heredocTemplate`
// (<<EOT ... EOT) and `bareTemplate` (a whole file read by templatefile()).
// Template sequences ${ and %{ enter `main` and return on the brace that
// closes them, tracked with the same brace counters as hclsyntax.
#include <string_view>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "syntax/token.h"

namespace tfguard::syntax {
std::vector<Token>& tokenSpare() {
  thread_local std::vector<Token> spare;
  return spare;
}
namespace {

enum class Mode : uint8_t { kMain, kString, kHeredoc, kBare };

struct Heredoc {
  std::string_view marker;
  bool start_of_line = true;
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Byte classes of main mode's fast path; kClassOther goes through the switch.
enum : uint8_t { kClassOther, kClassIdent, kClassBlank, kClassSingle, kClassLineFeed, kClassEqual };

struct MainTables {
  uint8_t cls[256] = {};
  TokenType single[256] = {};      // the token of a kClassSingle byte
  bool ident_continue[256] = {};  // ASCII identifier bytes after the first
};

constexpr MainTables makeMainTables() {
  MainTables t;
  for (int c = 0; c < 256; ++c) t.single[c] = TokenType::kNil;
  for (int c = 'a'; c <= 'z'; ++c) t.cls[c] = kClassIdent;
  for (int c = 'A'; c <= 'Z'; ++c) t.cls[c] = kClassIdent;
  // Indexed by unsigned char: a char index would be negative for bytes over 0x7f.
  auto at = [](char c) { return static_cast<unsigned char>(c); };
  t.cls[at('_')] = kClassIdent;
  for (int c = 0; c < 256; ++c) t.ident_continue[c] = t.cls[c] == kClassIdent;
  for (int c = '0'; c <= '9'; ++c) t.ident_continue[c] = true;
  t.ident_continue[at('-')] = true;
  t.cls[at(' ')] = t.cls[at('\t')] = kClassBlank;
  t.cls[at('\n')] = kClassLineFeed;
  t.cls[at('=')] = kClassEqual;
  // Characters that are always a token of their own in main mode.
  constexpr std::pair<char, TokenType> kSingles[] = {
      {'[', TokenType::kOBrack}, {']', TokenType::kCBrack}, {'(', TokenType::kOParen},
      {')', TokenType::kCParen}, {',', TokenType::kComma},  {'*', TokenType::kStar},
      {'+', TokenType::kPlus},   {'-', TokenType::kMinus},  {'%', TokenType::kPercent},
      {'?', TokenType::kQuestion}, {'^', TokenType::kBitwiseXor}, {';', TokenType::kSemicolon},
      {'`', TokenType::kBacktick}, {'\'', TokenType::kApostrophe}};
  for (auto [c, type] : kSingles) {
    t.cls[at(c)] = kClassSingle;
    t.single[at(c)] = type;
  }
  return t;
}

constexpr MainTables kMainTables = makeMainTables();

class Lexer {
 public:
  Lexer(std::string_view src, LexMode mode) : src_(src) {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    modes_.push_back(mode == LexMode::kTemplate ? Mode::kBare : Mode::kMain);
    tokens_ = std::move(tokenSpare());
    tokens_.clear();
    tokens_.reserve(src.size() / 4 + 16);
  }

  std::vector<Token> run() {
    while (pos_ < src_.size()) {
      switch (modes_.back()) {
        case Mode::kMain: scanMain(); break;
        case Mode::kString: scanString(); break;
        case Mode::kHeredoc: scanHeredoc(); break;
        case Mode::kBare: scanBare(); break;
      }
    }
    emit(TokenType::kEOF, pos_, pos_);
    return std::move(tokens_);
  }

 private:
  char at(size_t i) const { return i < src_.size() ? src_[i] : '\0'; }
  bool has(size_t i) const { return i < src_.size(); }

  [[gnu::always_inline]] void emit(TokenType type, size_t begin, size_t end) {
    tokens_.push_back({type, {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}});
  }
  [[gnu::always_inline]] void emitAndAdvance(TokenType type, size_t len) {
    emit(type, pos_, pos_ + len);
    pos_ += len;
  }

  void beginSequence(TokenType type, size_t len) {
    emitAndAdvance(type, len);
    ++braces_;
    ret_braces_.push_back(braces_);
    if (!heredocs_.empty()) heredocs_.back().start_of_line = false;
    modes_.push_back(Mode::kMain);
  }

  // Length of "${", "${~", "%{" or "%{~" at pos, or 0.
  size_t sequenceOpener(size_t pos) const {
    char c = at(pos);
    if ((c != '$' && c != '%') || at(pos + 1) != '{') return 0;
    return at(pos + 2) == '~' ? 3 : 2;
  }
  // Length of an escaped opener "$${" / "%%{" (with an optional "~"), or 0.
  size_t escapedOpener(size_t pos) const {
    char c = at(pos);
    if ((c != '$' && c != '%') || at(pos + 1) != c || at(pos + 2) != '{') return 0;
    return at(pos + 3) == '~' ? 4 : 3;
  }

  // Lexes tokens while the lexer stays in main mode (a token that opens a
  // string or heredoc, or closes a template sequence, changes the mode
  // stack): one call for a run of tokens instead of one per token. The
  // common tokens (identifiers, blanks, newlines, single-character
  // punctuation, "=") are dispatched through a byte-class table, which
  // branches far more predictably than a switch's indirect jump.
  void scanMain() {
    const size_t depth = modes_.size();
    const auto* s = reinterpret_cast<const unsigned char*>(src_.data());
    const size_t n = src_.size();
    do {
      const unsigned char c = s[pos_];
      switch (kMainTables.cls[c]) {
        case kClassIdent: {
          size_t i = pos_ + 1;
          while (i < n && kMainTables.ident_continue[s[i]]) ++i;
          if (i < n && s[i] >= 0x80) i = scanIdentUnicode(i);
          emitAndAdvance(TokenType::kIdent, i - pos_);
          continue;
        }
        case kClassBlank: {
          size_t i = pos_ + 1;
          while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
          pos_ = i;
          continue;
        }
        case kClassSingle:
          emitAndAdvance(kMainTables.single[c], 1);
          continue;
        case kClassLineFeed:
          emitAndAdvance(TokenType::kNewline, 1);
          continue;
        case kClassEqual:
          if (pos_ + 1 < n && (s[pos_ + 1] == '=' || s[pos_ + 1] == '>')) break;
          emitAndAdvance(TokenType::kEqual, 1);
          continue;
        default:
          break;
      }
      scanMainToken();
      if (modes_.size() != depth) return;
    } while (pos_ < n);
  }

  [[gnu::always_inline]] void scanMainToken() {
    char c = src_[pos_];
    // Identifiers are the most common token: test them before the switch.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return scanIdent(1);
    switch (c) {
      case ' ':
      case '\t':
        // Indentation comes in runs: skip it here rather than one call per byte.
        do ++pos_;
        while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t'));
        return;
      case '\n':
        emitAndAdvance(TokenType::kNewline, 1);
        return;
      case '\r':
        if (at(pos_ + 1) == '\n') {
          emitAndAdvance(TokenType::kNewline, 2);
        } else {
          emitAndAdvance(TokenType::kInvalid, 1);
        }
        return;
      case '#':
        scanLineComment(1);
        return;
      case '/':
        if (at(pos_ + 1) == '/') {
          scanLineComment(2);
          return;
        }
        if (at(pos_ + 1) == '*') {
          size_t close = src_.find("*/", pos_ + 2);
          if (close != std::string_view::npos) {
            emitAndAdvance(TokenType::kComment, close + 2 - pos_);
            return;
          }
        }
        emitAndAdvance(TokenType::kSlash, 1);
        return;
      case '{':
        emitAndAdvance(TokenType::kOBrace, 1);
        ++braces_;
        return;
      case '}':
        closeBrace(1, TokenType::kCBrace);
        return;
      case '~':
        if (at(pos_ + 1) == '}') {
          closeBrace(2, TokenType::kTemplateSeqEnd);
        } else {
          emitAndAdvance(TokenType::kBitwiseNot, 1);
        }
        return;
      case '"':
        emitAndAdvance(TokenType::kOQuote, 1);
        modes_.push_back(Mode::kString);
        return;
      case '<':
        if (at(pos_ + 1) == '<' && scanHeredocOpener()) return;
        if (at(pos_ + 1) == '=') return emitAndAdvance(TokenType::kLessThanEq, 2);
        return emitAndAdvance(TokenType::kLessThan, 1);
      case '>':
        if (at(pos_ + 1) == '=') return emitAndAdvance(TokenType::kGreaterThanEq, 2);
        return emitAndAdvance(TokenType::kGreaterThan, 1);
      case '=':
        if (at(pos_ + 1) == '=') return emitAndAdvance(TokenType::kEqualOp, 2);
        if (at(pos_ + 1) == '>') return emitAndAdvance(TokenType::kFatArrow, 2);
        return emitAndAdvance(TokenType::kEqual, 1);
      case '!':
        if (at(pos_ + 1) == '=') return emitAndAdvance(TokenType::kNotEqual, 2);
        return emitAndAdvance(TokenType::kBang, 1);
      case '&':
        if (at(pos_ + 1) == '&') return emitAndAdvance(TokenType::kAnd, 2);
        return emitAndAdvance(TokenType::kBitwiseAnd, 1);
      case '|':
        if (at(pos_ + 1) == '|') return emitAndAdvance(TokenType::kOr, 2);
        return emitAndAdvance(TokenType::kBitwiseOr, 1);
      case '.':
        if (at(pos_ + 1) == '.' && at(pos_ + 2) == '.')
          return emitAndAdvance(TokenType::kEllipsis, 3);
        return emitAndAdvance(TokenType::kDot, 1);
      case ':':
        if (at(pos_ + 1) == ':') return emitAndAdvance(TokenType::kDoubleColon, 2);
        return emitAndAdvance(TokenType::kColon, 1);
      case '[': return emitAndAdvance(TokenType::kOBrack, 1);
      case ']': return emitAndAdvance(TokenType::kCBrack, 1);
      case '(': return emitAndAdvance(TokenType::kOParen, 1);
      case ')': return emitAndAdvance(TokenType::kCParen, 1);
      case ',': return emitAndAdvance(TokenType::kComma, 1);
      case '*': return emitAndAdvance(TokenType::kStar, 1);
      case '+': return emitAndAdvance(TokenType::kPlus, 1);
      case '-': return emitAndAdvance(TokenType::kMinus, 1);
      case '%': return emitAndAdvance(TokenType::kPercent, 1);
      case '?': return emitAndAdvance(TokenType::kQuestion, 1);
      case '^': return emitAndAdvance(TokenType::kBitwiseXor, 1);
      case ';': return emitAndAdvance(TokenType::kSemicolon, 1);
      case '`': return emitAndAdvance(TokenType::kBacktick, 1);
      case '\'': return emitAndAdvance(TokenType::kApostrophe, 1);
      default:
        break;
    }
    if (isDigit(c)) return scanNumber();
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return scanIdent(1);
    char32_t cp = 0;
    int len = utf8::decode(src_, pos_, &cp);
    if (len > 0 && utf8::isIdentStart(cp)) return scanIdent(len);
    if (len == 0) len = utf8::sequenceLength(src_, pos_);
    if (len == 0) return emitAndAdvance(TokenType::kBadUTF8, 1);
    emitAndAdvance(TokenType::kInvalid, len);
  }

  void scanLineComment(size_t prefix) {
    size_t nl = src_.find('\n', pos_ + prefix);
    size_t end = nl == std::string_view::npos ? src_.size() : nl + 1;
    emitAndAdvance(TokenType::kComment, end - pos_);
  }

  void closeBrace(size_t len, TokenType unmatched) {
    if (!ret_braces_.empty() && ret_braces_.back() == braces_) {
      emitAndAdvance(TokenType::kTemplateSeqEnd, len);
      --braces_;
      ret_braces_.pop_back();
      modes_.pop_back();
      return;
    }
    emitAndAdvance(unmatched, len);
    --braces_;
  }

  // NumberLit = digit (digit | '.' | [eE][+-]?digit)* not ending in '.'.
  void scanNumber() {
    size_t i = pos_ + 1;
    size_t last_good = i;
    while (i < src_.size()) {
      char c = src_[i];
      if (isDigit(c)) {
        ++i;
        last_good = i;
      } else if (c == '.') {
        ++i;
      } else if (c == 'e' || c == 'E') {
        size_t j = i + 1;
        if (at(j) == '+' || at(j) == '-') ++j;
        if (!isDigit(at(j))) break;
        i = j + 1;
        last_good = i;
      } else {
        break;
      }
    }
    emitAndAdvance(TokenType::kNumberLit, last_good - pos_);
  }

  void scanIdent(int first_len) {
    size_t i = pos_ + first_len;
    const auto* s = reinterpret_cast<const unsigned char*>(src_.data());
    while (i < src_.size() && kMainTables.ident_continue[s[i]]) ++i;
    if (i < src_.size() && s[i] >= 0x80) i = scanIdentUnicode(i);
    emitAndAdvance(TokenType::kIdent, i - pos_);
  }

  // The end of an identifier that continues at i with a non-ASCII byte.
  size_t scanIdentUnicode(size_t i) const {
    const auto* s = reinterpret_cast<const unsigned char*>(src_.data());
    while (i < src_.size()) {
      if (s[i] < 0x80) {
        if (!kMainTables.ident_continue[s[i]]) break;
        ++i;
        continue;
      }
      char32_t cp = 0;
      int len = utf8::decode(src_, i, &cp);
      if (len == 0 || !utf8::isIdentContinue(cp)) break;
      i += len;
    }
    return i;
  }

  // '<<' '-'? Ident Newline; otherwise the caller lexes two '<'.
  bool scanHeredocOpener() {
    size_t i = pos_ + 2;
    if (at(i) == '-') ++i;
    char32_t cp = 0;
    int len = has(i) ? utf8::decode(src_, i, &cp) : 0;
    if (len == 0 || !utf8::isIdentStart(cp)) return false;
    size_t marker_begin = i;
    i += len;
    while (i < src_.size()) {
      len = utf8::decode(src_, i, &cp);
      if (len == 0 || !utf8::isIdentContinue(cp)) break;
      i += len;
    }
    size_t marker_end = i;
    if (at(i) == '\r') ++i;
    if (at(i) != '\n') return false;
    emitAndAdvance(TokenType::kOHeredoc, i + 1 - pos_);
    heredocs_.push_back({src_.substr(marker_begin, marker_end - marker_begin), true});
    modes_.push_back(Mode::kHeredoc);
    return true;
  }

  // At a '$' or '%' that does not open a sequence: "$${" / "%%{" (escapes)
  // or the single character are tokens of their own, as in hclsyntax, where
  // they split literal text into separate template parts.
  size_t dollarOrPercentLength() const {
    if (size_t n = escapedOpener(pos_)) return n;
    return has(pos_ + 1) ? 1 : 0;
  }

  void scanString() {
    char c = src_[pos_];
    if (c == '"') {
      emitAndAdvance(TokenType::kCQuote, 1);
      modes_.pop_back();
      return;
    }
    if (size_t n = sequenceOpener(pos_)) return beginSequence(
        src_[pos_] == '$' ? TokenType::kTemplateInterp : TokenType::kTemplateControl, n);
    if (c == '$' || c == '%') {
      if (size_t n = dollarOrPercentLength()) return emitAndAdvance(TokenType::kQuotedLit, n);
      return emitAndAdvance(TokenType::kInvalid, 1);
    }
    if (c == '\n' || c == '\r') {
      size_t i = pos_;
      while (i < src_.size() && (src_[i] == '\n' || src_[i] == '\r')) ++i;
      return emitAndAdvance(TokenType::kQuotedNewline, i - pos_);
    }
    // A run of literal characters and escapes.
    size_t i = pos_;
    while (i < src_.size()) {
      char d = src_[i];
      if (d == '"' || d == '\n' || d == '\r' || d == '$' || d == '%') break;
      if (static_cast<unsigned char>(d) < 0x80 && d != '\\') {
        ++i;
        continue;
      }
      if (d == '\\') {
        if (i + 1 >= src_.size() || src_[i + 1] == '\n' || src_[i + 1] == '\r') break;
        int len = utf8::sequenceLength(src_, i + 1);
        if (len == 0) break;
        i += 1 + len;
        continue;
      }
      int len = utf8::sequenceLength(src_, i);
      if (len == 0) break;
      i += len;
    }
    if (i > pos_) return emitAndAdvance(TokenType::kQuotedLit, i - pos_);
    if (utf8::sequenceLength(src_, pos_) == 0) return emitAndAdvance(TokenType::kBadUTF8, 1);
    emitAndAdvance(TokenType::kInvalid, 1);  // a backslash before a newline or the end
  }

  // The end of literal text starting at i: up to '$', '%', a newline,
  // invalid UTF-8 or the end of input.
  size_t scanTemplateText(size_t i) const {
    while (i < src_.size()) {
      char d = src_[i];
      if (d == '\n' || d == '\r' || d == '$' || d == '%') break;
      if (static_cast<unsigned char>(d) < 0x80) {
        ++i;
        continue;
      }
      int len = utf8::sequenceLength(src_, i);
      if (len == 0) break;
      i += len;
    }
    return i;
  }

  void scanHeredoc() {
    if (size_t n = sequenceOpener(pos_)) return beginSequence(
        src_[pos_] == '$' ? TokenType::kTemplateInterp : TokenType::kTemplateControl, n);
    Heredoc& doc = heredocs_.back();
    char c = src_[pos_];
    if (c == '$' || c == '%') {
      doc.start_of_line = false;
      return emitAndAdvance(TokenType::kStringLit, dollarOrPercentLength() ? dollarOrPercentLength() : 1);
    }
    size_t end = scanTemplateText(pos_);
    size_t eol = 0;
    if (at(end) == '\n') eol = 1;
    else if (at(end) == '\r' && at(end + 1) == '\n') eol = 2;
    if (eol == 0) {
      if (end == pos_) {
        // Invalid UTF-8 or a lone carriage return inside the heredoc.
        bool bad = utf8::sequenceLength(src_, pos_) == 0;
        return emitAndAdvance(bad ? TokenType::kBadUTF8 : TokenType::kInvalid, 1);
      }
      doc.start_of_line = false;
      return emitAndAdvance(TokenType::kStringLit, end - pos_);
    }
    if (doc.start_of_line && trimSpace(src_.substr(pos_, end - pos_)) == doc.marker) {
      // The closing marker and the newline after it are separate tokens, so
      // the newline can still end the attribute (as in hclsyntax).
      emit(TokenType::kCHeredoc, pos_, end);
      emit(TokenType::kNewline, end, end + eol);
      pos_ = end + eol;
      heredocs_.pop_back();
      modes_.pop_back();
      return;
    }
    doc.start_of_line = true;
    emitAndAdvance(TokenType::kStringLit, end + eol - pos_);
  }

  void scanBare() {
    if (size_t n = sequenceOpener(pos_)) return beginSequence(
        src_[pos_] == '$' ? TokenType::kTemplateInterp : TokenType::kTemplateControl, n);
    char c = src_[pos_];
    if (c == '$' || c == '%') {
      size_t n = dollarOrPercentLength();
      return emitAndAdvance(TokenType::kStringLit, n ? n : 1);
    }
    size_t end = scanTemplateText(pos_);
    if (at(end) == '\n') end += 1;
    else if (at(end) == '\r' && at(end + 1) == '\n') end += 2;
    if (end == pos_) {
      if (at(pos_) != '\r' && utf8::sequenceLength(src_, pos_) == 0)
        return emitAndAdvance(TokenType::kBadUTF8, 1);
      return emitAndAdvance(TokenType::kStringLit, 1);
    }
    emitAndAdvance(TokenType::kStringLit, end - pos_);
  }

  // bytes.TrimSpace: Unicode white space on both ends.
  static std::string_view trimSpace(std::string_view s) {
    while (!s.empty()) {
      char32_t cp = 0;
      int len = utf8::decode(s, 0, &cp);
      if (len == 0 || !utf8::isSpace(cp)) break;
      s.remove_prefix(len);
    }
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

  std::string_view src_;
  size_t pos_ = 0;
  std::vector<Token> tokens_;
  std::vector<Mode> modes_;
  std::vector<Heredoc> heredocs_;
  std::vector<int> ret_braces_;
  int braces_ = 0;
};

}  // namespace

std::vector<Token> lex(std::string_view src, LexMode mode) { return Lexer(src, mode).run(); }

std::string_view tokenTypeName(TokenType type) {
  switch (type) {
    case TokenType::kOBrace: return "\"{\"";
    case TokenType::kCBrace: return "\"}\"";
    case TokenType::kOBrack: return "\"[\"";
    case TokenType::kCBrack: return "\"]\"";
    case TokenType::kOParen: return "\"(\"";
    case TokenType::kCParen: return "\")\"";
    case TokenType::kOQuote: return "opening quote";
    case TokenType::kCQuote: return "closing quote";
    case TokenType::kOHeredoc: return "heredoc introducer";
    case TokenType::kCHeredoc: return "heredoc end marker";
    case TokenType::kStar: return "\"*\"";
    case TokenType::kSlash: return "\"/\"";
    case TokenType::kPlus: return "\"+\"";
    case TokenType::kMinus: return "\"-\"";
    case TokenType::kPercent: return "\"%\"";
    case TokenType::kEqual: return "\"=\"";
    case TokenType::kEqualOp: return "\"==\"";
    case TokenType::kNotEqual: return "\"!=\"";
    case TokenType::kLessThan: return "\"<\"";
    case TokenType::kLessThanEq: return "\"<=\"";
    case TokenType::kGreaterThan: return "\">\"";
    case TokenType::kGreaterThanEq: return "\">=\"";
    case TokenType::kAnd: return "\"&&\"";
    case TokenType::kOr: return "\"||\"";
    case TokenType::kBang: return "\"!\"";
    case TokenType::kDot: return "\".\"";
    case TokenType::kComma: return "\",\"";
    case TokenType::kEllipsis: return "\"...\"";
    case TokenType::kFatArrow: return "\"=>\"";
    case TokenType::kQuestion: return "\"?\"";
    case TokenType::kColon: return "\":\"";
    case TokenType::kDoubleColon: return "\"::\"";
    case TokenType::kTemplateInterp: return "\"${\"";
    case TokenType::kTemplateControl: return "\"%{\"";
    case TokenType::kTemplateSeqEnd: return "end of template sequence";
    case TokenType::kQuotedLit: return "quoted literal";
    case TokenType::kStringLit: return "string literal";
    case TokenType::kNumberLit: return "number";
    case TokenType::kIdent: return "identifier";
    case TokenType::kComment: return "comment";
    case TokenType::kNewline: return "newline";
    case TokenType::kEOF: return "end of file";
    case TokenType::kBitwiseAnd: return "\"&\"";
    case TokenType::kBitwiseOr: return "\"|\"";
    case TokenType::kBitwiseNot: return "\"~\"";
    case TokenType::kBitwiseXor: return "\"^\"";
    case TokenType::kApostrophe: return "\"'\"";
    case TokenType::kBacktick: return "\"`\"";
    case TokenType::kSemicolon: return "\";\"";
    case TokenType::kInvalid: return "invalid character";
    case TokenType::kBadUTF8: return "invalid UTF-8";
    case TokenType::kQuotedNewline: return "newline in string";
    case TokenType::kNil: return "nothing";
  }
  return "token";
}

}  // namespace tfguard::syntax
