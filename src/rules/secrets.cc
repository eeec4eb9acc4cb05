#include "rules/secrets.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <mutex>
#include <span>
#include <tuple>

#include "rules/rule_helpers.h"

namespace tfguard::rules {
namespace {

bool isAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

/// The words of a name, lower case: split at anything not a letter or
/// digit and at camelCase boundaries ("dbPassword", "APIKey" → api, key).
std::vector<std::string> nameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!isAsciiAlnum(c)) {
      flush();
      continue;
    }
    if (isUpper(c) && !cur.empty()) {
      char prev = name[i - 1];
      bool next_lower = i + 1 < name.size() && isLower(name[i + 1]);
      if (isLower(prev) || isDigit(prev) || (isUpper(prev) && next_lower)) flush();
    }
    cur += isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  flush();
  return words;
}

bool has(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}
/// `a` directly followed by `b`.
bool hasPair(const std::vector<std::string>& words, std::string_view a, std::string_view b) {
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] == a && words[i + 1] == b) return true;
  return false;
}

bool hasPasswordWord(const std::vector<std::string>& w) {
  return has(w, "password") || has(w, "passwd") || has(w, "passphrase") || has(w, "pass") || has(w, "passwords");
}
bool hasTokenWord(const std::vector<std::string>& w) {
  return has(w, "token") || has(w, "authtoken") || has(w, "accesstoken") || has(w, "refreshtoken");
}
bool hasApiKey(const std::vector<std::string>& w) { return has(w, "apikey") || hasPair(w, "api", "key"); }
bool hasPrivateKey(const std::vector<std::string>& w) { return has(w, "privatekey") || hasPair(w, "private", "key"); }
bool hasAccessKey(const std::vector<std::string>& w) { return has(w, "accesskey") || hasPair(w, "access", "key"); }
bool hasSecretKey(const std::vector<std::string>& w) {
  return has(w, "secretkey") || hasPair(w, "secret", "key") || (hasPair(w, "secret", "access") && hasAccessKey(w));
}

// Last words that make a name about a secret rather than the secret itself.
constexpr std::array kNotSecretLastWords = {
    "id",         "ids",        "arn",       "arns",       "name",       "names",      "length",     "len",
    "ttl",        "type",       "types",     "version",    "versions",   "policy",     "policies",   "prefix",
    "suffix",     "path",       "paths",     "file",       "files",      "filename",   "url",        "uri",
    "endpoint",   "enabled",    "enable",    "disabled",   "count",      "rotation",   "required",   "validity",
    "expiry",     "expiration", "expires",   "header",     "description", "format",    "min",        "max",
    "minimum",    "maximum",    "reuse",     "age",        "days",       "hours",      "minutes",    "seconds",
    "units",      "location",   "mode",      "source",     "ref",        "reference",  "method",     "algorithm",
    "kind",       "label",      "tag",       "tags",       "size",       "bits",       "scope",      "scopes",
    "env",        "var",        "variable",  "field",      "parameter",  "param",      "store",      "backend",
    "provider",   "manager",    "hint",      "template",   "regex",      "pattern",    "rule",       "rules",
    "level",      "strength",   "stdin",     "lambda",     "function",   "role",       "hash",       "checksum",
    "digest",     "sha",        "fingerprint", "output",   "generator",  "special",    "numeric",    "upper",
    "lower",      "chars",      "characters", "reset",     "change",     "interval",   "period",     "schedule",
    "expression", "duration",   "timeout",   "window",
};

bool isShellExpansion(std::string_view v) {
  return v.size() >= 2 && v[0] == '$' && (v[1] == '{' || v[1] == '(' || v[1] == '_' || isAsciiAlnum(v[1]));
}

/// True when the last characters are one character repeated: a filler
/// (AKIAXXXXXXXXXXXXXXXX), not a key.
bool endsInFiller(std::string_view s) {
  size_t n = std::min<size_t>(16, s.size() / 2);
  if (n < 4) return false;
  std::string_view tail = s.substr(s.size() - n);
  char first = static_cast<char>(std::tolower(static_cast<unsigned char>(tail[0])));
  return std::all_of(tail.begin(), tail.end(),
                     [&](char c) { return std::tolower(static_cast<unsigned char>(c)) == first; });
}

