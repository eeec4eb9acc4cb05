// hardcoded-secret: secrets written into the repository (SPEC §6): in .tf,
// .tf.json, .tfvars, backend config files and the environments' shell env
// files. Three ways a value is a secret, most specific first:
//   1. its text has a well-known secret format (AWS access key ids, private
//      keys, GitHub/Slack/Stripe/Google tokens..., secrets.h) or matches one
//      of the rule's `secret_patterns`;
//   2. it is a literal given to a variable declared `sensitive = true` (in a
//      tfvars or env file) or the variable's literal `default`;
//   3. it is a literal string given to a name that says it is secret
//      (password, token, api_key, client_secret...: secrets.h), or the
//      `value` next to such a `name` (ECS container definitions, Kubernetes
//      env blocks), or the value of a SecureString SSM parameter.
// Where two overlap, the most specific one is reported, once. Text inside
// the user data of EC2 instances, launch templates and launch
// configurations is left to user-data-secret, which reads it rendered.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <cstddef>
#include <tuple>

#include "rules/registry.h"
#include "rules/rule_helpers.h"
#include "rules/secrets.h"

namespace tfguard::rules {
namespace {

using syntax::ExprKind;

constexpr std::string_view kDetail =
    "Anyone who can read the repository can use this secret, and it stays in the history after the line is "
    "removed: rotate it. Then pass it in at plan time instead — a variable declared `sensitive = true` set from "
    "TF_VAR_... in the pipeline, or read from a secret store (aws_secretsmanager_secret_version, "
    "aws_ssm_parameter) — or let it be generated (random_password, manage_master_user_password).";

/// One finding to be, before overlapping ones are merged.
struct Candidate {
  Location at;
  int priority = 0;  ///< 0 token format, 1 sensitive variable, 2 secret-looking name
  std::string message;
  std::string resource;
  std::string attribute_path;
  std::vector<RelatedLocation> related;
};

bool endsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

bool isVarsFile(std::string_view path) { return endsWith(path, ".tfvars") || endsWith(path, ".tfvars.json"); }

bool insideDotTerraform(std::string_view path) {
  return path.starts_with(".terraform/") || path.find("/.terraform/") != std::string_view::npos;
}

std::string joinPath(const std::vector<std::string>& path, size_t from) {
  std::string out;
  for (size_t i = from; i < path.size(); ++i) {
    if (!out.empty()) out += '.';
    out += path[i];
  }
  return out;
}

/// What a place in a file is, for messages and fingerprints.
struct Where {
  std::string text;  ///< "`password` of aws_db_instance.main"
  std::string resource;
  std::string attribute_path;
};

Where whereOf(const std::vector<std::string>& path, bool vars_file) {
  Where w;
  if (path.empty()) {
    w.text = "the file";
    return w;
  }
  auto named = [&](std::string owner, size_t from) {
    w.attribute_path = joinPath(path, from);
    w.text = w.attribute_path.empty() ? owner : fmt::format("`{}` of {}", w.attribute_path, owner);
  };
  const std::string& head = path[0];
  if (vars_file) {
    w.attribute_path = joinPath(path, 0);
    w.text = fmt::format("`{}`", w.attribute_path);
  } else if ((head == "resource" || head == "data" || head == "ephemeral") && path.size() >= 3) {
    w.resource = (head == "resource" ? "" : head + ".") + path[1] + "." + path[2];
    named(w.resource, 3);
  } else if (head == "module" && path.size() >= 2) {
    w.resource = "module." + path[1];
    named(w.resource, 2);
  } else if ((head == "provider" || head == "variable" || head == "output") && path.size() >= 2) {
    named(head + " " + path[1], 2);
  } else if (head == "locals" && path.size() >= 2) {
    w.attribute_path = joinPath(path, 1);
    w.text = fmt::format("local `{}`", w.attribute_path);
  } else if (head == "terraform" && path.size() >= 3 && path[1] == "backend") {
    named("backend " + path[2], 3);
  } else {
    w.attribute_path = joinPath(path, 0);
    w.text = fmt::format("`{}`", w.attribute_path);
  }
  return w;
}

/// The text of an object key (`name = ...`, `"name" = ...`), empty when it is an expression.
std::string keyName(const syntax::Expr* key) {
  if (key == nullptr) return {};
  if (key->kind == ExprKind::kObjectKey) {
    const auto& k = syntax::as<syntax::ObjectKeyExpr>(*key);
    if (!k.bare_name.empty()) return std::string(k.bare_name);
    if (k.force_non_literal || k.wrapped == nullptr) return {};
    key = k.wrapped;
  }
  if (key->kind == ExprKind::kScopeTraversal) {
    const auto& t = syntax::as<syntax::ScopeTraversalExpr>(*key);
    if (t.steps.empty()) return std::string(t.root);
  }
  return literalString(*key).value_or("");
}

/// The literal strings of an expression made only of literals (a string,
/// or a list / object of them, object keys excluded); empty when any part
/// of it is computed.
void literalLeaves(const syntax::Expr* e, std::vector<std::pair<std::string, ByteRange>>& out, bool& computed,
                   int depth = 0) {
  if (e == nullptr || computed) return;
  if (depth > 64) {
    computed = true;
    return;
  }
  switch (e->kind) {
    case ExprKind::kLiteral:
    case ExprKind::kTemplate: {
      std::optional<std::string> s = literalString(*e);
      if (s) {
        out.emplace_back(std::move(*s), e->range);
      } else if (e->kind == ExprKind::kTemplate) {
        computed = true;
      }
      return;  // numbers, bools and null are not secrets here
    }
    case ExprKind::kParens: literalLeaves(syntax::as<syntax::ParensExpr>(*e).inner, out, computed, depth + 1); return;
    case ExprKind::kTuple:
      for (const syntax::Expr* i : syntax::as<syntax::TupleExpr>(*e).items) literalLeaves(i, out, computed, depth + 1);
      return;
    case ExprKind::kObject:
      for (const syntax::ObjectItem& i : syntax::as<syntax::ObjectExpr>(*e).items)
        literalLeaves(i.value, out, computed, depth + 1);
      return;
    default: computed = true; return;
  }
}

/// The literal strings of `e` when it is wholly literal.
std::vector<std::pair<std::string, ByteRange>> wholeLiteralStrings(const syntax::Expr* e) {
  std::vector<std::pair<std::string, ByteRange>> out;
  bool computed = false;
  literalLeaves(e, out, computed);
  if (computed) out.clear();
  return out;
}

class Scan {
 public:
  Scan(const ExtraSecretPatterns& extra, const std::map<std::string, Location>& sensitive_vars)
      : extra_(extra), sensitive_vars_(sensitive_vars) {}

