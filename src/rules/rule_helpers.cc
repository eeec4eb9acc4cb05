#include "rules/rule_helpers.h"

#include <algorithm>
#include <array>

namespace tfguard::rules {

using eval::TypeKind;
using eval::Value;

// ---- Values ---------------------------------------------------------------

std::optional<std::string> knownString(const Value& value) {
  if (!value.isKnown() || value.isNull()) return std::nullopt;
  switch (value.type().kind()) {
    case TypeKind::kString: return value.asString();
    case TypeKind::kNumber: return value.asNumber().toString();
    case TypeKind::kBool: return std::string(value.asBool() ? "true" : "false");
    default: return std::nullopt;
  }
}

std::optional<long long> knownInt(const Value& value) {
  if (!value.isKnown() || value.isNull()) return std::nullopt;
  if (value.type().kind() == TypeKind::kNumber) return value.asNumber().toInt();
  if (value.type().kind() == TypeKind::kString) {
    std::optional<eval::Number> n = eval::Number::parse(value.asString());
    return n ? n->toInt() : std::nullopt;
  }
  return std::nullopt;
}

bool isNullValue(const Value& value) { return value.isKnown() && value.isNull(); }

const eval::EvaluatedAttr* setAttr(const eval::EvaluatedBlock& block, std::string_view name) {
  const eval::EvaluatedAttr* attr = block.attr(name);
  return attr != nullptr && !isNullValue(attr->value) ? attr : nullptr;
}

bool anySensitive(const Value& value) {
  if (value.sensitive()) return true;
  if (!value.isKnown() || value.isNull()) return false;
  for (const Value& e : value.elements())
    if (anySensitive(e)) return true;
  for (const auto& [k, v] : value.attributes())
    if (anySensitive(v)) return true;
  return false;
}

std::string displayValue(const Value& value) {
  if (anySensitive(value)) return "(sensitive)";
  if (!value.isKnown()) return "(unknown)";
  if (value.isNull()) return "null";
  if (std::optional<std::string> s = knownString(value)) return *s;
  return value.debugString();
}

std::string shorten(std::string_view text, size_t max) {
  if (text.size() <= max) return std::string(text);
  size_t cut = max > 3 ? max - 3 : 0;
  // Do not cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "...";
}

std::string joinStrings(std::span<const std::string> items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

namespace {

void collectReferences(const Value& value, std::vector<std::string>& out, int depth) {
  if (depth > 64) return;
  for (const std::string& r : value.references()) out.push_back(r);
  if (!value.isKnown() || value.isNull()) return;
  for (const Value& e : value.elements()) collectReferences(e, out, depth + 1);
  for (const auto& [k, v] : value.attributes()) collectReferences(v, out, depth + 1);
}

}  // namespace

std::vector<std::string> allReferences(const Value& value) {
  std::vector<std::string> out;
  collectReferences(value, out, 0);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// ---- References -------------------------------------------------------------

std::string_view withoutInstanceKey(std::string_view address) {
  if (address.empty() || address.back() != ']') return address;
  // Find the '[' that opens the trailing key, skipping brackets inside a quoted key.
  bool quoted = false;
  for (size_t i = address.size() - 1; i-- > 0;) {
    char c = address[i];
    if (c == '"' && (i == 0 || address[i - 1] != '\\')) quoted = !quoted;
    if (c == '[' && !quoted) return address.substr(0, i);
  }
  return address;
}

ReferenceMatch matchReference(std::string_view reference, std::string_view address) {
  ReferenceMatch none;
  std::string_view base = withoutInstanceKey(address);
  std::string_view own_key = address.substr(base.size());  // "", "[0]", "[?]"
  if (!reference.starts_with(base)) return none;
  std::string_view rest = reference.substr(base.size());
  std::string_view key;
  if (rest.starts_with('[')) {
    // The key ends at the first ']' outside quotes.
    bool quoted = false;
    size_t end = std::string_view::npos;
    for (size_t i = 1; i < rest.size(); ++i) {
      char c = rest[i];
      if (c == '\\' && quoted) {
        ++i;
        continue;
      }
      if (c == '"') quoted = !quoted;
      if (c == ']' && !quoted) {
        end = i;
        break;
      }
    }
    if (end == std::string_view::npos) return none;
    key = rest.substr(0, end + 1);
    rest = rest.substr(end + 1);
  }
  if (!rest.empty() && rest.front() != '.') return none;  // aws_eip.x vs aws_eip.xy
  bool key_ok = key == own_key || key.empty() || key == "[?]" || key == "[*]" || own_key == "[?]";
  if (!key_ok) return none;
  ReferenceMatch m;
  m.matches = true;
  if (!rest.empty()) {
    rest.remove_prefix(1);
    size_t stop = rest.find_first_of(".[");
    m.attribute = std::string(rest.substr(0, stop));
  }
  return m;
}

// ---- Networks ---------------------------------------------------------------

std::optional<eval::cidr::Prefix> parseCidr(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  return eval::cidr::parsePrefixOrAddress(text);
}

bool cidrWithinAny(const eval::cidr::Prefix& inner, std::span<const eval::cidr::Prefix> outer) {
  return std::any_of(outer.begin(), outer.end(), [&](const eval::cidr::Prefix& o) { return o.contains(inner); });
}

// ---- Text -------------------------------------------------------------------

namespace {

int base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> decodeBase64(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  size_t digits = 0;
  size_t padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) return std::nullopt;  // data after padding
    int d = base64Digit(c);
    if (d < 0) return std::nullopt;
    ++digits;
    buffer = (buffer << 6) | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  if (padding > 2 || digits % 4 == 1) return std::nullopt;
  if (padding > 0 && (digits + padding) % 4 != 0) return std::nullopt;
  return out;
}

bool looksLikeBase64(std::string_view text) {
  size_t digits = 0;
  for (char c : text) {
    if (c == '\n' || c == '\r') continue;
    if (c == '=' || base64Digit(c) >= 0) {
      ++digits;
      continue;
    }
    return false;
  }
  return digits >= 4 && digits % 4 == 0 && decodeBase64(text).has_value();
}

bool isPlainText(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return false;
    size_t extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 4;
    if (extra == 4 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) return false;
    for (size_t k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += extra + 1;
  }
  return true;
}

std::string asciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// ---- EC2 user data ------------------------------------------------------------

std::vector<UserDataText> userDataOf(const eval::ResourceInstance& instance) {
  std::vector<UserDataText> out;
  if (instance.decl == nullptr || instance.decl->mode != model::ResourceMode::kManaged) return out;
  std::string_view type = instance.decl->type;
  if (type != "aws_instance" && type != "aws_launch_template" && type != "aws_launch_configuration") return out;
  auto read = [&](const eval::EvaluatedAttr& attr, bool always_base64) {
    UserDataText ud;
    ud.attr = &attr;
    const Value& value = attr.value;
    if (!value.isKnown()) {
      ud.state = UserDataText::State::kUnknown;
      out.push_back(std::move(ud));
      return;
    }
    std::optional<std::string> raw = knownString(value);
    if (!raw) return;
    ud.text = std::move(*raw);
    ud.sensitive = anySensitive(value);
    // Decode when base64 is required, or when the text is base64 (user_data =
    // base64encode(...)): a script always has spaces or other non-base64
    // characters. aws_launch_template wants base64 in user_data; aws_instance
    // and launch configurations take text there, but people pass
    // base64encode(...) too.
    if (always_base64 || looksLikeBase64(ud.text)) {
      if (std::optional<std::string> decoded = decodeBase64(ud.text)) ud.text = std::move(*decoded);
    }
    if (!isPlainText(ud.text)) {
      ud.state = UserDataText::State::kNotText;
      ud.not_text = ud.text.size() >= 2 && static_cast<unsigned char>(ud.text[0]) == 0x1f &&
                            static_cast<unsigned char>(ud.text[1]) == 0x8b
                        ? "is gzip-compressed"
                        : "is not text";
      ud.text.clear();
    }
    out.push_back(std::move(ud));
  };
  if (const eval::EvaluatedAttr* a = setAttr(instance.body, "user_data")) read(*a, false);
  if (type != "aws_launch_template")
    if (const eval::EvaluatedAttr* a = setAttr(instance.body, "user_data_base64")) read(*a, true);
  return out;
}

// ---- Related ----------------------------------------------------------------

void appendRelated(std::vector<RelatedLocation>& related, std::vector<RelatedLocation> more) {
  for (RelatedLocation& r : more) {
    bool seen = std::any_of(related.begin(), related.end(), [&](const RelatedLocation& x) {
      return x.location.file == r.location.file && x.location.range == r.location.range && x.message == r.message;
    });
    if (!seen) related.push_back(std::move(r));
  }
}

}  // namespace tfguard::rules
