// String functions: chomp, endswith, format, formatlist, indent, join,
// lower, regex, regexall, replace, split, startswith, strcontains, strrev,
// substr, title, trim, trimprefix, trimspace, trimsuffix, upper.
//
// Semantics and messages follow Terraform (cty's stdlib v1.18 and
// Terraform's own replace/startswith/endswith/strcontains), which runs on
// Go's strings, unicode and regexp packages; where those matter the Go
// behaviour is reproduced here:
//   - case mapping uses Go's unicode.CaseRanges (simple mappings; table at
//     the end of this file, generated from Go 1.19 / Unicode 13);
//   - regular expressions use RE2, whose syntax Go's regexp shares; match
//     iteration, empty-match rules and `$1`/`${name}` expansion are Go's;
//   - "characters" for substr, strrev and format's widths are grapheme
//     clusters as in cty, approximated: a base character with its combining
//     marks, variation selectors, emoji modifiers and ZWJ sequences, CR LF,
//     regional-indicator pairs and Hangul syllable sequences stay together
//     (no Prepend characters; Extended_Pictographic by block ranges).
// String results are NFC-normalised as cty normalises every string value.
// No result may exceed kMaxResultBytes, so that a configuration cannot make
// the linter allocate without bound.
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <memory>

#include "base/unicode_nfc.h"
#include "base/utf8.h"
#include "eval/convert.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace {

constexpr size_t kMaxResultBytes = size_t{16} << 20;
/// Largest width or precision accepted in a format verb.
constexpr long kMaxFormatWidth = 1 << 20;

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

/// An error about one argument ("Invalid function argument" in Terraform).
FunctionResult argError(std::string_view param, int index, std::string_view message) {
  return FunctionResult::fail(fmt::format("Invalid value for \"{}\" parameter: {}.", param, message), index);
}

/// An error about the call as a whole ("Error in function call").
FunctionResult callError(std::string_view function, std::string_view message) {
  return FunctionResult::fail(fmt::format("Call to function \"{}\" failed: {}.", function, message));
}

FunctionResult tooLarge(std::string_view function) {
  return callError(function, fmt::format("the result would be larger than {} MiB", kMaxResultBytes >> 20));
}

/// A string result, NFC-normalised as cty.StringVal does.
Value str(std::string s) {
  if (utf8::isNfc(s)) return Value::string(std::move(s));
  return Value::string(utf8::toNfc(s));
}

// What cty says when a number does not fit a Go int (gocty.FromCtyValue).
constexpr std::string_view kWholeNumber =
    "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

// ---------------------------------------------------------------------------
// Unicode helpers

/// Go's utf8.DecodeRuneInString: an invalid byte is U+FFFD of width 1.
char32_t decodeRune(std::string_view s, size_t pos, size_t* width) {
  char32_t cp = 0;
  int len = utf8::decode(s, pos, &cp);
  if (len == 0) {
    *width = 1;
    return 0xFFFD;
  }
  *width = static_cast<size_t>(len);
  return cp;
}

struct CaseRange {
  char32_t lo, hi;
  int32_t delta[3];  // upper, lower, title
};
constexpr int32_t kUL = 0x110000;  // unicode.UpperLower: alternating pairs
extern const CaseRange kCaseRanges[];
extern const size_t kCaseRangeCount;

enum CaseKind { kUpper = 0, kLower = 1, kTitle = 2 };

/// Go's unicode.ToUpper / ToLower / ToTitle.
char32_t toCase(CaseKind kind, char32_t r) {
  if (r < 0x80) {
    if (kind == kLower) return (r >= 'A' && r <= 'Z') ? r + 32 : r;
    return (r >= 'a' && r <= 'z') ? r - 32 : r;
  }
  size_t lo = 0, hi = kCaseRangeCount;
  while (lo < hi) {
    size_t m = lo + (hi - lo) / 2;
    const CaseRange& cr = kCaseRanges[m];
    if (cr.lo <= r && r <= cr.hi) {
      int32_t delta = cr.delta[kind];
      if (delta == kUL) return cr.lo + (((r - cr.lo) & ~char32_t{1}) | static_cast<char32_t>(kind & 1));
      return static_cast<char32_t>(static_cast<int32_t>(r) + delta);
    }
    if (r < cr.lo) {
      hi = m;
    } else {
      lo = m + 1;
    }
  }
  return r;
}

/// Go's strings.Map with a rune mapping (invalid bytes come out as U+FFFD).
template <typename F>
std::string mapRunes(std::string_view s, F mapping) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t w = 0;
    char32_t cp = decodeRune(s, i, &w);
    utf8::append(out, mapping(cp));
    i += w;
  }
  return out;
}

bool isAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

struct CodeRange {
  char32_t lo, hi;
};
extern const CodeRange kExtendRanges[];
extern const size_t kExtendRangeCount;

bool inRanges(const CodeRange* ranges, size_t n, char32_t cp) {
  const CodeRange* end = ranges + n;
  const CodeRange* it = std::upper_bound(ranges, end, cp, [](char32_t c, const CodeRange& r) { return c < r.lo; });
  return it != ranges && cp <= (it - 1)->hi;
}

/// Marks and other characters that never start a grapheme cluster.
bool isExtend(char32_t cp) { return cp >= 0x300 && inRanges(kExtendRanges, kExtendRangeCount, cp); }

bool isExtendedPictographic(char32_t cp) {
  static constexpr CodeRange kPictographic[] = {
      {0xA9, 0xA9},       {0xAE, 0xAE},       {0x203C, 0x203C},   {0x2049, 0x2049},   {0x2122, 0x2122},
      {0x2139, 0x2139},   {0x2194, 0x2199},   {0x21A9, 0x21AA},   {0x231A, 0x231B},   {0x2328, 0x2328},
      {0x2388, 0x2388},   {0x23CF, 0x23CF},   {0x23E9, 0x23F3},   {0x23F8, 0x23FA},   {0x24C2, 0x24C2},
      {0x25AA, 0x25AB},   {0x25B6, 0x25B6},   {0x25C0, 0x25C0},   {0x25FB, 0x25FE},   {0x2600, 0x27BF},
      {0x2934, 0x2935},   {0x2B05, 0x2B07},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
      {0x3030, 0x3030},   {0x303D, 0x303D},   {0x3297, 0x3297},   {0x3299, 0x3299},   {0x1F000, 0x1F0FF},
      {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171}, {0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E},
      {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F},
      {0x1F232, 0x1F23A}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D}, {0x1F546, 0x1F64F},
      {0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F},
      {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
      {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
  };
  return cp >= 0xA9 && inRanges(kPictographic, std::size(kPictographic), cp);
}

bool isRegionalIndicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

enum class Hangul { kNone, kL, kV, kT, kLV, kLVT };

Hangul hangulKind(char32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97C)) return Hangul::kL;
  if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6)) return Hangul::kV;
  if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB)) return Hangul::kT;
  if (cp >= 0xAC00 && cp <= 0xD7A3) return (cp - 0xAC00) % 28 == 0 ? Hangul::kLV : Hangul::kLVT;
  return Hangul::kNone;
}

bool isControl(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

/// Length in bytes of the grapheme cluster at s[pos] (see the file comment).
size_t graphemeLength(std::string_view s, size_t pos) {
  size_t w = 0;
  char32_t first = decodeRune(s, pos, &w);
  size_t end = pos + w;
  if (first == '\r' && end < s.size() && s[end] == '\n') return 2;
  if (isControl(first)) return w;
  char32_t prev = first;
  bool pictographic = isExtendedPictographic(first);  // ExtPict Extend* so far
  Hangul hangul = hangulKind(first);
  bool ri_pair_open = isRegionalIndicator(first);
  while (end < s.size()) {
    size_t nw = 0;
    char32_t cp = decodeRune(s, end, &nw);
    bool join = false;
    if (isExtend(cp)) {
      join = true;  // includes ZWJ, variation selectors, emoji modifiers
    } else if (prev == 0x200D && pictographic && isExtendedPictographic(cp)) {
      join = true;
    } else if (ri_pair_open && isRegionalIndicator(cp)) {
      join = true;
      ri_pair_open = false;
    } else if (hangul != Hangul::kNone) {
      Hangul next = hangulKind(cp);
      join = (hangul == Hangul::kL && next != Hangul::kNone && next != Hangul::kT) ||
             ((hangul == Hangul::kV || hangul == Hangul::kLV) && (next == Hangul::kV || next == Hangul::kT)) ||
             ((hangul == Hangul::kT || hangul == Hangul::kLVT) && next == Hangul::kT);
      if (join) hangul = next;
    }
    if (!join) break;
    // ExtPict Extend* ZWJ stays "pictographic" for the next ZWJ rule.
    if (!isExtend(cp)) pictographic = isExtendedPictographic(cp);
    if (hangul != Hangul::kNone && isExtend(cp)) hangul = Hangul::kNone;
    if (isExtend(cp)) ri_pair_open = false;
    prev = cp;
    end += nw;
  }
  return end - pos;
}

size_t graphemeCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += graphemeLength(s, i)) ++n;
  return n;
}

// ---------------------------------------------------------------------------
// JSON as cty's json.Marshal writes it (Go's encoding/json for strings)

void appendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '<':
        case '>':
        case '&':  // HTML-safe escaping, as json.Marshal does
        default:
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    char32_t cp = 0;
    int len = utf8::decode(s, i, &cp);
    if (len == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (cp == 0x2028 || cp == 0x2029) {
      out += cp == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(s.substr(i, static_cast<size_t>(len)));
    }
    i += static_cast<size_t>(len);
  }
  out += '"';
}