  void file(const syntax::ParsedFile& file) {
    file_ = &file;
    vars_file_ = isVarsFile(file.source->path());
    path_.clear();
    if (file.body != nullptr) body(*file.body, 0);
  }

  /// A literal default of a variable that is declared sensitive or whose name says it is secret.
  void variableDefault(const model::Variable& var) {
    if (var.default_attr == nullptr || var.default_attr->expr == nullptr || var.default_attr->file == nullptr) return;
    bool secret_name = isSecretName(var.name);
    if (!var.sensitive && !secret_name) return;
    for (const auto& [text, range] : wholeLiteralStrings(var.default_attr->expr)) {
      Candidate c;
      c.at = {var.default_attr->file->source, range};
      c.attribute_path = "default";
      if (var.sensitive) {
        if (isPlaceholderValue(text)) continue;
        c.priority = 1;
        c.message = fmt::format("hard-coded default {} of sensitive variable `{}`", maskSecret(text), var.name);
      } else {
        std::optional<std::string> kind = secretKindForName(var.name, text);
        if (!kind) continue;
        c.priority = 2;
        c.message = fmt::format("hard-coded {} {} in the default of variable `{}`", *kind, maskSecret(text), var.name);
      }
      add(std::move(c));
    }
  }

  void envFile(const EnvFileView& env) {
    if (env.file == nullptr) return;
    for (const loader::EnvFileEntry& e : env.entries) {
      if (e.dynamic || e.value.empty()) continue;
      Location value_at{env.file, e.value_range};
      for (const SecretHit& hit : findSecrets(e.value, &extra_, false)) {
        std::string_view secret = std::string_view(e.value).substr(hit.begin, hit.end - hit.begin);
        Candidate c;
        c.at = {env.file, locateInSource(*env.file, e.value_range, secret)};
        c.priority = 0;
        c.message = fmt::format("{} {} in env file entry `{}`", hit.kind, maskSecret(secret), e.name);
        c.attribute_path = e.name;
        add(std::move(c));
      }
      if (e.is_tf_var && !isPlaceholderValue(e.value)) {
        auto it = sensitive_vars_.find(std::string(e.tf_var()));
        if (it != sensitive_vars_.end()) {
          Candidate c;
          c.at = value_at;
          c.priority = 1;
          c.message = fmt::format("value {} of sensitive variable `{}` in env file entry `{}`", maskSecret(e.value),
                                  it->first, e.name);
          c.attribute_path = e.name;
          c.related.push_back({it->second, "declared sensitive here"});
          add(std::move(c));
          continue;
        }
      }
      if (std::optional<std::string> kind = secretKindForName(e.name, e.value)) {
        Candidate c;
        c.at = value_at;
        c.priority = 2;
        c.message = fmt::format("hard-coded {} {} in env file entry `{}`", *kind, maskSecret(e.value), e.name);
        c.attribute_path = e.name;
        add(std::move(c));
      }
    }
  }

