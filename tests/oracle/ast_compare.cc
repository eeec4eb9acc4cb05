#include "ast_compare.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <exception>
#include <set>
#include <utility>

namespace tfguard::oracle {
namespace {

using nlohmann::json;

constexpr std::string_view kMissing = "<missing>";
constexpr std::size_t kMaxRenderedChars = 120;

// Keys whose string value is an "L1:C1-L2:C2" range.
bool IsRangeKey(std::string_view key) {
  return key == "range" || key == "name_range" || key == "marker";
}

// AST-JSON.md writes these flags only when true, so a side that spells out
// `false` means the same thing as a side that leaves the key out.
bool IsOptionalFlag(std::string_view key) {
  return key == "interp" || key == "heredoc" || key == "legacy_dot";
}

// Top-level keys that are not part of the AST proper: `file` is matched by
// the caller, tfguard alone emits `comments`, and diagnostic wording differs
// between parsers (errors are handled separately by the first-error rule).
bool IsIgnoredTopLevelKey(std::string_view key) {
  return key == "file" || key == "comments" || key == "diagnostics";
}

std::string Render(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMaxRenderedChars) {
    text.resize(kMaxRenderedChars);
    text += "...";
  }
  return text;
}

std::string ChildPath(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return path + "." + std::string(key);
}

std::string IndexPath(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// Parses a non-negative decimal int at the front of `text`, advancing it.
std::optional<int> ConsumeInt(std::string_view& text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

bool ConsumeChar(std::string_view& text, char expected) {
  if (text.empty() || text.front() != expected) return false;
  text.remove_prefix(1);
  return true;
}

struct TextPos {
  int line = 0;
  int column = 0;
};

struct TextRange {
  TextPos start;
  TextPos end;
};

std::optional<TextPos> ConsumePos(std::string_view& text) {
  auto line = ConsumeInt(text);
  if (!line || !ConsumeChar(text, ':')) return std::nullopt;
  auto column = ConsumeInt(text);
  if (!column) return std::nullopt;
  return TextPos{*line, *column};
}

std::optional<TextRange> ParseRange(std::string_view text) {
  auto start = ConsumePos(text);
  if (!start || !ConsumeChar(text, '-')) return std::nullopt;
  auto end = ConsumePos(text);
  if (!end || !text.empty()) return std::nullopt;
  return TextRange{*start, *end};
}

// Which 1-based lines of the source contain a byte >= 0x80. On those lines
// tfguard (code points) and HCL (grapheme clusters) may count columns
// differently, so only lines and byte offsets are authoritative there.
class NonAsciiLines {
 public:
  explicit NonAsciiLines(std::string_view source) {
    bool current = false;
    for (char c : source) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte == '\n') {
        flags_.push_back(current);
        current = false;
      } else if (byte >= 0x80) {
        current = true;
      }
    }
    flags_.push_back(current);
  }

  bool Contains(int line) const {
    return line >= 1 && static_cast<std::size_t>(line) <= flags_.size() &&
           flags_[static_cast<std::size_t>(line - 1)];
  }

 private:
  std::vector<bool> flags_;
};

// Number values are compared after normalisation, so "1e5" == "100000".
std::optional<std::string> NumberText(const json& value) {
  if (value.is_string()) return normalizeNumber(value.get<std::string>());
  if (value.is_number()) return normalizeNumber(value.dump());
  return std::nullopt;
}

bool HasNumberType(const json& node) {
  auto type = node.find("type");
  return type != node.end() && type->is_string() && *type == "number";
}

// cty parses number literals into 512-bit floats, so a literal with more
// than ~154 significant digits (1e400) comes back rounded while tfguard keeps
// the exact text. Normalised forms are "digits e exp"; equal when they agree
// on magnitude and on the first 140 significant digits.
bool SameAt512Bits(const std::string& a, const std::string& b) {
  auto split = [](const std::string& n, std::string* digits, long long* magnitude) {
    size_t e = n.find('e');
    if (e == std::string::npos) return false;
    *digits = n.substr(0, e);
    if (!digits->empty() && (*digits)[0] == '-') return false;
    *magnitude = std::stoll(n.substr(e + 1)) + static_cast<long long>(digits->size());
    return true;
  };
  std::string da, db;
  long long ma = 0, mb = 0;
  if (!split(a, &da, &ma) || !split(b, &db, &mb) || ma != mb) return false;
  constexpr size_t kDigits = 140;
  da.resize(std::max(da.size(), kDigits), '0');
  db.resize(std::max(db.size(), kDigits), '0');
  return da.compare(0, kDigits, db, 0, kDigits) == 0;
}

class Comparer {
 public:
  explicit Comparer(std::string_view source) : non_ascii_lines_(source) {}

