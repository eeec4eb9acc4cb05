// HCL JSON syntax (.tf.json, .tfvars.json) into the AST of ast.h.
//
// Which JSON objects are blocks and which are values depends on the schema,
// which only the model stage knows, so the JSON structure is kept as it is:
// the root object's properties become the file body's attributes (repeated
// names kept: in HCL JSON they are meaningful), nested objects become object
// constructors whose keys, like every string, are parsed as templates.
//
// The scanner and the parser follow hcl/v2/json (scanner.go, parser.go)
// decision for decision, so that the same files fail with the same first
// error at the same place; where HCL would drop a broken value, the partial
// tree is kept.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "syntax/parser.h"

namespace tfguard::syntax {
namespace {

// ------------------------------------------------------------------ scanner

enum class Tok : uint8_t {
  kBraceO,
  kBraceC,
  kBrackO,
  kBrackC,
  kComma,
  kColon,
  kEquals,  // only to say "JSON uses a colon" to HCL native habits
  kKeyword,
  kString,
  kNumber,
  kEOF,
  kInvalid,
};

struct JsonToken {
  Tok type;
  ByteRange range;
};

uint32_t u32(size_t n) { return static_cast<uint32_t>(n); }

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool canStartNumber(char c) { return c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'); }

// The scanner is lax, as HCL's: it takes what the user presumably meant as
// one number or keyword, and the parser says what is wrong with it.
bool continuesNumber(char c) { return canStartNumber(c) || c == 'e' || c == 'E'; }
bool continuesKeyword(char c) { return isAlpha(c) || c == '_'; }

// Grapheme_Cluster_Break=Prepend in Unicode 13, the version of the textseg
// package HCL's scanner walks strings with.
bool isPrepend(char32_t cp) {
  static constexpr std::array<std::pair<char32_t, char32_t>, 15> kRanges = {{
      {0x600, 0x605},
      {0x6DD, 0x6DD},
      {0x70F, 0x70F},
      {0x8E2, 0x8E2},
      {0xD4E, 0xD4E},
      {0x110BD, 0x110BD},
      {0x110CD, 0x110CD},
      {0x111C2, 0x111C3},
      {0x1193F, 0x1193F},
      {0x11941, 0x11941},
      {0x11A3A, 0x11A3A},
      {0x11A84, 0x11A89},
      {0x11D46, 0x11D46},
  }};
  return std::any_of(kRanges.begin(), kRanges.end(),
                     [cp](auto r) { return cp >= r.first && cp <= r.second; });
}

// Length of the code point at text[i]: an invalid byte counts alone.
size_t codePointAt(std::string_view text, size_t i, char32_t* cp) {
  int len = utf8::decode(text, i, cp);
  if (len > 0) return static_cast<size_t>(len);
  *cp = 0xFFFD;
  return 1;
}

// One step of HCL's string scan outside escapes. HCL advances by grapheme
// cluster, and a Prepend character clusters with whatever follows it unless
// that is a control character: so it swallows a closing quote or a
// backslash, and the string goes on. Terraform rejects such a file, so we do.
size_t advanceCluster(std::string_view text, size_t i) {
  char32_t cp = 0;
  i += codePointAt(text, i, &cp);
  while (isPrepend(cp) && i < text.size() && static_cast<unsigned char>(text[i]) >= 32) {
    i += codePointAt(text, i, &cp);
  }
  return i;
}

// End of the string token starting at the quote text[begin]: after the
// closing quote, or where a control character or the input ends it early.
size_t scanString(std::string_view text, size_t begin) {
  size_t i = begin + 1;
  bool escaping = false;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == '\\') {
      escaping = !escaping;
      ++i;
    } else if (b == '"') {
      ++i;
      if (!escaping) break;
      escaping = false;
    } else if (b < 32) {
      break;
    } else {
      i = b < 0x80 ? i + 1 : advanceCluster(text, i);  // ASCII is never Prepend
      escaping = false;
    }
  }
  return i;
}

template <typename Pred>
size_t scanWhile(std::string_view text, size_t i, Pred pred) {
  while (i < text.size() && pred(text[i])) ++i;
  return i;
}

bool isJsonSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

Tok punctuation(char c) {
  switch (c) {
    case '{':
      return Tok::kBraceO;
    case '}':
      return Tok::kBraceC;
    case '[':
      return Tok::kBrackO;
    case ']':
      return Tok::kBrackC;
    case ',':
      return Tok::kComma;
    case ':':
      return Tok::kColon;
    case '=':
      return Tok::kEquals;
    default:
      return Tok::kInvalid;
  }
}

/// All tokens, ending with kEOF. Like HCL's, the scan stops at the first
/// byte that cannot start a token: the parser goes no further anyway.
std::vector<JsonToken> scan(std::string_view text) {
  std::vector<JsonToken> tokens;
  size_t i = 0;
  for (;;) {
    i = scanWhile(text, i, isJsonSpace);
    if (i == text.size()) break;
    char c = text[i];
    Tok type = punctuation(c);
    size_t end = i + 1;
    if (c == '"') {
      type = Tok::kString;
      end = scanString(text, i);
    } else if (canStartNumber(c)) {
      type = Tok::kNumber;
      end = scanWhile(text, i, continuesNumber);
    } else if (isAlpha(c)) {
      type = Tok::kKeyword;
      end = scanWhile(text, i, continuesKeyword);
    }
    tokens.push_back({type, {u32(i), u32(end)}});
    i = end;
    if (type == Tok::kInvalid) break;
  }
  tokens.push_back({Tok::kEOF, {u32(i), u32(i)}});
  return tokens;
}

// ----------------------------------------------------------- string decoding

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits at s[i], or -1.
int32_t hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  int32_t v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    int h = hexValue(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

bool isSimpleEscape(char c) {
  return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
         c == 't';
}

/// Where Go's encoding/json (which HCL decodes strings with) rejects a string
/// token: the offset it reports (one past the offending byte, or the length
/// for a premature end), or 0 when the token is a valid JSON string.
size_t stringErrorOffset(std::string_view tok) {
  size_t i = 1;
  while (i < tok.size()) {
    char c = tok[i];
    if (c == '"') break;
    if (static_cast<unsigned char>(c) < 0x20) return i + 1;
    if (c != '\\') {
      ++i;
      continue;
    }
    if (i + 1 >= tok.size()) return tok.size();
    char e = tok[i + 1];
    if (isSimpleEscape(e)) {
      i += 2;
      continue;
    }
    if (e != 'u') return i + 2;
    for (size_t k = i + 2; k < i + 6; ++k) {
      if (k >= tok.size()) return tok.size();
      if (hexValue(tok[k]) < 0) return k + 1;
    }
    i += 6;
  }
  if (i >= tok.size()) return tok.size();
  // The scanner can leave text after the closing quote (see advanceCluster).
  for (size_t k = i + 1; k < tok.size(); ++k) {
    if (tok[k] != ' ') return k + 1;
  }
  return 0;
}

char32_t simpleEscape(char e) {
  switch (e) {
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return static_cast<char32_t>(e);  // " \ /
  }
}

bool isSurrogate(int32_t u) { return u >= 0xD800 && u <= 0xDFFF; }

/// Decodes \uXXXX at body[i] (and a following low surrogate) as Go does: a
/// lone or mismatched surrogate becomes U+FFFD and the next escape is read
/// on its own. Returns the bytes consumed.
size_t decodeUnicodeEscape(std::string_view body, size_t i, char32_t* out) {
  int32_t u = hex4(body, i + 2);
  *out = static_cast<char32_t>(u);
  if (!isSurrogate(u)) return 6;
  int32_t low = body.substr(i + 6, 2) == "\\u" ? hex4(body, i + 8) : -1;
  if (u <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
    *out = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) +
           (static_cast<char32_t>(low) - 0xDC00);
    return 12;
  }
  *out = 0xFFFD;
  return 6;
}

struct DecodedString {
  std::string text;
  size_t first_invalid_utf8 = std::string::npos;  ///< offset in the body
};

/// The value of a valid string token's body (between the quotes). Invalid
/// UTF-8 becomes U+FFFD per byte, as Go decodes it.
void decodeStringBody(std::string_view body, DecodedString* out) {
  out->text.clear();
  out->first_invalid_utf8 = std::string::npos;
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == '\\' && body[i + 1] == 'u') {
      char32_t cp = 0;
      i += decodeUnicodeEscape(body, i, &cp);
      utf8::append(out->text, cp);
    } else if (c == '\\') {
      utf8::append(out->text, simpleEscape(body[i + 1]));
      i += 2;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      out->text.push_back(c);
      ++i;
    } else {
      char32_t cp = 0;
      int len = utf8::decode(body, i, &cp);
      if (len == 0) {
        if (out->first_invalid_utf8 == std::string::npos) out->first_invalid_utf8 = i;
        utf8::append(out->text, 0xFFFD);
        ++i;
      } else {
        out->text.append(body.substr(i, static_cast<size_t>(len)));
        i += static_cast<size_t>(len);
      }
    }
  }
}