  /// Reports the candidates: where two overlap in a file, the most specific.
  void report(ProjectContext& ctx) {
    std::stable_sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(a.at.file->path(), a.priority, a.at.range.begin) <
             std::tie(b.at.file->path(), b.priority, b.at.range.begin);
    });
    auto end = [](const Candidate& c) { return std::max(c.at.range.end, c.at.range.begin + 1); };
    std::vector<const Candidate*> kept;
    size_t file_start = 0;  // the first kept candidate of the current file
    for (const Candidate& c : candidates_) {
      if (file_start < kept.size() && kept[file_start]->at.file->path() != c.at.file->path()) file_start = kept.size();
      bool overlaps =
          std::any_of(kept.begin() + static_cast<std::ptrdiff_t>(file_start), kept.end(),
                      [&](const Candidate* k) { return c.at.range.begin < end(*k) && k->at.range.begin < end(c); });
      if (!overlaps) kept.push_back(&c);
    }
    for (const Candidate* c : kept) {
      RuleFinding f;
      f.message = c->message;
      f.detail = std::string(kDetail);
      f.at = c->at;
      f.at.secret = true;  // the located text is the secret itself
      f.resource = c->resource;
      f.attribute_path = c->attribute_path;
      f.related = c->related;
      ctx.report(std::move(f));
    }
  }

 private:
  void add(Candidate c) {
    if (c.at.file == nullptr) return;
    candidates_.push_back(std::move(c));
  }

  Candidate at(ByteRange range, int priority) const {
    Candidate c;
    Where w = whereOf(path_, vars_file_);
    c.at = {file_->source, range};
    c.priority = priority;
    c.resource = w.resource;
    c.attribute_path = w.attribute_path;
    return c;
  }

  /// The user data of EC2 instances and launch templates: user-data-secret's.
  bool inUserData() const {
    return !vars_file_ && path_.size() >= 4 && path_[0] == "resource" &&
           (path_[1] == "aws_instance" || path_[1] == "aws_launch_template" ||
            path_[1] == "aws_launch_configuration") &&
           (path_[3] == "user_data" || path_[3] == "user_data_base64");
  }

  void body(const syntax::Body& b, int depth) {
    if (depth > 64) return;
    std::optional<std::string> name_value, value_value;
    const syntax::Attribute* value_attr = nullptr;
    const syntax::Attribute* name_attr = nullptr;
    for (const syntax::BodyItem* item : b.items) {
      if (item == nullptr) continue;
      if (item->kind == syntax::BodyItemKind::kAttribute) {
        const auto* a = static_cast<const syntax::Attribute*>(item);
        if (a->name == "name") name_attr = a;
        if (a->name == "value") value_attr = a;
        attribute(*a);
        continue;
      }
      const auto* blk = static_cast<const syntax::Block*>(item);
      size_t size = path_.size();
      path_.emplace_back(blk->type);
      for (const syntax::BlockLabel& l : blk->labels) path_.emplace_back(l.value);
      if (blk->body != nullptr) body(*blk->body, depth + 1);
      path_.resize(size);
    }
    if (name_attr != nullptr && value_attr != nullptr) nameValuePair(name_attr->expr, value_attr->expr);
    // An SSM parameter of type SecureString holds a secret whatever its name.
    if (path_.size() == 3 && path_[0] == "resource" && path_[1] == "aws_ssm_parameter" && value_attr != nullptr) {
      for (const syntax::BodyItem* item : b.items) {
        if (item == nullptr || item->kind != syntax::BodyItemKind::kAttribute) continue;
        const auto* a = static_cast<const syntax::Attribute*>(item);
        if (a->name != "type" || a->expr == nullptr || literalString(*a->expr) != "SecureString") continue;
        std::optional<std::string> v = value_attr->expr ? literalString(*value_attr->expr) : std::nullopt;
        if (!v || isPlaceholderValue(*v)) continue;
        path_.emplace_back("value");
        Candidate c = at(value_attr->expr->range, 2);
        c.message = fmt::format("hard-coded value {} of SecureString parameter {}", maskSecret(*v),
                                whereOf(path_, false).resource);
        path_.pop_back();
        add(std::move(c));
      }
    }
  }