bool appendJson(std::string& out, const Value& v, std::string* error) {
  if (v.isNull()) {
    out += "null";
    return true;
  }
  if (!v.isKnown()) {
    *error = "value is not known";
    return false;
  }
  if (out.size() > kMaxResultBytes) {
    *error = "value is too large to serialize";
    return false;
  }
  switch (v.type().kind()) {
    case TypeKind::kString: appendJsonString(out, v.asString()); return true;
    case TypeKind::kNumber:
      if (!v.asNumber().isFinite()) {
        *error = "cannot serialize infinity as JSON";
        return false;
      }
      out += v.asNumber().toString();
      return true;
    case TypeKind::kBool: out += v.asBool() ? "true" : "false"; return true;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      out += '[';
      bool first = true;
      for (const Value& e : v.elements()) {
        if (!first) out += ',';
        first = false;
        if (!appendJson(out, e, error)) return false;
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
        appendJsonString(out, k);
        out += ':';
        if (!appendJson(out, e, error)) return false;
      }
      out += '}';
      return true;
    }
    case TypeKind::kDynamic: out += "null"; return true;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Numbers as Go's fmt prints big.Float and big.Int

/// The decimal digits of an integer.
std::string integerDigitsSmall(unsigned long long u) {
  if (u == 0) return "0";
  std::string out;
  for (; u > 0; u /= 10) out += static_cast<char>('0' + u % 10);
  std::reverse(out.begin(), out.end());
  return out;
}

/// A decimal: value = 0.digits × 10^exp, digits without leading or
/// trailing zeros (Go's math/big decimal).
struct Decimal {
  bool negative = false;
  std::string digits;
  int exp = 0;

  char at(int i) const { return i >= 0 && i < static_cast<int>(digits.size()) ? digits[i] : '0'; }

  void trim() {
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) exp = 0;
  }

  /// Rounds to n digits, half to even on the exact decimal.
  void round(int n) {
    if (n < 0 || n >= static_cast<int>(digits.size())) return;
    bool up;
    if (digits[n] == '5' && n + 1 == static_cast<int>(digits.size())) {
      up = n > 0 && ((digits[n - 1] - '0') & 1) != 0;
    } else {
      up = digits[n] >= '5';
    }
    if (up) {
      int i = n;
      while (i > 0 && digits[i - 1] >= '9') --i;
      if (i == 0) {
        digits = "1";
        ++exp;
        return;
      }
      ++digits[i - 1];
      digits.resize(i);
    } else {
      digits.resize(n);
      trim();
    }
  }
};

/// The decimal digits of a number: those Terraform prints for it (whole
/// numbers below 10^19 exactly, others as the shortest text that reads back
/// as the same double, so 1e30 is 1 and 30 zeros).
Decimal toDecimal(const Number& n) {
  Decimal d;
  long double v = n.value();
  d.negative = v < 0;
  if (n.isInteger() && std::fabs(v) < 1e19L) {
    std::string digits = integerDigitsSmall(static_cast<unsigned long long>(std::fabs(v)));
    d.exp = static_cast<int>(digits.size());
    d.digits = std::move(digits);
  } else {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(static_cast<double>(v)),
                                   std::chars_format::scientific);
    std::string_view text(buf, ec == std::errc() ? static_cast<size_t>(end - buf) : 0);
    size_t e = text.find('e');
    if (e == std::string_view::npos) return Decimal{};
    for (char c : text.substr(0, e))
      if (c != '.') d.digits += c;
    int exp10 = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exp10);
    d.exp = exp10 + 1;
  }
  size_t lead = 0;
  while (lead < d.digits.size() && d.digits[lead] == '0') ++lead;
  d.digits.erase(0, lead);
  d.exp -= static_cast<int>(lead);
  d.trim();
  if (d.digits.empty()) d.negative = false;
  return d;
}

std::string fmtE(const Decimal& d, char e, int prec) {
  std::string out(1, d.digits.empty() ? '0' : d.digits[0]);
  if (prec > 0) {
    out += '.';
    int i = 1;
    int m = std::min(static_cast<int>(d.digits.size()), prec + 1);
    if (i < m) {
      out.append(d.digits, 1, static_cast<size_t>(m - 1));
      i = m;
    }
    for (; i <= prec; ++i) out += '0';
  }
  out += e;
  long exp = d.digits.empty() ? 0 : d.exp - 1;
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  if (exp < 10) out += '0';
  out += std::to_string(exp);
  return out;
}

std::string fmtF(const Decimal& d, int prec) {
  std::string out;
  if (d.exp > 0) {
    int m = std::min(static_cast<int>(d.digits.size()), d.exp);
    out.append(d.digits, 0, static_cast<size_t>(m));
    for (; m < d.exp; ++m) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; ++i) out += d.at(d.exp + i);
  }
  return out;
}

/// big.Float.Text(format, prec) without the sign; prec < 0 = shortest.
std::string floatText(Decimal d, char format, int prec) {
  bool shortest = prec < 0;
  char lower = static_cast<char>(format | 0x20);
  if (shortest) {
    int nd = static_cast<int>(d.digits.size());
    if (lower == 'e') prec = nd - 1;
    if (lower == 'f') prec = std::max(nd - d.exp, 0);
    if (lower == 'g') prec = nd;
  } else if (lower == 'e') {
    d.round(1 + prec);
  } else if (lower == 'f') {
    d.round(d.exp + prec);
  } else {
    if (prec == 0) prec = 1;
    d.round(prec);
  }
  if (lower == 'e') return fmtE(d, format, prec);
  if (lower == 'f') return fmtF(d, prec);
  int nd = static_cast<int>(d.digits.size());
  int eprec = prec;
  if (eprec > nd && nd >= d.exp) eprec = nd;
  if (shortest) eprec = 6;
  int exp = d.exp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return fmtE(d, format == 'G' ? 'E' : 'e', prec - 1);
  }
  if (prec > d.exp) prec = nd;
  return fmtF(d, std::max(prec - d.exp, 0));
}

/// The shortest %g text of a number ("1e+21", "1.5"), as %v prints numbers.
std::string shortestG(const Number& n) {
  Decimal d = toDecimal(n);
  std::string text = floatText(d, 'g', -1);
  return d.negative ? "-" + text : text;
}

struct Verb {
  std::string_view raw;
  size_t offset = 0;
  size_t arg = 0;  // 1-based
  char mode = 0;
  bool sharp = false, zero = false, minus = false, plus = false, space = false;
  bool has_width = false, has_prec = false;
  long width = 0, prec = 0;
};

/// big.Float's Format: sign and padding around the digits.
std::string padNumber(const Verb& v, bool negative, const std::string& body, bool allow_zero_pad) {
  std::string sign = negative ? "-" : v.plus ? "+" : v.space ? " " : "";
  long padding = 0;
  long len = static_cast<long>(sign.size() + body.size());
  if (v.has_width && v.width > len) padding = v.width - len;
  bool zero = v.zero && !v.minus && allow_zero_pad;
  if (zero) return sign + std::string(static_cast<size_t>(padding), '0') + body;
  if (v.minus) return sign + body + std::string(static_cast<size_t>(padding), ' ');
  return std::string(static_cast<size_t>(padding), ' ') + sign + body;
}

