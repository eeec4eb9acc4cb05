// Encoding functions: jsonencode, jsondecode (cty's json package over Go's
// encoding/json), yamlencode, yamldecode (go-cty-yaml v1.1.0, which
// Terraform uses), csvdecode (cty stdlib over Go's encoding/csv),
// base64encode, base64decode, textencodebase64, textdecodebase64,
// urlencode (Terraform's lang/funcs/encoding.go), and base64gzip, whose
// exact bytes depend on Go's deflate implementation: it returns an unknown
// string.
//
// What is exact and what is not:
//   - jsonencode: Go's encoding/json output byte for byte (compact, keys
//     sorted, <, >, & and U+2028/U+2029 escaped, \b and \f as Go 1.22+
//     writes them); numbers as Terraform prints them.
//   - jsondecode: Go's json.Decoder token rules and error messages
//     ("invalid character 'x' looking for beginning of value", "EOF",
//     "unexpected EOF", "extraneous data after JSON object", ...),
//     including its quirk of ignoring anything after a complete value that
//     starts with ] or }. Objects become objects, arrays tuples, numbers
//     are exact to the precision of eval::Number. Nesting deeper than 1000
//     levels and documents of more than kMaxValues values are rejected
//     (Terraform has no such limits).
//   - csvdecode: Go's encoding/csv (RFC 4180 with its leniencies: \r\n and
//     \n line ends, empty lines skipped) and its error messages.
//   - yamlencode: libyaml's emitter as go-cty-yaml drives it, byte for byte:
//     block style, every string double-quoted (literal block style "|" for
//     strings with a newline), keys sorted, lines folded at 80 columns,
//     keys over 128 bytes in "? " form, "..." after a plain top-level
//     scalar.
//   - yamldecode: YAML 1.1 as libyaml (go-cty-yaml's parser) reads it, for
//     a single document: block and flow mappings and sequences, plain,
//     quoted, literal (|) and folded (>) scalars with chomping and
//     indentation indicators, comments, "---"/"..." markers, %YAML 1.1 and
//     %TAG directives, anchors and aliases, "? " keys that are scalars,
//     tags. Values resolve as go-cty-yaml resolves them: yes/no/on/off and
//     y/n booleans (also as keys: "y: 1" is {"true" = 1}), ~ and null,
//     decimal, 0x and 0o integers, .inf, timestamps become RFC 3339
//     strings, !!str/!!int/!!float/!!bool/!!null/!!binary/!!timestamp/
//     !!map/!!seq tags and << merge keys; mappings become objects,
//     sequences tuples. Refused as Terraform refuses them: other tags,
//     non-scalar keys, null keys, self-referencing aliases, .nan, more than
//     one document. Refused by us only: nesting deeper than 200 levels and
//     documents of more than kMaxValues values with aliases expanded (alias
//     bombs). Valid documents decode exactly as in Terraform (checked
//     differentially against go-cty-yaml); for invalid ones the error is
//     libyaml's, positioned as go-cty-yaml reports it, though which error a
//     badly broken document triggers first can differ.
//   - textencodebase64 / textdecodebase64: UTF-8 only; any other encoding
//     gives an unknown string.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/unicode_nfc.h"
#include "base/utf8.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace detail {

std::string base64Encode(std::string_view bytes);
bool base64Decode(std::string_view in, std::string* out, size_t* error_offset);
std::string goQuote(std::string_view s);

}  // namespace detail

namespace {

/// Decoders refuse to build more values than this (a guard against
/// documents that would exhaust memory, e.g. YAML alias bombs).
constexpr size_t kMaxValues = 1000000;

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

/// Decodes one UTF-8 sequence; invalid bytes decode as U+FFFD of length 1
/// (Go's utf8.DecodeRuneInString).
char32_t decodeRune(std::string_view s, size_t i, size_t* width) {
  char32_t cp = 0;
  int n = utf8::decode(s, i, &cp);
  if (n == 0) {
    *width = 1;
    return 0xFFFD;
  }
  *width = static_cast<size_t>(n);
  return cp;
}

bool validUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int n = utf8::decode(s, i, &cp);
    if (n == 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

/// An approximation of Go's unicode.IsPrint for code points above ASCII:
/// spaces other than U+0020, format and control characters, private use
/// and noncharacters are not printable.
bool goIsPrint(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r <= 0xA0 || r == 0xAD) return false;
  if ((r >= 0x600 && r <= 0x605) || r == 0x61C || r == 0x6DD || r == 0x70F || r == 0x890 ||
      r == 0x891 || r == 0x8E2 || r == 0x180E || r == 0x1680)
    return false;
  if ((r >= 0x2000 && r <= 0x200F) || (r >= 0x2028 && r <= 0x202F) ||
      (r >= 0x205F && r <= 0x206F) || r == 0x3000)
    return false;
  if ((r >= 0xD800 && r <= 0xF8FF) || r == 0xFEFF || (r >= 0xFFF0 && r <= 0xFFFB) || r >= 0xF0000)
    return false;
  if ((r & 0xFFFE) == 0xFFFE) return false;
  if (r == 0x110BD || r == 0x110CD || (r >= 0x13430 && r <= 0x1343F) ||
      (r >= 0x1BCA0 && r <= 0x1BCA3) || (r >= 0x1D173 && r <= 0x1D17A) || r == 0xE0001 ||
      (r >= 0xE0020 && r <= 0xE007F))
    return false;
  return true;
}

void appendUtf8(std::string& out, char32_t cp) { utf8::append(out, cp); }

}  // namespace

namespace detail {

std::string base64Encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = (uint32_t{static_cast<uint8_t>(bytes[i])} << 16) |
                 (uint32_t{static_cast<uint8_t>(bytes[i + 1])} << 8) |
                 static_cast<uint8_t>(bytes[i + 2]);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t{static_cast<uint8_t>(bytes[i])} << 16;
    if (rest == 2) v |= uint32_t{static_cast<uint8_t>(bytes[i + 1])} << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(rest == 2 ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

// Go's base64.StdEncoding.DecodeString: padding required, CR and LF ignored
// anywhere, non-zero trailing bits accepted; on failure `error_offset` is
// the byte offset Go reports (CorruptInputError).
bool base64Decode(std::string_view src, std::string* out, size_t* error_offset) {
  auto value = [](unsigned char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  auto isNl = [](char c) { return c == '\n' || c == '\r'; };
  out->clear();
  size_t si = 0;
  const size_t n = src.size();
  while (si < n) {
    uint32_t dbuf[4] = {0, 0, 0, 0};
    int dlen = 4;
    bool failed = false;
    size_t fail_at = 0;
    for (int j = 0; j < 4; ++j) {
      if (si == n) {
        if (j == 0) return true;
        *error_offset = si - static_cast<size_t>(j);
        return false;
      }
      unsigned char in = static_cast<unsigned char>(src[si++]);
      int v = value(in);
      if (v >= 0) {
        dbuf[j] = static_cast<uint32_t>(v);
        continue;
      }
      if (isNl(static_cast<char>(in))) {
        --j;
        continue;
      }
      if (in != '=') {
        *error_offset = si - 1;
        return false;
      }
      // Padding: the end of the data.
      if (j == 0 || j == 1) {
        *error_offset = si - 1;
        return false;
      }
      if (j == 2) {
        while (si < n && isNl(src[si])) ++si;
        if (si == n) {
          *error_offset = n;
          return false;
        }
        if (src[si] != '=') {
          *error_offset = si - 1;
          return false;
        }
        ++si;
      }
      while (si < n && isNl(src[si])) ++si;
      if (si < n) {
        failed = true;  // trailing garbage, reported after this quantum
        fail_at = si;
      }
      dlen = j;
      break;
    }
    uint32_t val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    char bytes[3] = {static_cast<char>((val >> 16) & 0xff), static_cast<char>((val >> 8) & 0xff),
                     static_cast<char>(val & 0xff)};
    out->append(bytes, static_cast<size_t>(dlen - 1));
    if (failed) {
      *error_offset = fail_at;
      return false;
    }
  }
  return true;
}

// Go's strconv.Quote (%q of a string).
std::string goQuote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    size_t width = 1;
    char32_t r = static_cast<unsigned char>(s[i]);
    if (r >= 0x80) r = decodeRune(s, i, &width);
    if (width == 1 && r == 0xFFFD) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xf];
      i += 1;
      continue;
    }
    if (r == '"' || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
    } else if (goIsPrint(r)) {
      out.append(s.substr(i, width));
    } else {
      switch (r) {
        case '\a':
          out += "\\a";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\v':
          out += "\\v";
          break;
        default:
          if (r < ' ' || r == 0x7f) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(r));
          } else if (r < 0x10000) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(r));
          } else {
            out += fmt::format("\\U{:08x}", static_cast<unsigned>(r));
          }
      }
    }
    i += width;
  }
  return out + "\"";
}

}  // namespace detail

namespace {

// ---------------------------------------------------------------------------
// jsonencode

/// Go's encoding/json string encoding with HTML escaping.
void jsonString(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&') {
        out += static_cast<char>(b);
      } else {
        switch (b) {
          case '\\':
          case '"':
            out += '\\';
            out += static_cast<char>(b);
            break;
          case '\b':
            out += "\\b";
            break;
          case '\f':
            out += "\\f";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\r':
            out += "\\r";
            break;
          case '\t':
            out += "\\t";
            break;
          default:
            out += "\\u00";
            out += kHex[b >> 4];
            out += kHex[b & 0xf];
        }
      }
      ++i;
      continue;
    }
    size_t width = 1;
    char32_t r = decodeRune(s, i, &width);
    if (r == 0xFFFD && width == 1) {
      out += "\\ufffd";
    } else if (r == 0x2028 || r == 0x2029) {
      out += r == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(s.substr(i, width));
    }
    i += width;
  }
  out += '"';
}

/// Whether Number::toString gives digits (it prints every finite number,
/// however large, in full as Terraform does; kept as a guard).
bool printableNumber(const Number& n) {
  std::string s = n.toString();
  return s.find("inf") == std::string::npos && s.find("nan") == std::string::npos;
}

/// Encodes `v`; false with `error` set on failure, or with `error` empty if
/// a number cannot be printed exactly (the result is then unknown).
bool jsonEncode(const Value& v, std::string& out, int depth, bool* sensitive, std::string* error) {
  if (v.sensitive()) *sensitive = true;
  if (depth > 1000) {
    *error = "value is nested too deeply to serialize as JSON";
    return false;
  }
  if (v.isNull()) {
    out += "null";
    return true;
  }
  switch (v.type().kind()) {
    case TypeKind::kBool:
      out += v.asBool() ? "true" : "false";
      return true;
    case TypeKind::kNumber:
      if (!v.asNumber().isFinite()) {
        *error = "cannot serialize infinity as JSON";
        return false;
      }
      if (!printableNumber(v.asNumber())) return false;
      out += v.asNumber().toString();
      return true;
    case TypeKind::kString:
      jsonString(v.asString(), out);
      return true;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      out += '[';
      bool first = true;
      for (const Value& e : v.elements()) {
        if (!first) out += ',';
        first = false;
        if (!jsonEncode(e, out, depth + 1, sensitive, error)) return false;
      }
      out += ']';
      return true;
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      out += '{';
      bool first = true;
      for (const auto& [k, e] : v.attributes()) {
        if (!first) out += ',';
        first = false;
        jsonString(k, out);
        out += ':';
        if (!jsonEncode(e, out, depth + 1, sensitive, error)) return false;
      }
      out += '}';
      return true;
    }
    case TypeKind::kDynamic:
      out += "null";
      return true;
  }
  return true;
}

FunctionResult jsonencodeImpl(std::span<const Value> args, FunctionContext&) {
  std::string out, error;
  bool sensitive = false;
  if (!jsonEncode(args[0], out, 0, &sensitive, &error)) {
    if (error.empty()) return ok(Value::unknown(Type::string()));
    return FunctionResult::fail(error);
  }
  Value result = Value::string(std::move(out));
  return ok(sensitive ? result.markedSensitive() : result);
}

// ---------------------------------------------------------------------------
// jsondecode: Go's json.Decoder.Token as cty's ImpliedType drives it.

class JsonDecoder {
 public:
  explicit JsonDecoder(std::string_view s) : s_(s) {}