  void attribute(const syntax::Attribute& a) {
    if (a.expr == nullptr) return;
    path_.emplace_back(a.name);
    if (vars_file_ && path_.size() == 1) {
      auto it = sensitive_vars_.find(std::string(a.name));
      if (it != sensitive_vars_.end()) {
        for (const auto& [text, range] : wholeLiteralStrings(a.expr)) {
          if (isPlaceholderValue(text)) continue;
          Candidate c = at(range, 1);
          c.message = fmt::format("value {} of sensitive variable `{}` written in {}", maskSecret(text), a.name,
                                  file_->source->path());
          c.related.push_back({it->second, "declared sensitive here"});
          add(std::move(c));
        }
      }
    }
    named(a.name, *a.expr);
    expr(*a.expr, 0);
    path_.pop_back();
  }

  /// A literal string given to a secret-looking name.
  void named(std::string_view name, const syntax::Expr& value) {
    std::optional<std::string> text = literalString(value);
    if (!text) return;
    std::optional<std::string> kind = secretKindForName(name, *text);
    if (!kind) return;
    Candidate c = at(value.range, 2);
    c.message = fmt::format("hard-coded {} {} in {}", *kind, maskSecret(*text), whereOf(path_, vars_file_).text);
    add(std::move(c));
  }

  /// { name = "DB_PASSWORD", value = "..." } (container definitions, env blocks).
  void nameValuePair(const syntax::Expr* name_expr, const syntax::Expr* value_expr) {
    if (name_expr == nullptr || value_expr == nullptr) return;
    std::optional<std::string> name = literalString(*name_expr);
    std::optional<std::string> value = literalString(*value_expr);
    if (!name || !value) return;
    std::optional<std::string> kind = secretKindForName(*name, *value);
    if (!kind) return;
    Candidate c = at(value_expr->range, 2);
    c.message = fmt::format("hard-coded {} {} in the value of `{}` in {}", *kind, maskSecret(*value), *name,
                            whereOf(path_, vars_file_).text);
    add(std::move(c));
  }

  void expr(const syntax::Expr& e, int depth) {
    if (depth > 64) return;
    if (e.kind == ExprKind::kObject) {
      const syntax::Expr* name_expr = nullptr;
      const syntax::Expr* value_expr = nullptr;
      for (const syntax::ObjectItem& item : syntax::as<syntax::ObjectExpr>(e).items) {
        std::string key = keyName(item.key);
        if (key == "name") name_expr = item.value;
        if (key == "value") value_expr = item.value;
        if (key.empty()) {
          if (item.key != nullptr) expr(*item.key, depth + 1);
          if (item.value != nullptr) expr(*item.value, depth + 1);
          continue;
        }
        if (item.value == nullptr) continue;
        path_.push_back(key);
        named(key, *item.value);
        expr(*item.value, depth + 1);
        path_.pop_back();
      }
      nameValuePair(name_expr, value_expr);
      return;
    }
    if (e.kind == ExprKind::kTuple) {
      for (const syntax::Expr* item : syntax::as<syntax::TupleExpr>(e).items)
        if (item != nullptr) expr(*item, depth + 1);
      return;
    }
    if (e.kind == ExprKind::kParens) {
      if (const syntax::Expr* inner = syntax::as<syntax::ParensExpr>(e).inner) expr(*inner, depth + 1);
      return;
    }
    if (e.kind == ExprKind::kCall) {
      // jsonencode({ password = "..." }), merge(...), ...: the objects inside keep their names.
      for (const syntax::Expr* a : syntax::as<syntax::CallExpr>(e).args)
        if (a != nullptr) expr(*a, depth + 1);
      return;
    }
    if (e.kind == ExprKind::kConditional) {
      const auto& c = syntax::as<syntax::ConditionalExpr>(e);
      for (const syntax::Expr* x : {c.cond, c.if_true, c.if_false})
        if (x != nullptr) expr(*x, depth + 1);
      return;
    }
    if (inUserData()) return;
    // Prose (descriptions) mentions secrets; `name: value` in it is not an assignment.
    bool prose = !path_.empty() && path_.back() == "description";
    for (const LiteralText& lit : literalTexts(e)) {
      for (const SecretHit& hit : findSecrets(lit.text, &extra_, lit.heredoc && !prose)) {
        std::string_view secret = lit.text.substr(hit.begin, hit.end - hit.begin);
        Candidate c = at(locateInSource(*file_->source, lit.range, secret), hit.name.empty() ? 0 : 2);
        Where w = whereOf(path_, vars_file_);
        c.message = hit.name.empty()
                        ? fmt::format("{} {} in {}", hit.kind, maskSecret(secret), w.text)
                        : fmt::format("hard-coded {} {} assigned to `{}` in {}", hit.kind, maskSecret(secret), hit.name,
                                      w.text);
        add(std::move(c));
      }
    }
  }

