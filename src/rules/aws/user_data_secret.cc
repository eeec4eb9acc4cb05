// user-data-secret: secrets in the user data of EC2 instances, launch
// templates and launch configurations (SPEC §6), read as each environment
// renders it (templatefile with the environment's values, base64 decoded:
// rule_helpers' userDataOf). A secret is a well-known token format or an
// assignment to a secret-looking name in the script (secrets.h), a match of
// the rule's `secret_patterns`, or the value of a sensitive variable that
// the rendering put there. User data known only at apply is not guessed
// at; its literal parts (a heredoc around one unknown reference) are still
// read.
#include <fmt/format.h>

#include <algorithm>

#include "rules/registry.h"
#include "rules/rule_helpers.h"
#include "rules/secrets.h"

namespace tfguard::rules {
namespace {

using eval::Value;

constexpr std::string_view kWhy =
    "User data is not secret: anyone allowed ec2:DescribeInstanceAttribute (or "
    "ec2:DescribeLaunchTemplateVersions) can read it, and every process on the instance can fetch it from the "
    "instance metadata service (http://169.254.169.254/latest/user-data). Fetch the secret at boot from SSM "
    "Parameter Store or Secrets Manager with the instance role instead, and rotate this one.";

/// The known strings inside a value (a string, or the strings of a collection).
void stringLeaves(const Value& v, std::vector<std::string>& out, int depth = 0) {
  if (depth > 16 || !v.isKnown() || v.isNull()) return;
  if (v.type().kind() == eval::TypeKind::kString) {
    out.push_back(v.asString());
    return;
  }
  for (const Value& e : v.elements()) stringLeaves(e, out, depth + 1);
  for (const auto& [k, e] : v.attributes()) stringLeaves(e, out, depth + 1);
}

/// 1-based line of `offset` in `text`.
size_t lineAt(std::string_view text, size_t offset) {
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

class UserDataSecretRule final : public Rule {
 public:
  UserDataSecretRule() {
    meta_.id = "user-data-secret";
    meta_.default_severity = Severity::kError;
    meta_.summary = "EC2 user data must not contain secrets";
    meta_.description =
        "## What fails\n\n"
        "A secret in the user data of an `aws_instance` (`user_data`, `user_data_base64`), an "
        "`aws_launch_template` (`user_data`, base64) or an `aws_launch_configuration`, as each environment "
        "renders it: `templatefile(...)` with the environment's variable values, `base64encode(...)` and "
        "`user_data_base64` decoded. A secret is:\n\n"
        "- a well-known secret format anywhere in the script: AWS access key ids (`AKIA`/`ASIA` + 16), AWS "
        "secret access keys (40 base64 characters after a name like `AWS_SECRET_ACCESS_KEY`), private keys "
        "(`-----BEGIN ... PRIVATE KEY-----` with a body), GitHub, Slack, Stripe live and Google API tokens, "
        "passwords in URLs (`mysql://app:password@db`), or a match of one of the rule's `secret_patterns`;\n"
        "- a value given to a secret-looking name (password, passwd, passphrase, pass, secret, token, api key, "
        "private key, access key...): `DB_PASSWORD=...`, `export API_TOKEN=\"...\"`, `password: ...` "
        "(cloud-config, YAML), `\"password\": \"...\"`, `--password ...`, `docker login -p ...`;\n"
        "- the value of a sensitive variable (`sensitive = true`, or marked with `sensitive()`) that the "
        "rendering put into the user data; when the rule cannot tell which part is sensitive, the finding "
        "says that a sensitive value is rendered there.\n\n"
        "Not reported: values that are shell expansions or command substitutions (`DB_PASSWORD=$(aws "
        "secretsmanager get-secret-value ...)`, `$TOKEN`, `${password}` left for the shell), placeholders "
        "(`changeme`, `<password>`, `xxxxxxxx`... as hardcoded-secret lists them), values made of digits only "
        "(ports, TTLs), names whose last word says they are about a secret rather than the secret (`SECRET_ID`, "
        "`PASSWORD_FILE`, `--password-stdin`, `TOKEN_TTL`). User data known only at apply (it depends on a "
        "resource attribute) is not guessed at: only its literal text is read. Gzip-compressed or binary user "
        "data is not read.\n\n"
        "A finding points at the secret where it is written in the `user_data` expression (a heredoc line, "
        "a templatefile argument), else at the attribute, with where the value was set (a tfvars line) as a "
        "related location. The secret is shown masked, never in full.\n\n"
        "## Why\n\n"
        "User data is not a secret store. Anyone allowed `ec2:DescribeInstanceAttribute` or "
        "`ec2:DescribeLaunchTemplateVersions` — read-only roles, auditors, many third-party tools — can read "
        "it in clear text, and every process on the instance (including a compromised web application through "
        "SSRF) can fetch it from the instance metadata service at `http://169.254.169.254/latest/user-data`. "
        "It also ends up in the Terraform state and plan output. Fetch secrets at boot from SSM Parameter "
        "Store or Secrets Manager using the instance role, so that only the instance can read them and they "
        "can be rotated without replacing it.";
    meta_.bad_example = R"hcl(resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export DB_PASSWORD='Sup3r-S3cret-Passw0rd'
    docker run -d --restart unless-stopped -e DB_PASSWORD ghcr.io/example/app:1.4
  EOT
}
)hcl";
    meta_.good_example = R"hcl(resource "aws_instance" "web" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.web.name
  user_data            = <<-EOT
    #!/bin/bash
    export DB_PASSWORD="$(aws ssm get-parameter --name /web/db-password --with-decryption \
      --query Parameter.Value --output text)"
    docker run -d --restart unless-stopped -e DB_PASSWORD ghcr.io/example/app:1.4
  EOT
}
)hcl";
    meta_.resource_types = {"aws_instance", "aws_launch_template", "aws_launch_configuration"};
    meta_.tags = {"security"};
    meta_.security_severity = "9.0";
    meta_.params = {kSecretPatternsParam};
    meta_.why_cpp =
        "It reads the rendered script text (templatefile, base64) with token patterns compiled once, and "
        "matches the environment's sensitive variable values against it, which a policy expression cannot.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkInstance(const eval::ResourceInstance& instance, RuleContext& ctx) const override {
    std::vector<UserDataText> user_data = userDataOf(instance);
    if (user_data.empty()) return;
    std::shared_ptr<const ExtraSecretPatterns> extra = extraSecretPatterns(ctx.param("secret_patterns"));
    // Reported with every instance checked; the engine keeps one per environment.
    for (const ExtraSecretPatterns::Invalid& invalid : extra->invalid()) {
      RuleFinding f;
      f.message = invalidPatternMessage(invalid);
      f.detail = "Fix the pattern in the rule's secret_patterns in .tfguard.hcl (RE2 syntax).";
      ctx.report(std::move(f));
    }
    for (const UserDataText& ud : user_data) {
      if (ud.state == UserDataText::State::kText) {
        checkText(instance, ud, *extra, ctx);
      } else if (ud.state == UserDataText::State::kUnknown) {
        checkLiteralParts(instance, *ud.attr, *extra, ctx);
      }
    }
  }

 private:
  struct SensitiveHit {
    std::string variable;
    std::string secret;
    size_t begin = 0;
    size_t end = 0;
    const Value* value = nullptr;
  };

  /// Where the secret is written in the attribute's expression, else the attribute.
  static Location placeOf(const eval::EvaluatedAttr& attr, std::string_view secret) {
    if (attr.file == nullptr || attr.file->source == nullptr) return locationOf(attr);
    ByteRange r = locateInSource(*attr.file->source, attr.expr_range, secret);
    if (r == attr.expr_range) return locationOf(attr);
    return {attr.file->source, r};
  }

  /// Where a secret that the rendering put into the user data was set: the
  /// provenance of the module's variables whose value holds it; none when it
  /// is written in the template or the expression itself.
  static std::vector<RelatedLocation> provenanceOfSecret(const eval::ResourceInstance& instance,
                                                         std::string_view secret, RuleContext& ctx) {
    std::vector<RelatedLocation> out;
    const eval::ModuleInstance* m = ctx.moduleOf(instance);
    if (m == nullptr) return out;
    for (const eval::VariableValue& v : m->variables) {
      std::vector<std::string> leaves;
      stringLeaves(v.value, leaves);
      if (std::any_of(leaves.begin(), leaves.end(),
                      [&](const std::string& s) { return s.find(secret) != std::string::npos; }))
        appendRelated(out, ctx.provenanceOf(v.value));
    }
    return out;
  }

  static RuleFinding finding(const eval::ResourceInstance& instance, const eval::EvaluatedAttr& attr) {
    RuleFinding f;
    f.resource = instance.address;
    f.attribute_path = attr.name;
    return f;
  }

  static std::string hitMessage(const SecretHit& hit, std::string_view secret, const eval::ResourceInstance& instance) {
    if (hit.name.empty())
      return fmt::format("{} {} in user data of {}", hit.kind, maskSecret(secret), instance.address);
    return fmt::format("{} {} assigned to `{}` in user data of {}", hit.kind, maskSecret(secret), hit.name,
                       instance.address);
  }

  void checkText(const eval::ResourceInstance& instance, const UserDataText& ud, const ExtraSecretPatterns& extra,
                 RuleContext& ctx) const {
    const eval::EvaluatedAttr& attr = *ud.attr;
    const std::string& text = ud.text;
    std::vector<SecretHit> hits = findSecrets(text, &extra, true);

    // Sensitive variables of the instance's module whose value the rendering put here.
    std::vector<SensitiveHit> sensitive;
    if (ud.sensitive) {
      if (const eval::ModuleInstance* m = ctx.moduleOf(instance)) {
        for (const eval::VariableValue& v : m->variables) {
          if (!(v.decl != nullptr && v.decl->sensitive) && !anySensitive(v.value)) continue;
          std::vector<std::string> leaves;
          stringLeaves(v.value, leaves);
          for (const std::string& s : leaves) {
            if (s.size() < 4 || isPlaceholderValue(s)) continue;
            size_t pos = text.find(s);
            if (pos == std::string::npos) continue;
            sensitive.push_back({v.name, s, pos, pos + s.size(), &v.value});
            break;
          }
        }
      }
    }
    for (const SensitiveHit& s : sensitive) {
      // A token format the value has names its kind.
      std::string kind = "value";
      for (const SecretHit& h : hits)
        if (h.begin < s.end && s.begin < h.end) kind = h.kind;
      RuleFinding f = finding(instance, attr);
      f.message = fmt::format("sensitive variable `{}` ({}{}) is rendered into user data of {}", s.variable,
                              kind == "value" ? "" : kind + " ", maskSecret(s.secret), instance.address);
      f.detail = fmt::format("Line {} of the rendered {}. The variable is sensitive, but {}", lineAt(text, s.begin),
                             attr.name, lowerFirst(kWhy));
      f.at = locationOf(attr);
      appendRelated(f.related, ctx.provenanceOf(*s.value));
      f.at.secret = true;  // the located text holds the secret
      ctx.report(std::move(f));
    }
    if (ud.sensitive && sensitive.empty()) {
      RuleFinding f = finding(instance, attr);
      f.message = fmt::format("a sensitive value is rendered into user data of {}", instance.address);
      f.detail = fmt::format("The rendered {} contains a value marked sensitive (a sensitive variable, or "
                             "sensitive()). {}",
                             attr.name, kWhy);
      f.at = locationOf(attr);
      appendRelated(f.related, ctx.provenanceOf(attr.value));
      f.at.secret = true;  // the located text holds the secret
      ctx.report(std::move(f));
    }
    for (const SecretHit& hit : hits) {
      bool covered = std::any_of(sensitive.begin(), sensitive.end(),
                                 [&](const SensitiveHit& s) { return hit.begin < s.end && s.begin < hit.end; });
      if (covered) continue;
      std::string_view secret = std::string_view(text).substr(hit.begin, hit.end - hit.begin);
      RuleFinding f = finding(instance, attr);
      f.message = hitMessage(hit, secret, instance);
      f.detail = fmt::format("Line {} of the rendered {}. {}", lineAt(text, hit.begin), attr.name, kWhy);
      f.at = placeOf(attr, secret);
      f.related = provenanceOfSecret(instance, secret, ctx);
      f.at.secret = true;  // the located text holds the secret
      ctx.report(std::move(f));
    }
  }

  /// User data known only at apply: the literal text written in its expression.
  void checkLiteralParts(const eval::ResourceInstance& instance, const eval::EvaluatedAttr& attr,
                         const ExtraSecretPatterns& extra, RuleContext& ctx) const {
    if (instance.decl == nullptr || attr.file == nullptr || attr.file->source == nullptr) return;
    const model::Attr* decl = instance.decl->content.attr(attr.name);
    if (decl == nullptr || decl->expr == nullptr || decl->file != attr.file) return;
    for (const LiteralText& lit : literalTexts(*decl->expr)) {
      for (const SecretHit& hit : findSecrets(lit.text, &extra, true)) {
        std::string_view secret = lit.text.substr(hit.begin, hit.end - hit.begin);
        RuleFinding f = finding(instance, attr);
        f.message = hitMessage(hit, secret, instance);
        f.detail = fmt::format("The {} is known only at apply, but this part of it is written here. {}", attr.name,
                               kWhy);
        f.at = {attr.file->source, locateInSource(*attr.file->source, lit.range, secret)};
        f.at.secret = true;  // the located text holds the secret
        ctx.report(std::move(f));
      }
    }
  }

  static std::string lowerFirst(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
  }

  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeUserDataSecretRule() { return std::make_unique<UserDataSecretRule>(); }

}  // namespace tfguard::rules