  bool decode(Value* out) {
    Token tok;
    if (!next(&tok)) return false;
    if (!fromToken(tok, out, 0)) return false;
    // dec.More(): only a value that starts something is "extraneous".
    char c;
    if (peek(&c) && c != ']' && c != '}') return fail("extraneous data after JSON object");
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  enum class State {
    kTopValue,
    kArrayStart,
    kArrayValue,
    kArrayComma,
    kObjectStart,
    kObjectKey,
    kObjectColon,
    kObjectValue,
    kObjectComma
  };
  enum class Kind { kDelim, kString, kNumber, kBool, kNull };
  struct Token {
    Kind kind = Kind::kNull;
    char delim = 0;
    std::string text;  // string contents, number text
    bool boolean = false;
  };

  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  bool peek(char* c) {
    while (pos_ < s_.size() && isSpace(s_[pos_])) ++pos_;
    if (pos_ >= s_.size()) return false;
    *c = s_[pos_];
    return true;
  }

  /// Go's quoteChar: the byte as a code point, in single quotes.
  static std::string quoteChar(unsigned char c) {
    if (c == '\'') return "'\\''";
    if (c == '"') return "'\"'";
    std::string as_rune;
    appendUtf8(as_rune, c);
    std::string q = detail::goQuote(as_rune);
    return "'" + q.substr(1, q.size() - 2) + "'";
  }

  bool invalid(unsigned char c, std::string_view context) {
    return fail(fmt::format("invalid character {} {}", quoteChar(c), context));
  }

  bool valueAllowed() const {
    return state_ == State::kTopValue || state_ == State::kArrayStart ||
           state_ == State::kArrayValue || state_ == State::kObjectValue;
  }

  void valueEnd() {
    if (state_ == State::kArrayStart || state_ == State::kArrayValue) {
      state_ = State::kArrayComma;
    } else if (state_ == State::kObjectValue) {
      state_ = State::kObjectComma;
    }
  }

  bool tokenError(unsigned char c) {
    std::string_view context;
    switch (state_) {
      case State::kTopValue:
      case State::kArrayStart:
      case State::kArrayValue:
      case State::kObjectValue:
        context = " looking for beginning of value";
        break;
      case State::kArrayComma:
        context = " after array element";
        break;
      case State::kObjectKey:
        context = " looking for beginning of object key string";
        break;
      case State::kObjectColon:
        context = " after object key";
        break;
      case State::kObjectComma:
        context = " after object key:value pair";
        break;
      case State::kObjectStart:
        break;
    }
    return fail(fmt::format("invalid character {}{}", quoteChar(c), context));
  }

  bool next(Token* tok) {
    for (;;) {
      char c;
      if (!peek(&c)) return fail("EOF");
      switch (c) {
        case '[':
        case '{':
          if (!valueAllowed()) return tokenError(static_cast<unsigned char>(c));
          ++pos_;
          stack_.push_back(state_);
          state_ = c == '[' ? State::kArrayStart : State::kObjectStart;
          tok->kind = Kind::kDelim;
          tok->delim = c;
          return true;
        case ']':
        case '}': {
          bool array = c == ']';
          if (array ? (state_ != State::kArrayStart && state_ != State::kArrayComma)
                    : (state_ != State::kObjectStart && state_ != State::kObjectComma)) {
            return tokenError(static_cast<unsigned char>(c));
          }
          ++pos_;
          state_ = stack_.back();
          stack_.pop_back();
          valueEnd();
          tok->kind = Kind::kDelim;
          tok->delim = c;
          return true;
        }
        case ':':
          if (state_ != State::kObjectColon) return tokenError(':');
          ++pos_;
          state_ = State::kObjectValue;
          continue;
        case ',':
          if (state_ == State::kArrayComma) {
            ++pos_;
            state_ = State::kArrayValue;
            continue;
          }
          if (state_ == State::kObjectComma) {
            ++pos_;
            state_ = State::kObjectKey;
            continue;
          }
          return tokenError(',');
        case '"':
          if (state_ == State::kObjectStart || state_ == State::kObjectKey) {
            if (!scanValue(tok)) return false;
            state_ = State::kObjectColon;
            return true;
          }
          [[fallthrough]];
        default:
          if (!valueAllowed()) return tokenError(static_cast<unsigned char>(c));
          if (!scanValue(tok)) return false;
          valueEnd();
          return true;
      }
    }
  }

  /// One scalar value as Go's scanner reads it (Decoder.Decode).
  bool scanValue(Token* tok) {
    size_t start = pos_;
    auto eof = [&] { return fail("unexpected EOF"); };
    auto at = [&](size_t i) -> int {
      return i < s_.size() ? static_cast<unsigned char>(s_[i]) : -1;
    };
    int c = at(pos_);
    if (c == '"') return scanString(tok);
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t i = pos_;
      if (c == '-') {
        ++i;
        int d = at(i);
        if (d < 0) return eof();
        if (!(d >= '0' && d <= '9'))
          return invalid(static_cast<unsigned char>(d), "in numeric literal");
      }
      if (at(i) == '0') {
        ++i;
      } else {
        while (at(i) >= '0' && at(i) <= '9') ++i;
      }
      if (at(i) == '.') {
        ++i;
        int d = at(i);
        if (d < 0) return eof();
        if (!(d >= '0' && d <= '9')) {
          return invalid(static_cast<unsigned char>(d), "after decimal point in numeric literal");
        }
        while (at(i) >= '0' && at(i) <= '9') ++i;
      }
      if (at(i) == 'e' || at(i) == 'E') {
        ++i;
        if (at(i) == '+' || at(i) == '-') ++i;
        int d = at(i);
        if (d < 0) return eof();
        if (!(d >= '0' && d <= '9'))
          return invalid(static_cast<unsigned char>(d), "in exponent of numeric literal");
        while (at(i) >= '0' && at(i) <= '9') ++i;
      }
      tok->kind = Kind::kNumber;
      tok->text = std::string(s_.substr(start, i - start));
      pos_ = i;
      return true;
    }
    struct Literal {
      char first;
      std::string_view word;
      Kind kind;
      bool value;
    };
    static constexpr Literal kLiterals[] = {{'t', "true", Kind::kBool, true},
                                            {'f', "false", Kind::kBool, false},
                                            {'n', "null", Kind::kNull, false}};
    for (const Literal& lit : kLiterals) {
      if (c != lit.first) continue;
      for (size_t k = 1; k < lit.word.size(); ++k) {
        int d = at(pos_ + k);
        if (d < 0) return eof();
        if (d != lit.word[k]) {
          return invalid(static_cast<unsigned char>(d),
                         fmt::format("in literal {} (expecting '{}')", lit.word, lit.word[k]));
        }
      }
      pos_ += lit.word.size();
      tok->kind = lit.kind;
      tok->boolean = lit.value;
      return true;
    }
    return invalid(static_cast<unsigned char>(c), "looking for beginning of value");
  }

  static int hexValue(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /// A string literal: validated as Go's scanner does, then unquoted as
  /// Go's decoder does (bad UTF-8 and lone surrogates become U+FFFD).
  bool scanString(Token* tok) {
    size_t i = pos_ + 1;
    for (;;) {
      if (i >= s_.size()) return fail("unexpected EOF");
      unsigned char c = static_cast<unsigned char>(s_[i]);
      if (c == '"') break;
      if (c < 0x20) return invalid(c, "in string literal");
      if (c == '\\') {
        ++i;
        if (i >= s_.size()) return fail("unexpected EOF");
        unsigned char e = static_cast<unsigned char>(s_[i]);
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k) {
            if (i + k >= s_.size()) return fail("unexpected EOF");
            unsigned char h = static_cast<unsigned char>(s_[i + k]);
            if (hexValue(h) < 0) return invalid(h, "in \\u hexadecimal character escape");
          }
          i += 4;
        } else if (std::string_view("bfnrt\\/\"").find(static_cast<char>(e)) ==
                   std::string_view::npos) {
          return invalid(e, "in string escape code");
        }
      }
      ++i;
    }
    std::string_view raw = s_.substr(pos_ + 1, i - pos_ - 1);
    pos_ = i + 1;
    std::string out;
    auto u4 = [&](size_t at) -> int {
      if (at + 6 > raw.size() || raw[at] != '\\' || raw[at + 1] != 'u') return -1;
      int v = 0;
      for (size_t k = at + 2; k < at + 6; ++k) {
        int h = hexValue(static_cast<unsigned char>(raw[k]));
        if (h < 0) return -1;
        v = v * 16 + h;
      }
      return v;
    };
    for (size_t r = 0; r < raw.size();) {
      char c = raw[r];
      if (c == '\\') {
        char e = raw[r + 1];
        switch (e) {
          case 'b':
            out += '\b';
            r += 2;
            continue;
          case 'f':
            out += '\f';
            r += 2;
            continue;
          case 'n':
            out += '\n';
            r += 2;
            continue;
          case 'r':
            out += '\r';
            r += 2;
            continue;
          case 't':
            out += '\t';
            r += 2;
            continue;
          case 'u': {
            char32_t rr = static_cast<char32_t>(u4(r));
            r += 6;
            if (rr >= 0xD800 && rr < 0xE000) {
              int lo = u4(r);
              if (rr < 0xDC00 && lo >= 0xDC00 && lo < 0xE000) {
                appendUtf8(out,
                           0x10000 + ((rr - 0xD800) << 10) + (static_cast<char32_t>(lo) - 0xDC00));
                r += 6;
                continue;
              }
              rr = 0xFFFD;
            }
            appendUtf8(out, rr);
            continue;
          }
          default:
            out += e;
            r += 2;
            continue;
        }
      }
      size_t width = 1;
      char32_t cp = static_cast<unsigned char>(c);
      if (cp >= 0x80) {
        cp = decodeRune(raw, r, &width);
        if (cp == 0xFFFD && width == 1) {
          appendUtf8(out, 0xFFFD);
          r += 1;
          continue;
        }
      }
      out.append(raw.substr(r, width));
      r += width;
    }
    tok->kind = Kind::kString;
    tok->text = std::move(out);
    return true;
  }

  bool count() {
    if (++values_ > kMaxValues) {
      return fail(fmt::format("JSON document too large: more than {} values", kMaxValues));
    }
    return true;
  }

  bool fromToken(const Token& tok, Value* out, int depth) {
    if (!count()) return false;
    switch (tok.kind) {
      case Kind::kNull:
        *out = Value::null();
        return true;
      case Kind::kBool:
        *out = Value::boolean(tok.boolean);
        return true;
      case Kind::kString:
        *out = Value::string(utf8::toNfc(tok.text));
        return true;
      case Kind::kNumber: {
        auto n = Number::parse(tok.text);
        // Beyond what eval::Number holds (|x| > ~1e4932): unknown, not wrong.
        *out = n ? Value::number(*n) : Value::unknown(Type::number());
        return true;
      }
      case Kind::kDelim:
        break;
    }
    if (depth >= 1000) return fail("exceeded max depth");
    if (tok.delim == '[') {
      std::vector<Value> elements;
      for (;;) {
        Token t;
        if (!next(&t)) return false;
        if (t.kind == Kind::kDelim && t.delim == ']') break;
        Value e;
        if (!fromToken(t, &e, depth + 1)) return false;
        elements.push_back(std::move(e));
      }
      *out = Value::tuple(std::move(elements));
      return true;
    }
    std::vector<Value::Attribute> attributes;
    for (;;) {
      Token key;
      if (!next(&key)) return false;
      if (key.kind == Kind::kDelim) break;  // '}' (anything else was a token error)
      Token t;
      if (!next(&t)) return false;
      Value e;
      if (!fromToken(t, &e, depth + 1)) return false;
      attributes.emplace_back(utf8::toNfc(key.text), std::move(e));
    }
    *out = Value::object(std::move(attributes));
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
  State state_ = State::kTopValue;
  std::vector<State> stack_;
  size_t values_ = 0;
  std::string error_;
};

FunctionResult jsondecodeImpl(std::span<const Value> args, FunctionContext&) {
  JsonDecoder decoder(args[0].asString());
  Value v;
  if (!decoder.decode(&v)) return FunctionResult::fail(decoder.error());
  return ok(v);
}

// ---------------------------------------------------------------------------
// csvdecode: Go's encoding/csv.Reader (Comma ',', no comments, strict quotes).

class CsvReader {
 public:
  explicit CsvReader(std::string_view s) : s_(s) {}

