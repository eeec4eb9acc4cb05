#include "eval/number.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace tfguard::eval {
namespace {

// Longer plain texts are not kept exact: such a literal prints from the
// long double (a number with thousands of digits is no real configuration).
constexpr long kMaxExactDigits = 400;

// Plain notation (big.Float's 'f' format) of sign × 0.DIGITS × 10^point:
// `digits` has no leading or trailing zeros, `point` is where the decimal
// point goes, counted in digits from the left (may be <= 0 or past the end).
std::string plainNotation(bool negative, std::string_view digits, long point) {
  std::string out = negative ? "-" : "";
  long count = static_cast<long>(digits.size());
  if (point <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-point), '0');
    out += digits;
  } else if (point >= count) {
    out += digits;
    out.append(static_cast<size_t>(point - count), '0');
  } else {
    out += digits.substr(0, static_cast<size_t>(point));
    out += '.';
    out += digits.substr(static_cast<size_t>(point));
  }
  return out;
}

// Strips the zeros around `digits` (keeping `point` in step); false when
// nothing but zeros is left.
bool trimZeros(std::string& digits, long& point) {
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return false;
  digits.erase(0, first);
  point -= static_cast<long>(first);
  digits.erase(digits.find_last_not_of('0') + 1);
  return true;
}

// The exact value of a (syntactically valid) number literal in plain
// notation, or nullopt for zero and for texts too long to keep.
std::optional<std::string> exactDecimal(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') negative = text[i++] == '-';
  std::string digits;
  long point = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++point) digits += text[i];
  if (i < text.size() && text[i] == '.')
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) digits += text[i];
  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (text[i] == '-' || text[i] == '+') negative_exponent = text[i++] == '-';
    for (; i < text.size(); ++i) {
      exponent = exponent * 10 + (text[i] - '0');
      if (exponent > kMaxExactDigits * 100) return std::nullopt;
    }
    if (negative_exponent) exponent = -exponent;
  }
  if (!trimZeros(digits, point)) return std::nullopt;
  point += exponent;
  long size = static_cast<long>(digits.size());
  long width = std::max<long>(point, 0) + std::max<long>(size - point, 0);
  if (width > kMaxExactDigits) return std::nullopt;
  return plainNotation(negative, digits, point);
}

// Plain notation of the shortest round-trip text std::to_chars writes in
// scientific form ("-1.5e+23").
std::string expandScientific(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e))
    if (c != '.') digits += c;
  long exponent = std::strtol(std::string(text.substr(e + 1)).c_str(), nullptr, 10);
  long point = 1 + exponent;
  if (!trimZeros(digits, point)) return negative ? "-0" : "0";
  return plainNotation(negative, digits, point);
}

}  // namespace

std::optional<Number> Number::parse(std::string_view text) {
  // Terraform accepts an optional sign, digits with an optional fraction and
  // exponent; no spaces, no hex, no inf/nan.
  {
    // Plain integers of up to 18 digits (indexes, ports, counts) are exact:
    // no strtold, no decimal check.
    size_t start = !text.empty() && text[0] == '-' ? 1 : 0;
    size_t n = text.size() - start;
    if (n > 0 && n <= 18 && std::all_of(text.begin() + start, text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      long long v = 0;
      for (size_t k = start; k < text.size(); ++k) v = v * 10 + (text[k] - '0');
      if (!(start && v == 0)) return Number::fromInt(start ? -v : v);  // "-0" keeps its sign below
    }
  }
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  std::string copy(text);
  errno = 0;
  long double v = std::strtold(copy.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  Number number(v);
  if (std::optional<std::string> exact = exactDecimal(text)) {
    if (*exact != number.toString()) number.exact_ = std::make_shared<const std::string>(*exact);
  }
  return number;
}

bool Number::isFinite() const { return std::isfinite(v_); }

bool Number::isInteger() const { return std::isfinite(v_) && std::floor(v_) == v_; }

std::optional<long long> Number::toInt() const {
  if (!isInteger()) return std::nullopt;
  if (v_ < static_cast<long double>(std::numeric_limits<long long>::min()) ||
      v_ > static_cast<long double>(std::numeric_limits<long long>::max()))
    return std::nullopt;
  return static_cast<long long>(v_);
}

std::string Number::toString() const {
  if (exact_) return *exact_;
  if (std::isnan(v_)) return "NaN";
  if (std::isinf(v_)) return v_ > 0 ? "+Inf" : "-Inf";
  // Below 2^64 every integer is exact in the 64-bit mantissa: print it all.
  if (isInteger() && std::fabs(v_) < 0x1p63L && !std::signbit(v_)) {
    // The common case (indexes, counts, ports) without printf's long double
    // path. (Negative values and -0 take it: -0 keeps its sign.)
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v_));
    return std::string(buf, r.ptr);
  }
  if (isInteger() && std::fabs(v_) < 0x1p64L) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0Lf", v_);
    return buf;
  }
  // Otherwise the shortest digits that read back as the same number, the
  // exponent written out like big.Float's Text('f', -1), at the precision
  // the value most likely has in Terraform. Decimals, and larger integers
  // that are doubles, at a double's: cty's float64 functions (pow, ...)
  // return 53-bit values, and 0.1 + 0.2 prints 0.3. Other integers at the
  // long double's: 1e23 is "1" and 23 zeros, not the nearest double's
  // 99999999999999991611392.
  char buf[64];
  double as_double = static_cast<double>(v_);
  bool double_precision = !isInteger() || static_cast<long double>(as_double) == v_;
  std::to_chars_result result =
      double_precision
          ? std::to_chars(buf, buf + sizeof buf, as_double, std::chars_format::scientific)
          : std::to_chars(buf, buf + sizeof buf, v_, std::chars_format::scientific);
  if (result.ec != std::errc()) return std::to_string(static_cast<double>(v_));
  return expandScientific(std::string_view(buf, static_cast<size_t>(result.ptr - buf)));
}

}  // namespace tfguard::eval