size_t codepoints(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// ---- Built-in token formats ------------------------------------------------------

struct TokenFormat {
  std::string_view kind;  ///< empty: private key (kind from the header)
  const char* pattern;
  int group;  ///< the capturing group that is the secret (0: the whole match)
  /// Text the pattern cannot match without (any of these, "" for none;
  /// `folded`: compared case-insensitively): most text holds none, and is
  /// passed over without running, or even compiling, the pattern.
  std::array<std::string_view, 5> needles = {};
  bool folded = false;
};

constexpr std::array kTokenFormats = {
    TokenFormat{"AWS access key id", R"(\b((?:AKIA|ASIA)[A-Z0-9]{16})\b)", 1, {"AKIA", "ASIA"}},
    TokenFormat{"AWS secret access key",
                R"((?i)(?:aws[_-]?secret[_-]?access[_-]?key|aws[_-]?secret[_-]?key|secret[_-]?access[_-]?key|)"
                R"(secret[_-]?key)["']?[ \t]*(?:=|:|=>)[ \t]*["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$))",
                1, {"key"}, true},
    TokenFormat{"",
                R"((?s)-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----(.*?))"
                R"((?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\z))",
                0, {"-----BEGIN "}},
    TokenFormat{"GitHub token", R"(\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255})\b)", 1, {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}},
    TokenFormat{"GitHub token", R"(\b(github_pat_[A-Za-z0-9_]{22,255})\b)", 1, {"github_pat_"}},
    TokenFormat{"Slack token", R"(\b(xox[baprs]-[A-Za-z0-9-]{10,250}))", 1, {"xox"}},
    TokenFormat{"Slack webhook URL", R"((https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9_/]{20,}))", 1, {"hooks.slack.com"}},
    TokenFormat{"Stripe live secret key", R"(\b((?:sk|rk)_live_[A-Za-z0-9]{24,247})\b)", 1, {"_live_"}},
    TokenFormat{"Google API key", R"(\b(AIza[0-9A-Za-z_-]{35})(?:[^0-9A-Za-z_-]|$))", 1, {"AIza"}},
    TokenFormat{"password in a URL", R"(\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@"'${}]+:([^\s/@"'${}]+)@)", 1, {"://"}},
};

// Whether `text` holds one of `format`'s needles (or it has none).
bool mayMatch(const TokenFormat& format, std::string_view text) {
  if (format.needles[0].empty()) return true;
  for (std::string_view needle : format.needles) {
    if (needle.empty()) break;
    if (!format.folded) {
      if (text.find(needle) != std::string_view::npos) return true;
      continue;
    }
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                    [&](char a, char b) { return lower(a) == lower(b); }) != text.end())
      return true;
  }
  return false;
}

// The compiled pattern of kTokenFormats[i], compiled on first use.
const re2::RE2& tokenRegexp(size_t i) {
  static std::array<std::once_flag, kTokenFormats.size()> once;
  static std::array<std::unique_ptr<re2::RE2>, kTokenFormats.size()> compiled;
  std::call_once(once[i], [i] { compiled[i] = std::make_unique<re2::RE2>(kTokenFormats[i].pattern); });
  return *compiled[i];
}

/// Calls `f(groups)` for every match of `re` in `text` (groups[0] the whole
/// match; a group that did not take part has a null data()).
template <typename F>
void forEachMatch(const re2::RE2& re, std::string_view text, F f) {
  if (!re.ok()) return;
  int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), re2::RE2::UNANCHORED, groups.data(), n))
      break;
    size_t begin = static_cast<size_t>(groups[0].data() - text.data());
    size_t end = begin + groups[0].size();
    f(groups);
    pos = end > begin ? end : begin + 1;
  }
}