  /// Reads a record. Returns false at the end of input (`error` empty) or
  /// on an error (`error` set, as cty words it).
  bool read(std::vector<std::string>* record, size_t expected_fields, std::string* error) {
    record->clear();
    std::string line;
    bool eof = false;
    for (;;) {
      eof = !readLine(&line);
      if (!eof && line.size() == lengthNl(line)) continue;  // empty line
      break;
    }
    if (eof) return false;
    int rec_line = num_line_;
    int pos_line = num_line_;
    std::string_view rest = line;
    std::string field;
    for (;;) {
      if (rest.empty() || rest[0] != '"') {
        // Unquoted field.
        size_t i = rest.find(',');
        std::string_view f = i == std::string_view::npos
                                 ? rest.substr(0, rest.size() - lengthNl(rest))
                                 : rest.substr(0, i);
        size_t q = f.find('"');
        if (q != std::string_view::npos) {
          *error =
              fmt::format("CSV parse error on line {}: bare \" in non-quoted-field", num_line_);
          return true;
        }
        record->emplace_back(f);
        if (record->size() > kMaxValues) {
          *error = fmt::format("CSV data too large: more than {} values", kMaxValues);
          return true;
        }
        if (i != std::string_view::npos) {
          rest.remove_prefix(i + 1);
          continue;
        }
        break;
      }
      // Quoted field.
      rest.remove_prefix(1);
      field.clear();
      bool done_record = false;
      for (;;) {
        size_t i = rest.find('"');
        if (i != std::string_view::npos) {
          field.append(rest.substr(0, i));
          rest.remove_prefix(i + 1);
          if (!rest.empty() && rest[0] == '"') {
            field += '"';
            rest.remove_prefix(1);
          } else if (!rest.empty() && rest[0] == ',') {
            rest.remove_prefix(1);
            record->push_back(field);
            break;  // next field
          } else if (lengthNl(rest) == rest.size()) {
            record->push_back(field);
            done_record = true;
            break;
          } else {
            *error = fmt::format(
                "CSV parse error on line {}: extraneous or missing \" in quoted-field", num_line_);
            return true;
          }
        } else if (!rest.empty()) {
          // The field continues on the next line.
          field.append(rest);
          if (!readLine(&line)) line.clear();
          rest = line;
          if (!rest.empty()) {
            ++pos_line;
          }
        } else {
          // End of input inside quotes.
          *error = fmt::format(
              "CSV parse error on line {}: extraneous or missing \" in quoted-field", pos_line);
          return true;
        }
      }
      if (done_record) break;
    }
    if (expected_fields > 0 && record->size() != expected_fields) {
      *error = fmt::format("CSV parse error on line {}: wrong number of fields", rec_line);
    }
    return true;
  }

 private:
  static size_t lengthNl(std::string_view s) { return !s.empty() && s.back() == '\n' ? 1 : 0; }

  /// Go's readLine: the next line with its "\n" ("\r\n" normalised to "\n";
  /// a final "\r" without newline dropped). False at the end of input.
  bool readLine(std::string* line) {
    if (pos_ >= s_.size()) return false;
    size_t nl = s_.find('\n', pos_);
    size_t end = nl == std::string_view::npos ? s_.size() : nl + 1;
    *line = std::string(s_.substr(pos_, end - pos_));
    pos_ = end;
    if (nl == std::string_view::npos && !line->empty() && line->back() == '\r') line->pop_back();
    ++num_line_;
    size_t n = line->size();
    if (n >= 2 && (*line)[n - 2] == '\r' && (*line)[n - 1] == '\n') {
      (*line)[n - 2] = '\n';
      line->pop_back();
    }
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
  int num_line_ = 0;
};

FunctionResult csvdecodeImpl(std::span<const Value> args, FunctionContext&) {
  CsvReader reader(args[0].asString());
  std::vector<std::string> headers;
  std::string error;
  if (!reader.read(&headers, 0, &error)) return FunctionResult::fail("missing header line");
  if (!error.empty()) return FunctionResult::fail(error);
  for (size_t i = 0; i < headers.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (headers[i] == headers[j]) {
        return FunctionResult::fail(
            fmt::format("duplicate column name {}", detail::goQuote(headers[i])));
      }
    }
  }
  std::vector<std::string> names;
  for (const std::string& h : headers) names.push_back(utf8::toNfc(h));
  std::vector<Value> rows;
  std::vector<std::string> record;
  size_t values = headers.size();
  while (reader.read(&record, headers.size(), &error)) {
    if (!error.empty()) return FunctionResult::fail(error);
    values += record.size() + 1;
    if (values > kMaxValues) {
      return FunctionResult::fail(
          fmt::format("CSV data too large: more than {} values", kMaxValues));
    }
    std::vector<Value::Attribute> attrs;
    attrs.reserve(record.size());
    for (size_t i = 0; i < record.size(); ++i)
      attrs.emplace_back(names[i], Value::string(utf8::toNfc(record[i])));
    rows.push_back(Value::object(std::move(attrs)));
  }
  std::vector<ObjectAttribute> types;
  for (const std::string& n : names) types.push_back({n, Type::string(), false});
  return ok(Value::list(std::move(rows), Type::object(std::move(types))));
}

// ---------------------------------------------------------------------------
// base64, URL and text encodings

/// Terraform's redactIfSensitive.
std::string shownString(const Value& v) {
  return v.sensitive() ? "(sensitive value)" : detail::goQuote(v.asString());
}

FunctionResult base64encodeImpl(std::span<const Value> args, FunctionContext&) {
  return ok(Value::string(detail::base64Encode(args[0].asString())));
}

FunctionResult base64decodeImpl(std::span<const Value> args, FunctionContext&) {
  std::string decoded;
  size_t offset = 0;
  if (!detail::base64Decode(args[0].asString(), &decoded, &offset)) {
    return FunctionResult::fail("failed to decode base64 data " + shownString(args[0]));
  }
  if (!validUtf8(decoded)) {
    return FunctionResult::fail("the result of decoding the provided string is not valid UTF-8");
  }
  return ok(Value::string(utf8::toNfc(decoded)));
}

// gzip output depends on Go's compress/flate: not reproduced.
FunctionResult base64gzipImpl(std::span<const Value>, FunctionContext&) {
  return ok(Value::unknown(Type::string()));
}

// Go's url.QueryEscape.
FunctionResult urlencodeImpl(std::span<const Value> args, FunctionContext&) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : args[0].asString()) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return ok(Value::string(std::move(out)));
}

/// The IANA names golang.org/x/text accepts for UTF-8 (case-insensitive,
/// surrounding space ignored).
bool isUtf8Name(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t' || name.front() == '\n' ||
                           name.front() == '\r'))
    name.remove_prefix(1);
  while (!name.empty() &&
         (name.back() == ' ' || name.back() == '\t' || name.back() == '\n' || name.back() == '\r'))
    name.remove_suffix(1);
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "utf-8" || lower == "csutf8";
}

FunctionResult textencodebase64Impl(std::span<const Value> args, FunctionContext&) {
  if (!isUtf8Name(args[1].asString())) return ok(Value::unknown(Type::string()));
  return ok(Value::string(detail::base64Encode(args[0].asString())));
}

FunctionResult textdecodebase64Impl(std::span<const Value> args, FunctionContext&) {
  if (!isUtf8Name(args[1].asString())) return ok(Value::unknown(Type::string()));
  std::string decoded;
  size_t offset = 0;
  if (!detail::base64Decode(args[0].asString(), &decoded, &offset)) {
    return FunctionResult::fail(
        fmt::format("the given value is has an invalid base64 symbol at offset {}", offset), 0);
  }
  // x/text's UTF-8 decoder replaces bad bytes with U+FFFD, which Terraform
  // then rejects (as it rejects a U+FFFD that was there to begin with).
  if (!validUtf8(decoded) || decoded.find("\xEF\xBF\xBD") != std::string::npos) {
    return FunctionResult::fail("the given string contains symbols that are not defined for UTF-8",
                                0);
  }
  return ok(Value::string(utf8::toNfc(decoded)));
}

// ---------------------------------------------------------------------------
// yamlencode: libyaml's emitter (as go-cty-yaml's Marshal drives it), for
// the events a value produces: block collections (flow only when empty),
// plain numbers/bools/null, double-quoted strings, literal strings when
// they contain a newline.

size_t yamlWidth(unsigned char b) {
  if ((b & 0x80) == 0x00) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;  // not produced by valid UTF-8
}

unsigned char byteAt(std::string_view s, size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

bool yamlIsPrintable(std::string_view b, size_t i) {
  unsigned char c = byteAt(b, i), c1 = byteAt(b, i + 1), c2 = byteAt(b, i + 2);
  return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) ||
         (c > 0xC2 && c < 0xED) || (c == 0xED && c1 < 0xA0) || c == 0xEE ||
         (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
}

bool yamlIsBreak(std::string_view b, size_t i) {
  unsigned char c = byteAt(b, i), c1 = byteAt(b, i + 1), c2 = byteAt(b, i + 2);
  return c == '\r' || c == '\n' || (c == 0xC2 && c1 == 0x85) ||
         (c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9));
}

bool yamlIsBlank(std::string_view b, size_t i) {
  return i < b.size() && (b[i] == ' ' || b[i] == '\t');
}
bool yamlIsSpace(std::string_view b, size_t i) { return i < b.size() && b[i] == ' '; }
bool yamlIsBlankz(std::string_view b, size_t i) {
  return i >= b.size() || b[i] == '\0' || yamlIsBlank(b, i) || yamlIsBreak(b, i);
}

struct ScalarAnalysis {
  bool multiline = false;
  bool flow_plain_allowed = false;
  bool block_plain_allowed = true;
  bool single_quoted_allowed = true;
  bool block_allowed = false;
};