  void CompareTopLevel(const json& ours, const json& theirs) {
    CompareObjectKeys(ours, theirs, "", /*top_level=*/true);
  }

  void CompareFirstErrors(std::optional<int> ours, std::optional<int> theirs) {
    if (ours && theirs && *ours == *theirs) return;
    Report("diagnostics.first_error_line", DescribeError(ours), DescribeError(theirs));
  }

  void Report(std::string path, std::string ours, std::string theirs) {
    if (Full()) return;
    mismatches_.push_back({std::move(path), std::move(ours), std::move(theirs)});
  }

  std::vector<AstMismatch> Take() { return std::move(mismatches_); }

 private:
  static std::string DescribeError(std::optional<int> line) {
    if (!line) return "no error";
    return "error on line " + std::to_string(*line);
  }

  bool Full() const { return mismatches_.size() >= kMaxMismatchesPerFile; }

  void CompareValue(const json& ours, const json& theirs, const std::string& path) {
    if (Full()) return;
    if (ours.is_object() && theirs.is_object()) {
      CompareObject(ours, theirs, path);
    } else if (ours.is_array() && theirs.is_array()) {
      CompareArray(ours, theirs, path);
    } else if (ours != theirs) {
      Report(path, Render(ours), Render(theirs));
    }
  }

  void CompareObject(const json& ours, const json& theirs, const std::string& path) {
    // A different kind makes every field below it differ too; one report
    // is enough.
    auto our_kind = ours.find("kind");
    auto their_kind = theirs.find("kind");
    if (our_kind != ours.end() && their_kind != theirs.end() && *our_kind != *their_kind) {
      Report(ChildPath(path, "kind"), Render(*our_kind), Render(*their_kind));
      return;
    }
    CompareObjectKeys(ours, theirs, path, /*top_level=*/false);
  }

  void CompareObjectKeys(const json& ours, const json& theirs, const std::string& path,
                         bool top_level) {
    std::set<std::string> keys;
    for (const auto& item : ours.items()) keys.insert(item.key());
    for (const auto& item : theirs.items()) keys.insert(item.key());
    const bool numeric = HasNumberType(ours) && HasNumberType(theirs);

    for (const std::string& key : keys) {
      if (Full()) return;
      if (top_level && IsIgnoredTopLevelKey(key)) continue;
      const std::string child = ChildPath(path, key);
      auto our_value = ours.find(key);
      auto their_value = theirs.find(key);
      if (our_value == ours.end() || their_value == theirs.end()) {
        CompareMissingKey(our_value != ours.end() ? &*our_value : nullptr,
                          their_value != theirs.end() ? &*their_value : nullptr, key, child);
      } else if (numeric && key == "value") {
        CompareNumber(*our_value, *their_value, child);
      } else if (IsRangeKey(key) && our_value->is_string() && their_value->is_string()) {
        CompareRange(our_value->get<std::string>(), their_value->get<std::string>(), child);
      } else {
        CompareValue(*our_value, *their_value, child);
      }
    }
  }

  void CompareMissingKey(const json* ours, const json* theirs, std::string_view key,
                         const std::string& path) {
    const json& present = ours != nullptr ? *ours : *theirs;
    if (IsOptionalFlag(key) && present.is_boolean() && !present.get<bool>()) {
      return;
    }
    Report(path, ours != nullptr ? Render(*ours) : std::string(kMissing),
           theirs != nullptr ? Render(*theirs) : std::string(kMissing));
  }

