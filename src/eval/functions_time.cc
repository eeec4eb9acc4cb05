// Date and time functions: formatdate and timeadd (cty stdlib datetime.go),
// timecmp (Terraform's lang/funcs/datetime.go), and timestamp /
// plantimestamp, which depend on when Terraform runs and are therefore
// unknown strings here.
//
// Timestamps are parsed exactly as Go's time.Parse(time.RFC3339, s) parses
// them (so "2006-01-02T1:04:05Z" with a one-digit hour is accepted, as in
// Terraform, and fractional seconds are allowed), and parse errors are
// reworded as Terraform rewords Go's: "not a valid RFC3339 timestamp: ...".
// Durations follow Go's time.ParseDuration.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "eval/functions.h"

namespace tfguard::eval {
namespace detail {
std::string goQuote(std::string_view s);  // functions_encoding.cc
}  // namespace detail

namespace {

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

/// An instant and the UTC offset it was written with.
struct Time {
  int64_t sec = 0;   // Unix seconds
  int32_t nsec = 0;  // 0..999999999
  int offset = 0;    // seconds east of UTC
};

struct Civil {
  int64_t year;
  int month, day, hour, minute, second, weekday;  // weekday 0 = Sunday
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t daysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil(const Time& t) {
  int64_t local = t.sec + t.offset;
  int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  int64_t secs = local - days * 86400;
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int64_t y = yoe + era * 400 + (m <= 2);
  int wd = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
  return {y,
          m,
          d,
          static_cast<int>(secs / 3600),
          static_cast<int>(secs / 60 % 60),
          static_cast<int>(secs % 60),
          wd};
}

bool isLeap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int daysIn(int month, int64_t year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && isLeap(year)) return 29;
  return kDays[month - 1];
}

bool isDigit(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

/// Go's time.getnum: one or two digits (exactly two if `fixed`).
bool getnum(std::string_view& s, bool fixed, int* out) {
  if (!isDigit(s, 0)) return false;
  if (!isDigit(s, 1)) {
    if (fixed) return false;
    *out = s[0] - '0';
    s.remove_prefix(1);
    return true;
  }
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return true;
}

/// Go's time.atoi: optional sign, then only digits.
bool atoi(std::string_view s, int64_t* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = neg ? -v : v;
  return true;
}

/// Terraform's rewording of a Go time.ParseError.
std::string timestampError(std::string_view layout_elem, std::string_view value_elem,
                           std::string_view message) {
  if (layout_elem.empty() && value_elem.empty() && !message.empty()) {
    return fmt::format("not a valid RFC3339 timestamp{}", message);
  }
  std::string_view what;
  if (layout_elem == "2006") {
    what = "year";
  } else if (layout_elem == "01") {
    what = "month";
  } else if (layout_elem == "02") {
    what = "day of month";
  } else if (layout_elem == "15") {
    what = "hour";
  } else if (layout_elem == "04") {
    what = "minute";
  } else if (layout_elem == "05") {
    what = "second";
  } else if (layout_elem == "Z07:00") {
    what = "UTC offset";
  } else if (layout_elem == "T") {
    return "not a valid RFC3339 timestamp: missing required time introducer 'T'";
  } else if (layout_elem == ":" || layout_elem == "-") {
    if (value_elem.empty()) {
      return fmt::format("not a valid RFC3339 timestamp: end of string where {} is expected",
                         detail::goQuote(layout_elem));
    }
    return fmt::format("not a valid RFC3339 timestamp: found {} where {} is expected",
                       detail::goQuote(value_elem), detail::goQuote(layout_elem));
  } else {
    what = "timestamp segment";
  }
  if (value_elem.empty())
    return fmt::format("not a valid RFC3339 timestamp: end of string before {}", what);
  return fmt::format("not a valid RFC3339 timestamp: cannot use {} as {}",
                     detail::goQuote(value_elem), what);
}

/// time.Parse(time.RFC3339, text), step by step as Go walks the layout
/// "2006-01-02T15:04:05Z07:00".
bool parseTimestamp(std::string_view value, Time* out, std::string* error) {
  int64_t year = 0;
  int month = 0, day = 0, hour = 0, minute = 0, second = 0, nsec = 0, offset = 0;
  auto fail = [&](std::string_view layout_elem, std::string_view value_elem,
                  std::string_view message) {
    *error = timestampError(layout_elem, value_elem, message);
    return false;
  };
  auto skip = [&](char c) {
    return !value.empty() && value[0] == c ? (value.remove_prefix(1), true) : false;
  };
  // 2006
  if (value.size() < 4 || !isDigit(value, 0)) return fail("2006", value, "");
  std::string_view y = value.substr(0, 4);
  value.remove_prefix(4);
  if (!atoi(y, &year)) return fail("2006", value, "");
  // -01
  if (!skip('-')) return fail("-", value, "");
  if (!getnum(value, true, &month)) return fail("01", value, "");
  if (month <= 0 || month > 12) return fail("01", value, ": month out of range");
  // -02
  if (!skip('-')) return fail("-", value, "");
  if (!getnum(value, true, &day)) return fail("02", value, "");
  // T15
  if (!skip('T')) return fail("T", value, "");
  bool ok_hour = getnum(value, false, &hour);
  if (hour < 0 || hour >= 24) return fail("15", value, ": hour out of range");
  if (!ok_hour) return fail("15", value, "");
  // :04
  if (!skip(':')) return fail(":", value, "");
  bool ok_min = getnum(value, true, &minute);
  if (minute < 0 || minute >= 60) return fail("04", value, ": minute out of range");
  if (!ok_min) return fail("04", value, "");
  // :05 and an optional fraction
  if (!skip(':')) return fail(":", value, "");
  if (!getnum(value, true, &second)) return fail("05", value, "");
  if (second >= 60) return fail("05", value, ": second out of range");
  if (value.size() >= 2 && (value[0] == '.' || value[0] == ',') && isDigit(value, 1)) {
    size_t n = 2;
    while (n < value.size() && isDigit(value, n)) ++n;
    size_t digits = std::min<size_t>(n, 10) - 1;
    int64_t frac = 0;
    for (size_t i = 1; i <= digits; ++i) frac = frac * 10 + (value[i] - '0');
    for (size_t i = digits; i < 9; ++i) frac *= 10;
    nsec = static_cast<int>(frac);
    value.remove_prefix(n);
  }
  // Z07:00
  if (!value.empty() && value[0] == 'Z') {
    value.remove_prefix(1);
  } else {
    if (value.size() < 6 || value[3] != ':') return fail("Z07:00", value, "");
    std::string_view sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2);
    value.remove_prefix(6);
    int64_t h = 0, m = 0;
    if (!atoi(hh, &h) || !atoi(mm, &m) || (sign[0] != '+' && sign[0] != '-')) {
      return fail("Z07:00", value, "");
    }
    offset = static_cast<int>((h * 60 + m) * 60);
    if (sign[0] == '-') offset = -offset;
  }
  if (!value.empty()) {
    return fail("", value, fmt::format(": extra text: {}", detail::goQuote(value)));
  }
  if (day < 1 || day > daysIn(month, year)) return fail("", value, ": day out of range");
  out->sec = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  out->nsec = nsec;
  out->offset = offset;
  return true;
}

/// Go's Time.Format year: at least four digits, sign for negative years.
std::string formatYear(int64_t y) {
  if (y < 0) return fmt::format("-{:03}", -y);
  return fmt::format("{:04}", y);
}

/// Go's "-0700" / "-07:00" / "Z07:00" zone formats.
std::string formatZone(int offset, bool colon, bool z_for_utc) {
  if (offset == 0 && z_for_utc) return "Z";
  int zone = offset / 60;
  char sign = '+';
  if (zone < 0) {
    sign = '-';
    zone = -zone;
  }
  return fmt::format("{}{:02}{}{:02}", sign, zone / 60, colon ? ":" : "", zone % 60);
}

std::string formatRfc3339(const Time& t) {
  Civil c = civil(t);
  return fmt::format("{}-{:02}-{:02}T{:02}:{:02}:{:02}{}", formatYear(c.year), c.month, c.day,
                     c.hour, c.minute, c.second, formatZone(t.offset, true, true));
}

/// Go's time.quote (used in duration errors): non-ASCII and control bytes
/// as \xNN.
std::string timeQuote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x80 || c < ' ') {
      out += fmt::format("\\x{:02x}", c);
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

/// time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ in nanoseconds.
bool parseDuration(std::string_view s, int64_t* out, std::string* error) {
  const std::string_view orig = s;
  auto invalid = [&] {
    *error = "time: invalid duration " + timeQuote(orig);
    return false;
  };
  constexpr uint64_t kMax = uint64_t{1} << 63;
  uint64_t d = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") {
    *out = 0;
    return true;
  }
  if (s.empty()) return invalid();
  while (!s.empty()) {
    if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    // Integer part.
    uint64_t v = 0;
    size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (v > kMax / 10) return invalid();
      v = v * 10 + static_cast<uint64_t>(s[i] - '0');
      if (v > kMax) return invalid();
    }
    bool pre = i > 0;
    s.remove_prefix(i);
    // Fraction.
    uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      size_t j = 0;
      bool overflow = false;
      for (; j < s.size() && s[j] >= '0' && s[j] <= '9'; ++j) {
        if (overflow) continue;
        if (f > (kMax - 1) / 10) {
          overflow = true;
          continue;
        }
        uint64_t y = f * 10 + static_cast<uint64_t>(s[j] - '0');
        if (y > kMax) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s.remove_prefix(j);
    }
    if (!pre && !post) return invalid();
    // Unit.
    size_t u = 0;
    while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) ++u;
    if (u == 0) {
      *error = "time: missing unit in duration " + timeQuote(orig);
      return false;
    }
    std::string_view unit_name = s.substr(0, u);
    s.remove_prefix(u);
    uint64_t unit = 0;
    if (unit_name == "ns") {
      unit = 1;
    } else if (unit_name == "us" || unit_name == "\xC2\xB5s" || unit_name == "\xCE\xBCs") {
      unit = 1000;
    } else if (unit_name == "ms") {
      unit = 1000000;
    } else if (unit_name == "s") {
      unit = 1000000000;
    } else if (unit_name == "m") {
      unit = 60ULL * 1000000000;
    } else if (unit_name == "h") {
      unit = 3600ULL * 1000000000;
    } else {
      *error = "time: unknown unit " + timeQuote(unit_name) + " in duration " + timeQuote(orig);
      return false;
    }
    if (v > kMax / unit) return invalid();
    v *= unit;
    if (f > 0) {
      v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kMax) return invalid();
    }
    d += v;
    if (d > kMax) return invalid();
  }
  if (neg) {
    *out = d == kMax ? INT64_MIN : -static_cast<int64_t>(d);
    return true;
  }
  if (d > kMax - 1) return invalid();
  *out = static_cast<int64_t>(d);
  return true;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