ScalarAnalysis analyzeScalar(std::string_view value) {
  ScalarAnalysis a;
  if (value.empty()) return a;
  bool block_indicators = false, flow_indicators = false, line_breaks = false, special = false;
  bool leading_space = false, leading_break = false, trailing_space = false, trailing_break = false;
  bool break_space = false, space_break = false, previous_space = false, previous_break = false;
  if (value.size() >= 3 && (value.substr(0, 3) == "---" || value.substr(0, 3) == "...")) {
    block_indicators = flow_indicators = true;
  }
  bool preceded_by_whitespace = true;
  for (size_t i = 0, w = 0; i < value.size(); i += w) {
    w = yamlWidth(static_cast<unsigned char>(value[i]));
    bool followed_by_whitespace = i + w >= value.size() || yamlIsBlank(value, i + w);
    char c = value[i];
    if (i == 0) {
      switch (c) {
        case '#':
        case ',':
        case '[':
        case ']':
        case '{':
        case '}':
        case '&':
        case '*':
        case '!':
        case '|':
        case '>':
        case '\'':
        case '"':
        case '%':
        case '@':
        case '`':
          flow_indicators = block_indicators = true;
          break;
        case '?':
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '-':
          if (followed_by_whitespace) flow_indicators = block_indicators = true;
          break;
        default:
          break;
      }
    } else {
      switch (c) {
        case ',':
        case '?':
        case '[':
        case ']':
        case '{':
        case '}':
          flow_indicators = true;
          break;
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '#':
          if (preceded_by_whitespace) flow_indicators = block_indicators = true;
          break;
        default:
          break;
      }
    }
    if (!yamlIsPrintable(value, i)) special = true;
    if (yamlIsSpace(value, i)) {
      if (i == 0) leading_space = true;
      if (i + w == value.size()) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (yamlIsBreak(value, i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == value.size()) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = previous_break = false;
    }
    preceded_by_whitespace = yamlIsBlankz(value, i);
  }
  a.multiline = line_breaks;
  a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = a.block_allowed = true;
  if (leading_space || leading_break || trailing_space || trailing_break) {
    a.flow_plain_allowed = a.block_plain_allowed = false;
  }
  if (trailing_space) a.block_allowed = false;
  if (break_space) a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = false;
  if (space_break || special) {
    a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = a.block_allowed =
        false;
  }
  if (line_breaks) a.flow_plain_allowed = a.block_plain_allowed = false;
  if (flow_indicators) a.flow_plain_allowed = false;
  if (block_indicators) a.block_plain_allowed = false;
  return a;
}

class YamlEmitter {
 public:
  bool emit(const Value& v, std::string* out, bool* sensitive, std::string* error) {
    sensitive_ = sensitive;
    if (!emitNode(v, true, false, false, false, 0)) {
      *error = error_;
      return false;
    }
    writeIndent();      // document end
    if (open_ended_) {  // stream end
      writeIndicator("...", true, false, false);
      writeIndent();
    }
    *out = std::move(out_);
    return true;
  }

 private:
  enum class Style { kPlain, kSingle, kDouble, kLiteral };

  void put(char c) {
    out_ += c;
    ++column_;
  }
  void putBreak() {
    out_ += '\n';
    column_ = 0;
  }
  void write(std::string_view s, size_t* i) {
    size_t w = std::min(yamlWidth(static_cast<unsigned char>(s[*i])), s.size() - *i);
    out_.append(s.substr(*i, w));
    ++column_;
    *i += w;
  }
  void writeBreak(std::string_view s, size_t* i) {
    if (s[*i] == '\n') {
      putBreak();
      ++*i;
    } else {
      write(s, i);
      column_ = 0;
    }
  }
  void writeIndent() {
    int indent = std::max(indent_, 0);
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) putBreak();
    while (column_ < indent) put(' ');
    whitespace_ = true;
    indention_ = true;
  }
  void writeIndicator(std::string_view indicator, bool need_whitespace, bool is_whitespace,
                      bool is_indention) {
    if (need_whitespace && !whitespace_) put(' ');
    for (size_t i = 0; i < indicator.size();) write(indicator, &i);
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
    open_ended_ = false;
  }
  void increaseIndent(bool flow, bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = flow ? 2 : 0;
    } else if (!indentless) {
      indent_ += 2;
    }
  }
  void popIndent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  bool emitNode(const Value& v, bool root, bool sequence, bool mapping, bool simple_key,
                int depth) {
    if (v.sensitive()) *sensitive_ = true;
    if (depth > 1000) {
      error_ = "value is nested too deeply to serialize as YAML";
      return false;
    }
    root_ = root;
    mapping_ = mapping;
    simple_key_ = simple_key;
    (void)sequence;
    if (v.isNull()) {
      emitScalar("null", Style::kPlain);
      return true;
    }
    switch (v.type().kind()) {
      case TypeKind::kBool:
        emitScalar(v.asBool() ? "true" : "false", Style::kPlain);
        return true;
      case TypeKind::kNumber:
        if (v.asNumber().isFinite() && !printableNumber(v.asNumber()))
          return false;  // error_ empty
        emitScalar(v.asNumber().toString(), Style::kPlain);
        return true;
      case TypeKind::kString: {
        const std::string& s = v.asString();
        emitScalar(s, s.find('\n') != std::string::npos ? Style::kLiteral : Style::kDouble);
        return true;
      }
      case TypeKind::kList:
      case TypeKind::kSet:
      case TypeKind::kTuple: {
        if (v.elements().empty() || flow_level_ > 0) {
          writeIndicator("[", true, true, false);
          increaseIndent(true, false);
          popIndent();
          writeIndicator("]", false, false, false);
          return true;
        }
        increaseIndent(false, mapping_ && !indention_);
        for (const Value& e : v.elements()) {
          writeIndent();
          writeIndicator("-", true, false, true);
          if (!emitNode(e, false, true, false, false, depth + 1)) return false;
        }
        popIndent();
        return true;
      }
      case TypeKind::kMap:
      case TypeKind::kObject: {
        if (v.attributes().empty() || flow_level_ > 0) {
          writeIndicator("{", true, true, false);
          increaseIndent(true, false);
          popIndent();
          writeIndicator("}", false, false, false);
          return true;
        }
        increaseIndent(false, false);
        for (const auto& [k, e] : v.attributes()) {
          writeIndent();
          ScalarAnalysis a = analyzeScalar(k);
          Style key_style = k.find('\n') != std::string::npos ? Style::kLiteral : Style::kDouble;
          root_ = false;
          mapping_ = true;
          if (!a.multiline && k.size() <= 128) {
            simple_key_ = true;
            emitScalar(k, key_style);
            writeIndicator(":", false, false, false);
          } else {  // a "complex" key
            writeIndicator("?", true, false, true);
            simple_key_ = false;
            emitScalar(k, key_style);
            writeIndent();
            writeIndicator(":", true, false, true);
          }
          if (!emitNode(e, false, false, true, false, depth + 1)) return false;
        }
        popIndent();
        return true;
      }
      case TypeKind::kDynamic:
        emitScalar("null", Style::kPlain);
        return true;
    }
    return true;
  }

  void emitScalar(std::string_view value, Style style) {
    ScalarAnalysis a = analyzeScalar(value);
    if (simple_key_ && a.multiline) style = Style::kDouble;
    if (style == Style::kPlain) {
      if ((flow_level_ > 0 && !a.flow_plain_allowed) ||
          (flow_level_ == 0 && !a.block_plain_allowed)) {
        style = Style::kSingle;
      }
      if (value.empty() && (flow_level_ > 0 || simple_key_)) style = Style::kSingle;
    }
    if (style == Style::kSingle && !a.single_quoted_allowed) style = Style::kDouble;
    if (style == Style::kLiteral && (!a.block_allowed || flow_level_ > 0 || simple_key_))
      style = Style::kDouble;
    increaseIndent(true, false);
    switch (style) {
      case Style::kPlain:
        writePlain(value);
        break;
      case Style::kSingle:  // not produced for our values; double quotes are always valid
      case Style::kDouble:
        writeDouble(value, !simple_key_);
        break;
      case Style::kLiteral:
        writeLiteral(value);
        break;
    }
    popIndent();
  }

  void writePlain(std::string_view value) {
    if (!whitespace_) put(' ');
    for (size_t i = 0; i < value.size();) write(value, &i);
    whitespace_ = false;
    indention_ = false;
    if (root_) open_ended_ = true;
  }

  void writeDouble(std::string_view value, bool allow_breaks) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    bool spaces = false;
    writeIndicator("\"", true, false, false);
    // libyaml's is_bom() looks at the start of the value, not at i: a value
    // starting with a BOM has every character escaped.
    bool bom = value.size() >= 3 && value.substr(0, 3) == "\xEF\xBB\xBF";
    for (size_t i = 0; i < value.size();) {
      unsigned char c = static_cast<unsigned char>(value[i]);
      if (!yamlIsPrintable(value, i) || bom || yamlIsBreak(value, i) || c == '"' || c == '\\') {
        size_t w = std::min(yamlWidth(c), value.size() - i);
        char32_t v = w == 1 ? c : w == 2 ? (c & 0x1F) : w == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < w; ++k)
          v = (v << 6) | (static_cast<unsigned char>(value[i + k]) & 0x3F);
        i += w;
        put('\\');
        switch (v) {
          case 0x00:
            put('0');
            break;
          case 0x07:
            put('a');
            break;
          case 0x08:
            put('b');
            break;
          case 0x09:
            put('t');
            break;
          case 0x0A:
            put('n');
            break;
          case 0x0B:
            put('v');
            break;
          case 0x0C:
            put('f');
            break;
          case 0x0D:
            put('r');
            break;
          case 0x1B:
            put('e');
            break;
          case 0x22:
            put('"');
            break;
          case 0x5C:
            put('\\');
            break;
          case 0x85:
            put('N');
            break;
          case 0xA0:
            put('_');
            break;
          case 0x2028:
            put('L');
            break;
          case 0x2029:
            put('P');
            break;
          default: {
            int digits;
            if (v <= 0xFF) {
              put('x');
              digits = 2;
            } else if (v <= 0xFFFF) {
              put('u');
              digits = 4;
            } else {
              put('U');
              digits = 8;
            }
            for (int k = (digits - 1) * 4; k >= 0; k -= 4) put(kHex[(v >> k) & 0x0F]);
          }
        }
        spaces = false;
      } else if (c == ' ') {
        if (allow_breaks && !spaces && column_ > 80 && i > 0 && i < value.size() - 1) {
          writeIndent();
          if (yamlIsSpace(value, i + 1)) put('\\');
          i += 1;
        } else {
          write(value, &i);
        }
        spaces = true;
      } else {
        write(value, &i);
        spaces = false;
      }
    }
    writeIndicator("\"", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void writeBlockScalarHints(std::string_view value) {
    if (yamlIsSpace(value, 0) || yamlIsBreak(value, 0)) writeIndicator("2", false, false, false);
    open_ended_ = false;
    char chomp = 0;
    if (value.empty()) {
      chomp = '-';
    } else {
      size_t i = value.size() - 1;
      while (i > 0 && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80) --i;
      if (!yamlIsBreak(value, i)) {
        chomp = '-';
      } else if (i == 0) {
        chomp = '+';
        open_ended_ = true;
      } else {
        --i;
        while (i > 0 && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80) --i;
        if (yamlIsBreak(value, i)) {
          chomp = '+';
          open_ended_ = true;
        }
      }
    }
    // (writeIndicator clears open_ended again, as in libyaml's Go port.)
    if (chomp != 0) writeIndicator(std::string_view(&chomp, 1), false, false, false);
  }

  void writeLiteral(std::string_view value) {
    writeIndicator("|", true, false, false);
    writeBlockScalarHints(value);
    putBreak();
    indention_ = true;
    whitespace_ = true;
    bool breaks = true;
    for (size_t i = 0; i < value.size();) {
      if (yamlIsBreak(value, i)) {
        writeBreak(value, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) writeIndent();
        write(value, &i);
        indention_ = false;
        breaks = false;
      }
    }
  }

  std::string out_;
  std::string error_;
  bool* sensitive_ = nullptr;
  int indent_ = -1;
  std::vector<int> indents_;
  int column_ = 0;
  int flow_level_ = 0;
  bool whitespace_ = true;
  bool indention_ = true;
  bool open_ended_ = false;
  bool root_ = false;
  bool mapping_ = false;
  bool simple_key_ = false;
};

FunctionResult yamlencodeImpl(std::span<const Value> args, FunctionContext&) {
  std::string out, error;
  bool sensitive = false;
  YamlEmitter emitter;
  if (!emitter.emit(args[0], &out, &sensitive, &error)) {
    if (error.empty()) return ok(Value::unknown(Type::string()));  // an unprintable number
    return FunctionResult::fail(error);
  }
  Value result = Value::string(std::move(out));
  return ok(sensitive ? result.markedSensitive() : result);
}

// ---------------------------------------------------------------------------
// yamldecode

enum class YamlStyle { kPlain, kSingle, kDouble, kLiteral, kFolded };

const std::string kTagPrefix = "tag:yaml.org,2002:";
const std::string kStrTag = kTagPrefix + "str";
const std::string kBoolTag = kTagPrefix + "bool";
const std::string kIntTag = kTagPrefix + "int";
const std::string kFloatTag = kTagPrefix + "float";
const std::string kNullTag = kTagPrefix + "null";
const std::string kTimestampTag = kTagPrefix + "timestamp";
const std::string kBinaryTag = kTagPrefix + "binary";
const std::string kMapTag = kTagPrefix + "map";
const std::string kSeqTag = kTagPrefix + "seq";

bool isDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

/// Go's time.getnum (one or two digits; exactly two if fixed).
bool yamlGetnum(std::string_view& s, int* out) {
  if (!isDigitAt(s, 0)) return false;
  if (!isDigitAt(s, 1)) {
    *out = s[0] - '0';
    s.remove_prefix(1);
    return true;
  }
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return true;
}

/// go-cty-yaml's timestamp recognition: time.Parse with the layouts
/// "2006-1-2T15:4:5.999999999Z07:00" (also with "t"), "2006-1-2
/// 15:4:5.999999999" and "2006-1-2"; the result in RFC 3339.
std::optional<std::string> yamlTimestamp(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits != 4 || digits == s.size() || s[4] != '-') return std::nullopt;
  int year = std::stoi(std::string(s.substr(0, 4)));
  std::string_view v = s.substr(5);
  int month = 0, day = 0, hour = 0, minute = 0, second = 0, offset = 0;
  if (!yamlGetnum(v, &month) || month < 1 || month > 12) return std::nullopt;
  if (v.empty() || v[0] != '-') return std::nullopt;
  v.remove_prefix(1);
  if (!yamlGetnum(v, &day)) return std::nullopt;
  if (!v.empty()) {
    char sep = v[0];
    if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
    v.remove_prefix(1);
    if (!yamlGetnum(v, &hour) || hour >= 24) return std::nullopt;
    if (v.empty() || v[0] != ':') return std::nullopt;
    v.remove_prefix(1);
    if (!yamlGetnum(v, &minute) || minute >= 60) return std::nullopt;
    if (v.empty() || v[0] != ':') return std::nullopt;
    v.remove_prefix(1);
    if (!yamlGetnum(v, &second) || second >= 60) return std::nullopt;
    if (v.size() >= 2 && (v[0] == '.' || v[0] == ',') && isDigitAt(v, 1)) {
      size_t i = 0;
      while (i < 9 && i + 1 < v.size() && isDigitAt(v, i + 1)) ++i;
      v.remove_prefix(1 + i);
    }
    if (sep != ' ') {
      if (!v.empty() && v[0] == 'Z') {
        v.remove_prefix(1);
      } else {
        if (v.size() < 6 || v[3] != ':' || (v[0] != '+' && v[0] != '-')) return std::nullopt;
        if (!isDigitAt(v, 1) || !isDigitAt(v, 2) || !isDigitAt(v, 4) || !isDigitAt(v, 5))
          return std::nullopt;
        offset = ((v[1] - '0') * 10 + (v[2] - '0')) * 60 + (v[4] - '0') * 10 + (v[5] - '0');
        if (v[0] == '-') offset = -offset;
        v.remove_prefix(6);
      }
    }
    if (!v.empty()) return std::nullopt;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  int max_day = month == 2 && leap ? 29 : kDays[month - 1];
  if (day < 1 || day > max_day) return std::nullopt;
  std::string zone = "Z";
  if (offset != 0) {
    int a = offset < 0 ? -offset : offset;
    zone = fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', a / 60, a % 60);
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", year, month, day, hour, minute,
                     second, zone);
}

__extension__ typedef unsigned __int128 Uint128;

/// Go's strconv.ParseInt/ParseUint with base 0 (0x, 0o, 0b and 0 prefixes).
std::optional<Number> goParseIntBase0(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  int base = 10;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    if (p == 'x') {
      base = 16;
      s.remove_prefix(2);
    } else if (p == 'o') {
      base = 8;
      s.remove_prefix(2);
    } else if (p == 'b') {
      base = 2;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;
  }
  Uint128 v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'z' ? c - 'a' + 10
            : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                   : 99;
    if (d >= base) return std::nullopt;
    v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    if (v > (Uint128{1} << 64)) return std::nullopt;
  }
  if (neg) {
    if (v > (Uint128{1} << 63)) return std::nullopt;
    return Number(-static_cast<long double>(static_cast<uint64_t>(v)));
  }
  if (v > UINT64_MAX) return std::nullopt;
  return Number(static_cast<long double>(static_cast<uint64_t>(v)));
}