  const ExtraSecretPatterns& extra_;
  const std::map<std::string, Location>& sensitive_vars_;
  const syntax::ParsedFile* file_ = nullptr;
  bool vars_file_ = false;
  std::vector<std::string> path_;
  std::vector<Candidate> candidates_;
};

class HardcodedSecretRule final : public Rule {
 public:
  HardcodedSecretRule() {
    meta_.id = "hardcoded-secret";
    meta_.default_severity = Severity::kError;
    meta_.summary = "secrets must not be written into .tf, .tfvars or env files";
    meta_.description =
        "## What fails\n\n"
        "A secret written literally in a `.tf`, `.tf.json`, `.tfvars`, `.tfvars.json` or backend configuration "
        "file of the scan, or in the shell env file of an environment. A value is a secret when:\n\n"
        "- its text has a well-known secret format, anywhere in a string (also in heredocs and inside "
        "`jsonencode(...)`): AWS access key ids (`AKIA`/`ASIA` + 16 characters), AWS secret access keys (40 "
        "base64 characters after a name like `aws_secret_access_key` or `secret_key`), private keys "
        "(`-----BEGIN ... PRIVATE KEY-----` with a body), GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, "
        "`ghr_`, `github_pat_`), Slack tokens (`xoxb-`, `xoxa-`, `xoxp-`, `xoxr-`, `xoxs-`) and webhook URLs, "
        "Stripe live keys (`sk_live_`, `rk_live_`), Google API keys (`AIza...`), passwords in URLs "
        "(`postgres://user:password@host`), or a match of one of the rule's `secret_patterns` (RE2 syntax; "
        "with a capturing group, the first group is the secret);\n"
        "- it is set in a tfvars or env file (`TF_VAR_name`) for a variable that a root module declares "
        "`sensitive = true`, or it is the literal `default` of such a variable;\n"
        "- it is a literal string given to a name that says it holds a secret: the name's words (split at "
        "`_`, `-`, `.` and camelCase) include password, passwd, passphrase, pass, secret, token, apikey or "
        "api key, private key, access key, secret key or signing key — an attribute (`password = \"...\"`), "
        "an object key (`environment = { DB_PASSWORD = \"...\" }`), a variable's `default`, a tfvars entry, "
        "an env file entry, or the `value` next to such a `name` (`{ name = \"DB_PASSWORD\", value = \"...\" "
        "}` in container definitions, `env { name = ... value = ... }`); also the literal `value` of an "
        "`aws_ssm_parameter` of type `SecureString`. In heredocs, `NAME=value`, `name: value` and "
        "`--name value` lines count too.\n\n"
        "Not reported:\n\n"
        "- anything computed: references (`password = var.db_password`), function calls "
        "(`random_password.db.result`, `file(...)`), interpolations;\n"
        "- names about a secret rather than the secret itself, whose last word is id, arn, name, length, "
        "ttl, type, version, policy, path, file, url, endpoint, enabled, count, rotation and the like "
        "(`secret_arn`, `password_length`, `kms_key_id`), and names with the word `public`;\n"
        "- for secret-looking names and sensitive variables, placeholders: empty or blank strings, one "
        "character repeated (`xxxxxxxx`), `changeme`, `change-me`, `change_me`, `changeit`, `replaceme`, "
        "`replace_me`, `placeholder` (anywhere in the value), exactly `todo`, `tbd`, `fixme`, `dummy`, "
        "`example`, `redacted`, `none`, `null`, `nil`, `undefined`, `unset`, `n/a`, `-`, `true`, `false`, "
        "values written as `<...>`, `{{...}}`, `${...}` or starting with `your-`/`your_`, shell expansions "
        "(`$DB_PASSWORD`), and ARNs (`arn:...`, a reference to a secret store); numbers and bools;\n"
        "- for secret-looking names only (not for token formats such as `AKIA...`), values that do not look "
        "like a secret: secret store paths and names (`/prod/db/password`, "
        "`projects/1/secrets/x/versions/latest`), identifier-like constants (`NO_TOKEN`), the name itself "
        "(`client_secret = \"client_secret\"`), text with spaces (`rate(15 days)`), values starting with "
        "`mock`, `fake`, `dummy`, `sample`, `example` or `test`, and single lower-case words shorter than 16 "
        "characters (`tailscale`, `minutes`: names of Kubernetes secrets, units) — except for password names, "
        "where a plain word or a phrase (`postgres`, `Some password`) is a weak password and is reported. On 52 "
        "public repositories these were most of the rule's false positives;\n"
        "- `name: value` text inside a `description` (prose about a secret, not an assignment);\n"
        "- env file values that depend on the environment (`$(cmd)`, `$OTHER_VAR`);\n"
        "- text inside the `user_data` / `user_data_base64` of `aws_instance`, `aws_launch_template` and "
        "`aws_launch_configuration`: `user-data-secret` reports secrets there, as each environment renders "
        "them;\n"
        "- files under `.terraform/` (installed modules).\n\n"
        "Findings show the secret masked (its first 4 characters only when it is 16 characters or longer, "
        "and its length), never in full.\n\n"
        "## Why\n\n"
        "A secret in a repository is read by everyone who can read the repository — every developer, CI "
        "system, fork and backup — and stays in its history after the line is removed. AWS access keys "
        "pushed to a public repository are found and abused by automated scanners within minutes (AWS even "
        "runs its own scanner and quarantines such keys); private repositories leak through clones, logs and "
        "compromised CI. Rotate a secret that was committed, and pass secrets in at plan time instead: a "
        "variable declared `sensitive = true` set from `TF_VAR_...` in the pipeline, a secret store read "
        "through a data source, or a generated value (`random_password`, `manage_master_user_password`).";
    meta_.bad_example = R"(provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "app"
  password = "Sup3r-S3cret-Passw0rd"
}
)";
    meta_.good_example = R"(provider "aws" {
  region = "eu-west-1" # credentials from the environment or an instance role
}