// ---------------------------------------------------------- numbers, keywords

size_t skipDigits(std::string_view s, size_t i) {
  return scanWhile(s, i, [](char c) { return c >= '0' && c <= '9'; });
}

/// The JSON number grammar (RFC 8259 section 6), which encoding/json checks.
/// On success, sets where the fraction and the exponent start (npos if none).
bool isJsonNumber(std::string_view s, size_t* frac, size_t* exp) {
  size_t i = s.starts_with('-') ? 1 : 0;
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  i = s[i] == '0' ? i + 1 : skipDigits(s, i);
  *frac = *exp = std::string_view::npos;
  if (i < s.size() && s[i] == '.') {
    *frac = ++i;
    if ((i = skipDigits(s, i)) == *frac) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    *exp = ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t digits = i;
    if ((i = skipDigits(s, i)) == digits) return false;
  }
  return i == s.size();
}

/// Whether cty.ParseNumberVal (big.ParseFloat) takes a valid JSON number: it
/// fails when the exponent overflows int64 or the binary exponent of the
/// result leaves int32. The mantissa's bit length is estimated from its
/// leading digits, exact but within a hair of the limit.
bool ctyAcceptsNumber(std::string_view s, size_t frac, size_t exp) {
  if (exp == std::string_view::npos) return true;
  std::string_view exp_text = s.substr(exp);
  if (exp_text.starts_with('+')) exp_text.remove_prefix(1);
  int64_t e = 0;
  auto [ptr, ec] = std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), e);
  if (ec != std::errc()) return false;
  std::string mantissa;
  for (char c : s.substr(0, exp - 1)) {
    if (c >= '0' && c <= '9' && !(mantissa.empty() && c == '0')) mantissa.push_back(c);
  }
  if (mantissa.empty()) return true;  // zero: no exponent arithmetic
  int64_t frac_digits = frac == std::string_view::npos ? 0 : int64_t(exp - 1 - frac);
  constexpr int64_t kFar = int64_t{1} << 40;  // beyond any mantissa's reach
  if (e > kFar || e < -kFar) return false;
  size_t lead = std::min<size_t>(mantissa.size(), 17);
  double leading = 0;
  for (size_t k = 0; k < lead; ++k) leading = leading * 10 + (mantissa[k] - '0');
  double log2m = std::log2(leading) + double(mantissa.size() - lead) * std::log2(10.0);
  int64_t exp2 = int64_t(std::floor(log2m)) + 1 - frac_digits + e;
  return exp2 >= INT32_MIN && exp2 <= INT32_MAX;
}