/// cty.ParseNumberVal: decimal numbers, and Go big.Float's "Inf"/"inf".
std::optional<Value> ctyParseNumber(std::string_view s) {
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "Inf" || body == "inf") {
    return Value::number(Number(neg ? -INFINITY : INFINITY));
  }
  // Number::parse accepts what big.Float does in base 10, except that it
  // cannot hold magnitudes beyond long double: those are unknown here.
  bool syntax = !s.empty();
  size_t i = 0, digits = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  while (i < s.size() && isDigitAt(s, i)) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDigitAt(s, i)) ++i, ++digits;
  }
  if (digits == 0) syntax = false;
  if (syntax && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t e = 0;
    while (i < s.size() && isDigitAt(s, i)) ++i, ++e;
    if (e == 0) syntax = false;
  }
  if (!syntax || i != s.size()) return std::nullopt;
  auto n = Number::parse(s);
  if (!n) return Value::unknown(Type::number());
  return Value::number(*n);
}

bool matchesYamlInt(std::string_view s) {
  auto all = [](std::string_view t, auto pred) {
    if (t.empty()) return false;
    for (char c : t)
      if (!pred(c)) return false;
    return true;
  };
  auto dec = [](char c) { return c >= '0' && c <= '9'; };
  auto oct = [](char c) { return c >= '0' && c <= '7'; };
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  if (s.size() > 2 && s.substr(0, 2) == "0o") return all(s.substr(2), oct);
  if (s.size() > 2 && s.substr(0, 2) == "0x") return all(s.substr(2), hex);
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  return all(s, dec);
}

bool matchesYamlFloat(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t d = 0;
    while (isDigitAt(s, i)) ++i, ++d;
    if (d == 0) return false;
  } else {
    size_t d = 0;
    while (isDigitAt(s, i)) ++i, ++d;
    if (d == 0) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (isDigitAt(s, i)) ++i;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t d = 0;
    while (isDigitAt(s, i)) ++i, ++d;
    if (d == 0) return false;
  }
  return i == s.size();
}

/// go-cty-yaml's implicit values (resolveMap).
std::optional<Value> yamlImplicit(std::string_view s) {
  static const std::unordered_map<std::string_view, int> kMap = {
      {"y", 1},     {"Y", 1},     {"yes", 1},   {"Yes", 1},   {"YES", 1},   {"true", 1},
      {"True", 1},  {"TRUE", 1},  {"on", 1},    {"On", 1},    {"ON", 1},    {"n", 0},
      {"N", 0},     {"no", 0},    {"No", 0},    {"NO", 0},    {"false", 0}, {"False", 0},
      {"FALSE", 0}, {"off", 0},   {"Off", 0},   {"OFF", 0},   {"", 2},      {"~", 2},
      {"null", 2},  {"Null", 2},  {"NULL", 2},  {".inf", 3},  {".Inf", 3},  {".INF", 3},
      {"+.inf", 3}, {"+.Inf", 3}, {"+.INF", 3}, {"-.inf", 4}, {"-.Inf", 4}, {"-.INF", 4}};
  auto it = kMap.find(s);
  if (it == kMap.end()) return std::nullopt;
  switch (it->second) {
    case 0:
      return Value::boolean(false);
    case 1:
      return Value::boolean(true);
    case 2:
      return Value::null();
    case 3:
      return Value::number(Number(INFINITY));
    default:
      return Value::number(Number(-INFINITY));
  }
}

/// go-cty-yaml v1.1.0's resolveScalar. `merge` is set for the "<<" key.
std::optional<Value> resolveYamlScalar(std::string tag, const std::string& src, YamlStyle style,
                                       bool* merge, std::string* error) {
  *merge = false;
  static const std::string kResolvable[] = {"",        kStrTag,  kBoolTag,      kIntTag,
                                            kFloatTag, kNullTag, kTimestampTag, kBinaryTag};
  if (std::find(std::begin(kResolvable), std::end(kResolvable), tag) == std::end(kResolvable)) {
    *error = "unsupported tag " + detail::goQuote(tag);
    return std::nullopt;
  }
  char hint = 'N';
  if (!src.empty()) {
    char c = src[0];
    hint = (c == '+' || c == '-')                                              ? 'S'
           : (c >= '0' && c <= '9')                                            ? 'D'
           : std::string_view("yYnNtTfFoO~").find(c) != std::string_view::npos ? 'M'
           : c == '.'                                                          ? '.'
                                                                               : 0;
  }
  if (hint != 0 && tag != kStrTag && tag != kBinaryTag) {
    if (style == YamlStyle::kSingle || style == YamlStyle::kDouble)
      return Value::string(utf8::toNfc(src));
    if (auto v = yamlImplicit(src)) return v;
    if (tag.empty() && (src == ".nan" || src == ".NaN" || src == ".NAN")) {
      *error = "floating point NaN is not supported";
      return std::nullopt;
    }
    if (hint == '.') {
      if (auto v = ctyParseNumber(src)) return v;
    } else if (hint == 'D' || hint == 'S') {
      if (tag.empty() || tag == kTimestampTag) {
        if (auto t = yamlTimestamp(src)) return Value::string(*t);
      }
      if (matchesYamlInt(src)) {
        tag = kIntTag;
      } else if (matchesYamlFloat(src)) {
        tag = kFloatTag;
      }
    }
  }
  if (tag.empty() && src == "<<") {
    *merge = true;
    return Value::string("<<");
  }
  if (tag == kStrTag || tag == kBinaryTag) {
    if (tag == kBinaryTag) {
      std::string decoded;
      size_t offset = 0;
      if (!detail::base64Decode(src, &decoded, &offset)) {
        *error = fmt::format("cannot parse {} as {}: not valid base64", detail::goQuote(src), tag);
        return std::nullopt;
      }
    }
    return Value::string(utf8::toNfc(src));
  }
  if (tag == kBoolTag) {
    auto v = yamlImplicit(src);
    if (!v || v->isNull() || v->type().kind() != TypeKind::kBool) {
      *error = fmt::format("cannot parse {} as {}", detail::goQuote(src), tag);
      return std::nullopt;
    }
    return v;
  }
  if (tag == kFloatTag || tag == kIntTag) {
    std::string plain;
    for (char c : src)
      if (c != '_') plain += c;
    if (auto v = ctyParseNumber(plain)) return v;
    if (auto n = goParseIntBase0(plain)) return Value::number(*n);
    *error = fmt::format("cannot parse {} as {}", detail::goQuote(src), tag);
    return std::nullopt;
  }
  if (tag == kTimestampTag) {
    if (auto t = yamlTimestamp(src)) return Value::string(*t);
    *error = fmt::format("cannot parse {} as {}", detail::goQuote(src), tag);
    return std::nullopt;
  }
  if (tag == kNullTag) return Value::null();
  return Value::string(utf8::toNfc(src));  // tag ""
}

/// cty's conversion of a primitive to string (for mapping keys and for
/// untagged block scalars, which Terraform types as strings).
std::optional<std::string> primitiveToString(const Value& v) {
  if (v.isNull()) return std::nullopt;
  switch (v.type().kind()) {
    case TypeKind::kString:
      return v.asString();
    case TypeKind::kBool:
      return std::string(v.asBool() ? "true" : "false");
    case TypeKind::kNumber:
      return v.asNumber().toString();
    default:
      return std::nullopt;
  }
}

std::string friendlyTypeName(const Value& v) {
  if (v.isNull() && v.type().isDynamic()) return "dynamic";
  switch (v.type().kind()) {
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kNumber:
      return "number";
    case TypeKind::kString:
      return "string";
    case TypeKind::kTuple:
      return "tuple";
    case TypeKind::kObject:
      return "object";
    case TypeKind::kList:
      return "list";
    case TypeKind::kSet:
      return "set";
    case TypeKind::kMap:
      return "map";
    case TypeKind::kDynamic:
      return "dynamic";
  }
  return "dynamic";
}

class YamlParser {
 public:
  explicit YamlParser(std::string_view src) : s_(src) {}

  bool parse(Value* out) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
    bool directives = false, version = false;
    for (;;) {
      if (!skipEmptyLines()) return false;
      if (eof() || at(pos_) != '%' || col() != 0) break;
      directives = true;
      if (!parseDirective(&version)) return false;
    }
    if (!isDocMarker(pos_, '-')) {
      if (directives) return failParser(pos_, 0, "did not find expected <document start>");
      if (eof()) return failEvent(streamEnd(), "missing start of document");
      if (isDocMarker(pos_, '.')) return failParser(pos_, 0, "did not find expected node content");
    } else {
      pos_ += 3;
    }
    auto v = parseValueAfterIndicator(-1, Ctx::kRoot);
    if (!v) return false;
    if (!skipEmptyLines()) return false;
    while (isDocMarker(pos_, '.')) {
      pos_ += 3;
      if (!skipEmptyLines()) return false;
    }
    if (!eof()) {
      if (isDocMarker(pos_, '-') || at(pos_) == '%')
        return failEvent(pos_, "unexpected extra content after value");
      return failParser(pos_, 0, "did not find expected <document start>");
    }
    *out = std::move(*v);
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  static constexpr int kMaxDepth = 200;

  enum class Ctx { kRoot, kSeqItem, kMapValue, kExplicitValue };
  struct Props {
    std::string anchor;
    std::string tag;
    bool has_anchor = false;
    bool has_tag = false;
    size_t pos = 0;
    bool empty() const { return !has_anchor && !has_tag; }
  };
  /// A scalar as written, for resolving it as a mapping key.
  struct Node {
    Value value;
    bool scalar = false;
    std::string text;
    YamlStyle style = YamlStyle::kPlain;
    std::string tag;
    size_t pos = 0;
  };
  struct Anchor {
    Value value;
    size_t size = 0;
  };
  struct DepthGuard {
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
    int& depth;
  };

  // --- characters and positions

  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  bool eof() const { return pos_ >= s_.size(); }
  int col() const { return static_cast<int>(pos_ - line_start_); }
  /// Line breaks as libyaml knows them: LF, CR, CRLF, NEL, LS, PS.
  size_t breakWidth(size_t i) const {
    unsigned char c = static_cast<unsigned char>(at(i));
    if (i >= s_.size()) return 0;
    if (c == '\r') return at(i + 1) == '\n' ? 2 : 1;
    if (c == '\n') return 1;
    if (c == 0xC2 && static_cast<unsigned char>(at(i + 1)) == 0x85) return 2;
    if (c == 0xE2 && static_cast<unsigned char>(at(i + 1)) == 0x80 &&
        (static_cast<unsigned char>(at(i + 2)) == 0xA8 ||
         static_cast<unsigned char>(at(i + 2)) == 0xA9)) {
      return 3;
    }
    return 0;
  }
  bool isBreakAt(size_t i) const { return breakWidth(i) > 0; }
  bool isBlankAt(size_t i) const { return i < s_.size() && (s_[i] == ' ' || s_[i] == '\t'); }
  bool isBlankzAt(size_t i) const { return i >= s_.size() || isBlankAt(i) || isBreakAt(i); }
  bool isSeqEntry(size_t i) const { return at(i) == '-' && isBlankzAt(i + 1); }
  bool isExplicitKey(size_t i) const { return at(i) == '?' && isBlankzAt(i + 1); }
  bool isValueIndicator(size_t i) const { return at(i) == ':' && isBlankzAt(i + 1); }
  /// "---" or "..." at the start of a line, followed by a space or line end.
  bool isDocMarker(size_t i, char c = 0) const {
    if (i + 3 > s_.size() || i != line_start_) return false;
    if (c != 0 && s_[i] != c) return false;
    return (s_.substr(i, 3) == "---" || s_.substr(i, 3) == "...") && isBlankzAt(i + 3);
  }
  /// Consumes a line break; returns it as libyaml's read_line does
  /// ("\n" for LF, CR, CRLF and NEL; LS and PS as themselves).
  std::string consumeBreak() {
    size_t w = breakWidth(pos_);
    std::string b = w == 3 ? std::string(s_.substr(pos_, 3)) : std::string("\n");
    pos_ += std::max<size_t>(w, 1);
    line_start_ = pos_;
    return b;
  }
  void skipBlanks() {
    while (isBlankAt(pos_)) ++pos_;
  }
  void skipToEol() {
    while (!eof() && !isBreakAt(pos_)) ++pos_;
  }
  /// Skips blanks, comments and line breaks up to the next content. In
  /// block context a line may not start with a tab (libyaml: tabs are
  /// whitespace only after a token on the same line).
  bool skipEmptyLines() {
    bool line_start = pos_ == line_start_;
    for (;;) {
      while (isBlankAt(pos_)) {
        if (line_start && flow_ == 0 && s_[pos_] == '\t' && pos_ >= scanned_to_) {
          return failScanner(pos_, pos_, "found character that cannot start any token");
        }
        ++pos_;
      }
      if (at(pos_) == '#') skipToEol();
      if (isBreakAt(pos_)) {
        consumeBreak();
        line_start = true;
        continue;
      }
      return true;
    }
  }
  /// The position of the next token after pos_ (not moving pos_).
  size_t nextToken() {
    size_t save = pos_, save_line = line_start_;
    std::string save_error = error_;
    skipEmptyLines();
    error_ = save_error;
    size_t r = pos_;
    pos_ = save;
    line_start_ = save_line;
    return r;
  }