size_t offsetIn(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

// ---- Assignments in scripts and config text ----------------------------------------

const re2::RE2& assignmentRegexp() {
  // NAME=value, export NAME="value", name: value, "name": "value".
  static const re2::RE2 re(
      R"((?m)(?:^|[\s"'{,;(])([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*[:=][ \t]*("[^"\n]*"|'[^'\n]*'|[^\s"',;}]+))");
  return re;
}
const re2::RE2& flagRegexp() {
  // --name value, --name=value.
  static const re2::RE2 re(
      R"((?m)(?:^|[\s"'])--([A-Za-z][A-Za-z0-9-]*)(?:=|[ \t]+)("[^"\n]*"|'[^'\n]*'|[^\s"';|&)]+))");
  return re;
}
const re2::RE2& loginRegexp() {
  // docker login -u user -p password (also podman, helm registry login...).
  static const re2::RE2 re(R"(\blogin\b[^\n]*?[ \t]-p[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s"';|&)]+))");
  return re;
}

/// The value of an assignment without its quotes, as offsets in `text`.
std::pair<size_t, size_t> unquoted(std::string_view text, const re2::StringPiece& value) {
  size_t b = offsetIn(text, value);
  size_t e = b + value.size();
  if (value.size() >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.size() - 1] == value[0]) {
    ++b;
    --e;
  }
  return {b, e};
}

/// Values an assignment in a script gives that are not literal secrets.
bool notAScriptSecret(std::string_view v) {
  v = trim(v);
  if (v.empty() || isPlaceholderValue(v)) return true;
  if (v.find("$(") != std::string_view::npos || v.find('`') != std::string_view::npos ||
      v.find("${") != std::string_view::npos || v.find("{{") != std::string_view::npos)
    return true;
  if (v[0] == '-' || v[0] == '|' || v[0] == '>' || v[0] == '[' || v[0] == '{' || v[0] == '$' || v[0] == '&' ||
      v[0] == '*' || v[0] == '!')
    return true;
  return std::all_of(v.begin(), v.end(), [](char c) { return isDigit(c) || c == '.'; });
}

struct Candidate {
  SecretHit hit;
  int priority;
};

}  // namespace

// ---- Extra patterns -----------------------------------------------------------------

ExtraSecretPatterns::ExtraSecretPatterns(const std::vector<std::string>& patterns) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  for (const std::string& p : patterns) {
    auto re = std::make_unique<re2::RE2>(p, options);
    if (!re->ok()) {
      invalid_.push_back({p, re->error()});
      continue;
    }
    patterns_.push_back({p, std::move(re)});
  }
}

ExtraSecretPatterns::~ExtraSecretPatterns() = default;

std::shared_ptr<const ExtraSecretPatterns> extraSecretPatterns(const std::optional<eval::Value>& param) {
  std::vector<std::string> patterns;
  if (param && param->isKnown() && !param->isNull()) {
    if (param->type().kind() == eval::TypeKind::kString) {
      patterns.push_back(param->asString());
    } else {
      for (const eval::Value& e : param->elements())
        if (e.isKnown() && !e.isNull() && e.type().kind() == eval::TypeKind::kString) patterns.push_back(e.asString());
    }
  }
  std::string key;
  for (const std::string& p : patterns) {
    key += p;
    key += '\0';
  }
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const ExtraSecretPatterns>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  auto compiled = std::make_shared<const ExtraSecretPatterns>(patterns);
  cache.emplace(std::move(key), compiled);
  return compiled;
}

std::string invalidPatternMessage(const ExtraSecretPatterns::Invalid& invalid) {
  return fmt::format("invalid secret_patterns entry `{}`: {} (the pattern is ignored)", invalid.pattern,
                     invalid.error);
}

// ---- Finding secrets ------------------------------------------------------------------

std::vector<SecretHit> findSecrets(std::string_view text, const ExtraSecretPatterns* extra, bool assignments) {
  std::vector<Candidate> found;
  auto add = [&](std::string kind, size_t b, size_t e, std::string name, int priority) {
    if (e <= b) return;
    std::string_view secret = text.substr(b, e - b);
    if (isPlaceholderValue(secret)) return;
    found.push_back({{std::move(kind), b, e, std::move(name)}, priority});
  };

  for (size_t i = 0; i < kTokenFormats.size(); ++i) {
    const TokenFormat& format = kTokenFormats[i];
    if (!mayMatch(format, text)) continue;
    forEachMatch(tokenRegexp(i), text, [&](const std::vector<re2::StringPiece>& g) {
      const re2::StringPiece& secret = g[static_cast<size_t>(format.group)];
      if (secret.data() == nullptr) return;
      std::string kind(format.kind);
      if (kind.empty()) {  // a private key: its type from the header, and a body
        std::string_view body(g[2].data() ? g[2].data() : "", g[2].size());
        size_t digits = static_cast<size_t>(std::count_if(body.begin(), body.end(), [](char c) {
          return isAsciiAlnum(c) || c == '+' || c == '/';
        }));
        if (digits < 32) return;
        std::string type(trim(std::string_view(g[1].data() ? g[1].data() : "", g[1].size())));
        if (type == "ENCRYPTED") type = "encrypted";
        kind = type.empty() ? "private key" : type + " private key";
      }
      size_t b = offsetIn(text, secret);
      add(std::move(kind), b, b + secret.size(), "", 0);
    });
  }
  if (extra != nullptr) {
    for (const ExtraSecretPatterns::Pattern& p : extra->patterns()) {
      forEachMatch(*p.re, text, [&](const std::vector<re2::StringPiece>& g) {
        const re2::StringPiece& secret = g.size() > 1 && g[1].data() != nullptr ? g[1] : g[0];
        size_t b = offsetIn(text, secret);
        add(fmt::format("secret matching `{}`", p.text), b, b + secret.size(), "", 1);
      });
    }
  }
  if (assignments) {
    auto assigned = [&](std::string_view name, const re2::StringPiece& value) {
      auto [b, e] = unquoted(text, value);
      std::string_view v = text.substr(b, e - b);
      if (notAScriptSecret(v)) return;
      std::optional<std::string> kind = secretKindForName(name, v);
      if (kind) add(std::move(*kind), b, e, std::string(name), 2);
    };
    forEachMatch(assignmentRegexp(), text, [&](const std::vector<re2::StringPiece>& g) {
      assigned(std::string_view(g[1].data(), g[1].size()), g[2]);
    });
    if (text.find("--") != std::string_view::npos) forEachMatch(flagRegexp(), text, [&](const std::vector<re2::StringPiece>& g) {
      assigned(std::string_view(g[1].data(), g[1].size()), g[2]);
    });
    if (text.find("login") != std::string_view::npos) forEachMatch(loginRegexp(), text, [&](const std::vector<re2::StringPiece>& g) {
      auto [b, e] = unquoted(text, g[1]);
      if (!notAScriptSecret(text.substr(b, e - b))) add("password", b, e, "-p", 2);
    });
  }

  // The most specific hit wins where two overlap.
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.priority, a.hit.begin) < std::tie(b.priority, b.hit.begin);
  });
  std::vector<SecretHit> out;
  for (Candidate& c : found) {
    bool overlaps = std::any_of(out.begin(), out.end(), [&](const SecretHit& h) {
      return c.hit.begin < h.end && h.begin < c.hit.end;
    });
    if (!overlaps) out.push_back(std::move(c.hit));
  }
  std::sort(out.begin(), out.end(), [](const SecretHit& a, const SecretHit& b) { return a.begin < b.begin; });
  return out;
}