/// The digits of a whole number in base 2, 8, 10 or 16.
std::string integerDigits(const Number& n, int base, bool upper) {
  long double v = std::fabs(n.value());
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  if (v < 18446744073709551616.0L) {
    auto u = static_cast<unsigned long long>(v);
    if (u == 0) return "0";
    std::string out;
    while (u > 0) {
      out += digits[u % static_cast<unsigned>(base)];
      u /= static_cast<unsigned>(base);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
  if (base == 10) {
    Decimal d = toDecimal(n);
    return fmtF(d, 0);
  }
  // Beyond 2^64: mantissa × 2^k, so the bits are the mantissa's and zeros.
  int exp = 0;
  long double mant = std::frexp(v, &exp);  // v = mant × 2^exp, 0.5 <= mant < 1
  auto m = static_cast<unsigned long long>(std::ldexp(mant, 64));
  std::string bits;
  for (int i = 63; i >= 0; --i) bits += ((m >> i) & 1) ? '1' : '0';
  bits.append(static_cast<size_t>(exp - 64), '0');
  size_t first = bits.find('1');
  bits = bits.substr(first);
  if (base == 2) return bits;
  int group = base == 8 ? 3 : 4;
  size_t pad = (group - bits.size() % group) % group;
  bits.insert(0, pad, '0');
  std::string out;
  for (size_t i = 0; i < bits.size(); i += static_cast<size_t>(group)) {
    int value = 0;
    for (int j = 0; j < group; ++j) value = value * 2 + (bits[i + static_cast<size_t>(j)] - '0');
    out += digits[value];
  }
  return out;
}

/// big.Int's Format for %b %d %o %x %X.
std::string formatInteger(const Verb& v, const Number& n) {
  int base = v.mode == 'b' ? 2 : v.mode == 'o' ? 8 : (v.mode == 'x' || v.mode == 'X') ? 16 : 10;
  std::string digits = integerDigits(n, base, v.mode == 'X');
  bool negative = n.value() < 0 && digits != "0";
  std::string sign = negative ? "-" : v.plus ? "+" : v.space ? " " : "";
  std::string prefix;
  if (v.sharp) {
    if (v.mode == 'b') prefix = "0b";
    if (v.mode == 'o') prefix = "0";
    if (v.mode == 'x') prefix = "0x";
    if (v.mode == 'X') prefix = "0X";
  }
  long zeros = 0, left = 0, right = 0;
  if (v.has_prec) {
    if (static_cast<long>(digits.size()) < v.prec) {
      zeros = v.prec - static_cast<long>(digits.size());
    } else if (digits == "0" && v.prec == 0) {
      return "";  // Go prints nothing for zero with zero precision
    }
  }
  long length = static_cast<long>(sign.size() + prefix.size() + digits.size()) + zeros;
  if (v.has_width && length < v.width) {
    long d = v.width - length;
    if (v.minus) {
      right = d;
    } else if (v.zero && !v.has_prec) {
      zeros = d;
    } else {
      left = d;
    }
  }
  return std::string(static_cast<size_t>(left), ' ') + sign + prefix + std::string(static_cast<size_t>(zeros), '0') +
         digits + std::string(static_cast<size_t>(right), ' ');
}

// ---------------------------------------------------------------------------
// format (cty stdlib format.go and its ragel scanner)

std::string goQuoteRune(char32_t cp) {
  std::string s;
  utf8::append(s, cp);
  std::string q = quoteGoString(s);  // "..." with Go escapes
  std::string body = q.substr(1, q.size() - 2);
  if (body == "\\\"") body = "\"";
  if (body == "'") body = "\\'";
  return "'" + body + "'";
}

/// Pads to the verb's width in grapheme clusters (cty formatPadWidth).
std::string padWidth(const Verb& v, std::string s) {
  if (!v.has_width) return s;
  size_t have = graphemeCount(s);
  if (static_cast<long>(have) >= v.width) return s;
  std::string pad(static_cast<size_t>(v.width) - have, v.zero ? '0' : ' ');
  return v.minus ? s + pad : pad + s;
}

class Formatter {
 public:
  Formatter(std::string_view format, std::span<const Value> args) : fmt_(format), args_(args) {}

  std::string error;
  int error_arg = -1;  ///< index among all the call's arguments (0 = the format)

  /// Formats; on failure returns nullopt with `error` set.
  std::optional<std::string> run() {
    std::string buf;
    size_t next_arg = 1;
    size_t highest = 0;
    size_t i = 0, n = fmt_.size();
    while (i < n) {
      if (fmt_[i] != '%') {
        size_t j = fmt_.find('%', i);
        if (j == std::string_view::npos) j = n;
        buf.append(fmt_.substr(i, j - i));
        i = j;
        continue;
      }
      size_t start = i++;
      if (i < n && fmt_[i] == '%') {
        buf += '%';
        ++i;
        continue;
      }
      Verb v;
      v.arg = next_arg;
      for (; i < n; ++i) {
        char c = fmt_[i];
        if (c == '0') v.zero = true;
        else if (c == '#') v.sharp = true;
        else if (c == '-') v.minus = true;
        else if (c == '+') v.plus = true;
        else if (c == ' ') v.space = true;
        else break;
      }
      if (i < n && fmt_[i] >= '1' && fmt_[i] <= '9') {
        v.has_width = true;
        i = number(i, &v.width);
      }
      if (i < n && fmt_[i] == '.') {
        v.has_prec = true;
        i = number(i + 1, &v.prec);
      }
      if (i < n && fmt_[i] == '[') {
        ++i;
        if (i >= n) return badEnd();
        if (fmt_[i] < '1' || fmt_[i] > '9') return badChar(i);
        long arg = 0;
        i = number(i, &arg);
        if (i >= n) return badEnd();
        if (fmt_[i] != ']') return badChar(i);
        ++i;
        v.arg = static_cast<size_t>(arg);
      }
      if (i >= n) return badEnd();
      char mode = fmt_[i];
      if (!((mode >= 'a' && mode <= 'z') || (mode >= 'A' && mode <= 'Z'))) return badChar(i);
      v.mode = mode;
      ++i;
      v.raw = fmt_.substr(start, i - start);
      v.offset = start;
      if (v.width > kMaxFormatWidth || v.prec > kMaxFormatWidth) {
        error = fmt::format("width or precision of {} at {} is too large (the limit is {})", quoteGoString(v.raw),
                            v.offset, kMaxFormatWidth);
        return std::nullopt;
      }
      highest = std::max(highest, v.arg);
      if (!append(v, buf)) return std::nullopt;
      if (buf.size() > kMaxResultBytes) {
        error = fmt::format("the result would be larger than {} MiB", kMaxResultBytes >> 20);
        return std::nullopt;
      }
      next_arg = v.arg + 1;
    }
    if (highest < args_.size()) {
      // Unused arguments are an error, to catch mistakes.
      error_arg = static_cast<int>(highest) + 1;
      error = highest == 0 ? "too many arguments; no verbs in format string"
                           : fmt::format("too many arguments; only {} used by format string", highest);
      return std::nullopt;
    }
    return buf;
  }

 private:
  std::string_view fmt_;
  std::span<const Value> args_;

  /// Reads decimal digits at i (saturating), returns the position after them.
  size_t number(size_t i, long* out) {
    long value = 0;
    while (i < fmt_.size() && fmt_[i] >= '0' && fmt_[i] <= '9') {
      if (value <= kMaxFormatWidth * 10L) value = value * 10 + (fmt_[i] - '0');
      ++i;
    }
    *out = value;
    return i;
  }

  std::nullopt_t badEnd() {
    error = fmt::format("invalid format string starting at offset {}", fmt_.size());
    return std::nullopt;
  }

  std::nullopt_t badChar(size_t i) {
    size_t w = 0;
    char32_t cp = decodeRune(fmt_, i, &w);
    error = fmt::format("unrecognized format character {} at offset {}", goQuoteRune(cp), i);
    return std::nullopt;
  }

  bool unsupported(const Verb& v, std::string_view why) {
    error = fmt::format("unsupported value for {} at {}: {}", quoteGoString(v.raw), v.offset, why);
    return false;
  }

  bool append(const Verb& v, std::string& buf) {
    if (v.arg > args_.size()) {
      error = fmt::format("not enough arguments for {} at {}: need index {} but have {} total", quoteGoString(v.raw),
                          v.offset, v.arg, args_.size());
      return false;
    }
    const Value& arg = args_[v.arg - 1];
    if (v.mode != 'v' && arg.isNull()) return unsupported(v, "null value cannot be formatted");
    switch (v.mode) {
      case 'v': return appendAsIs(v, arg, buf);
      case 't': {
        std::string err;
        auto b = convert(arg, Type::boolean(), &err);
        if (!b) return unsupported(v, err);
        buf += b->asBool() ? "true" : "false";
        return true;
      }
      case 'b':
      case 'd':
      case 'o':
      case 'x':
      case 'X':
      case 'e':
      case 'E':
      case 'f':
      case 'g':
      case 'G': return appendNumber(v, arg, buf);
      case 's':
      case 'q': return appendString(v, arg, buf);
      default:
        error = fmt::format("unsupported format verb {} in {} at offset {}", goQuoteRune(static_cast<char32_t>(v.mode)),
                            quoteGoString(v.raw), v.offset);
        return false;
    }
  }

  bool appendAsIs(const Verb& v, const Value& arg, std::string& buf) {
    if (!v.sharp && !arg.isNull()) {
      if (arg.type().kind() == TypeKind::kString) {
        buf += padWidth(v, arg.asString());
        return true;
      }
      if (arg.type().kind() == TypeKind::kNumber) {
        buf += padWidth(v, shortestG(arg.asNumber()));
        return true;
      }
    }
    std::string json, err;
    if (!appendJson(json, arg, &err)) return unsupported(v, err);
    buf += padWidth(v, std::move(json));
    return true;
  }

  bool appendNumber(const Verb& v, const Value& arg, std::string& buf) {
    std::string err;
    auto num = convert(arg, Type::number(), &err);
    if (!num) return unsupported(v, err);
    const Number& n = num->asNumber();
    if (v.mode == 'b' || v.mode == 'd' || v.mode == 'o' || v.mode == 'x' || v.mode == 'X') {
      if (!n.isInteger()) return unsupported(v, "an integer is required");
      buf += formatInteger(v, n);
      return true;
    }
    if (!n.isFinite()) {
      // big.Float prints "+Inf" and "-Inf", never zero-padded.
      Verb signed_verb = v;
      signed_verb.plus = !v.space;
      buf += padNumber(signed_verb, n.value() < 0, "Inf", false);
      return true;
    }
    Decimal d = toDecimal(n);
    int prec = v.has_prec ? static_cast<int>(v.prec) : ((v.mode == 'g' || v.mode == 'G') ? -1 : 6);
    buf += padNumber(v, d.negative, floatText(d, v.mode, prec), true);
    return true;
  }

  bool appendString(const Verb& v, const Value& arg, std::string& buf) {
    std::string err;
    auto s = convert(arg, Type::string(), &err);
    if (!s) return unsupported(v, err);
    std::string_view text = s->asString();
    if (v.has_prec && v.prec > 0) {
      size_t pos = 0;
      for (long i = 0; i < v.prec && pos < text.size(); ++i) pos += graphemeLength(text, pos);
      text = text.substr(0, pos);
    }
    if (v.mode == 's') {
      buf += padWidth(v, std::string(text));
    } else {
      std::string quoted;
      appendJsonString(quoted, text);
      buf += padWidth(v, std::move(quoted));
    }
    return true;
  }
};

FunctionResult formatImpl(std::span<const Value> args, FunctionContext&) {
  Formatter f(args[0].asString(), args.subspan(1));
  auto s = f.run();
  if (!s) {
    if (f.error_arg > 0) return argError("args", f.error_arg, f.error);
    return callError("format", f.error);
  }
  return ok(str(std::move(*s)));
}

std::vector<std::string> refsOf(const Value& v) { return {v.references().begin(), v.references().end()}; }

FunctionResult formatlistImpl(std::span<const Value> all, FunctionContext&) {
  const std::string& format = all[0].asString();
  auto args = all.subspan(1);
  Type result_type = Type::list(Type::string());
  if (args.empty()) {
    Formatter f(format, {});
    auto s = f.run();
    if (!s) return f.error_arg > 0 ? argError("args", f.error_arg, f.error) : callError("formatlist", f.error);
    return ok(Value::list({str(std::move(*s))}, Type::string()));
  }
  // List, set and tuple arguments are iterated together; the others repeat.
  long iter_len = -1;
  size_t len_chooser = 0;
  bool unknown = false;
  std::vector<std::string> refs;
  std::vector<bool> iterated(args.size(), false);
  for (size_t i = 0; i < args.size(); ++i) {
    const Value& arg = args[i];
    TypeKind k = arg.type().kind();
    bool sequence = k == TypeKind::kList || k == TypeKind::kSet || k == TypeKind::kTuple;
    if (sequence && !arg.isNull()) {
      bool length_known = arg.isKnown() && (k != TypeKind::kSet || arg.length() <= 1 || arg.isWhollyKnown());
      if (k != TypeKind::kTuple && !length_known) {
        unknown = true;
        refs.insert(refs.end(), arg.references().begin(), arg.references().end());
        continue;
      }
      long len = static_cast<long>(k == TypeKind::kTuple ? arg.type().tupleElements().size() : arg.length());
      if (iter_len == -1) {
        iter_len = len;
        len_chooser = i;
      } else if (len != iter_len) {
        return argError("args", static_cast<int>(i) + 1,
                        fmt::format("argument {} has length {}, which is inconsistent with argument {} of length {}",
                                    i + 1, len, len_chooser + 1, iter_len));
      }
      if (!arg.isKnown()) {
        unknown = true;
        refs.insert(refs.end(), arg.references().begin(), arg.references().end());
        continue;
      }
      iterated[i] = true;
    } else if (!arg.isKnown() && arg.type().isDynamic()) {
      unknown = true;
      refs.insert(refs.end(), arg.references().begin(), arg.references().end());
    }
  }
  if (unknown) return ok(Value::unknown(result_type, std::move(refs)));
  if (iter_len == 0) return ok(Value::list({}, Type::string()));
  if (iter_len == -1) iter_len = 1;
  std::vector<Value> results;
  results.reserve(static_cast<size_t>(iter_len));
  std::vector<Value> fmt_args(args.size());
  size_t total = 0;
  for (long it = 0; it < iter_len; ++it) {
    bool known = true;
    std::vector<std::string> elem_refs;
    for (size_t i = 0; i < args.size(); ++i) {
      fmt_args[i] = iterated[i] ? args[i].elements()[static_cast<size_t>(it)] : args[i];
      if (!fmt_args[i].isWhollyKnown()) {
        known = false;
        elem_refs.insert(elem_refs.end(), fmt_args[i].references().begin(), fmt_args[i].references().end());
      }
    }
    if (!known) {
      results.push_back(Value::unknown(Type::string(), std::move(elem_refs)));
      continue;
    }
    Formatter f(format, fmt_args);
    auto s = f.run();
    if (!s) return callError("formatlist", fmt::format("error on format iteration {}: {}", it, f.error));
    total += s->size();
    if (total > kMaxResultBytes) return tooLarge("formatlist");
    results.push_back(str(std::move(*s)));
  }
  return ok(Value::list(std::move(results), Type::string()));
}

// ---------------------------------------------------------------------------
// Regular expressions

/// Go's regexp/syntax error texts for RE2's error codes.
std::string_view goRegexpError(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape: return "invalid escape sequence";
    case RE2::ErrorBadCharClass: return "invalid character class";
    case RE2::ErrorBadCharRange: return "invalid character class range";
    case RE2::ErrorMissingBracket: return "missing closing ]";
    case RE2::ErrorMissingParen: return "missing closing )";
    case RE2::ErrorUnexpectedParen: return "unexpected )";
    case RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize: return "invalid repeat count";
    case RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8: return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture: return "invalid named capture";
    case RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "regexp/syntax: internal error";
  }
}

std::unique_ptr<RE2> compile(std::string_view pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
}

/// The shape of regex()'s result: a string, a tuple of strings (unnamed
/// groups) or an object of strings (named groups).
struct RegexShape {
  Type type;
  std::vector<std::string> names;  ///< group names by index - 1 (named patterns)
};

std::optional<RegexShape> regexShape(const RE2& re, std::string* error) {
  int groups = re.NumberOfCapturingGroups();
  const auto& named = re.CapturingGroupNames();
  size_t unnamed = static_cast<size_t>(groups) - named.size();
  if (groups == 0) return RegexShape{Type::string(), {}};
  if (unnamed > 0 && !named.empty()) {
    *error = "invalid regexp pattern: cannot mix both named and unnamed capture groups";
    return std::nullopt;
  }
  if (unnamed > 0) return RegexShape{Type::tuple(std::vector<Type>(unnamed, Type::string())), {}};
  RegexShape shape;
  std::vector<ObjectAttribute> attrs;
  shape.names.resize(static_cast<size_t>(groups));
  for (const auto& [index, name] : named) {
    shape.names[static_cast<size_t>(index - 1)] = name;
    attrs.push_back({name, Type::string(), false});
  }
  shape.type = Type::object(std::move(attrs));
  return shape;
}

/// Compiles a regex()/regexall() pattern; the error is about argument 0.
std::unique_ptr<RE2> compilePattern(std::string_view pattern, std::string* error) {
  auto re = compile(pattern);
  if (!re->ok()) {
    *error = fmt::format("invalid regexp pattern: {} in {}", goRegexpError(re->error_code()), re->error_arg());
    return nullptr;
  }
  return re;
}

using Match = std::vector<re2::StringPiece>;

/// The leftmost match at or after `pos`, or false.
bool matchAt(const RE2& re, std::string_view text, size_t pos, Match& m) {
  re2::StringPiece sp(text.data(), text.size());
  return re.Match(sp, pos, text.size(), RE2::UNANCHORED, m.data(), static_cast<int>(m.size()));
}

size_t offsetIn(std::string_view text, const re2::StringPiece& p) {
  return static_cast<size_t>(p.data() - text.data());
}

Value regexResult(const RegexShape& shape, const Match& m) {
  auto group = [&](size_t i) {
    return m[i].data() == nullptr ? Value::null(Type::string()) : str(std::string(m[i].data(), m[i].size()));
  };
  switch (shape.type.kind()) {
    case TypeKind::kString: return group(0);
    case TypeKind::kTuple: {
      std::vector<Value> elems;
      for (size_t i = 1; i < m.size(); ++i) elems.push_back(group(i));
      return Value::tuple(std::move(elems));
    }
    default: {
      std::vector<Value::Attribute> attrs;
      for (size_t i = 1; i < m.size(); ++i) attrs.emplace_back(shape.names[i - 1], group(i));
      return Value::object(std::move(attrs));
    }
  }
}

/// Every match as Go's FindAllStringSubmatchIndex finds them: no empty
/// match right after a previous match.
template <typename F>
void forEachMatch(const RE2& re, std::string_view text, F deliver) {
  Match m(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  size_t pos = 0;
  long prev_end = -1;
  while (pos <= text.size()) {
    if (!matchAt(re, text, pos, m)) break;
    size_t start = offsetIn(text, m[0]), end = start + m[0].size();
    bool accept = true;
    if (end == pos) {
      if (static_cast<long>(start) == prev_end) accept = false;
      size_t w = 0;
      if (pos < text.size()) {
        decodeRune(text, pos, &w);
        pos += w;
      } else {
        pos = text.size() + 1;
      }
    } else {
      pos = end;
    }
    prev_end = static_cast<long>(end);
    if (accept && !deliver(m)) break;
  }
}

FunctionResult regexImpl(std::span<const Value> args, FunctionContext&) {
  std::string error;
  auto re = compilePattern(args[0].asString(), &error);
  if (!re) return argError("pattern", 0, error);
  auto shape = regexShape(*re, &error);
  if (!shape) return argError("pattern", 0, error);
  if (!args[1].isKnown()) return ok(Value::unknown(shape->type, refsOf(args[1])));
  const std::string& text = args[1].asString();
  Match m(static_cast<size_t>(re->NumberOfCapturingGroups()) + 1);
  if (!matchAt(*re, text, 0, m)) return callError("regex", "pattern did not match any part of the given string");
  return ok(regexResult(*shape, m));
}

FunctionResult regexallImpl(std::span<const Value> args, FunctionContext&) {
  std::string error;
  auto re = compilePattern(args[0].asString(), &error);
  if (!re) return argError("pattern", 0, error);
  auto shape = regexShape(*re, &error);
  if (!shape) return argError("pattern", 0, error);
  if (!args[1].isKnown()) return ok(Value::unknown(Type::list(shape->type), refsOf(args[1])));
  const std::string& text = args[1].asString();
  std::vector<Value> results;
  forEachMatch(*re, text, [&](const Match& m) {
    results.push_back(regexResult(*shape, m));
    return true;
  });
  return ok(Value::list(std::move(results), shape->type));
}

/// Go's Regexp.Expand for a replacement template: $1, ${1}, $name,
/// ${name}, $$ (names are ASCII letters, digits and underscores).
void expandTemplate(const RE2& re, std::string_view tmpl, std::string_view text, const Match& m, std::string& out) {
  auto is_name = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  while (!tmpl.empty()) {
    size_t dollar = tmpl.find('$');
    if (dollar == std::string_view::npos) break;
    out.append(tmpl.substr(0, dollar));
    tmpl.remove_prefix(dollar + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out += '$';
      tmpl.remove_prefix(1);
      continue;
    }
    std::string_view rest = tmpl;
    bool brace = !rest.empty() && rest[0] == '{';
    if (brace) rest.remove_prefix(1);
    size_t i = 0;
    while (i < rest.size() && is_name(rest[i])) ++i;
    if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
      out += '$';  // malformed: the $ is literal
      continue;
    }
    std::string_view name = rest.substr(0, i);
    tmpl = rest.substr(i + (brace ? 1 : 0));
    long num = 0;
    for (char c : name) {
      if (c < '0' || c > '9' || num >= 100000000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name[0] == '0' && name.size() > 1) num = -1;
    long group = -1;
    if (num >= 0) {
      group = num;
    } else {
      const auto& named = re.NamedCapturingGroups();
      auto it = named.find(std::string(name));
      if (it != named.end()) group = it->second;
    }
    if (group >= 0 && static_cast<size_t>(group) < m.size() && m[static_cast<size_t>(group)].data() != nullptr) {
      const auto& g = m[static_cast<size_t>(group)];
      out.append(text.substr(offsetIn(text, g), g.size()));
    }
  }
  out.append(tmpl);
}

FunctionResult replaceImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& text = args[0].asString();
  const std::string& substr = args[1].asString();
  const std::string& repl = args[2].asString();
  std::string out;
  if (substr.size() > 1 && substr.front() == '/' && substr.back() == '/') {
    // /pattern/ is a regular expression.
    std::string_view pattern(substr.data() + 1, substr.size() - 2);
    auto re = compile(pattern);
    if (!re->ok()) {
      return callError("replace", fmt::format("error parsing regexp: {}: `{}`", goRegexpError(re->error_code()),
                                              re->error_arg()));
    }
    Match m(static_cast<size_t>(re->NumberOfCapturingGroups()) + 1);
    size_t last_end = 0, search = 0;
    while (search <= text.size()) {
      if (!matchAt(*re, text, search, m)) break;
      size_t start = offsetIn(text, m[0]), end = start + m[0].size();
      out.append(text, last_end, start - last_end);
      // No replacement for an empty match right after a previous match.
      if (end > last_end || start == 0) expandTemplate(*re, repl, text, m, out);
      if (out.size() > kMaxResultBytes) return tooLarge("replace");
      last_end = end;
      size_t w = 0;
      if (search < text.size()) decodeRune(text, search, &w);
      if (search + w > end) {
        search += w;
      } else if (search + 1 > end) {
        ++search;
      } else {
        search = end;
      }
    }
    out.append(text, last_end, std::string::npos);
    return ok(str(std::move(out)));
  }
  if (substr.empty()) {
    // Go: the empty string matches before every UTF-8 sequence and at the end.
    if (repl.size() * (text.size() + 1) + text.size() > kMaxResultBytes) return tooLarge("replace");
    out += repl;
    for (size_t i = 0; i < text.size();) {
      size_t w = 0;
      decodeRune(text, i, &w);
      out.append(text, i, w);
      out += repl;
      i += w;
    }
    return ok(str(std::move(out)));
  }
  if (repl.size() > substr.size()) {
    size_t count = 0;
    for (size_t found = text.find(substr); found != std::string::npos; found = text.find(substr, found + substr.size()))
      ++count;
    if (count > 0 && (text.size() > kMaxResultBytes ||
                      (repl.size() - substr.size()) > (kMaxResultBytes - text.size()) / count))
      return tooLarge("replace");
  }
  size_t pos = 0;
  for (size_t found; (found = text.find(substr, pos)) != std::string::npos; pos = found + substr.size()) {
    out.append(text, pos, found - pos);
    out += repl;
  }
  out.append(text, pos, std::string::npos);
  return ok(str(std::move(out)));
}

// ---------------------------------------------------------------------------
// The plain string functions

FunctionResult chompImpl(std::span<const Value> args, FunctionContext&) {
  std::string s = args[0].asString();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return ok(Value::string(std::move(s)));
}

FunctionResult endswithImpl(std::span<const Value> args, FunctionContext&) {
  return ok(Value::boolean(std::string_view(args[0].asString()).ends_with(args[1].asString())));
}

FunctionResult startswithImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& prefix = args[1].asString();
  if (!args[0].isKnown()) {
    // Every string starts with "".
    if (prefix.empty()) return ok(Value::boolean(true));
    return ok(Value::unknown(Type::boolean(), refsOf(args[0])));
  }
  return ok(Value::boolean(std::string_view(args[0].asString()).starts_with(prefix)));
}