  void CompareArray(const json& ours, const json& theirs, const std::string& path) {
    if (ours.size() != theirs.size()) {
      Report(path, std::to_string(ours.size()) + " items",
             std::to_string(theirs.size()) + " items");
    }
    const std::size_t common = std::min(ours.size(), theirs.size());
    for (std::size_t i = 0; i < common && !Full(); ++i) {
      CompareValue(ours[i], theirs[i], IndexPath(path, i));
    }
  }

  void CompareRange(const std::string& ours, const std::string& theirs, const std::string& path) {
    auto our_range = ParseRange(ours);
    auto their_range = ParseRange(theirs);
    if (!our_range || !their_range) {
      if (ours != theirs) Report(path, ours, theirs);
      return;
    }
    if (!SamePos(our_range->start, their_range->start) ||
        !SamePos(our_range->end, their_range->end)) {
      Report(path, ours, theirs);
    }
  }

  bool SamePos(TextPos ours, TextPos theirs) const {
    if (ours.line != theirs.line) return false;
    return ours.column == theirs.column || non_ascii_lines_.Contains(ours.line);
  }

  void CompareNumber(const json& ours, const json& theirs, const std::string& path) {
    auto our_number = NumberText(ours);
    auto their_number = NumberText(theirs);
    if (our_number && their_number) {
      if (*our_number != *their_number && !SameAt512Bits(*our_number, *their_number)) {
        Report(path, Render(ours), Render(theirs));
      }
      return;
    }
    CompareValue(ours, theirs, path);
  }

  NonAsciiLines non_ascii_lines_;
  std::vector<AstMismatch> mismatches_;
};

}  // namespace

std::optional<std::string> normalizeNumber(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::string digits;
  std::int64_t exponent = 0;
  bool seen_point = false;
  for (; !text.empty(); text.remove_prefix(1)) {
    const char c = text.front();
    if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digits.push_back(c);
      if (seen_point) --exponent;
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  if (!text.empty() && (text.front() == 'e' || text.front() == 'E')) {
    text.remove_prefix(1);
    bool negative_exponent = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
      negative_exponent = text.front() == '-';
      text.remove_prefix(1);
    }
    std::int64_t written = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), written);
    // Far beyond any float format; refusing keeps the arithmetic in range.
    constexpr std::int64_t kMaxExponent = 1'000'000'000'000'000;
    if (error != std::errc() || end == text.data() || written > kMaxExponent) {
      return std::nullopt;
    }
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    exponent += negative_exponent ? -written : written;
  }
  if (!text.empty()) return std::nullopt;

  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  digits.erase(0, first);
  const std::size_t last = digits.find_last_not_of('0');
  exponent += static_cast<std::int64_t>(digits.size() - last - 1);
  digits.erase(last + 1);
  return (negative ? "-" : "") + digits + "e" + std::to_string(exponent);
}

std::optional<int> firstErrorLine(const nlohmann::json& document) {
  if (!document.is_object()) return std::nullopt;
  auto diagnostics = document.find("diagnostics");
  if (diagnostics == document.end() || !diagnostics->is_array()) {
    return std::nullopt;
  }
  for (const auto& diagnostic : *diagnostics) {
    if (!diagnostic.is_object()) continue;
    auto severity = diagnostic.find("severity");
    if (severity == diagnostic.end() || *severity != "error") continue;
    auto range = diagnostic.find("range");
    if (range == diagnostic.end() || !range->is_string()) return 0;
    std::string_view text = range->get_ref<const std::string&>();
    return ConsumeInt(text).value_or(0);
  }
  return std::nullopt;
}

std::vector<AstMismatch> compareFileAst(const nlohmann::json& ours, const nlohmann::json& theirs,
                                        std::string_view source) {
  try {
    Comparer comparer(source);
    auto our_error = firstErrorLine(ours);
    auto their_error = firstErrorLine(theirs);
    if (our_error || their_error) {
      comparer.CompareFirstErrors(our_error, their_error);
    } else if (!ours.is_object() || !theirs.is_object()) {
      comparer.Report("", Render(ours), Render(theirs));
    } else {
      comparer.CompareTopLevel(ours, theirs);
    }
    return comparer.Take();
  } catch (const std::exception& error) {
    // A comparer bug must show up as a failing file, not abort the run.
    return {{"<internal error>", error.what(), ""}};
  }
}

}  // namespace tfguard::oracle