// ---- Names and values ------------------------------------------------------------------

bool isSecretName(std::string_view name) {
  std::vector<std::string> w = nameWords(name);
  if (w.empty() || has(w, "public")) return false;
  bool secret = hasPasswordWord(w) || hasTokenWord(w) || has(w, "secret") || has(w, "clientsecret") ||
                hasApiKey(w) || hasPrivateKey(w) || hasAccessKey(w) || hasSecretKey(w) || hasPair(w, "signing", "key");
  if (!secret) return false;
  const std::string& last = w.back();
  return std::find(kNotSecretLastWords.begin(), kNotSecretLastWords.end(), last) == kNotSecretLastWords.end();
}

/// A literal given to a secret-looking name that is not a secret: a secret
/// store path or resource name ("/prod/db/password",
/// "projects/1/secrets/x/versions/latest"), an identifier-like constant
/// ("NO_TOKEN"), the name itself ("client_secret"), text with spaces
/// ("rate(15 days)"), or a short single word ("tailscale", "minutes") —
/// measured on public repositories, these made most of the rule's false
/// positives.
bool notASecretValue(std::string_view name, std::string_view v) {
  std::string lower = asciiLower(v);
  auto words = nameWords(name);
  std::string joined;
  for (const auto& w : words) joined += w;
  std::string bare;
  for (char c : lower)
    if (isAsciiAlnum(c)) bare += c;
  if (bare == joined) return true;
  // A password may be a plain word or a phrase ("postgres", "Some password"):
  // weak, and exactly what the rule is for.
  bool password = hasPasswordWord(words);
  if (!password && v.find_first_of(" \t\n") != std::string_view::npos) return true;
  bool path_chars = std::all_of(lower.begin(), lower.end(), [](char c) {
    return isAsciiAlnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == ':' || c == '%';
  });
  // Lower-case paths, or any path through a secret store ("projects/1/secrets/SlackSigningSecret/...").
  bool store_path = lower.find("secrets/") != std::string::npos || lower.find("parameter/") != std::string::npos;
  if (path_chars && (v[0] == '/' || std::count(v.begin(), v.end(), '/') >= 2) &&
      (v == std::string_view(lower) || store_path))
    return true;
  if (std::all_of(v.begin(), v.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_' || c == '-'; }))
    return true;
  bool word_chars = std::all_of(v.begin(), v.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '-'; });
  if (!password && word_chars && codepoints(v) < 16) return true;
  for (std::string_view p : {"mock", "fake", "dummy", "sample", "example", "test"})
    if (lower.starts_with(p)) return true;
  return false;
}

std::optional<std::string> secretKindForName(std::string_view name, std::string_view value) {
  if (!isSecretName(name)) return std::nullopt;
  std::string_view v = trim(value);
  if (v.empty() || isPlaceholderValue(v) || v.starts_with("arn:")) return std::nullopt;
  if (notASecretValue(name, v)) return std::nullopt;
  std::vector<std::string> w = nameWords(name);
  bool aws_secret_shape = v.size() == 40 && std::all_of(v.begin(), v.end(), [](char c) {
                            return isAsciiAlnum(c) || c == '/' || c == '+';
                          });
  if (aws_secret_shape && (hasSecretKey(w) || (has(w, "aws") && has(w, "secret")))) return "AWS secret access key";
  if (hasPrivateKey(w)) return "private key";
  if (hasPasswordWord(w)) return "password";
  if (hasApiKey(w)) return "API key";
  if (hasTokenWord(w)) return "token";
  if (hasSecretKey(w)) return "secret key";
  if (hasAccessKey(w)) return "access key";
  if (hasPair(w, "signing", "key")) return "signing key";
  return "secret";
}

bool isPlaceholderValue(std::string_view value) {
  std::string_view t = trim(value);
  if (t.empty()) return true;
  std::string v = asciiLower(t);
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; })) return true;
  if (v.size() >= 8 && endsInFiller(v)) return true;  // AKIAXXXXXXXXXXXXXXXX, sk_live_xxxxxxxxxxxx
  for (std::string_view p : {"changeme", "change-me", "change_me", "changeit", "replaceme", "replace-me", "replace_me",
                             "placeholder"})
    if (v.find(p) != std::string::npos) return true;
  for (std::string_view p : {"todo", "tbd", "fixme", "dummy", "example", "redacted", "none", "null", "nil", "undefined",
                             "unset", "n/a", "na", "-", "true", "false"})
    if (v == p) return true;
  auto wrapped = [&](std::string_view open, std::string_view close) {
    return v.size() >= open.size() + close.size() && v.starts_with(open) && v.ends_with(close);
  };
  if (wrapped("<", ">") || wrapped("{{", "}}") || wrapped("${", "}") || wrapped("%{", "}")) return true;
  if (v.size() > 5 && v.starts_with("your") && (v[4] == '-' || v[4] == '_' || v[4] == ' ')) return true;
  return isShellExpansion(t);
}