FunctionResult strcontainsImpl(std::span<const Value> args, FunctionContext&) {
  return ok(Value::boolean(args[0].asString().find(args[1].asString()) != std::string::npos));
}

FunctionResult indentImpl(std::span<const Value> args, FunctionContext&) {
  auto spaces = args[0].asNumber().toInt();
  if (!spaces) return callError("indent", kWholeNumber);
  if (*spaces < 0) return argError("spaces", 0, "must not be negative");
  const std::string& s = args[1].asString();
  size_t lines = static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
  if (static_cast<unsigned long long>(*spaces) > kMaxResultBytes ||
      s.size() + lines * static_cast<size_t>(*spaces) > kMaxResultBytes)
    return tooLarge("indent");
  std::string pad = "\n" + std::string(static_cast<size_t>(*spaces), ' ');
  std::string out;
  out.reserve(s.size() + lines * static_cast<size_t>(*spaces));
  for (char c : s) {
    if (c == '\n') {
      out += pad;
    } else {
      out += c;
    }
  }
  return ok(str(std::move(out)));
}

FunctionResult joinImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& sep = args[0].asString();
  auto lists = args.subspan(1);
  if (lists.empty()) return callError("join", "at least one list is required");
  size_t total = 0, count = 0;
  for (const Value& list : lists) {
    for (const Value& e : list.elements()) {
      if (!e.isNull()) total += e.asString().size();
      ++count;
    }
  }
  if (count > 1 && (total > kMaxResultBytes || sep.size() > (kMaxResultBytes - total) / (count - 1)))
    return tooLarge("join");
  std::string out;
  out.reserve(total + (count > 1 ? sep.size() * (count - 1) : 0));
  bool first = true;
  for (size_t li = 0; li < lists.size(); ++li) {
    auto elems = lists[li].elements();
    for (size_t ei = 0; ei < elems.size(); ++ei) {
      if (elems[ei].isNull()) {
        return argError("lists", static_cast<int>(li) + 1,
                        lists.size() > 1 ? fmt::format("element {} of list {} is null; cannot concatenate null values",
                                                       ei, li + 1)
                                         : fmt::format("element {} is null; cannot concatenate null values", ei));
      }
      if (!first) out += sep;
      first = false;
      out += elems[ei].asString();
    }
  }
  return ok(str(std::move(out)));
}

