#pragma once
// Recognising secrets, shared by hardcoded-secret and user-data-secret:
// well-known token formats in a text, values whose name says they are
// secret, placeholders that are not, and how a secret is shown (never in
// full). Pure text functions: no rule policy beyond what a secret looks like.
//
// Masking (maskSecret): a value of 8 characters or fewer is shown as "****";
// 9 to 15 characters as "****(N chars)"; 16 or more as its first 4
// characters, "…" and its length ("AKIA…(20 chars)"). So at most a quarter
// of a value is ever shown, and for the token formats only their public
// prefix (AKIA, ghp_, xoxb, sk_l). Short values show no length at all.
//
// Placeholders (isPlaceholderValue) are values that stand for "put the
// secret here" and are ignored when a name says the value is secret: empty
// or blank; one character repeated ("xxxxxxxx", "********"), also after a
// prefix when it fills the second half (up to 16 characters) of a value of
// 8 or more ("AKIAXXXXXXXXXXXXXXXX", "sk_live_xxxxxxxxxxxxxxxx"); "changeme",
// "change-me", "change_me", "changeit", "replaceme", "replace-me",
// "replace_me", "placeholder" anywhere in the value; exactly "todo", "tbd",
// "fixme", "dummy", "example", "redacted", "none", "null", "nil",
// "undefined", "unset", "n/a", "na", "-", "true", "false"; "<...>",
// "{{...}}", "${...}" or "%{...}" as the whole value; "your..." followed by
// "-", "_" or a space ("your-api-key", "YOUR_TOKEN_HERE"); a shell
// expansion ("$DB_PASSWORD", "${DB_PASSWORD}", "$(cat /run/secret)").
// Case is ignored. Token formats (AKIA..., ghp_...) are judged by the same
// list, which in practice only drops the filled ones.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"
#include "base/source_file.h"
#include "eval/value.h"
#include "rules/rule.h"
#include "syntax/ast.h"

namespace re2 {
class RE2;
}

namespace tfguard::rules {

/// One secret found in a text.
struct SecretHit {
  std::string kind;  ///< "AWS access key id", "RSA private key", "password", ...
  size_t begin = 0;  ///< the secret's bytes in the scanned text
  size_t end = 0;
  /// For a value found through its name (DB_PASSWORD=..., --token x): the
  /// name; empty for token formats.
  std::string name;
};

/// The `secret_patterns` parameter of a rule: extra RE2 patterns. A match is
/// a secret; when the pattern has a capturing group, the first group is the
/// secret (the rest is context), else the whole match.
class ExtraSecretPatterns {
 public:
  struct Invalid {
    std::string pattern;
    std::string error;  ///< RE2's message
  };
  struct Pattern {
    std::string text;
    std::unique_ptr<re2::RE2> re;
  };
  explicit ExtraSecretPatterns(const std::vector<std::string>& patterns);
  ~ExtraSecretPatterns();
  ExtraSecretPatterns(const ExtraSecretPatterns&) = delete;
  ExtraSecretPatterns& operator=(const ExtraSecretPatterns&) = delete;

  const std::vector<Pattern>& patterns() const { return patterns_; }
  const std::vector<Invalid>& invalid() const { return invalid_; }
  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<Pattern> patterns_;  ///< the valid ones
  std::vector<Invalid> invalid_;
};

/// The `secret_patterns` parameter both secret rules take.
inline const RuleParam kSecretPatternsParam{
    "secret_patterns",
    "extra RE2 regular expressions whose matches are secrets (with a capturing group, the first group is the "
    "secret), e.g. [\"corp_[a-z0-9]{32}\"]; an invalid one is reported and ignored",
    "[]"};

/// The compiled `secret_patterns` of a parameter value (a string or a list
/// of strings; anything else, and unknown values, count as none). Each
/// distinct list is compiled once and shared (thread-safe); never null.
std::shared_ptr<const ExtraSecretPatterns> extraSecretPatterns(const std::optional<eval::Value>& param);
/// "invalid secret_patterns entry `(`: missing ): ( (ignored)" for one invalid entry.
std::string invalidPatternMessage(const ExtraSecretPatterns::Invalid& invalid);

/// Secrets in `text`, sorted by position, never overlapping (a token format
/// wins over an extra pattern, which wins over an assignment):
///   - AWS access key ids (AKIA/ASIA + 16), AWS secret access keys written
///     after a name like aws_secret_access_key / secret_key, private keys
///     (-----BEGIN ... PRIVATE KEY----- with a body), GitHub (ghp_ gho_ ghu_
///     ghs_ ghr_ github_pat_), Slack (xox[baprs]-, webhook URLs), Stripe
///     live keys (sk_live_ rk_live_), Google API keys (AIza), passwords in
///     URLs (scheme://user:password@host);
///   - matches of `extra` (may be null);
///   - with `assignments`: values given to a secret-looking name in scripts
///     and config text: NAME=value, export NAME="value", name: value,
///     "name": "value", --name value / --name=value, `docker login -p value`;
///     values that are placeholders, shell expansions or only digits are not.
std::vector<SecretHit> findSecrets(std::string_view text, const ExtraSecretPatterns* extra, bool assignments);

/// Whether a name (of an attribute, object key, variable, env var, flag)
/// says its value is secret. The name is split into words (at _ - . / and
/// camelCase) and contains password, passwd, passphrase, pass, secret,
/// token, apikey, or api+key, private+key, access+key, secret+key,
/// signing+key — unless its last word says it is about the secret rather
/// than the secret itself (id, arn, name, length, ttl, type, version,
/// policy, path, file, url, endpoint, enabled, ...): `secret_arn`,
/// `password_length`, `token_ttl` are not secret names.
bool isSecretName(std::string_view name);

/// What a literal `value` given to `name` is when the name says it is
/// secret ("password", "token", "API key", "AWS secret access key", ...);
/// nullopt when the name does not look secret, or the value is a
/// placeholder or an ARN (a reference to a secret store, not a secret).
std::optional<std::string> secretKindForName(std::string_view name, std::string_view value);

/// See the file comment.
bool isPlaceholderValue(std::string_view value);

/// See the file comment: "****", "****(12 chars)", "AKIA…(20 chars)".
std::string maskSecret(std::string_view secret);

/// One literal piece of text in an expression: a quoted string, a heredoc,
/// or the literal parts of a template around its interpolations.
struct LiteralText {
  std::string_view text;  ///< decoded (escapes, heredoc indentation)
  ByteRange range;        ///< where it is written
  bool heredoc = false;
};
/// Every literal piece of text in `expr` and the expressions inside it
/// (function arguments, collections, object keys and values, conditionals,
/// template directives), in source order. Nesting deeper than 256 is not
/// followed.
std::vector<LiteralText> literalTexts(const syntax::Expr& expr);
/// The value of `expr` when it is one literal string (a quoted string or a
/// heredoc without interpolations or directives); nullopt otherwise.
std::optional<std::string> literalString(const syntax::Expr& expr);

/// Where `needle` is written in `file` inside `within`: the first place it
/// occurs as written; else where its first line occurs (an indented heredoc
/// changes the rest); else `within`.
ByteRange locateInSource(const SourceFile& file, ByteRange within, std::string_view needle);

}  // namespace tfguard::rules