FunctionResult formatdateImpl(std::span<const Value> args, FunctionContext&) {
  std::string_view format = args[0].asString();
  Time t;
  std::string error;
  if (!parseTimestamp(args[1].asString(), &t, &error)) return FunctionResult::fail(error, 1);
  Civil c = civil(t);
  std::string out;
  auto bad = [](std::string_view tok, std::string_view why) {
    std::string msg = fmt::format("invalid date format verb {}", detail::goQuote(tok));
    if (!why.empty()) msg += fmt::format(": {}", why);
    return FunctionResult::fail(msg, 0);
  };
  size_t i = 0;
  while (i < format.size()) {
    char first = format[i];
    if (first == '\'') {
      // A quoted literal; '' inside it (or on its own) is a quote.
      if (i + 1 < format.size() && format[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      size_t j = i + 1;
      bool closed = false;
      while (j < format.size()) {
        if (format[j] == '\'') {
          if (j + 1 < format.size() && format[j + 1] == '\'') {
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        ++j;
      }
      // Unclosed, the literal runs to the end; cty still accepts it when
      // that end happens to be a quote (the second of a doubled pair).
      if (!closed) {
        j = format.size() - 1;
        if (j == i || format[j] != '\'') return FunctionResult::fail("unterminated literal '", 0);
      }
      std::string_view raw = format.substr(i + 1, j - i - 1);
      for (size_t k = 0; k < raw.size(); ++k) {
        out += raw[k];
        if (raw[k] == '\'') ++k;
      }
      i = j + 1;
      continue;
    }
    if (!isLetter(first)) {
      size_t j = i;
      while (j < format.size() && format[j] != '\'' && !isLetter(format[j])) ++j;
      out.append(format.substr(i, j - i));
      i = j;
      continue;
    }
    size_t j = i;
    while (j < format.size() && format[j] == first) ++j;
    std::string_view tok = format.substr(i, j - i);
    size_t n = tok.size();
    i = j;
    switch (first) {
      case 'Y':
        if (n == 2) {
          out += fmt::format("{:02}", c.year % 100);
        } else if (n == 4) {
          out += fmt::format("{:04}", c.year);
        } else {
          return bad(tok, "year must either be \"YY\" or \"YYYY\"");
        }
        break;
      case 'M':
        if (n == 1) {
          out += std::to_string(c.month);
        } else if (n == 2) {
          out += fmt::format("{:02}", c.month);
        } else if (n == 3) {
          out += kMonths[c.month - 1].substr(0, 3);
        } else if (n == 4) {
          out += kMonths[c.month - 1];
        } else {
          return bad(tok, "month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
        }
        break;
      case 'D':
        if (n == 1) {
          out += std::to_string(c.day);
        } else if (n == 2) {
          out += fmt::format("{:02}", c.day);
        } else {
          return bad(tok, "day of month must either be \"D\" or \"DD\"");
        }
        break;
      case 'E':
        if (n == 3) {
          out += kWeekdays[c.weekday].substr(0, 3);
        } else if (n == 4) {
          out += kWeekdays[c.weekday];
        } else {
          return bad(tok, "day of week must either be \"EEE\" or \"EEEE\"");
        }
        break;
      case 'h':
        if (n == 1) {
          out += std::to_string(c.hour);
        } else if (n == 2) {
          out += fmt::format("{:02}", c.hour);
        } else {
          return bad(tok, "24-hour must either be \"h\" or \"hh\"");
        }
        break;
      case 'H': {
        int h = c.hour % 12;
        if (h == 0) h = 12;
        if (n == 1) {
          out += std::to_string(h);
        } else if (n == 2) {
          out += fmt::format("{:02}", h);
        } else {
          return bad(tok, "12-hour must either be \"H\" or \"HH\"");
        }
        break;
      }
      case 'A':
      case 'a':
        if (n != 2) {
          return bad(tok, fmt::format("must be \"{}{}\"", first, first));
        }
        if (first == 'A') {
          out += c.hour < 12 ? "AM" : "PM";
        } else {
          out += c.hour < 12 ? "am" : "pm";
        }
        break;
      case 'm':
        if (n == 1) {
          out += std::to_string(c.minute);
        } else if (n == 2) {
          out += fmt::format("{:02}", c.minute);
        } else {
          return bad(tok, "minute must either be \"m\" or \"mm\"");
        }
        break;
      case 's':
        if (n == 1) {
          out += std::to_string(c.second);
        } else if (n == 2) {
          out += fmt::format("{:02}", c.second);
        } else {
          return bad(tok, "second must either be \"s\" or \"ss\"");
        }
        break;
      case 'Z':
        if (n == 1) {
          out += formatZone(t.offset, true, true);
        } else if (n == 3) {
          std::string z = formatZone(t.offset, false, false);
          out += z == "+0000" ? "UTC" : z;
        } else if (n == 4) {
          out += formatZone(t.offset, false, false);
        } else if (n == 5) {
          out += formatZone(t.offset, true, false);
        } else {
          return bad(tok, "timezone must be Z, ZZZZ, or ZZZZZ");
        }
        break;
      default:
        return bad(tok, "");
    }
  }
  return ok(Value::string(std::move(out)));
}

FunctionResult timeaddImpl(std::span<const Value> args, FunctionContext&) {
  Time t;
  std::string error;
  if (!parseTimestamp(args[0].asString(), &t, &error)) return FunctionResult::fail(error);
  int64_t d = 0;
  if (!parseDuration(args[1].asString(), &d, &error)) return FunctionResult::fail(error);
  int64_t sec = d / 1000000000, ns = d % 1000000000;
  t.sec += sec;
  t.nsec += static_cast<int32_t>(ns);
  if (t.nsec < 0) {
    t.nsec += 1000000000;
    --t.sec;
  } else if (t.nsec >= 1000000000) {
    t.nsec -= 1000000000;
    ++t.sec;
  }
  return ok(Value::string(formatRfc3339(t)));
}

FunctionResult timecmpImpl(std::span<const Value> args, FunctionContext&) {
  Time a, b;
  std::string error;
  if (!parseTimestamp(args[0].asString(), &a, &error)) return FunctionResult::fail(error, 0);
  if (!parseTimestamp(args[1].asString(), &b, &error)) return FunctionResult::fail(error, 1);
  int r = 0;
  if (a.sec != b.sec) {
    r = a.sec < b.sec ? -1 : 1;
  } else if (a.nsec != b.nsec) {
    r = a.nsec < b.nsec ? -1 : 1;
  }
  return ok(Value::number(r));
}

// timestamp() is the time of the run and plantimestamp() the time of the
// plan: neither is known to a linter.
FunctionResult unknownTimestamp(std::span<const Value>, FunctionContext&) {
  return ok(Value::unknown(Type::string()));
}

const std::vector<FunctionSpec>& table() {
  static const std::vector<FunctionSpec> t = {
      {"formatdate",
       {{"format", Type::string()}, {"time", Type::string()}},
       std::nullopt,
       Type::string(),
       formatdateImpl},
      {"plantimestamp", {}, std::nullopt, Type::string(), unknownTimestamp},
      {"timeadd",
       {{"timestamp", Type::string()}, {"duration", Type::string()}},
       std::nullopt,
       Type::string(),
       timeaddImpl},
      {"timecmp",
       {{"timestamp_a", Type::string()}, {"timestamp_b", Type::string()}},
       std::nullopt,
       Type::number(),
       timecmpImpl},
      {"timestamp", {}, std::nullopt, Type::string(), unknownTimestamp},
  };
  return t;
}

}  // namespace

std::span<const FunctionSpec> timeFunctions() { return table(); }

}  // namespace tfguard::eval