FunctionResult lowerImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& s = args[0].asString();
  if (isAscii(s)) {
    std::string out = s;
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return ok(Value::string(std::move(out)));
  }
  return ok(str(mapRunes(s, [](char32_t r) { return toCase(kLower, r); })));
}

FunctionResult upperImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& s = args[0].asString();
  if (isAscii(s)) {
    std::string out = s;
    for (char& c : out)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return ok(Value::string(std::move(out)));
  }
  return ok(str(mapRunes(s, [](char32_t r) { return toCase(kUpper, r); })));
}

/// Go's strings.Title: the first letter after a separator to title case,
/// where separators are ASCII non-alphanumerics (except _) and Unicode spaces.
FunctionResult titleImpl(std::span<const Value> args, FunctionContext&) {
  auto separator = [](char32_t r) {
    if (r < 0x80) {
      return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
    }
    return utf8::isSpace(r);
  };
  char32_t prev = ' ';
  return ok(str(mapRunes(args[0].asString(), [&](char32_t r) {
    char32_t out = separator(prev) ? toCase(kTitle, r) : r;
    prev = r;
    return out;
  })));
}

FunctionResult splitImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& sep = args[0].asString();
  const std::string& s = args[1].asString();
  std::vector<Value> parts;
  if (sep.empty()) {
    // Go explodes the string into its UTF-8 sequences.
    for (size_t i = 0; i < s.size();) {
      size_t w = 0;
      decodeRune(s, i, &w);
      parts.push_back(Value::string(s.substr(i, w)));
      i += w;
    }
    return ok(Value::list(std::move(parts), Type::string()));
  }
  size_t pos = 0;
  for (size_t found; (found = s.find(sep, pos)) != std::string::npos; pos = found + sep.size())
    parts.push_back(str(s.substr(pos, found - pos)));
  parts.push_back(str(s.substr(pos)));
  return ok(Value::list(std::move(parts), Type::string()));
}

// Reverses grapheme clusters (as approximated above), not bytes or code
// points, so combining marks stay on their letters.
FunctionResult strrevImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& s = args[0].asString();
  std::string out(s.size(), '\0');
  size_t write = s.size();
  for (size_t i = 0; i < s.size();) {
    size_t len = graphemeLength(s, i);
    write -= len;
    std::copy_n(s.begin() + static_cast<long>(i), len, out.begin() + static_cast<long>(write));
    i += len;
  }
  return ok(str(std::move(out)));
}

/// cty's substr: offset and length in grapheme clusters; a negative offset
/// counts from the end, a negative length takes the rest.
FunctionResult substrImpl(std::span<const Value> args, FunctionContext&) {
  std::string_view in = args[0].asString();
  auto offset_arg = args[1].asNumber().toInt();
  auto length_arg = args[2].asNumber().toInt();
  if (!offset_arg || !length_arg) return callError("substr", kWholeNumber);
  long long offset = *offset_arg, length = *length_arg;
  if (offset < 0) {
    offset += static_cast<long long>(graphemeCount(in));
  } else if (length == 0) {
    return ok(Value::string(""));
  }
  std::string_view sub = in;
  size_t i = 0;
  if (offset > 0) {
    long long pos = 0;
    for (i = 0; i < sub.size();) {
      i += graphemeLength(sub, i);
      ++pos;
      if (pos == offset) break;
      if (i >= in.size()) return ok(Value::string(""));
    }
    sub = sub.substr(i);
  }
  if (length < 0) return ok(str(std::string(sub)));
  long long pos = 0;
  for (i = 0; i < sub.size();) {
    i += graphemeLength(sub, i);
    ++pos;
    if (pos == length) break;
  }
  return ok(str(std::string(sub.substr(0, i))));
}

