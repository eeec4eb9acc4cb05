#include "eval/number.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace tfguard::eval {

std::optional<Number> Number::parse(std::string_view text) {
  // Terraform accepts an optional sign, digits with an optional fraction and
  // exponent; no spaces, no hex, no inf/nan.
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
  return Number(v);
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
  if (std::isnan(v_)) return "NaN";
  if (std::isinf(v_)) return v_ > 0 ? "+Inf" : "-Inf";
  if (isInteger() && std::fabs(v_) < 1e19L) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0Lf", v_);
    return buf;
  }
  // Shortest decimal text that reads back as the same double, in plain
  // (not scientific) notation like cty's Text('f', -1).
  double d = static_cast<double>(v_);
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  if (ec != std::errc()) return std::to_string(d);
  return std::string(buf, end);
}

}  // namespace tfguard::eval