  /// Zero-based line and column (in characters) of a position.
  std::pair<size_t, size_t> mark(size_t at_pos) const {
    size_t line = 0, column = 0;
    for (size_t i = 0; i < at_pos && i < s_.size(); ++i) {
      size_t w = breakWidth(i);
      if (w > 0) {
        ++line;
        column = 0;
        i += w - 1;
      } else if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    return {line, column};
  }

  /// libyaml marks the end of the stream on a line of its own.
  size_t streamEnd() const { return s_.size(); }
  std::pair<size_t, size_t> markOrEnd(size_t at_pos) const {
    auto m = mark(at_pos);
    if (at_pos >= s_.size() && (s_.empty() || m.second != 0)) return {m.first + 1, 0};
    return m;
  }

  // Errors are positioned as go-cty-yaml positions libyaml's: a scanner
  // error at the one-based line of the problem (column 1); a parser error
  // at the zero-based line and one-based column of the offending token; an
  // error about a node at the node's zero-based line. Nothing on the first
  // line has a position (the zero line means "unknown" there).
  bool failScanner(size_t problem, size_t context, std::string_view message) {
    auto p = mark(problem);
    if (p.first != 0) {
      error_ = fmt::format("on line {}, column 1: {}", p.first + 1, message);
    } else {
      auto c = mark(context);
      error_ = c.first != 0
                   ? fmt::format("on line {}, column {}: {}", c.first, c.second + 1, message)
                   : std::string(message);
    }
    return false;
  }
  bool failParser(size_t problem, size_t context, std::string_view message) {
    auto p = markOrEnd(problem);
    if (p.first != 0) {
      error_ = fmt::format("on line {}, column {}: {}", p.first, p.second + 1, message);
    } else {
      auto c = markOrEnd(context);
      error_ = c.first != 0
                   ? fmt::format("on line {}, column {}: {}", c.first, c.second + 1, message)
                   : std::string(message);
    }
    return false;
  }
  bool failEvent(size_t at_pos, std::string_view message) {
    auto m = markOrEnd(at_pos);
    error_ = m.first == 0
                 ? std::string(message)
                 : fmt::format("on line {}, column {}: {}", m.first, m.second + 1, message);
    return false;
  }
  /// Our own limits, at a one-based line and column.
  bool failLimit(std::string_view message) {
    auto m = mark(pos_);
    error_ = fmt::format("on line {}, column {}: {}", m.first + 1, m.second + 1, message);
    return false;
  }

  bool count(size_t n = 1) {
    nodes_ += n;
    if (nodes_ > kMaxValues) {
      return failLimit(fmt::format(
          "YAML document too large: more than {} values (with aliases expanded)", kMaxValues));
    }
    return true;
  }

  // --- directives, properties and aliases

  bool parseDirective(bool* version) {
    size_t start = pos_;
    size_t end = pos_;
    while (end < s_.size() && !isBreakAt(end)) ++end;
    std::string_view line = s_.substr(pos_, end - pos_);
    size_t hash = line.find(" #");
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<std::string_view> words;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) words.push_back(line.substr(i, j - i));
      i = j;
    }
    if (!words.empty() && words[0] == "%YAML") {
      if (*version) return failParser(start, 0, "found duplicate %YAML directive");
      *version = true;
      if (words.size() < 2 || words[1] != "1.1")
        return failParser(start, 0, "found incompatible YAML document");
    } else if (!words.empty() && words[0] == "%TAG") {
      if (words.size() < 3) return failScanner(start, start, "did not find expected whitespace");
      handles_[std::string(words[1])] = std::string(words[2]);
    } else if (words.empty() || words[0].size() < 2 || !isAnchorChar(words[0][1])) {
      return failScanner(pos_ + 1, start, "could not find expected directive name");
    } else {
      return failScanner(pos_ + 1, start, "found unknown directive name");
    }
    pos_ = end;
    return true;
  }

  static bool isAnchorChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c == '-';
  }

  bool scanAnchorName(std::string* name) {
    size_t start = pos_;
    ++pos_;  // & or *
    size_t begin = pos_;
    while (isAnchorChar(at(pos_))) ++pos_;
    char c = at(pos_);
    if (pos_ == begin || !(isBlankzAt(pos_) || c == '?' || c == ':' || c == ',' || c == ']' ||
                           c == '}' || c == '%' || c == '@' || c == '`')) {
      return failScanner(pos_, start, "did not find expected alphabetic or numeric character");
    }
    *name = std::string(s_.substr(begin, pos_ - begin));
    return true;
  }

  bool parseTag(Props* p) {
    size_t start = pos_;
    std::string tag;
    if (at(pos_ + 1) == '<') {
      size_t close = s_.find('>', pos_ + 2);
      if (close == std::string_view::npos)
        return failScanner(s_.size(), start, "did not find the expected '>'");
      tag = std::string(s_.substr(pos_ + 2, close - pos_ - 2));
      pos_ = close + 1;
    } else {
      size_t end = pos_ + 1;
      auto stop = [&](size_t i) {
        return isBlankzAt(i) || (flow_ > 0 && (at(i) == ',' || at(i) == '[' || at(i) == ']' ||
                                               at(i) == '{' || at(i) == '}'));
      };
      while (!stop(end)) ++end;
      std::string_view text = s_.substr(pos_, end - pos_);
      std::string handle = "!", suffix;
      size_t second = text.find('!', 1);
      if (text == "!") {
        handle.clear();
        suffix = "!";
      } else if (second != std::string_view::npos) {
        handle = std::string(text.substr(0, second + 1));
        suffix = std::string(text.substr(second + 1));
      } else {
        suffix = std::string(text.substr(1));
      }
      if (handle.empty()) {
        tag = suffix;
      } else {
        auto it = handles_.find(handle);
        if (it != handles_.end()) {
          tag = it->second + suffix;
        } else if (handle == "!!") {
          tag = kTagPrefix + suffix;
        } else if (handle == "!") {
          tag = "!" + suffix;
        } else {
          return failParser(start, start, "found undefined tag handle");
        }
      }
      pos_ = end;
    }
    if (!isBlankzAt(pos_) && !(flow_ > 0 && at(pos_) == ',')) {
      return failScanner(pos_, start, "did not find expected whitespace or line break");
    }
    p->tag = std::move(tag);
    p->has_tag = true;
    return true;
  }

  bool parseProps(Props* p) {
    for (;;) {
      if (at(pos_) == '&' && !p->has_anchor) {
        if (!p->has_tag) p->pos = pos_;
        if (!scanAnchorName(&p->anchor)) return false;
        p->has_anchor = true;
      } else if (at(pos_) == '!' && !p->has_tag) {
        if (!p->has_anchor) p->pos = pos_;
        if (!parseTag(p)) return false;
      } else {
        return true;
      }
      if (flow_ > 0) {
        skipFlowSpace();
      } else {
        skipBlanks();
      }
    }
  }

  std::optional<Value> resolveAlias(const std::string& name, size_t start) {
    if (pending_.count(name) != 0) {
      failEvent(start, fmt::format("cannot refer to anchor {} from inside its own definition",
                                   detail::goQuote(name)));
      return std::nullopt;
    }
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      failEvent(start, fmt::format("reference to undefined anchor {}", detail::goQuote(name)));
      return std::nullopt;
    }
    if (!count(it->second.size)) return std::nullopt;
    last_scalar_valid_ = false;
    return it->second.value;
  }

  void beginAnchor(const Props& p) {
    if (p.has_anchor) {
      ++pending_[p.anchor];
      anchor_start_.push_back(nodes_);
    }
  }
  void completeAnchor(const Props& p, const Value& v) {
    if (!p.has_anchor) return;
    size_t start = anchor_start_.back();
    anchor_start_.pop_back();
    if (--pending_[p.anchor] == 0) pending_.erase(p.anchor);
    anchors_[p.anchor] = Anchor{v, std::max<size_t>(nodes_ - start, 1)};
  }

  // --- scalars

  /// A scalar's value: resolved by its tag and style as go-cty-yaml does.
  std::optional<Value> scalarValue(const std::string& text, YamlStyle style, const Props& props,
                                   size_t at_pos) {
    bool merge = false;
    std::string error;
    auto v = resolveYamlScalar(props.tag, text, style, &merge, &error);
    if (!v) {
      failEvent(at_pos, error);
      return std::nullopt;
    }
    // Untagged block scalars are typed as strings: the resolved value is
    // converted back ("|-\n  1e3" is "1000", "~" a null string).
    if (!props.has_tag && (style == YamlStyle::kLiteral || style == YamlStyle::kFolded)) {
      auto s = primitiveToString(*v);
      v = s ? Value::string(utf8::toNfc(*s)) : Value::null(Type::string());
    }
    if (!count()) return std::nullopt;
    last_scalar_ = Node{*v, true, text, style, props.tag, at_pos};
    last_scalar_valid_ = true;
    return v;
  }

  bool parseQuoted(std::string* out, YamlStyle* style, bool* multiline) {
    size_t start = pos_;
    bool single = at(pos_) == '\'';
    char quote = single ? '\'' : '"';
    *style = single ? YamlStyle::kSingle : YamlStyle::kDouble;
    *multiline = false;
    ++pos_;
    std::string s, leading_break, trailing_breaks, whitespaces;
    for (;;) {
      if (isDocMarker(pos_)) return failScanner(pos_, start, "found unexpected document indicator");
      if (eof()) return failScanner(pos_, start, "found unexpected end of stream");
      bool leading_blanks = false;
      while (!isBlankzAt(pos_)) {
        char c = s_[pos_];
        if (single && c == '\'' && at(pos_ + 1) == '\'') {
          s += '\'';
          pos_ += 2;
        } else if (c == quote) {
          break;
        } else if (!single && c == '\\' && isBreakAt(pos_ + 1)) {
          ++pos_;
          consumeBreak();
          leading_blanks = true;
          break;
        } else if (!single && c == '\\') {
          if (!parseEscape(&s, start)) return false;
        } else {
          s += c;
          ++pos_;
        }
      }
      if (!eof() && s_[pos_] == quote && !leading_blanks) break;
      while (isBlankAt(pos_) || isBreakAt(pos_)) {
        if (isBlankAt(pos_)) {
          if (!leading_blanks) whitespaces += s_[pos_];
          ++pos_;
        } else {
          if (!leading_blanks) {
            whitespaces.clear();
            leading_break = consumeBreak();
            leading_blanks = true;
          } else {
            trailing_breaks += consumeBreak();
          }
          *multiline = true;
        }
      }
      if (leading_blanks) {
        if (!leading_break.empty() && leading_break[0] == '\n') {
          s += trailing_breaks.empty() ? std::string(" ") : trailing_breaks;
        } else {
          s += leading_break;
          s += trailing_breaks;
        }
        leading_break.clear();
        trailing_breaks.clear();
      } else {
        s += whitespaces;
        whitespaces.clear();
      }
    }
    ++pos_;  // closing quote
    *out = std::move(s);
    return true;
  }

  bool parseEscape(std::string* s, size_t start) {
    char code = at(pos_ + 1);
    int hex = 0;
    switch (code) {
      case '0':
        *s += '\0';
        break;
      case 'a':
        *s += '\a';
        break;
      case 'b':
        *s += '\b';
        break;
      case 't':
      case '\t':
        *s += '\t';
        break;
      case 'n':
        *s += '\n';
        break;
      case 'v':
        *s += '\v';
        break;
      case 'f':
        *s += '\f';
        break;
      case 'r':
        *s += '\r';
        break;
      case 'e':
        *s += '\x1b';
        break;
      case ' ':
        *s += ' ';
        break;
      case '"':
        *s += '"';
        break;
      case '\'':
        *s += '\'';
        break;
      case '\\':
        *s += '\\';
        break;
      case 'N':
        appendUtf8(*s, 0x85);
        break;
      case '_':
        appendUtf8(*s, 0xA0);
        break;
      case 'L':
        appendUtf8(*s, 0x2028);
        break;
      case 'P':
        appendUtf8(*s, 0x2029);
        break;
      case 'x':
        hex = 2;
        break;
      case 'u':
        hex = 4;
        break;
      case 'U':
        hex = 8;
        break;
      default:
        return failScanner(pos_, start, "found unknown escape character");
    }
    if (hex > 0) {
      char32_t value = 0;
      for (int k = 0; k < hex; ++k) {
        size_t i = pos_ + 2 + static_cast<size_t>(k);
        char c = at(i);
        int d =
            i < s_.size() && std::isxdigit(static_cast<unsigned char>(c))
                ? (c <= '9' ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10))
                : -1;
        if (d < 0) return failScanner(pos_, start, "did not find expected hexdecimal number");
        value = value * 16 + static_cast<char32_t>(d);
      }
      if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
        return failScanner(pos_, start, "found invalid Unicode character escape code");
      }
      appendUtf8(*s, value);
    }
    pos_ += 2 + static_cast<size_t>(hex);
    return true;
  }

  /// A plain scalar (libyaml's scan_plain_scalar): continuation lines must
  /// be indented past `parent_indent` (in block context). Leaves pos_ just
  /// after the last content character.
  bool parsePlain(int parent_indent, std::string* out, bool* multiline) {
    int indent = parent_indent + 1;
    bool flow = flow_ > 0;
    std::string s, leading_break, trailing_breaks, whitespaces;
    bool leading_blanks = false;
    size_t end = pos_, end_line = line_start_;
    *multiline = false;
    for (;;) {
      if (isDocMarker(pos_)) break;
      if (at(pos_) == '#') break;
      while (!isBlankzAt(pos_)) {
        char c = s_[pos_];
        if ((c == ':' && isBlankzAt(pos_ + 1)) ||
            (flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}'))) {
          break;
        }
        if (leading_blanks || !whitespaces.empty()) {
          if (leading_blanks) {
            if (leading_break[0] == '\n') {
              s += trailing_breaks.empty() ? std::string(" ") : trailing_breaks;
            } else {
              s += leading_break;
              s += trailing_breaks;
            }
            leading_break.clear();
            trailing_breaks.clear();
            leading_blanks = false;
            *multiline = true;
          } else {
            s += whitespaces;
            whitespaces.clear();
          }
        }
        s += c;
        ++pos_;
        end = pos_;
        end_line = line_start_;
      }
      if (!(isBlankAt(pos_) || isBreakAt(pos_))) break;
      while (isBlankAt(pos_) || isBreakAt(pos_)) {
        if (isBlankAt(pos_)) {
          if (leading_blanks && col() < indent && s_[pos_] == '\t') {
            return failScanner(pos_, pos_, "found a tab character that violates indentation");
          }
          if (!leading_blanks) whitespaces += s_[pos_];
          ++pos_;
        } else {
          if (!leading_blanks) {
            whitespaces.clear();
            leading_break = consumeBreak();
            leading_blanks = true;
          } else {
            trailing_breaks += consumeBreak();
          }
        }
      }
      if (!flow && col() < indent) break;
    }
    // libyaml's scanner has consumed the whitespace after the scalar (and
    // checked it); we step back to the content's end but remember that.
    scanned_to_ = std::max(scanned_to_, pos_);
    pos_ = end;
    line_start_ = end_line;
    *out = std::move(s);
    return true;
  }

  /// A literal (|) or folded (>) block scalar (libyaml's scan_block_scalar).
  bool parseBlockScalar(int parent_indent, std::string* out, YamlStyle* style) {
    size_t start = pos_;
    bool literal = at(pos_) == '|';
    *style = literal ? YamlStyle::kLiteral : YamlStyle::kFolded;
    ++pos_;
    int chomping = 0, increment = 0;
    for (int k = 0; k < 2; ++k) {
      char c = at(pos_);
      if ((c == '+' || c == '-') && chomping == 0) {
        chomping = c == '+' ? 1 : -1;
        ++pos_;
      } else if (c >= '0' && c <= '9' && increment == 0) {
        if (c == '0') return failScanner(pos_, start, "found an indentation indicator equal to 0");
        increment = c - '0';
        ++pos_;
      }
    }
    skipBlanks();
    if (at(pos_) == '#') skipToEol();
    if (!eof() && !isBreakAt(pos_))
      return failScanner(pos_, start, "did not find expected comment or line break");
    if (!eof()) consumeBreak();
    int indent = 0;
    if (increment > 0) indent = parent_indent >= 0 ? parent_indent + increment : increment;
    std::string s, leading_break, trailing_breaks;
    if (!blockScalarBreaks(&indent, &trailing_breaks, parent_indent, start)) return false;
    bool leading_blank = false;
    while (col() == indent && !eof()) {
      bool trailing_blank = isBlankAt(pos_);
      if (!literal && !leading_blank && !trailing_blank && !leading_break.empty() &&
          leading_break[0] == '\n') {
        if (trailing_breaks.empty()) s += ' ';
      } else {
        s += leading_break;
      }
      leading_break.clear();
      s += trailing_breaks;
      trailing_breaks.clear();
      leading_blank = isBlankAt(pos_);
      while (!eof() && !isBreakAt(pos_)) s += s_[pos_++];
      if (eof()) break;
      leading_break = consumeBreak();
      if (!blockScalarBreaks(&indent, &trailing_breaks, parent_indent, start)) return false;
    }
    if (chomping != -1) s += leading_break;
    if (chomping == 1) s += trailing_breaks;
    *out = std::move(s);
    return true;
  }

  bool blockScalarBreaks(int* indent, std::string* breaks, int parent_indent, size_t start) {
    int max_indent = 0;
    for (;;) {
      while ((*indent == 0 || col() < *indent) && at(pos_) == ' ') ++pos_;
      max_indent = std::max(max_indent, col());
      if ((*indent == 0 || col() < *indent) && at(pos_) == '\t') {
        return failScanner(pos_, start,
                           "found a tab character where an indentation space is expected");
      }
      if (!isBreakAt(pos_)) break;
      *breaks += consumeBreak();
    }
    if (*indent == 0) *indent = std::max({max_indent, parent_indent + 1, 1});
    return true;
  }

  // --- block structure

  /// The node after "- ", ": ", "? ", "---" or at the start of the document:
  /// on this line, or on the following lines if this one has nothing more.
  std::optional<Value> parseValueAfterIndicator(int parent_indent, Ctx ctx) {
    // After "- ", "? " and the ":" of a "? " key, a tab is not
    // whitespace in block context (it is after the ":" of a plain key).
    bool tabs_ok = ctx == Ctx::kMapValue || ctx == Ctx::kRoot || flow_ > 0;
    while (isBlankAt(pos_)) {
      if (!tabs_ok && s_[pos_] == '\t') {
        failScanner(pos_, pos_, "found character that cannot start any token");
        return std::nullopt;
      }
      ++pos_;
    }
    Props props;
    if (!parseProps(&props)) return std::nullopt;
    bool inline_content = !(eof() || isBreakAt(pos_) || at(pos_) == '#');
    if (!inline_content) {
      if (!skipEmptyLines()) return std::nullopt;
      int c = col();
      if (eof() || isDocMarker(pos_) || c < parent_indent ||
          (c == parent_indent &&
           !((ctx == Ctx::kMapValue || ctx == Ctx::kExplicitValue) && isSeqEntry(pos_)))) {
        return emptyScalar(props);
      }
      if (c == parent_indent) {  // an indentless sequence as a mapping value
        beginAnchor(props);
        auto v = parseBlockSequence(c, true, props);
        if (v) completeAnchor(props, *v);
        return v;
      }
      return parseNodeAt(c, parent_indent, props, true, false);
    }
    return parseNodeAt(col(), parent_indent, props, ctx != Ctx::kMapValue, true);
  }

  std::optional<Value> emptyScalar(const Props& props) {
    beginAnchor(props);
    auto v = scalarValue("", YamlStyle::kPlain, props, props.empty() ? pos_ : props.pos);
    if (v) completeAnchor(props, *v);
    return v;
  }

  bool checkCollectionTag(const Props& props, const std::string& want, std::string_view what,
                          size_t at_pos) {
    if (props.has_tag && props.tag != want) {
      return failEvent(props.pos != 0 || at_pos == 0 ? props.pos : at_pos,
                       fmt::format("can't interpret {} as {}", what, props.tag));
    }
    return true;
  }

  /// A node starting at column `c`. Block collections may start here only
  /// if `block_allowed` (the start of a line, or after "- ").
  std::optional<Value> parseNodeAt(int c, int parent_indent, const Props& props, bool block_allowed,
                                   bool props_inline) {
    size_t start = pos_;
    char ch = at(pos_);
    if (ch == '*') {
      if (!props.empty()) {
        failParser(start, props.pos, "did not find expected node content");
        return std::nullopt;
      }
      std::string name;
      if (!scanAnchorName(&name)) return std::nullopt;
      skipBlanks();
      if (isValueIndicator(pos_)) {
        if (block_allowed)
          failEvent(start, "only strings are allowed as mapping keys");
        else
          failScanner(pos_, pos_, "mapping values are not allowed in this context");
        return std::nullopt;
      }
      return resolveAlias(name, start);
    }
    if (isSeqEntry(pos_)) {
      if (!block_allowed) {
        failScanner(pos_, pos_, "block sequence entries are not allowed in this context");
        return std::nullopt;
      }
      beginAnchor(props);
      auto v = parseBlockSequence(c, false, props);
      if (v) completeAnchor(props, *v);
      return v;
    }
    if (isExplicitKey(pos_)) {
      if (!block_allowed) {
        failScanner(pos_, pos_, "mapping keys are not allowed in this context");
        return std::nullopt;
      }
      beginAnchor(props);
      auto v = parseBlockMapping(c, std::nullopt, props);
      if (v) completeAnchor(props, *v);
      return v;
    }
    if (ch == '[' || ch == '{') {
      auto v = parseFlowCollection(props);
      if (!v) return std::nullopt;
      skipBlanks();
      if (isValueIndicator(pos_)) {
        if (block_allowed)
          failEvent(start, "only strings are allowed as mapping keys");
        else
          failScanner(pos_, pos_, "mapping values are not allowed in this context");
        return std::nullopt;
      }
      return v;
    }
    if (ch == '|' || ch == '>') {
      std::string text;
      YamlStyle style;
      beginAnchor(props);
      if (!parseBlockScalar(parent_indent, &text, &style)) return std::nullopt;
      auto v = scalarValue(text, style, props, props.empty() ? start : props.pos);
      if (v) completeAnchor(props, *v);
      return v;
    }
    if (isValueIndicator(pos_)) {
      if (block_allowed)
        failEvent(pos_, "mapping key cannot be null");
      else
        failScanner(pos_, pos_, "mapping values are not allowed in this context");
      return std::nullopt;
    }
    if (ch == ',' || ch == ']' || ch == '}') {
      failParser(pos_, start, "did not find expected node content");
      return std::nullopt;
    }
    if (ch == '%' || ch == '@' || ch == '`') {
      failScanner(pos_, pos_, "found character that cannot start any token");
      return std::nullopt;
    }
    std::string text;
    YamlStyle style = YamlStyle::kPlain;
    bool multiline = false;
    if (ch == '"' || ch == '\'') {
      if (!parseQuoted(&text, &style, &multiline)) return std::nullopt;
    } else if (!parsePlain(parent_indent, &text, &multiline)) {
      return std::nullopt;
    }
    skipBlanks();
    if (isValueIndicator(pos_)) {
      if (!block_allowed || multiline) {
        failScanner(pos_, pos_, "mapping values are not allowed in this context");
        return std::nullopt;
      }
      // The first key of a block mapping at column c. Properties written
      // before it on the same line belong to the key.
      Node key;
      key.scalar = true;
      key.text = std::move(text);
      key.style = style;
      key.tag = props_inline ? props.tag : std::string();
      key.pos = props_inline && !props.empty() ? props.pos : start;
      Props map_props = props_inline ? Props{} : props;
      beginAnchor(map_props);
      auto v = parseBlockMapping(c, std::move(key), map_props);
      if (v) completeAnchor(map_props, *v);
      return v;
    }
    beginAnchor(props);
    auto v = scalarValue(text, style, props, props.empty() ? start : props.pos);
    if (v) completeAnchor(props, *v);
    return v;
  }

  /// Adds `key: value` to a mapping, or merges for "<<".
  bool addEntry(const Node& key, Value value, std::vector<Value::Attribute>* entries) {
    if (!key.scalar) return failEvent(key.pos, "only strings are allowed as mapping keys");
    bool merge = false;
    std::string error;
    auto k = resolveYamlScalar(key.tag, key.text, key.style, &merge, &error);
    if (!k) return failEvent(key.pos, error);
    if (merge) {
      if (value.isNull() || value.type().kind() != TypeKind::kObject) {
        return failEvent(key.pos,
                         fmt::format("cannot merge {} into mapping", friendlyTypeName(value)));
      }
      for (const auto& [name, v] : value.attributes()) entries->emplace_back(name, v);
      return true;
    }
    if (k->isNull()) return failEvent(key.pos, "mapping key cannot be null");
    auto name = primitiveToString(*k);
    if (!name) return failEvent(key.pos, "only strings are allowed as mapping keys");
    entries->emplace_back(utf8::toNfc(*name), std::move(value));
    return true;
  }

  /// An implicit key of a block mapping at column m (not the first one).
  bool parseKey(int m, size_t mapping_start, Node* key) {
    key->pos = pos_;
    Props props;
    if (!parseProps(&props)) return false;
    key->tag = props.tag;
    key->scalar = true;
    char ch = at(pos_);
    bool multiline = false;
    if (ch == '*' || ch == '[' || ch == '{') {
      // The key is an alias or a collection: not a string.
      if (ch == '*') {
        std::string name;
        if (!scanAnchorName(&name)) return false;
      }
      return failEvent(pos_, "only strings are allowed as mapping keys");
    }
    if (isValueIndicator(pos_)) return failEvent(pos_, "mapping key cannot be null");
    if (ch == '|' || ch == '>' || isSeqEntry(pos_))
      return failParser(pos_, mapping_start, "did not find expected key");
    if (ch == '%' || ch == '@' || ch == '`' || ch == ',' || ch == ']' || ch == '}') {
      return failScanner(pos_, pos_, "found character that cannot start any token");
    }
    if (ch == '"' || ch == '\'') {
      if (!parseQuoted(&key->text, &key->style, &multiline)) return false;
    } else {
      key->style = YamlStyle::kPlain;
      if (!parsePlain(m, &key->text, &multiline)) return false;
    }
    skipBlanks();
    if (multiline || !isValueIndicator(pos_)) {
      return failScanner(nextToken(), key->pos, "could not find expected ':'");
    }
    return true;
  }

  /// The key after "? ": any node, which must turn out to be a scalar.
  bool parseExplicitKey(int m, Node* key) {
    size_t start = pos_;
    ++pos_;  // '?'
    size_t before = nodes_;
    last_scalar_valid_ = false;
    auto v = parseValueAfterIndicator(m, Ctx::kSeqItem);
    if (!v) return false;
    if (!last_scalar_valid_ || nodes_ != before + 1) {
      return failEvent(start + 2 <= s_.size() ? nextContent(start + 1) : start,
                       "only strings are allowed as mapping keys");
    }
    *key = last_scalar_;
    return true;
  }

  size_t nextContent(size_t from) const {
    while (from < s_.size() &&
           (s_[from] == ' ' || s_[from] == '\t' || s_[from] == '\n' || s_[from] == '\r'))
      ++from;
    return from;
  }

  /// A block mapping at column m; `first` is its first key when the caller
  /// has already read it (an implicit key, with pos_ at its ':').
  std::optional<Value> parseBlockMapping(int m, std::optional<Node> first, const Props& props) {
    DepthGuard guard(depth_);
    if (depth_ > kMaxDepth) {
      failLimit(fmt::format("YAML nesting exceeds {} levels", kMaxDepth));
      return std::nullopt;
    }
    size_t mapping_start = first ? first->pos : pos_;
    if (!checkCollectionTag(props, kMapTag, "mapping", mapping_start)) return std::nullopt;
    std::vector<Value::Attribute> entries;
    Node key;
    bool have_key = false;
    if (first) {
      key = std::move(*first);
      have_key = true;
    }
    for (;;) {
      Value value;
      if (!have_key) {
        // At column m: "? key" or "key:".
        if (isExplicitKey(pos_)) {
          if (!parseExplicitKey(m, &key)) return std::nullopt;
          if (!skipEmptyLines()) return std::nullopt;
          if (!eof() && col() == m && isValueIndicator(pos_) && !isDocMarker(pos_)) {
            ++pos_;
            auto v = parseValueAfterIndicator(m, Ctx::kExplicitValue);
            if (!v) return std::nullopt;
            value = std::move(*v);
          } else if (!count()) {
            return std::nullopt;  // no value: null
          }
          if (!addEntry(key, std::move(value), &entries)) return std::nullopt;
          goto next;
        }
        key = Node{};
        if (!parseKey(m, mapping_start, &key)) return std::nullopt;
      }
      {
        ++pos_;  // ':'
        auto v = parseValueAfterIndicator(m, Ctx::kMapValue);
        if (!v) return std::nullopt;
        if (!addEntry(key, std::move(*v), &entries)) return std::nullopt;
      }
    next:
      have_key = false;
      if (!skipEmptyLines()) return std::nullopt;
      if (eof() || isDocMarker(pos_)) break;
      int c = col();
      if (c < m) break;
      if (c > m || isSeqEntry(pos_)) {
        failParser(pos_, mapping_start, "did not find expected key");
        return std::nullopt;
      }
    }
    if (!count()) return std::nullopt;
    last_scalar_valid_ = false;
    return Value::object(std::move(entries));
  }

  std::optional<Value> parseBlockSequence(int m, bool indentless, const Props& props) {
    size_t sequence_start = pos_;
    if (!checkCollectionTag(props, kSeqTag, "sequence", sequence_start)) return std::nullopt;
    DepthGuard guard(depth_);
    if (depth_ > kMaxDepth) {
      failLimit(fmt::format("YAML nesting exceeds {} levels", kMaxDepth));
      return std::nullopt;
    }
    std::vector<Value> items;
    for (;;) {
      ++pos_;  // '-'
      auto item = parseValueAfterIndicator(m, Ctx::kSeqItem);
      if (!item) return std::nullopt;
      items.push_back(std::move(*item));
      if (!skipEmptyLines()) return std::nullopt;
      if (eof() || isDocMarker(pos_)) break;
      int c = col();
      if (c < m) break;
      if (c == m && isSeqEntry(pos_)) continue;
      if (c == m && indentless) break;
      failParser(pos_, sequence_start, "did not find expected '-' indicator");
      return std::nullopt;
    }
    if (!count()) return std::nullopt;
    last_scalar_valid_ = false;
    return Value::tuple(std::move(items));
  }

  // --- flow structure

  void skipFlowSpace() {
    for (;;) {
      while (isBlankAt(pos_)) ++pos_;
      if (at(pos_) == '#') skipToEol();
      if (isBreakAt(pos_)) {
        consumeBreak();
        continue;
      }
      return;
    }
  }

  /// A node inside [ ] or { }.
  bool parseFlowNode(Node* node, size_t collection_start) {
    skipFlowSpace();
    Props props;
    if (!parseProps(&props)) return false;
    skipFlowSpace();
    node->pos = props.empty() ? pos_ : props.pos;
    node->tag = props.tag;
    char ch = at(pos_);
    if (eof()) return failParser(pos_, collection_start, "did not find expected node content");
    if (ch == '[' || ch == '{') {
      auto v = parseFlowCollection(props);
      if (!v) return false;
      node->value = std::move(*v);
      node->scalar = false;
      return true;
    }
    if (ch == '*') {
      if (!props.empty()) return failParser(pos_, props.pos, "did not find expected node content");
      size_t start = pos_;
      std::string name;
      if (!scanAnchorName(&name)) return false;
      auto v = resolveAlias(name, start);
      if (!v) return false;
      node->value = std::move(*v);
      node->scalar = false;
      return true;
    }
    if (ch == ',' || ch == ']' || ch == '}' || ch == ':') {
      if (props.empty() && ch != ':')
        return failParser(pos_, collection_start, "did not find expected node content");
      node->text.clear();  // an empty node
      node->style = YamlStyle::kPlain;
    } else if (ch == '"' || ch == '\'') {
      bool multiline = false;
      if (!parseQuoted(&node->text, &node->style, &multiline)) return false;
    } else if (isSeqEntry(pos_)) {
      return failScanner(pos_, pos_, "block sequence entries are not allowed in this context");
    } else if (ch == '|' || ch == '>' || ch == '%' || ch == '@' || ch == '`') {
      return failScanner(pos_, pos_, "found character that cannot start any token");
    } else {
      bool multiline = false;
      node->style = YamlStyle::kPlain;
      if (!parsePlain(-1, &node->text, &multiline)) return false;
    }
    node->scalar = true;
    beginAnchor(props);
    auto v = scalarValue(node->text, node->style, props, node->pos);
    if (!v) return false;
    completeAnchor(props, *v);
    node->value = std::move(*v);
    return true;
  }

  std::optional<Value> parseFlowCollection(const Props& props) {
    DepthGuard guard(depth_);
    if (depth_ > kMaxDepth) {
      failLimit(fmt::format("YAML nesting exceeds {} levels", kMaxDepth));
      return std::nullopt;
    }
    size_t start = pos_;
    bool sequence = at(pos_) == '[';
    if (!checkCollectionTag(props, sequence ? kSeqTag : kMapTag, sequence ? "sequence" : "mapping",
                            start)) {
      return std::nullopt;
    }
    beginAnchor(props);
    char close = sequence ? ']' : '}';
    std::string expected = fmt::format("did not find expected ',' or '{}'", close);
    ++pos_;
    ++flow_;
    std::vector<Value> items;
    std::vector<Value::Attribute> entries;
    for (;;) {
      skipFlowSpace();
      if (eof()) {
        failParser(pos_, start, "did not find expected node content");
        return std::nullopt;
      }
      if (at(pos_) == close) {
        ++pos_;
        break;
      }
      bool explicit_key = isExplicitKey(pos_);
      if (explicit_key) {
        ++pos_;
        skipFlowSpace();
      }
      Node first;
      if (explicit_key && (at(pos_) == ':' || at(pos_) == ',' || at(pos_) == close)) {
        first.scalar = true;  // "? " with no key: a null key
        first.pos = pos_;
      } else if (!parseFlowNode(&first, start)) {
        return std::nullopt;
      }
      skipFlowSpace();
      bool pair = at(pos_) == ':';
      Value value;
      if (pair) {
        ++pos_;
        skipFlowSpace();
        if (at(pos_) != ',' && at(pos_) != close) {
          Node v;
          if (!parseFlowNode(&v, start)) return std::nullopt;
          value = std::move(v.value);
        } else if (!count()) {
          return std::nullopt;
        }
        skipFlowSpace();
      }
      if (sequence && !pair && !explicit_key) {
        items.push_back(std::move(first.value));
      } else if (sequence) {
        std::vector<Value::Attribute> one;
        if (!addEntry(first, std::move(value), &one)) return std::nullopt;
        if (!count()) return std::nullopt;
        items.push_back(Value::object(std::move(one)));
      } else if (!addEntry(first, std::move(value), &entries)) {
        return std::nullopt;
      }
      if (at(pos_) == ',') {
        ++pos_;
        continue;
      }
      if (at(pos_) == close) {
        ++pos_;
        break;
      }
      failParser(pos_, start, expected);
      return std::nullopt;
    }
    --flow_;
    if (!count()) return std::nullopt;
    Value v = sequence ? Value::tuple(std::move(items)) : Value::object(std::move(entries));
    completeAnchor(props, v);
    last_scalar_valid_ = false;
    return v;
  }

  std::string_view s_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int flow_ = 0;
  int depth_ = 0;
  size_t nodes_ = 0;
  std::unordered_map<std::string, Anchor> anchors_;
  std::unordered_map<std::string, int> pending_;
  std::unordered_map<std::string, std::string> handles_;
  std::vector<size_t> anchor_start_;
  Node last_scalar_;
  bool last_scalar_valid_ = false;
  size_t scanned_to_ = 0;
  std::string error_;
};