/// Go's strings.Trim: drops leading and trailing runes that are in `cutset`.
FunctionResult trimImpl(std::span<const Value> args, FunctionContext&) {
  std::string_view s = args[0].asString();
  std::string_view cutset = args[1].asString();
  if (s.empty() || cutset.empty()) return ok(args[0]);
  std::vector<char32_t> cut;
  for (size_t i = 0; i < cutset.size();) {
    size_t w = 0;
    cut.push_back(decodeRune(cutset, i, &w));
    i += w;
  }
  auto in_cut = [&](char32_t r) { return std::find(cut.begin(), cut.end(), r) != cut.end(); };
  size_t start = 0;
  while (start < s.size()) {
    size_t w = 0;
    char32_t r = decodeRune(s, start, &w);
    if (!in_cut(r)) break;
    start += w;
  }
  size_t end = s.size();
  while (end > start) {
    // Step back over one UTF-8 sequence (or one stray byte).
    size_t b = end - 1;
    while (b > start && end - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    size_t w = 0;
    char32_t r = decodeRune(s, b, &w);
    if (b + w != end) {
      b = end - 1;
      r = 0xFFFD;
    }
    if (!in_cut(r)) break;
    end = b;
  }
  return ok(str(std::string(s.substr(start, end - start))));
}

FunctionResult trimprefixImpl(std::span<const Value> args, FunctionContext&) {
  std::string_view s = args[0].asString();
  std::string_view prefix = args[1].asString();
  if (!s.starts_with(prefix)) return ok(args[0]);
  return ok(str(std::string(s.substr(prefix.size()))));
}

FunctionResult trimsuffixImpl(std::span<const Value> args, FunctionContext&) {
  std::string_view s = args[0].asString();
  std::string_view suffix = args[1].asString();
  if (!s.ends_with(suffix)) return ok(args[0]);
  return ok(str(std::string(s.substr(0, s.size() - suffix.size()))));
}

/// Go's strings.TrimSpace: Unicode white space at both ends.
FunctionResult trimspaceImpl(std::span<const Value> args, FunctionContext&) {
  std::string_view s = args[0].asString();
  size_t start = 0;
  while (start < s.size()) {
    size_t w = 0;
    char32_t r = decodeRune(s, start, &w);
    if (w == 1 && r == 0xFFFD) break;
    if (!utf8::isSpace(r)) break;
    start += w;
  }
  size_t end = s.size();
  while (end > start) {
    size_t b = end - 1;
    while (b > start && end - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    char32_t cp = 0;
    int len = utf8::decode(s, b, &cp);
    if (len == 0 || b + static_cast<size_t>(len) != end || !utf8::isSpace(cp)) break;
    end = b;
  }
  return ok(Value::string(std::string(s.substr(start, end - start))));
}

// ---------------------------------------------------------------------------
// The table

FunctionParam param(std::string_view name, Type type) { return {name, std::move(type)}; }

std::vector<FunctionSpec> build() {
  const Type s = Type::string();
  const Type n = Type::number();
  const Type b = Type::boolean();
  return {
      {"chomp", {param("str", s)}, std::nullopt, s, chompImpl},
      {"endswith", {param("str", s), param("suffix", s)}, std::nullopt, b, endswithImpl},
      {"format", {param("format", s)}, FunctionParam{"args", Type::dynamic(), true, false}, s, formatImpl},
      {"formatlist", {param("format", s)}, FunctionParam{"args", Type::dynamic(), true, true}, Type::list(s),
       formatlistImpl},
      {"indent", {param("spaces", n), param("str", s)}, std::nullopt, s, indentImpl},
      {"join", {param("separator", s)}, FunctionParam{"lists", Type::list(s)}, s, joinImpl},
      {"lower", {param("str", s)}, std::nullopt, s, lowerImpl},
      {"regex", {param("pattern", s), FunctionParam{"string", s, false, true}}, std::nullopt, Type::dynamic(),
       regexImpl},
      {"regexall", {param("pattern", s), FunctionParam{"string", s, false, true}}, std::nullopt,
       Type::list(Type::dynamic()), regexallImpl},
      {"replace", {param("str", s), param("substr", s), param("replace", s)}, std::nullopt, s, replaceImpl},
      {"split", {param("separator", s), param("str", s)}, std::nullopt, Type::list(s), splitImpl},
      {"startswith", {FunctionParam{"str", s, false, true}, param("prefix", s)}, std::nullopt, b, startswithImpl},
      {"strcontains", {param("str", s), param("substr", s)}, std::nullopt, b, strcontainsImpl},
      {"strrev", {param("str", s)}, std::nullopt, s, strrevImpl},
      {"substr", {param("str", s), param("offset", n), param("length", n)}, std::nullopt, s, substrImpl},
      {"title", {param("str", s)}, std::nullopt, s, titleImpl},
      {"trim", {param("str", s), param("cutset", s)}, std::nullopt, s, trimImpl},
      {"trimprefix", {param("str", s), param("prefix", s)}, std::nullopt, s, trimprefixImpl},
      {"trimspace", {param("str", s)}, std::nullopt, s, trimspaceImpl},
      {"trimsuffix", {param("str", s), param("suffix", s)}, std::nullopt, s, trimsuffixImpl},
      {"upper", {param("str", s)}, std::nullopt, s, upperImpl},
  };
}

// ---------------------------------------------------------------------------
// Tables generated from Go 1.19's unicode package (Unicode 13.0.0).

// unicode.CaseRanges: {lo, hi, {upper, lower, title deltas}}.
const CaseRange kCaseRanges[] = {
    {0x41, 0x5A, {0, 32, 0}}, {0x61, 0x7A, {-32, 0, -32}}, {0xB5, 0xB5, {743, 0, 743}}, {0xC0, 0xD6, {0, 32, 0}},
    {0xD8, 0xDE, {0, 32, 0}}, {0xE0, 0xF6, {-32, 0, -32}}, {0xF8, 0xFE, {-32, 0, -32}}, {0xFF, 0xFF, {121, 0, 121}},
    {0x100, 0x12F, {kUL, kUL, kUL}}, {0x130, 0x130, {0, -199, 0}}, {0x131, 0x131, {-232, 0, -232}},
    {0x132, 0x137, {kUL, kUL, kUL}}, {0x139, 0x148, {kUL, kUL, kUL}}, {0x14A, 0x177, {kUL, kUL, kUL}},
    {0x178, 0x178, {0, -121, 0}}, {0x179, 0x17E, {kUL, kUL, kUL}}, {0x17F, 0x17F, {-300, 0, -300}},
    {0x180, 0x180, {195, 0, 195}}, {0x181, 0x181, {0, 210, 0}}, {0x182, 0x185, {kUL, kUL, kUL}},
    {0x186, 0x186, {0, 206, 0}}, {0x187, 0x188, {kUL, kUL, kUL}}, {0x189, 0x18A, {0, 205, 0}},
    {0x18B, 0x18C, {kUL, kUL, kUL}}, {0x18E, 0x18E, {0, 79, 0}}, {0x18F, 0x18F, {0, 202, 0}},
    {0x190, 0x190, {0, 203, 0}}, {0x191, 0x192, {kUL, kUL, kUL}}, {0x193, 0x193, {0, 205, 0}},
    {0x194, 0x194, {0, 207, 0}}, {0x195, 0x195, {97, 0, 97}}, {0x196, 0x196, {0, 211, 0}},
    {0x197, 0x197, {0, 209, 0}}, {0x198, 0x199, {kUL, kUL, kUL}}, {0x19A, 0x19A, {163, 0, 163}},
    {0x19C, 0x19C, {0, 211, 0}}, {0x19D, 0x19D, {0, 213, 0}}, {0x19E, 0x19E, {130, 0, 130}},
    {0x19F, 0x19F, {0, 214, 0}}, {0x1A0, 0x1A5, {kUL, kUL, kUL}}, {0x1A6, 0x1A6, {0, 218, 0}},
    {0x1A7, 0x1A8, {kUL, kUL, kUL}}, {0x1A9, 0x1A9, {0, 218, 0}}, {0x1AC, 0x1AD, {kUL, kUL, kUL}},
    {0x1AE, 0x1AE, {0, 218, 0}}, {0x1AF, 0x1B0, {kUL, kUL, kUL}}, {0x1B1, 0x1B2, {0, 217, 0}},
    {0x1B3, 0x1B6, {kUL, kUL, kUL}}, {0x1B7, 0x1B7, {0, 219, 0}}, {0x1B8, 0x1B9, {kUL, kUL, kUL}},
    {0x1BC, 0x1BD, {kUL, kUL, kUL}}, {0x1BF, 0x1BF, {56, 0, 56}}, {0x1C4, 0x1C4, {0, 2, 1}},
    {0x1C5, 0x1C5, {-1, 1, 0}}, {0x1C6, 0x1C6, {-2, 0, -1}}, {0x1C7, 0x1C7, {0, 2, 1}}, {0x1C8, 0x1C8, {-1, 1, 0}},
    {0x1C9, 0x1C9, {-2, 0, -1}}, {0x1CA, 0x1CA, {0, 2, 1}}, {0x1CB, 0x1CB, {-1, 1, 0}}, {0x1CC, 0x1CC, {-2, 0, -1}},
    {0x1CD, 0x1DC, {kUL, kUL, kUL}}, {0x1DD, 0x1DD, {-79, 0, -79}}, {0x1DE, 0x1EF, {kUL, kUL, kUL}},
    {0x1F1, 0x1F1, {0, 2, 1}}, {0x1F2, 0x1F2, {-1, 1, 0}}, {0x1F3, 0x1F3, {-2, 0, -1}},
    {0x1F4, 0x1F5, {kUL, kUL, kUL}}, {0x1F6, 0x1F6, {0, -97, 0}}, {0x1F7, 0x1F7, {0, -56, 0}},
    {0x1F8, 0x21F, {kUL, kUL, kUL}}, {0x220, 0x220, {0, -130, 0}}, {0x222, 0x233, {kUL, kUL, kUL}},
    {0x23A, 0x23A, {0, 10795, 0}}, {0x23B, 0x23C, {kUL, kUL, kUL}}, {0x23D, 0x23D, {0, -163, 0}},
    {0x23E, 0x23E, {0, 10792, 0}}, {0x23F, 0x240, {10815, 0, 10815}}, {0x241, 0x242, {kUL, kUL, kUL}},
    {0x243, 0x243, {0, -195, 0}}, {0x244, 0x244, {0, 69, 0}}, {0x245, 0x245, {0, 71, 0}},
    {0x246, 0x24F, {kUL, kUL, kUL}}, {0x250, 0x250, {10783, 0, 10783}}, {0x251, 0x251, {10780, 0, 10780}},
    {0x252, 0x252, {10782, 0, 10782}}, {0x253, 0x253, {-210, 0, -210}}, {0x254, 0x254, {-206, 0, -206}},
    {0x256, 0x257, {-205, 0, -205}}, {0x259, 0x259, {-202, 0, -202}}, {0x25B, 0x25B, {-203, 0, -203}},
    {0x25C, 0x25C, {42319, 0, 42319}}, {0x260, 0x260, {-205, 0, -205}}, {0x261, 0x261, {42315, 0, 42315}},
    {0x263, 0x263, {-207, 0, -207}}, {0x265, 0x265, {42280, 0, 42280}}, {0x266, 0x266, {42308, 0, 42308}},
    {0x268, 0x268, {-209, 0, -209}}, {0x269, 0x269, {-211, 0, -211}}, {0x26A, 0x26A, {42308, 0, 42308}},
    {0x26B, 0x26B, {10743, 0, 10743}}, {0x26C, 0x26C, {42305, 0, 42305}}, {0x26F, 0x26F, {-211, 0, -211}},
    {0x271, 0x271, {10749, 0, 10749}}, {0x272, 0x272, {-213, 0, -213}}, {0x275, 0x275, {-214, 0, -214}},
    {0x27D, 0x27D, {10727, 0, 10727}}, {0x280, 0x280, {-218, 0, -218}}, {0x282, 0x282, {42307, 0, 42307}},
    {0x283, 0x283, {-218, 0, -218}}, {0x287, 0x287, {42282, 0, 42282}}, {0x288, 0x288, {-218, 0, -218}},
    {0x289, 0x289, {-69, 0, -69}}, {0x28A, 0x28B, {-217, 0, -217}}, {0x28C, 0x28C, {-71, 0, -71}},
    {0x292, 0x292, {-219, 0, -219}}, {0x29D, 0x29D, {42261, 0, 42261}}, {0x29E, 0x29E, {42258, 0, 42258}},
    {0x345, 0x345, {84, 0, 84}}, {0x370, 0x373, {kUL, kUL, kUL}}, {0x376, 0x377, {kUL, kUL, kUL}},
    {0x37B, 0x37D, {130, 0, 130}}, {0x37F, 0x37F, {0, 116, 0}}, {0x386, 0x386, {0, 38, 0}},
    {0x388, 0x38A, {0, 37, 0}}, {0x38C, 0x38C, {0, 64, 0}}, {0x38E, 0x38F, {0, 63, 0}}, {0x391, 0x3A1, {0, 32, 0}},
    {0x3A3, 0x3AB, {0, 32, 0}}, {0x3AC, 0x3AC, {-38, 0, -38}}, {0x3AD, 0x3AF, {-37, 0, -37}},
    {0x3B1, 0x3C1, {-32, 0, -32}}, {0x3C2, 0x3C2, {-31, 0, -31}}, {0x3C3, 0x3CB, {-32, 0, -32}},
    {0x3CC, 0x3CC, {-64, 0, -64}}, {0x3CD, 0x3CE, {-63, 0, -63}}, {0x3CF, 0x3CF, {0, 8, 0}},
    {0x3D0, 0x3D0, {-62, 0, -62}}, {0x3D1, 0x3D1, {-57, 0, -57}}, {0x3D5, 0x3D5, {-47, 0, -47}},
    {0x3D6, 0x3D6, {-54, 0, -54}}, {0x3D7, 0x3D7, {-8, 0, -8}}, {0x3D8, 0x3EF, {kUL, kUL, kUL}},
    {0x3F0, 0x3F0, {-86, 0, -86}}, {0x3F1, 0x3F1, {-80, 0, -80}}, {0x3F2, 0x3F2, {7, 0, 7}},
    {0x3F3, 0x3F3, {-116, 0, -116}}, {0x3F4, 0x3F4, {0, -60, 0}}, {0x3F5, 0x3F5, {-96, 0, -96}},
    {0x3F7, 0x3F8, {kUL, kUL, kUL}}, {0x3F9, 0x3F9, {0, -7, 0}}, {0x3FA, 0x3FB, {kUL, kUL, kUL}},
    {0x3FD, 0x3FF, {0, -130, 0}}, {0x400, 0x40F, {0, 80, 0}}, {0x410, 0x42F, {0, 32, 0}},
    {0x430, 0x44F, {-32, 0, -32}}, {0x450, 0x45F, {-80, 0, -80}}, {0x460, 0x481, {kUL, kUL, kUL}},
    {0x48A, 0x4BF, {kUL, kUL, kUL}}, {0x4C0, 0x4C0, {0, 15, 0}}, {0x4C1, 0x4CE, {kUL, kUL, kUL}},
    {0x4CF, 0x4CF, {-15, 0, -15}}, {0x4D0, 0x52F, {kUL, kUL, kUL}}, {0x531, 0x556, {0, 48, 0}},
    {0x561, 0x586, {-48, 0, -48}}, {0x10A0, 0x10C5, {0, 7264, 0}}, {0x10C7, 0x10C7, {0, 7264, 0}},
    {0x10CD, 0x10CD, {0, 7264, 0}}, {0x10D0, 0x10FA, {3008, 0, 0}}, {0x10FD, 0x10FF, {3008, 0, 0}},
    {0x13A0, 0x13EF, {0, 38864, 0}}, {0x13F0, 0x13F5, {0, 8, 0}}, {0x13F8, 0x13FD, {-8, 0, -8}},
    {0x1C80, 0x1C80, {-6254, 0, -6254}}, {0x1C81, 0x1C81, {-6253, 0, -6253}}, {0x1C82, 0x1C82, {-6244, 0, -6244}},
    {0x1C83, 0x1C84, {-6242, 0, -6242}}, {0x1C85, 0x1C85, {-6243, 0, -6243}}, {0x1C86, 0x1C86, {-6236, 0, -6236}},
    {0x1C87, 0x1C87, {-6181, 0, -6181}}, {0x1C88, 0x1C88, {35266, 0, 35266}}, {0x1C90, 0x1CBA, {0, -3008, 0}},
    {0x1CBD, 0x1CBF, {0, -3008, 0}}, {0x1D79, 0x1D79, {35332, 0, 35332}}, {0x1D7D, 0x1D7D, {3814, 0, 3814}},
    {0x1D8E, 0x1D8E, {35384, 0, 35384}}, {0x1E00, 0x1E95, {kUL, kUL, kUL}}, {0x1E9B, 0x1E9B, {-59, 0, -59}},
    {0x1E9E, 0x1E9E, {0, -7615, 0}}, {0x1EA0, 0x1EFF, {kUL, kUL, kUL}}, {0x1F00, 0x1F07, {8, 0, 8}},
    {0x1F08, 0x1F0F, {0, -8, 0}}, {0x1F10, 0x1F15, {8, 0, 8}}, {0x1F18, 0x1F1D, {0, -8, 0}},
    {0x1F20, 0x1F27, {8, 0, 8}}, {0x1F28, 0x1F2F, {0, -8, 0}}, {0x1F30, 0x1F37, {8, 0, 8}},
    {0x1F38, 0x1F3F, {0, -8, 0}}, {0x1F40, 0x1F45, {8, 0, 8}}, {0x1F48, 0x1F4D, {0, -8, 0}},
    {0x1F51, 0x1F51, {8, 0, 8}}, {0x1F53, 0x1F53, {8, 0, 8}}, {0x1F55, 0x1F55, {8, 0, 8}},
    {0x1F57, 0x1F57, {8, 0, 8}}, {0x1F59, 0x1F59, {0, -8, 0}}, {0x1F5B, 0x1F5B, {0, -8, 0}},
    {0x1F5D, 0x1F5D, {0, -8, 0}}, {0x1F5F, 0x1F5F, {0, -8, 0}}, {0x1F60, 0x1F67, {8, 0, 8}},
    {0x1F68, 0x1F6F, {0, -8, 0}}, {0x1F70, 0x1F71, {74, 0, 74}}, {0x1F72, 0x1F75, {86, 0, 86}},
    {0x1F76, 0x1F77, {100, 0, 100}}, {0x1F78, 0x1F79, {128, 0, 128}}, {0x1F7A, 0x1F7B, {112, 0, 112}},
    {0x1F7C, 0x1F7D, {126, 0, 126}}, {0x1F80, 0x1F87, {8, 0, 8}}, {0x1F88, 0x1F8F, {0, -8, 0}},
    {0x1F90, 0x1F97, {8, 0, 8}}, {0x1F98, 0x1F9F, {0, -8, 0}}, {0x1FA0, 0x1FA7, {8, 0, 8}},
    {0x1FA8, 0x1FAF, {0, -8, 0}}, {0x1FB0, 0x1FB1, {8, 0, 8}}, {0x1FB3, 0x1FB3, {9, 0, 9}},
    {0x1FB8, 0x1FB9, {0, -8, 0}}, {0x1FBA, 0x1FBB, {0, -74, 0}}, {0x1FBC, 0x1FBC, {0, -9, 0}},
    {0x1FBE, 0x1FBE, {-7205, 0, -7205}}, {0x1FC3, 0x1FC3, {9, 0, 9}}, {0x1FC8, 0x1FCB, {0, -86, 0}},
    {0x1FCC, 0x1FCC, {0, -9, 0}}, {0x1FD0, 0x1FD1, {8, 0, 8}}, {0x1FD8, 0x1FD9, {0, -8, 0}},
    {0x1FDA, 0x1FDB, {0, -100, 0}}, {0x1FE0, 0x1FE1, {8, 0, 8}}, {0x1FE5, 0x1FE5, {7, 0, 7}},
    {0x1FE8, 0x1FE9, {0, -8, 0}}, {0x1FEA, 0x1FEB, {0, -112, 0}}, {0x1FEC, 0x1FEC, {0, -7, 0}},
    {0x1FF3, 0x1FF3, {9, 0, 9}}, {0x1FF8, 0x1FF9, {0, -128, 0}}, {0x1FFA, 0x1FFB, {0, -126, 0}},
    {0x1FFC, 0x1FFC, {0, -9, 0}}, {0x2126, 0x2126, {0, -7517, 0}}, {0x212A, 0x212A, {0, -8383, 0}},
    {0x212B, 0x212B, {0, -8262, 0}}, {0x2132, 0x2132, {0, 28, 0}}, {0x214E, 0x214E, {-28, 0, -28}},
    {0x2160, 0x216F, {0, 16, 0}}, {0x2170, 0x217F, {-16, 0, -16}}, {0x2183, 0x2184, {kUL, kUL, kUL}},
    {0x24B6, 0x24CF, {0, 26, 0}}, {0x24D0, 0x24E9, {-26, 0, -26}}, {0x2C00, 0x2C2E, {0, 48, 0}},
    {0x2C30, 0x2C5E, {-48, 0, -48}}, {0x2C60, 0x2C61, {kUL, kUL, kUL}}, {0x2C62, 0x2C62, {0, -10743, 0}},
    {0x2C63, 0x2C63, {0, -3814, 0}}, {0x2C64, 0x2C64, {0, -10727, 0}}, {0x2C65, 0x2C65, {-10795, 0, -10795}},
    {0x2C66, 0x2C66, {-10792, 0, -10792}}, {0x2C67, 0x2C6C, {kUL, kUL, kUL}}, {0x2C6D, 0x2C6D, {0, -10780, 0}},
    {0x2C6E, 0x2C6E, {0, -10749, 0}}, {0x2C6F, 0x2C6F, {0, -10783, 0}}, {0x2C70, 0x2C70, {0, -10782, 0}},
    {0x2C72, 0x2C73, {kUL, kUL, kUL}}, {0x2C75, 0x2C76, {kUL, kUL, kUL}}, {0x2C7E, 0x2C7F, {0, -10815, 0}},
    {0x2C80, 0x2CE3, {kUL, kUL, kUL}}, {0x2CEB, 0x2CEE, {kUL, kUL, kUL}}, {0x2CF2, 0x2CF3, {kUL, kUL, kUL}},
    {0x2D00, 0x2D25, {-7264, 0, -7264}}, {0x2D27, 0x2D27, {-7264, 0, -7264}}, {0x2D2D, 0x2D2D, {-7264, 0, -7264}},
    {0xA640, 0xA66D, {kUL, kUL, kUL}}, {0xA680, 0xA69B, {kUL, kUL, kUL}}, {0xA722, 0xA72F, {kUL, kUL, kUL}},
    {0xA732, 0xA76F, {kUL, kUL, kUL}}, {0xA779, 0xA77C, {kUL, kUL, kUL}}, {0xA77D, 0xA77D, {0, -35332, 0}},
    {0xA77E, 0xA787, {kUL, kUL, kUL}}, {0xA78B, 0xA78C, {kUL, kUL, kUL}}, {0xA78D, 0xA78D, {0, -42280, 0}},
    {0xA790, 0xA793, {kUL, kUL, kUL}}, {0xA794, 0xA794, {48, 0, 48}}, {0xA796, 0xA7A9, {kUL, kUL, kUL}},
    {0xA7AA, 0xA7AA, {0, -42308, 0}}, {0xA7AB, 0xA7AB, {0, -42319, 0}}, {0xA7AC, 0xA7AC, {0, -42315, 0}},
    {0xA7AD, 0xA7AD, {0, -42305, 0}}, {0xA7AE, 0xA7AE, {0, -42308, 0}}, {0xA7B0, 0xA7B0, {0, -42258, 0}},
    {0xA7B1, 0xA7B1, {0, -42282, 0}}, {0xA7B2, 0xA7B2, {0, -42261, 0}}, {0xA7B3, 0xA7B3, {0, 928, 0}},
    {0xA7B4, 0xA7BF, {kUL, kUL, kUL}}, {0xA7C2, 0xA7C3, {kUL, kUL, kUL}}, {0xA7C4, 0xA7C4, {0, -48, 0}},
    {0xA7C5, 0xA7C5, {0, -42307, 0}}, {0xA7C6, 0xA7C6, {0, -35384, 0}}, {0xA7C7, 0xA7CA, {kUL, kUL, kUL}},
    {0xA7F5, 0xA7F6, {kUL, kUL, kUL}}, {0xAB53, 0xAB53, {-928, 0, -928}}, {0xAB70, 0xABBF, {-38864, 0, -38864}},
    {0xFF21, 0xFF3A, {0, 32, 0}}, {0xFF41, 0xFF5A, {-32, 0, -32}}, {0x10400, 0x10427, {0, 40, 0}},
    {0x10428, 0x1044F, {-40, 0, -40}}, {0x104B0, 0x104D3, {0, 40, 0}}, {0x104D8, 0x104FB, {-40, 0, -40}},
    {0x10C80, 0x10CB2, {0, 64, 0}}, {0x10CC0, 0x10CF2, {-64, 0, -64}}, {0x118A0, 0x118BF, {0, 32, 0}},
    {0x118C0, 0x118DF, {-32, 0, -32}}, {0x16E40, 0x16E5F, {0, 32, 0}}, {0x16E60, 0x16E7F, {-32, 0, -32}},
    {0x1E900, 0x1E921, {0, 34, 0}}, {0x1E922, 0x1E943, {-34, 0, -34}},
};
const size_t kCaseRangeCount = std::size(kCaseRanges);

// Mn, Me, Mc, Other_Grapheme_Extend, ZWNJ, ZWJ, emoji modifiers, tags.
const CodeRange kExtendRanges[] = {
    {0x300, 0x36F}, {0x483, 0x489}, {0x591, 0x5BD}, {0x5BF, 0x5BF}, {0x5C1, 0x5C2}, {0x5C4, 0x5C5}, {0x5C7, 0x5C7},
    {0x610, 0x61A}, {0x64B, 0x65F}, {0x670, 0x670}, {0x6D6, 0x6DC}, {0x6DF, 0x6E4}, {0x6E7, 0x6E8}, {0x6EA, 0x6ED},
    {0x711, 0x711}, {0x730, 0x74A}, {0x7A6, 0x7B0}, {0x7EB, 0x7F3}, {0x7FD, 0x7FD}, {0x816, 0x819}, {0x81B, 0x823},
    {0x825, 0x827}, {0x829, 0x82D}, {0x859, 0x85B}, {0x8D3, 0x8E1}, {0x8E3, 0x903}, {0x93A, 0x93C}, {0x93E, 0x94F},
    {0x951, 0x957}, {0x962, 0x963}, {0x981, 0x983}, {0x9BC, 0x9BC}, {0x9BE, 0x9C4}, {0x9C7, 0x9C8}, {0x9CB, 0x9CD},
    {0x9D7, 0x9D7}, {0x9E2, 0x9E3}, {0x9FE, 0x9FE}, {0xA01, 0xA03}, {0xA3C, 0xA3C}, {0xA3E, 0xA42}, {0xA47, 0xA48},
    {0xA4B, 0xA4D}, {0xA51, 0xA51}, {0xA70, 0xA71}, {0xA75, 0xA75}, {0xA81, 0xA83}, {0xABC, 0xABC}, {0xABE, 0xAC5},
    {0xAC7, 0xAC9}, {0xACB, 0xACD}, {0xAE2, 0xAE3}, {0xAFA, 0xAFF}, {0xB01, 0xB03}, {0xB3C, 0xB3C}, {0xB3E, 0xB44},
    {0xB47, 0xB48}, {0xB4B, 0xB4D}, {0xB55, 0xB57}, {0xB62, 0xB63}, {0xB82, 0xB82}, {0xBBE, 0xBC2}, {0xBC6, 0xBC8},
    {0xBCA, 0xBCD}, {0xBD7, 0xBD7}, {0xC00, 0xC04}, {0xC3E, 0xC44}, {0xC46, 0xC48}, {0xC4A, 0xC4D}, {0xC55, 0xC56},
    {0xC62, 0xC63}, {0xC81, 0xC83}, {0xCBC, 0xCBC}, {0xCBE, 0xCC4}, {0xCC6, 0xCC8}, {0xCCA, 0xCCD}, {0xCD5, 0xCD6},
    {0xCE2, 0xCE3}, {0xD00, 0xD03}, {0xD3B, 0xD3C}, {0xD3E, 0xD44}, {0xD46, 0xD48}, {0xD4A, 0xD4D}, {0xD57, 0xD57},
    {0xD62, 0xD63}, {0xD81, 0xD83}, {0xDCA, 0xDCA}, {0xDCF, 0xDD4}, {0xDD6, 0xDD6}, {0xDD8, 0xDDF}, {0xDF2, 0xDF3},
    {0xE31, 0xE31}, {0xE34, 0xE3A}, {0xE47, 0xE4E}, {0xEB1, 0xEB1}, {0xEB4, 0xEBC}, {0xEC8, 0xECD}, {0xF18, 0xF19},
    {0xF35, 0xF35}, {0xF37, 0xF37}, {0xF39, 0xF39}, {0xF3E, 0xF3F}, {0xF71, 0xF84}, {0xF86, 0xF87}, {0xF8D, 0xF97},
    {0xF99, 0xFBC}, {0xFC6, 0xFC6}, {0x102B, 0x103E}, {0x1056, 0x1059}, {0x105E, 0x1060}, {0x1062, 0x1064},
    {0x1067, 0x106D}, {0x1071, 0x1074}, {0x1082, 0x108D}, {0x108F, 0x108F}, {0x109A, 0x109D}, {0x135D, 0x135F},
    {0x1712, 0x1714}, {0x1732, 0x1734}, {0x1752, 0x1753}, {0x1772, 0x1773}, {0x17B4, 0x17D3}, {0x17DD, 0x17DD},
    {0x180B, 0x180D}, {0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x192B}, {0x1930, 0x193B}, {0x1A17, 0x1A1B},
    {0x1A55, 0x1A5E}, {0x1A60, 0x1A7C}, {0x1A7F, 0x1A7F}, {0x1AB0, 0x1AC0}, {0x1B00, 0x1B04}, {0x1B34, 0x1B44},
    {0x1B6B, 0x1B73}, {0x1B80, 0x1B82}, {0x1BA1, 0x1BAD}, {0x1BE6, 0x1BF3}, {0x1C24, 0x1C37}, {0x1CD0, 0x1CD2},
    {0x1CD4, 0x1CE8}, {0x1CED, 0x1CED}, {0x1CF4, 0x1CF4}, {0x1CF7, 0x1CF9}, {0x1DC0, 0x1DF9}, {0x1DFB, 0x1DFF},
    {0x200C, 0x200D}, {0x20D0, 0x20F0}, {0x2CEF, 0x2CF1}, {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF}, {0x302A, 0x302F},
    {0x3099, 0x309A}, {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F}, {0xA6F0, 0xA6F1}, {0xA802, 0xA802},
    {0xA806, 0xA806}, {0xA80B, 0xA80B}, {0xA823, 0xA827}, {0xA82C, 0xA82C}, {0xA880, 0xA881}, {0xA8B4, 0xA8C5},
    {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF}, {0xA926, 0xA92D}, {0xA947, 0xA953}, {0xA980, 0xA983}, {0xA9B3, 0xA9C0},
    {0xA9E5, 0xA9E5}, {0xAA29, 0xAA36}, {0xAA43, 0xAA43}, {0xAA4C, 0xAA4D}, {0xAA7B, 0xAA7D}, {0xAAB0, 0xAAB0},
    {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8}, {0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAAEB, 0xAAEF}, {0xAAF5, 0xAAF6},
    {0xABE3, 0xABEA}, {0xABEC, 0xABED}, {0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFF9E, 0xFF9F},
    {0x101FD, 0x101FD}, {0x102E0, 0x102E0}, {0x10376, 0x1037A}, {0x10A01, 0x10A03}, {0x10A05, 0x10A06},
    {0x10A0C, 0x10A0F}, {0x10A38, 0x10A3A}, {0x10A3F, 0x10A3F}, {0x10AE5, 0x10AE6}, {0x10D24, 0x10D27},
    {0x10EAB, 0x10EAC}, {0x10F46, 0x10F50}, {0x11000, 0x11002}, {0x11038, 0x11046}, {0x1107F, 0x11082},
    {0x110B0, 0x110BA}, {0x11100, 0x11102}, {0x11127, 0x11134}, {0x11145, 0x11146}, {0x11173, 0x11173},
    {0x11180, 0x11182}, {0x111B3, 0x111C0}, {0x111C9, 0x111CC}, {0x111CE, 0x111CF}, {0x1122C, 0x11237},
    {0x1123E, 0x1123E}, {0x112DF, 0x112EA}, {0x11300, 0x11303}, {0x1133B, 0x1133C}, {0x1133E, 0x11344},
    {0x11347, 0x11348}, {0x1134B, 0x1134D}, {0x11357, 0x11357}, {0x11362, 0x11363}, {0x11366, 0x1136C},
    {0x11370, 0x11374}, {0x11435, 0x11446}, {0x1145E, 0x1145E}, {0x114B0, 0x114C3}, {0x115AF, 0x115B5},
    {0x115B8, 0x115C0}, {0x115DC, 0x115DD}, {0x11630, 0x11640}, {0x116AB, 0x116B7}, {0x1171D, 0x1172B},
    {0x1182C, 0x1183A}, {0x11930, 0x11935}, {0x11937, 0x11938}, {0x1193B, 0x1193E}, {0x11940, 0x11940},
    {0x11942, 0x11943}, {0x119D1, 0x119D7}, {0x119DA, 0x119E0}, {0x119E4, 0x119E4}, {0x11A01, 0x11A0A},
    {0x11A33, 0x11A39}, {0x11A3B, 0x11A3E}, {0x11A47, 0x11A47}, {0x11A51, 0x11A5B}, {0x11A8A, 0x11A99},
    {0x11C2F, 0x11C36}, {0x11C38, 0x11C3F}, {0x11C92, 0x11CA7}, {0x11CA9, 0x11CB6}, {0x11D31, 0x11D36},
    {0x11D3A, 0x11D3A}, {0x11D3C, 0x11D3D}, {0x11D3F, 0x11D45}, {0x11D47, 0x11D47}, {0x11D8A, 0x11D8E},
    {0x11D90, 0x11D91}, {0x11D93, 0x11D97}, {0x11EF3, 0x11EF6}, {0x16AF0, 0x16AF4}, {0x16B30, 0x16B36},
    {0x16F4F, 0x16F4F}, {0x16F51, 0x16F87}, {0x16F8F, 0x16F92}, {0x16FE4, 0x16FE4}, {0x16FF0, 0x16FF1},
    {0x1BC9D, 0x1BC9E}, {0x1D165, 0x1D169}, {0x1D16D, 0x1D172}, {0x1D17B, 0x1D182}, {0x1D185, 0x1D18B},
    {0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75},
    {0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DA9F}, {0x1DAA1, 0x1DAAF}, {0x1E000, 0x1E006}, {0x1E008, 0x1E018},
    {0x1E01B, 0x1E021}, {0x1E023, 0x1E024}, {0x1E026, 0x1E02A}, {0x1E130, 0x1E136}, {0x1E2EC, 0x1E2EF},
    {0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94A}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};
const size_t kExtendRangeCount = std::size(kExtendRanges);

}  // namespace

std::span<const FunctionSpec> stringFunctions() {
  static const std::vector<FunctionSpec> specs = build();
  return specs;
}

}  // namespace tfguard::eval