resource "random_password" "db" {
  length = 32
}

resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "app"
  password = random_password.db.result
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"security"};
    meta_.security_severity = "9.0";
    meta_.params = {kSecretPatternsParam};
    meta_.why_cpp =
        "It reads literal text, names and declarations across every file of the scan, including tfvars and "
        "env files that policies never see, with patterns compiled once per run.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    std::shared_ptr<const ExtraSecretPatterns> extra = extraSecretPatterns(ctx.param("secret_patterns"));
    for (const ExtraSecretPatterns::Invalid& invalid : extra->invalid()) {
      RuleFinding f;
      f.message = invalidPatternMessage(invalid);
      f.detail = "Fix the pattern in the rule's secret_patterns in .tfguard.hcl (RE2 syntax).";
      ctx.report(std::move(f));
    }
    // Variables declared sensitive in a root module: what tfvars and env files set.
    std::map<std::string, Location> sensitive_vars;
    std::vector<const model::Module*> modules = ctx.modules();
    for (const model::Module* m : modules) {
      if (m == nullptr || insideDotTerraform(m->dir) || !ctx.isRootModule(*m)) continue;
      for (const model::Variable& v : m->variables)
        if (v.sensitive) sensitive_vars.emplace(std::string(v.name), v.decl.location());
    }
    Scan scan(*extra, sensitive_vars);
    for (const syntax::ParsedFile* file : ctx.parsedFiles()) {
      if (file == nullptr || file->source == nullptr || file->syntax == syntax::FileSyntax::kTemplate) continue;
      if (insideDotTerraform(file->source->path())) continue;
      scan.file(*file);
    }
    for (const model::Module* m : modules) {
      if (m == nullptr || insideDotTerraform(m->dir)) continue;
      for (const model::Variable& v : m->variables) scan.variableDefault(v);
    }
    for (const EnvFileView& env : ctx.envFiles()) scan.envFile(env);
    scan.report(ctx);
  }

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeHardcodedSecretRule() { return std::make_unique<HardcodedSecretRule>(); }

}  // namespace tfguard::rules