FunctionResult yamldecodeImpl(std::span<const Value> args, FunctionContext&) {
  YamlParser parser(args[0].asString());
  Value v;
  if (!parser.parse(&v)) return FunctionResult::fail(parser.error());
  return ok(v);
}

const std::vector<FunctionSpec>& table() {
  const FunctionParam str{"str", Type::string()};
  static const std::vector<FunctionSpec> t = {
      {"base64decode", {str}, std::nullopt, Type::string(), base64decodeImpl},
      {"base64encode", {str}, std::nullopt, Type::string(), base64encodeImpl},
      {"base64gzip", {str}, std::nullopt, Type::string(), base64gzipImpl},
      {"csvdecode", {str}, std::nullopt, Type::dynamic(), csvdecodeImpl},
      {"jsondecode", {str}, std::nullopt, Type::dynamic(), jsondecodeImpl},
      {"jsonencode",
       {{"val", Type::dynamic(), /*allow_null=*/true}},
       std::nullopt,
       Type::string(),
       jsonencodeImpl},
      {"textdecodebase64",
       {{"source", Type::string()}, {"encoding", Type::string()}},
       std::nullopt,
       Type::string(),
       textdecodebase64Impl},
      {"textencodebase64",
       {{"string", Type::string()}, {"encoding", Type::string()}},
       std::nullopt,
       Type::string(),
       textencodebase64Impl},
      {"urlencode", {str}, std::nullopt, Type::string(), urlencodeImpl},
      {"yamldecode", {{"src", Type::string()}}, std::nullopt, Type::dynamic(), yamldecodeImpl},
      {"yamlencode",
       {{"value", Type::dynamic(), /*allow_null=*/true}},
       std::nullopt,
       Type::string(),
       yamlencodeImpl},
  };
  return t;
}

}  // namespace

std::span<const FunctionSpec> encodingFunctions() { return table(); }

}  // namespace tfguard::eval