std::string maskSecret(std::string_view secret) {
  size_t n = codepoints(secret);
  if (n <= 8) return "****";
  if (n < 16) return fmt::format("****({} chars)", n);
  std::string prefix;
  size_t seen = 0;
  for (size_t i = 0; i < secret.size() && seen <= 4; ++i) {
    auto c = static_cast<unsigned char>(secret[i]);
    bool starts = (c & 0xC0) != 0x80;
    if (starts && ++seen > 4) break;
    prefix += c < 0x20 || c == 0x7f ? '?' : static_cast<char>(c);
  }
  return fmt::format("{}…({} chars)", prefix, n);
}

// ---- Literal text in expressions ------------------------------------------------------

namespace {

using syntax::ExprKind;

void collectLiterals(const syntax::Expr* e, bool heredoc, std::vector<LiteralText>& out, int depth);

void collectParts(std::span<const syntax::TemplatePart> parts, bool heredoc, std::vector<LiteralText>& out, int depth) {
  for (const syntax::TemplatePart& p : parts) collectLiterals(p.expr, heredoc && !p.interp, out, depth + 1);
}

void collectLiterals(const syntax::Expr* e, bool heredoc, std::vector<LiteralText>& out, int depth) {
  if (e == nullptr || depth > 256) return;
  using syntax::as;
  switch (e->kind) {
    case ExprKind::kLiteral: {
      const auto& lit = as<syntax::LiteralExpr>(*e);
      if (lit.value.type == syntax::LiteralType::kString && !lit.value.text.empty())
        out.push_back({lit.value.text, lit.range, heredoc});
      break;
    }
    case ExprKind::kTemplate: {
      const auto& t = as<syntax::TemplateExpr>(*e);
      collectParts(t.parts, t.heredoc, out, depth);
      break;
    }
    case ExprKind::kTemplateWrap:
      collectLiterals(as<syntax::TemplateWrapExpr>(*e).wrapped, false, out, depth + 1);
      break;
    case ExprKind::kTemplateIf: {
      const auto& t = as<syntax::TemplateIfExpr>(*e);
      collectLiterals(t.cond, false, out, depth + 1);
      collectParts(t.then_parts, heredoc, out, depth);
      collectParts(t.else_parts, heredoc, out, depth);
      break;
    }
    case ExprKind::kTemplateFor: {
      const auto& t = as<syntax::TemplateForExpr>(*e);
      collectLiterals(t.coll, false, out, depth + 1);
      collectParts(t.body, heredoc, out, depth);
      break;
    }
    case ExprKind::kRelativeTraversal:
      collectLiterals(as<syntax::RelativeTraversalExpr>(*e).source, false, out, depth + 1);
      break;
    case ExprKind::kIndex:
      collectLiterals(as<syntax::IndexExpr>(*e).collection, false, out, depth + 1);
      collectLiterals(as<syntax::IndexExpr>(*e).key, false, out, depth + 1);
      break;
    case ExprKind::kCall:
      for (const syntax::Expr* a : as<syntax::CallExpr>(*e).args) collectLiterals(a, false, out, depth + 1);
      break;
    case ExprKind::kBinary:
      collectLiterals(as<syntax::BinaryExpr>(*e).lhs, false, out, depth + 1);
      collectLiterals(as<syntax::BinaryExpr>(*e).rhs, false, out, depth + 1);
      break;
    case ExprKind::kUnary: collectLiterals(as<syntax::UnaryExpr>(*e).operand, false, out, depth + 1); break;
    case ExprKind::kConditional: {
      const auto& c = as<syntax::ConditionalExpr>(*e);
      collectLiterals(c.cond, false, out, depth + 1);
      collectLiterals(c.if_true, false, out, depth + 1);
      collectLiterals(c.if_false, false, out, depth + 1);
      break;
    }
    case ExprKind::kParens: collectLiterals(as<syntax::ParensExpr>(*e).inner, false, out, depth + 1); break;
    case ExprKind::kTuple:
      for (const syntax::Expr* i : as<syntax::TupleExpr>(*e).items) collectLiterals(i, false, out, depth + 1);
      break;
    case ExprKind::kObject:
      for (const syntax::ObjectItem& i : as<syntax::ObjectExpr>(*e).items) {
        collectLiterals(i.key, false, out, depth + 1);
        collectLiterals(i.value, false, out, depth + 1);
      }
      break;
    case ExprKind::kObjectKey: collectLiterals(as<syntax::ObjectKeyExpr>(*e).wrapped, false, out, depth + 1); break;
    case ExprKind::kFor: {
      const auto& f = as<syntax::ForExpr>(*e);
      collectLiterals(f.coll, false, out, depth + 1);
      collectLiterals(f.key, false, out, depth + 1);
      collectLiterals(f.value, false, out, depth + 1);
      collectLiterals(f.cond, false, out, depth + 1);
      break;
    }
    case ExprKind::kSplat:
      collectLiterals(as<syntax::SplatExpr>(*e).source, false, out, depth + 1);
      collectLiterals(as<syntax::SplatExpr>(*e).each, false, out, depth + 1);
      break;
    case ExprKind::kScopeTraversal:
    case ExprKind::kSplatItem: break;
  }
}

}  // namespace