size_t levenshtein(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// HCL's keywordSuggestion: the first keyword within distance 2, in this order.
std::string_view keywordSuggestion(std::string_view given) {
  for (std::string_view keyword : {"false", "true", "null"}) {
    if (levenshtein(given, keyword) < 3) return keyword;
  }
  return {};
}

// ------------------------------------------------------------------- parser

/// Moves the members a collection pushed on a scratch stack (from `first`
/// on) into the arena.
template <typename T>
std::span<T> popIntoArena(Arena& arena, std::vector<T>& stack, size_t first) {
  size_t n = stack.size() - first;
  if (n == 0) return {};
  T* p = static_cast<T*>(arena.allocate(sizeof(T) * n, alignof(T)));
  std::uninitialized_copy(stack.begin() + static_cast<std::ptrdiff_t>(first), stack.end(), p);
  stack.resize(first);
  return {p, n};
}

/// What follows a collection member: a comma (consumed), the end, or an
/// error after which the collection cannot go on (HCL returns nil there).
enum class Next : uint8_t { kMember, kEnd, kFailed };

/// What HCL's parser has in hand for one value: its node kind decides what
/// the parent accepts (only a string is a property name, only an object or
/// an array is a root). `ok` is false where HCL would hold an invalidVal;
/// the expression is then a placeholder or a partial collection.
enum class Shape : uint8_t { kObject, kArray, kString, kScalar, kInvalid };

struct Value {
  Expr* expr = nullptr;  ///< null only for a string key whose template is not built yet
  ByteRange range;       ///< the whole value
  ByteRange start;       ///< HCL's StartRange: the opening brace or bracket of a collection
  Shape shape = Shape::kInvalid;
  bool ok = false;
  std::string_view text;  ///< decoded, for strings
};

/// What an object's properties become: object-constructor items, or (for the
/// root object and each object of a root array) the file body's attributes.
enum class ObjectRole : uint8_t { kExpr, kBody };

class JsonParser {
 public:
  JsonParser(ParsedFile& file, ParseLimits limits)
      : file_(file),
        arena_(*file.arena),
        text_(file.source->text()),
        tokens_(scan(text_)),
        limits_(limits) {}

  void parseFile();

 private:
  const JsonToken& peek() const { return tokens_[next_]; }
  JsonToken read() {
    JsonToken t = tokens_[next_];
    if (t.type != Tok::kEOF) ++next_;
    prev_end_ = t.range.end;
    return t;
  }

  // ---- diagnostics
  ByteRange clamp(ByteRange r) const;
  void report(Severity severity, std::string summary, std::string detail, ByteRange subject,
              std::optional<ByteRange> context = std::nullopt);
  void error(std::string summary, std::string detail, ByteRange subject,
             std::optional<ByteRange> context = std::nullopt) {
    ++error_count_;
    report(Severity::kError, std::move(summary), std::move(detail), subject, context);
  }

  // ---- values (parser.go)
  /// `raw_string`: a string's template is not built (property names, comments).
  Value parseValue(bool raw_string = false);
  Value missingValue(const JsonToken& tok);
  Value parseNumber();
  Value parseString(bool raw_string);
  Value parseKeyword();
  Value invalid(ByteRange r);
  Expr* stringExpr(const Value& v);

  // ---- collections
  Value parseObject(ObjectRole role);
  Value parseArray(bool elements_are_bodies);
  bool parseProperty(ObjectRole role);
  Next afterObjectMember(const JsonToken& open);
  Next afterArrayElement(const JsonToken& open);
  void reportMissingColon(const JsonToken& colon);
  ObjectKeyExpr* objectKey(const Value& key);
  void recoverObject(JsonToken tok);
  void recoverArray(JsonToken tok);
  bool enterNesting(const JsonToken& open, Value* result);
  void addBodyProperty(const Value& key, ByteRange colon, const Value& value);

  // ---- the root
  void checkRootShape(const Value& root);

  ParsedFile& file_;
  Arena& arena_;
  std::string_view text_;
  std::vector<JsonToken> tokens_;
  size_t next_ = 0;
  uint32_t prev_end_ = 0;
  ParseLimits limits_;
  int depth_ = 0;
  bool depth_reported_ = false;
  size_t error_count_ = 0;
  DecodedString decoded_;  // reused for every string
  // Scratch stacks: a collection pushes its members and, once closed, copies
  // its own slice into the arena, so nesting costs no allocation per node.
  std::vector<ObjectItem> object_items_;
  std::vector<Expr*> tuple_items_;
  std::vector<BodyItem*> body_items_;
  std::vector<ByteRange> non_object_root_elements_;
};

ByteRange JsonParser::clamp(ByteRange r) const {
  uint32_t size = u32(text_.size());
  return {std::min(r.begin, size), std::min(r.end, size)};
}

void JsonParser::report(Severity severity, std::string summary, std::string detail,
                        ByteRange subject, std::optional<ByteRange> context) {
  if (context) context = clamp(*context);
  file_.diagnostics.push_back(
      {severity, std::move(summary), std::move(detail), clamp(subject), context});
}

Value JsonParser::invalid(ByteRange r) {
  auto* lit = arena_.make<LiteralExpr>();
  lit->kind = ExprKind::kLiteral;
  lit->range = r;
  lit->value.type = LiteralType::kUnknown;
  return Value{lit, r, r, Shape::kInvalid, false, {}};
}

Value JsonParser::parseValue(bool raw_string) {
  const JsonToken& tok = peek();
  switch (tok.type) {
    case Tok::kBraceO:
      return parseObject(ObjectRole::kExpr);
    case Tok::kBrackO:
      return parseArray(false);
    case Tok::kNumber:
      return parseNumber();
    case Tok::kString:
      return parseString(raw_string);
    case Tok::kKeyword:
      return parseKeyword();
    default:
      return missingValue(tok);
  }
}

// No value starts here; like HCL, the token is left for the caller.
Value JsonParser::missingValue(const JsonToken& tok) {
  static constexpr const char* kStartDetail =
      "A JSON value must start with a brace, a bracket, a number, a string, or a keyword.";
  switch (tok.type) {
    case Tok::kBraceC:
      error("Missing JSON value", kStartDetail, tok.range);
      break;
    case Tok::kBrackC:
      error("Missing array element value", kStartDetail, tok.range);
      break;
    case Tok::kEOF:
      error("Missing value", "The JSON data ends prematurely.", tok.range);
      break;
    default:
      error("Invalid start of value", kStartDetail, tok.range);
      break;
  }
  return invalid(tok.range);
}

Value JsonParser::parseNumber() {
  JsonToken tok = read();
  std::string_view digits = text_.substr(tok.range.begin, tok.range.size());
  size_t frac = 0, exp = 0;
  if (!isJsonNumber(digits, &frac, &exp) || !ctyAcceptsNumber(digits, frac, exp)) {
    error("Invalid JSON number", "There is a syntax error in the given JSON number.", tok.range);
    return invalid(tok.range);
  }
  auto* lit = arena_.make<LiteralExpr>();
  lit->kind = ExprKind::kLiteral;
  lit->range = tok.range;
  lit->value = {LiteralType::kNumber, false, digits};
  return Value{lit, tok.range, tok.range, Shape::kScalar, true, {}};
}

Value JsonParser::parseKeyword() {
  JsonToken tok = read();
  std::string_view word = text_.substr(tok.range.begin, tok.range.size());
  auto* lit = arena_.make<LiteralExpr>();
  lit->kind = ExprKind::kLiteral;
  lit->range = tok.range;
  if (word == "true" || word == "false") {
    lit->value = {LiteralType::kBool, word == "true", {}};
  } else if (word == "null") {
    lit->value = {LiteralType::kNull, false, {}};
  } else if (word == "undefined" || word == "NaN" || word == "Infinity") {
    error("Invalid JSON keyword",
          fmt::format("The JavaScript identifier \"{}\" cannot be used in JSON.", word), tok.range);
    return invalid(tok.range);
  } else {
    std::string_view suggestion = keywordSuggestion(word);
    error("Invalid JSON keyword",
          fmt::format("\"{}\" is not a valid JSON keyword.{}", word,
                      suggestion.empty() ? "" : fmt::format(" Did you mean \"{}\"?", suggestion)),
          tok.range);
    return invalid(tok.range);
  }
  return Value{lit, tok.range, tok.range, Shape::kScalar, true, {}};
}

Value JsonParser::parseString(bool raw_string) {
  JsonToken tok = read();
  std::string_view raw = text_.substr(tok.range.begin, tok.range.size());
  if (size_t offset = stringErrorOffset(raw); offset != 0) {
    // HCL points one byte past where encoding/json stopped, as we do.
    uint32_t at = tok.range.begin + u32(offset);
    error("Invalid JSON string", "There is a syntax error in the given JSON string.", {at, at + 1},
          tok.range);
    return invalid(tok.range);
  }
  std::string_view body = raw.substr(1, raw.size() - 2);
  decodeStringBody(body, &decoded_);
  if (decoded_.first_invalid_utf8 != std::string::npos) {
    // Terraform takes such bytes silently as U+FFFD; say so, as it is
    // rarely what the author meant (usually a file saved as Latin-1).
    uint32_t at = tok.range.begin + 1 + u32(decoded_.first_invalid_utf8);
    report(Severity::kWarning, "Invalid UTF-8 in string",
           "This string contains bytes that are not valid UTF-8; Terraform reads each of them as "
           "the replacement character U+FFFD. Save the file as UTF-8.",
           {at, at + 1}, tok.range);
  }
  // Without escapes the value is the source text itself (and template
  // positions are exact); otherwise it needs the arena.
  std::string_view text = decoded_.text == body ? body : arena_.copy(decoded_.text);
  Value v{nullptr, tok.range, tok.range, Shape::kString, true, text};
  if (!raw_string) v.expr = stringExpr(v);
  return v;
}

// A JSON string is an HCL template (HCL parses it when the value is
// evaluated; we do it now so that every later stage sees references).
// Positions inside are shifted by the opening quote only, as in HCL, so they
// are approximate after escapes.
Expr* JsonParser::stringExpr(const Value& v) {
  uint32_t content_begin = v.range.begin + 1;
  uint32_t content_end = v.range.end - 1;
  uint32_t size = u32(v.text.size());
  uint32_t file_size = u32(text_.size());
  // Only U+FFFD for invalid bytes makes a value longer than its source; its
  // ranges may then run past the string, but never past the file.
  uint32_t base =
      content_begin + size <= file_size || size > file_size ? content_begin : file_size - size;
  Expr* e = nullptr;
  if (base + size <= file_size) {
    e = parseEmbeddedTemplate(file_, v.text, base, limits_);
  } else {
    // Too long to fit anywhere in a file this small: a plain literal.
    auto* lit = arena_.make<LiteralExpr>();
    lit->kind = ExprKind::kLiteral;
    lit->range = {content_begin, content_end};
    lit->value = {LiteralType::kString, false, v.text};
    auto* tmpl = arena_.make<TemplateExpr>();
    tmpl->kind = ExprKind::kTemplate;
    tmpl->parts = {arena_.make<TemplatePart>(lit, false), 1};
    e = tmpl;
  }
  e->range = v.range;  // the quotes included, as for a native quoted template
  return e;
}

// ------------------------------------------------------------- collections

bool JsonParser::enterNesting(const JsonToken& open, Value* result) {
  if (++depth_ <= limits_.max_nesting) return true;
  --depth_;
  if (!depth_reported_) {
    error("Nesting too deep",
          fmt::format("This JSON nests objects and arrays more than {} levels deep; tfguard stops "
                      "parsing here to stay within bounded memory.",
                      limits_.max_nesting),
          open.range);
    depth_reported_ = true;
  }
  // Skip the rest of the collection (its opener is read), whatever brackets
  // close it.
  int open_count = 1;
  for (JsonToken t = read(); t.type != Tok::kEOF; t = read()) {
    if (t.type == Tok::kBraceO || t.type == Tok::kBrackO) ++open_count;
    if ((t.type == Tok::kBraceC || t.type == Tok::kBrackC) && --open_count == 0) break;
  }
  *result = invalid({open.range.begin, prev_end_});
  result->start = open.range;
  return false;
}

// HCL's object recover(): skips to what seems the end of the object. Like
// HCL's, it stops at the first close brace once the count is back to one.
void JsonParser::recoverObject(JsonToken tok) {
  int open = 1;
  for (;;) {
    if (tok.type == Tok::kBraceO) ++open;
    if (tok.type == Tok::kBraceC && --open <= 1) return;
    if (tok.type == Tok::kEOF) return;
    tok = read();
  }
}

void JsonParser::recoverArray(JsonToken tok) {
  int open = 1;
  for (;;) {
    if (tok.type == Tok::kBrackO) ++open;
    if (tok.type == Tok::kBrackC && --open <= 1) return;
    if (tok.type == Tok::kEOF) return;
    tok = read();
  }
}

Value JsonParser::parseObject(ObjectRole role) {
  JsonToken open = read();
  Value result;
  if (!enterNesting(open, &result)) return result;
  size_t first_item = object_items_.size();
  Next next = peek().type == Tok::kBraceC ? Next::kEnd : Next::kMember;
  while (next == Next::kMember) {
    next = parseProperty(role) ? afterObjectMember(open) : Next::kFailed;
  }
  bool ok = next == Next::kEnd;
  if (ok) read();  // the closing brace
  --depth_;
  result.range = {open.range.begin, prev_end_};
  result.start = open.range;
  result.shape = Shape::kObject;
  result.ok = ok;
  if (role == ObjectRole::kExpr) {
    auto* obj = arena_.make<ObjectExpr>();
    obj->kind = ExprKind::kObject;
    obj->range = result.range;
    obj->items = popIntoArena(arena_, object_items_, first_item);
    result.expr = obj;
  }
  return result;
}

// One `"name": value`; false when the object cannot go on (HCL returns nil).
bool JsonParser::parseProperty(ObjectRole role) {
  Value key = parseValue(/*raw_string=*/true);
  if (key.shape != Shape::kString || !key.ok) {
    error("Invalid object property name", "A JSON object property name must be a string",
          key.start);
    return false;
  }
  JsonToken colon = read();
  if (colon.type != Tok::kColon) {
    reportMissingColon(colon);
    return false;
  }
  bool comment = role == ObjectRole::kBody && key.text == "//";
  ObjectKeyExpr* key_expr = role == ObjectRole::kExpr ? objectKey(key) : nullptr;
  Value value = parseValue(/*raw_string=*/comment);
  if (role == ObjectRole::kBody) {
    addBodyProperty(key, colon.range, value);
  } else {
    object_items_.push_back({key_expr, value.expr});
  }
  return true;
}

// `colon` is the token read where the colon should be; a brace or comma
// there usually means braces were used for a list.
void JsonParser::reportMissingColon(const JsonToken& colon) {
  recoverObject(colon);
  if (colon.type == Tok::kBraceC || colon.type == Tok::kComma) {
    error("Missing object value",
          "A JSON object attribute must have a value, introduced by a colon.", colon.range);
  } else if (colon.type == Tok::kEquals) {
    error("Missing property value colon",
          "JSON uses a colon as its name/value delimiter, not an equals sign.", colon.range);
  } else {
    error("Missing property value colon",
          "A colon must appear between an object property's name and its value.", colon.range);
  }
}

// The messages (HCL's, misspelling included) are part of the contract.
Next JsonParser::afterObjectMember(const JsonToken& open) {
  switch (peek().type) {
    case Tok::kComma: {
      JsonToken comma = read();
      if (peek().type != Tok::kBraceC) return Next::kMember;
      error("Trailing comma in object",
            "JSON does not permit a trailing comma after the final property in an object.",
            comma.range);
      return Next::kFailed;
    }
    case Tok::kBraceC:
      return Next::kEnd;
    case Tok::kEOF:
      error("Unclosed object", "No closing brace was found for this JSON object.", open.range);
      return Next::kFailed;
    case Tok::kBrackC:
      read();
      error("Mismatched braces", "A JSON object must be closed with a brace, not a bracket.",
            peek().range);
      return Next::kFailed;
    default:
      recoverObject(read());
      error("Missing attribute seperator comma",
            "A comma must appear between each property definition in an object.", peek().range);
      return Next::kFailed;
  }
}

// An object key is a template too (HCL evaluates it as one), never a bare
// name: JSON has no naked identifiers.
ObjectKeyExpr* JsonParser::objectKey(const Value& key) {
  auto* k = arena_.make<ObjectKeyExpr>();
  k->kind = ExprKind::kObjectKey;
  k->range = key.range;
  k->wrapped = stringExpr(key);
  k->force_non_literal = false;
  return k;
}

// A body's "//" property is a comment (HCL skips it wherever it reads a
// body); anything else is an attribute for the model stage to interpret.
void JsonParser::addBodyProperty(const Value& key, ByteRange colon, const Value& value) {
  ByteRange whole = rangeBetween(key.range, value.range);
  if (key.text == "//") {
    std::string_view text = value.shape == Shape::kString && value.ok
                                ? value.text
                                : text_.substr(value.range.begin, value.range.size());
    file_.comments.push_back({whole, text});
    return;
  }
  auto* attr = arena_.make<Attribute>();
  attr->kind = BodyItemKind::kAttribute;
  attr->range = whole;
  attr->name = key.text;
  attr->name_range = key.range;
  attr->equals_range = colon;
  attr->expr = value.expr;
  body_items_.push_back(attr);
}

Value JsonParser::parseArray(bool elements_are_bodies) {
  JsonToken open = read();
  Value result;
  if (!enterNesting(open, &result)) return result;
  size_t first_item = tuple_items_.size();
  Next next = peek().type == Tok::kBrackC ? Next::kEnd : Next::kMember;
  while (next == Next::kMember) {
    Value element = elements_are_bodies && peek().type == Tok::kBraceO
                        ? parseObject(ObjectRole::kBody)
                        : parseValue();
    if (elements_are_bodies && element.shape != Shape::kObject) {
      non_object_root_elements_.push_back(element.start);
    }
    if (element.expr) tuple_items_.push_back(element.expr);
    next = afterArrayElement(open);
  }
  bool ok = next == Next::kEnd;
  if (ok) read();  // the closing bracket
  --depth_;
  result.range = {open.range.begin, prev_end_};
  result.start = open.range;
  result.shape = Shape::kArray;
  result.ok = ok;
  auto* tuple = arena_.make<TupleExpr>();
  tuple->kind = ExprKind::kTuple;
  tuple->range = result.range;
  tuple->items = popIntoArena(arena_, tuple_items_, first_item);
  result.expr = tuple;
  return result;
}

Next JsonParser::afterArrayElement(const JsonToken& open) {
  switch (peek().type) {
    case Tok::kComma: {
      JsonToken comma = read();
      if (peek().type != Tok::kBrackC) return Next::kMember;
      error("Trailing comma in array",
            "JSON does not permit a trailing comma after the final value in an array.",
            comma.range);
      return Next::kFailed;
    }
    case Tok::kBrackC:
      return Next::kEnd;
    case Tok::kColon:
      recoverArray(read());
      error("Invalid array value", "A colon is not used to introduce values in a JSON array.",
            peek().range);
      return Next::kFailed;
    case Tok::kEOF:
      recoverArray(read());
      error("Unclosed object", "No closing bracket was found for this JSON array.", open.range);
      return Next::kFailed;
    case Tok::kBraceC:
      recoverArray(read());
      error("Mismatched brackets", "A JSON array must be closed with a bracket, not a brace.",
            peek().range);
      return Next::kFailed;
    default:
      recoverArray(read());
      error("Missing attribute seperator comma",
            "A comma must appear between each value in an array.", peek().range);
      return Next::kFailed;
  }
}

// ------------------------------------------------------------------ the root

void JsonParser::parseFile() {
  Value root;
  switch (peek().type) {
    case Tok::kBraceO:
      root = parseObject(ObjectRole::kBody);
      break;
    case Tok::kBrackO:
      root = parseArray(/*elements_are_bodies=*/true);
      break;
    default:
      root = parseValue(/*raw_string=*/true);
      break;  // never an expression
  }
  if (error_count_ == 0 && peek().type != Tok::kEOF) {
    error("Extraneous data after value", "Extra characters appear after the JSON value.",
          peek().range);
  }
  checkRootShape(root);
  file_.body->items = arena_.copy(body_items_);
}

// HCL accepts an object, or an array of objects whose properties are read as
// one body. The array's elements are checked where Terraform reads the root
// body (after parsing, and only if parsing succeeded): a .tf.json with
// PartialContent, a .tfvars.json with JustAttributes, which wants an object.
void JsonParser::checkRootShape(const Value& root) {
  if (root.shape != Shape::kObject && root.shape != Shape::kArray) {
    // A value that failed has its own error already (HCL repeats it here).
    if (root.ok) {
      error("Root value must be object",
            "The root value in a JSON-based configuration must be either a JSON object or a "
            "JSON array of objects.",
            root.start);
    }
    return;
  }
  if (root.shape != Shape::kArray || error_count_ > 0) return;
  if (file_.source->path().ends_with(".tfvars.json")) {
    error("Incorrect JSON value type",
          "A JSON object is required here, setting the arguments for this block.", root.start);
    return;
  }
  for (ByteRange element : non_object_root_elements_) {
    error("Incorrect JSON value type",
          "A JSON object is required here, to define arguments and child blocks.", element);
  }
}

}  // namespace

ParsedFile parseJson(std::shared_ptr<const SourceFile> source, ParseLimits limits) {
  ParsedFile file;
  file.source = std::move(source);
  file.syntax = FileSyntax::kJson;
  file.body = file.arena->make<Body>();
  file.body->range = {0, static_cast<uint32_t>(file.source->text().size())};
  JsonParser(file, limits).parseFile();
  return file;
}

}  // namespace tfguard::syntax