std::vector<LiteralText> literalTexts(const syntax::Expr& expr) {
  std::vector<LiteralText> out;
  collectLiterals(&expr, false, out, 0);
  return out;
}

std::optional<std::string> literalString(const syntax::Expr& expr) {
  using syntax::as;
  if (expr.kind == ExprKind::kLiteral) {
    const auto& lit = as<syntax::LiteralExpr>(expr);
    if (lit.value.type != syntax::LiteralType::kString) return std::nullopt;
    return std::string(lit.value.text);
  }
  if (expr.kind != ExprKind::kTemplate) return std::nullopt;
  std::string out;
  for (const syntax::TemplatePart& p : as<syntax::TemplateExpr>(expr).parts) {
    if (p.interp || p.expr == nullptr || p.expr->kind != ExprKind::kLiteral) return std::nullopt;
    const auto& lit = as<syntax::LiteralExpr>(*p.expr);
    if (lit.value.type != syntax::LiteralType::kString) return std::nullopt;
    out += lit.value.text;
  }
  return out;
}

ByteRange locateInSource(const SourceFile& file, ByteRange within, std::string_view needle) {
  std::string_view text = file.text();
  uint32_t b = std::min<uint32_t>(within.begin, static_cast<uint32_t>(text.size()));
  uint32_t e = std::min<uint32_t>(std::max(within.end, b), static_cast<uint32_t>(text.size()));
  std::string_view hay = text.substr(b, e - b);
  auto at = [&](std::string_view n) -> std::optional<ByteRange> {
    if (n.empty()) return std::nullopt;
    size_t pos = hay.find(n);
    if (pos == std::string_view::npos) return std::nullopt;
    return ByteRange{static_cast<uint32_t>(b + pos), static_cast<uint32_t>(b + pos + n.size())};
  };
  if (auto r = at(needle)) return *r;
  size_t nl = needle.find('\n');
  if (nl != std::string_view::npos) {
    std::string_view first = trim(needle.substr(0, nl));
    if (first.size() >= 8)
      if (auto r = at(first)) return *r;
  }
  return within;
}

}  // namespace tfguard::rules
