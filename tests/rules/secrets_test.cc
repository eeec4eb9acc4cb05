// Secret recognition (rules/secrets.h) and the three rules built on it:
// hardcoded-secret, user-data-secret, state-file-in-repo. The fixtures'
// finding lines are checked by rule_fixtures_test.cc; here: what the
// findings say, that no secret is ever printed in full, and the pieces.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "engine/engine.h"
#include "report/report.h"
#include "rules/registry.h"
#include "rules/secrets.h"
#include "settings/settings.h"

namespace tfguard::rules {
namespace {

namespace fs = std::filesystem;

// ---- Masking ------------------------------------------------------------------------

TEST(Secrets, MaskNeverShowsMuch) {
  EXPECT_EQ(maskSecret(""), "****");
  EXPECT_EQ(maskSecret("hunter2"), "****");
  EXPECT_EQ(maskSecret("12345678"), "****");
  EXPECT_EQ(maskSecret("123456789"), "****(9 chars)");
  EXPECT_EQ(maskSecret("Sup3r-S3cret-Pa"), "****(15 chars)");
  EXPECT_EQ(maskSecret("AKIAIOSFODNN7EXAMPLE"), "AKIA…(20 chars)");
  EXPECT_EQ(maskSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "wJal…(40 chars)");
  // Characters, not bytes; control characters are not printed.
  EXPECT_EQ(maskSecret("ééééééééééééééééé"), "éééé…(17 chars)");
  EXPECT_EQ(maskSecret("\n\t-----BEGIN RSA PRIVATE KEY-----"), "?\?--…(33 chars)");
}

// ---- Names and placeholders ------------------------------------------------------------

TEST(Secrets, SecretNames) {
  for (std::string_view n : {"password", "db_password", "DB_PASSWORD", "dbPassword", "passwd", "master_pass",
                             "secret", "client_secret", "secret_string", "token", "GITHUB_TOKEN", "api_key", "apiKey",
                             "APIKey", "apikey", "private_key", "private_key_pem", "access_key", "secret_key",
                             "AWS_SECRET_ACCESS_KEY", "signing_key", "password_wo", "TF_VAR_db_password",
                             "--db-password", "X-aws-ec2-metadata-token"})
    EXPECT_TRUE(isSecretName(n)) << n;
  for (std::string_view n : {"", "name", "secret_arn", "secret_id", "SECRET_NAME", "password_length",
                             "password_reset_required", "token_ttl", "TOKEN_TTL", "kms_key_id", "access_key_id",
                             "AWS_ACCESS_KEY_ID", "public_key", "PUBLIC_TOKEN", "PASSWORD_FILE", "password-stdin",
                             "secret_version", "bypass", "chpasswd", "tokenizer", "secrets_manager_arn",
                             "X-aws-ec2-metadata-token-ttl-seconds", "key", "monkey"})
    EXPECT_FALSE(isSecretName(n)) << n;
}

TEST(Secrets, Placeholders) {
  for (std::string_view v : {"", "   ", "changeme", "CHANGE_ME", "change-me-please", "replace_me", "REPLACE-ME",
                             "placeholder", "TODO", "tbd", "dummy", "example", "none", "null", "n/a", "-", "true",
                             "xxxxxxxx", "********", "<password>", "<your api key>", "{{ db_password }}",
                             "${DB_PASSWORD}", "$DB_PASSWORD", "$(cat /run/secret)", "your-api-key",
                             "YOUR_TOKEN_HERE"})
    EXPECT_TRUE(isPlaceholderValue(v)) << v;
  for (std::string_view v : {"hunter2", "password", "Sup3r-S3cret", "AKIAIOSFODNN7EXAMPLE", "yourself123",
                             "pa$$word"})
    EXPECT_FALSE(isPlaceholderValue(v)) << v;
}

TEST(Secrets, KindForName) {
  EXPECT_EQ(secretKindForName("db_password", "hunter2"), "password");
  EXPECT_EQ(secretKindForName("GITHUB_TOKEN", "abc123"), "token");
  EXPECT_EQ(secretKindForName("apiKey", "abc123"), "API key");
  EXPECT_EQ(secretKindForName("private_key_pem", "abc123"), "private key");
  EXPECT_EQ(secretKindForName("client_secret", "s3cr3t-Value"), "secret");
  EXPECT_EQ(secretKindForName("secret_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "AWS secret access key");
  EXPECT_EQ(secretKindForName("secret_key", "short1"), "secret key");
  EXPECT_EQ(secretKindForName("postgres_password", "stage-only-password"), "password");
  // Not secrets, though their names say secret (false positives on public repositories).
  EXPECT_EQ(secretKindForName("kube_secret", "tailscale"), std::nullopt);           // a short single word: a name
  EXPECT_EQ(secretKindForName("github_token", "NO_TOKEN"), std::nullopt);           // an identifier-like constant
  EXPECT_EQ(secretKindForName("client_secret", "client_secret"), std::nullopt);     // the name itself
  EXPECT_EQ(secretKindForName("db_password", "/prod/db/password"), std::nullopt);   // a secret store path
  EXPECT_EQ(secretKindForName("SLACK_SIGNING_SECRET", "projects/123456789/secrets/slack-signing/versions/latest"),
            std::nullopt);
  EXPECT_EQ(secretKindForName("access_key", "mock_access_key"), std::nullopt);      // a mock value
  EXPECT_EQ(secretKindForName("secret_rotation_interval", "2m"), std::nullopt);     // about a secret
  EXPECT_EQ(secretKindForName("signing_secret", "projects/1/secrets/SlackSigningSecret/versions/latest"), std::nullopt);
  EXPECT_EQ(secretKindForName("api_key", "/grafana/%s/api_key"), std::nullopt);
  // Weak passwords are passwords: single words and phrases count for password names.
  EXPECT_EQ(secretKindForName("db_password", "postgres"), "password");
  EXPECT_EQ(secretKindForName("DB_PASSWORD", "Some password"), "password");
  EXPECT_EQ(secretKindForName("password", ""), std::nullopt);
  EXPECT_EQ(secretKindForName("password", "changeme"), std::nullopt);
  EXPECT_EQ(secretKindForName("password", "arn:aws:secretsmanager:eu-west-1:1:secret:x"), std::nullopt);
  EXPECT_EQ(secretKindForName("region", "eu-west-1"), std::nullopt);
}

// ---- Finding secrets in text ------------------------------------------------------------

/// "kind=secret" for every hit.
std::vector<std::string> hits(std::string_view text, bool assignments = true,
                              const ExtraSecretPatterns* extra = nullptr) {
  std::vector<std::string> out;
  for (const SecretHit& h : findSecrets(text, extra, assignments))
    out.push_back(h.kind + "=" + std::string(text.substr(h.begin, h.end - h.begin)));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Secrets, TokenFormats) {
  EXPECT_EQ(hits("key AKIAIOSFODNN7EXAMPLE here"), Strings{"AWS access key id=AKIAIOSFODNN7EXAMPLE"});
  EXPECT_EQ(hits("ASIAIOSFODNN7EXAMPLE"), Strings{"AWS access key id=ASIAIOSFODNN7EXAMPLE"});
  EXPECT_TRUE(hits("XAKIAIOSFODNN7EXAMPLE1").empty());   // part of a longer word
  EXPECT_TRUE(hits("AKIAXXXXXXXXXXXXXXXX").empty());     // a filler
  EXPECT_EQ(hits("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n", false),
            Strings{"AWS secret access key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"});
  EXPECT_TRUE(hits("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", false).empty());  // no name: could be anything
  EXPECT_EQ(hits("t=ghp_0123456789abcdefghijABCDEFGHIJ012345;", false),
            Strings{"GitHub token=ghp_0123456789abcdefghijABCDEFGHIJ012345"});
  EXPECT_EQ(hits("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", false).size(), 1u);
  EXPECT_EQ(hits("xoxb-123456789012-abcdefghijkl", false), Strings{"Slack token=xoxb-123456789012-abcdefghijkl"});
  EXPECT_EQ(hits("sk_live_0123456789abcdefABCDEFGH", false),
            Strings{"Stripe live secret key=sk_live_0123456789abcdefABCDEFGH"});
  EXPECT_TRUE(hits("sk_test_0123456789abcdefABCDEFGH", false).empty());
  EXPECT_EQ(hits("AIzaSyA-0123456789abcdefghijklmnopqrstu", false),
            Strings{"Google API key=AIzaSyA-0123456789abcdefghijklmnopqrstu"});
  EXPECT_EQ(hits("postgres://app:s3cret-pw@db:5432/app", false), Strings{"password in a URL=s3cret-pw"});
  EXPECT_TRUE(hits("postgres://app:${DB_PASSWORD}@db/app", false).empty());
  EXPECT_TRUE(hits("https://user@example.com/x", false).empty());
}

TEST(Secrets, PrivateKeys) {
  std::string body = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";
  std::string key = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----";
  auto h = findSecrets("x\n" + key + "\ny", nullptr, false);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].kind, "RSA private key");
  EXPECT_EQ(h[0].begin, 2u);
  EXPECT_EQ(h[0].end, 2u + key.size());
  EXPECT_EQ(hits("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----", false).size(), 1u);
  EXPECT_EQ(findSecrets("-----BEGIN OPENSSH PRIVATE KEY-----\n" + body, nullptr, false).at(0).kind,
            "OPENSSH private key");
  // A header without a key (a grep in a script) is not one.
  EXPECT_TRUE(hits("grep -q 'BEGIN RSA PRIVATE KEY' key.pem && echo -----BEGIN RSA PRIVATE KEY-----", false).empty());
  EXPECT_TRUE(hits("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----", false).empty());
}

TEST(Secrets, Assignments) {
  EXPECT_EQ(hits("DB_PASSWORD=hunter2\n"), Strings{"password=hunter2"});
  EXPECT_EQ(hits("export API_TOKEN=\"abc-123-def\" # c\n"), Strings{"token=abc-123-def"});
  EXPECT_EQ(hits("  password: Cl0ud-Init # c\n"), Strings{"password=Cl0ud-Init"});
  EXPECT_EQ(hits("{\"region\": \"eu\", \"api_key\": \"k3y\"}"), Strings{"API key=k3y"});
  EXPECT_EQ(hits("mysqladmin --password=s3cret-pw status"), Strings{"password=s3cret-pw"});
  EXPECT_EQ(hits("aws secretsmanager put-secret-value --secret-id x --secret-string 'v4lue!'"),
            Strings{"secret=v4lue!"});
  EXPECT_EQ(hits("docker login -u bot -p dckr-pw registry.example.com"), Strings{"password=dckr-pw"});
  // Not secrets: expansions, substitutions, placeholders, numbers, names about secrets.
  EXPECT_TRUE(hits("DB_PASSWORD=$(aws ssm get-parameter --name /x --with-decryption)\n"
                   "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token)\n"
                   "curl -H \"X-aws-ec2-metadata-token: $TOKEN\" -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\"\n"
                   "export SECRET_ID=prod/db PASSWORD_FILE=/run/secrets/db API_KEY=changeme REDIS_PASSWORD=\"\"\n"
                   "PASSWORD=${DB_PASSWORD:-}\nTOKEN_TTL=3600\nPIN_TOKEN=1234\n"
                   "aws ecr get-login-password | docker login --username AWS --password-stdin 1.dkr.ecr\n"
                   "docker login -u AWS -p \"$(aws ecr get-login-password)\" 1.dkr.ecr\n"
                   "echo \"Enter password: \"\n")
                  .empty());
  // Without `assignments` only token formats count.
  EXPECT_TRUE(hits("DB_PASSWORD=hunter2\n", false).empty());
  // A token format wins over the assignment it is in.
  EXPECT_EQ(hits("GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345\n"),
            Strings{"GitHub token=ghp_0123456789abcdefghijABCDEFGHIJ012345"});
  EXPECT_EQ(hits("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"),
            Strings{"AWS secret access key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"});
}

TEST(Secrets, ExtraPatterns) {
  auto none = extraSecretPatterns(std::nullopt);
  ASSERT_NE(none, nullptr);
  EXPECT_TRUE(none->empty());
  auto list = eval::Value::tuple({eval::Value::string("corp-token:(corp_[a-z0-9]{16})"),
                                  eval::Value::string("internal_[A-Z]{8}"), eval::Value::string("(")});
  auto compiled = extraSecretPatterns(list);
  // Compiled once: the same list gives the same patterns.
  EXPECT_EQ(compiled.get(), extraSecretPatterns(list).get());
  ASSERT_EQ(compiled->patterns().size(), 2u);
  ASSERT_EQ(compiled->invalid().size(), 1u);
  EXPECT_EQ(compiled->invalid()[0].pattern, "(");
  EXPECT_NE(invalidPatternMessage(compiled->invalid()[0]).find("invalid secret_patterns entry `(`"),
            std::string::npos);
  EXPECT_EQ(hits("x corp-token:corp_0123456789abcdef y", false, compiled.get()),
            Strings{"secret matching `corp-token:(corp_[a-z0-9]{16})`=corp_0123456789abcdef"});
  EXPECT_EQ(hits("internal_ABCDEFGH", false, compiled.get()),
            Strings{"secret matching `internal_[A-Z]{8}`=internal_ABCDEFGH"});
  // A single string works as a list of one; a pattern matching nothing but "" finds nothing.
  auto one = extraSecretPatterns(eval::Value::string("a*"));
  EXPECT_EQ(one->patterns().size(), 1u);
  EXPECT_TRUE(hits("bbb", false, one.get()).empty());
}

TEST(Secrets, LocateInSource) {
  SourceFile file("main.tf", "x = <<-EOT\n    first-line\n    AKIAIOSFODNN7EXAMPLE\n  EOT\n");
  ByteRange all{0, static_cast<uint32_t>(file.text().size())};
  ByteRange r = locateInSource(file, all, "AKIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(file.text().substr(r.begin, r.end - r.begin), "AKIAIOSFODNN7EXAMPLE");
  // Not written there: the range asked in.
  EXPECT_EQ(locateInSource(file, all, "nowhere"), all);
  // Indentation stripped from a multi-line value: its first line.
  r = locateInSource(file, all, "first-line\nAKIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(file.text().substr(r.begin, r.end - r.begin), "first-line");
  // ...unless the first line is too short to tell.
  EXPECT_EQ(locateInSource(file, all, "x\nAKIAIOSFODNN7EXAMPLE"), all);
}

// ---- The rules -------------------------------------------------------------------------

TEST(SecretRules, Meta) {
  for (auto make : {makeHardcodedSecretRule, makeUserDataSecretRule, makeStateFileInRepoRule}) {
    auto rule = make();
    const RuleMeta& m = rule->meta();
    EXPECT_EQ(findRule(m.id), findRule(m.id)) << m.id;
    EXPECT_NE(findRule(m.id), nullptr) << m.id;
    EXPECT_EQ(m.default_severity, Severity::kError) << m.id;
    EXPECT_EQ(m.tags, std::vector<std::string_view>{"security"}) << m.id;
    EXPECT_FALSE(m.security_severity.empty()) << m.id;
    EXPECT_FALSE(m.why_cpp.empty()) << m.id;
    EXPECT_NE(m.description.find("## What fails"), std::string_view::npos) << m.id;
    EXPECT_NE(m.description.find("## Why"), std::string_view::npos) << m.id;
    EXPECT_TRUE(m.bad_example.ends_with("\n")) << m.id;
    EXPECT_TRUE(m.good_example.ends_with("\n")) << m.id;
    // The rule's docs quote no token format in full (a `user:password@host` URL is the example of one).
    for (const SecretHit& h : findSecrets(m.description, nullptr, false))
      EXPECT_EQ(h.kind, "password in a URL") << m.id;
  }
  EXPECT_EQ(makeHardcodedSecretRule()->meta().scope, RuleScope::kProject);
  EXPECT_EQ(makeStateFileInRepoRule()->meta().scope, RuleScope::kProject);
  EXPECT_EQ(makeUserDataSecretRule()->meta().scope, RuleScope::kInstance);
  for (auto make : {makeHardcodedSecretRule, makeUserDataSecretRule}) {
    auto rule = make();
    ASSERT_EQ(rule->meta().params.size(), 1u);
    EXPECT_EQ(rule->meta().params[0].name, "secret_patterns");
    EXPECT_EQ(rule->meta().params[0].default_text, "[]");
  }
}

fs::path ruleFixtures(std::string_view rule) { return fs::path(TFGUARD_TESTDATA) / "rules" / std::string(rule); }

/// `tfguard check --only RULE` in `dir`, as rule_fixtures_test.cc runs it.
engine::CheckResult checkOnly(const fs::path& dir, std::string_view rule) {
  fs::path saved = fs::current_path();
  fs::current_path(dir);
  Findings errors;
  auto settings = settings::resolveSettings({}, ".", errors);
  engine::CheckResult result;
  if (settings) {
    engine::CheckOptions options;
    options.paths = {"."};
    options.only = {std::string(rule)};
    options.today = "2026-06-01";
    result = engine::runCheck(options, *settings);
  } else {
    result.exit_code = 2;
    result.error = "invalid settings";
  }
  fs::current_path(saved);
  return result;
}

std::string jsonOf(const engine::CheckResult& result) {
  std::ostringstream out;
  report::makePrinter("json", {.show_undecided = true, .show_suppressed = true})->print(result.report, out);
  return out.str();
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every secret the fixtures hold (whole, or the part of it masking never shows).
const std::vector<std::string> kFixtureSecrets = {
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "Sup3r-S3cret-Passw0rd",
    "ghp_0123456789abcdefghijABCDEFGHIJ012345",
    "ghp_abcdefghij0123456789ABCDEFGHIJ987654",
    "k3y-for-the-partner-api",
    "an0ther-s3cret",
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
    "partner-credential-1234",
    "T01234567/B01234567/abcdefGHIJKLmnopQRSTuvwx",
    "Pa55word-in-url",
    "sk_live_0123456789abcdefABCDEFGH",
    "admin-Passw0rd!",
    "not-so-secret-after-all",
    "m0dule-arg-secret",
    "pc-2024-0xDEADBEEF",
    "tok-abcdef-123456",
    "env-file-Passw0rd",
    "json-default-secret",
    "json-literal-Passw0rd",
    "corp_0123456789abcdef",
    "internal_ABCDEFGH",
    "dckr-Passw0rd-123",
    "Cl0ud-Init-Passw0rd",
    "k3y-from-cloud-config",
    "xoxb-123456789012-abcdefghijkl",
    "tfvars-Passw0rd-42",
    "pk-0123-4567-89ab-cdef",
};

TEST(SecretRules, NoSecretIsEverPrintedInFull) {
  // The list is about the fixtures: each secret is in one of them.
  std::string fixtures;
  for (std::string_view rule : {"hardcoded-secret", "user-data-secret"})
    for (const auto& e : fs::recursive_directory_iterator(ruleFixtures(rule)))
      if (e.is_regular_file()) fixtures += readAll(e.path());
  for (const std::string& s : kFixtureSecrets) EXPECT_NE(fixtures.find(s), std::string::npos) << s;

  size_t findings = 0;
  for (std::string_view rule : {"hardcoded-secret", "user-data-secret", "state-file-in-repo"}) {
    for (const auto& c : fs::directory_iterator(ruleFixtures(rule))) {
      if (!c.is_directory()) continue;
      engine::CheckResult result = checkOnly(c.path(), rule);
      ASSERT_NE(result.exit_code, 2) << result.error;
      findings += result.report.findings.size();
      std::string json = jsonOf(result);
      for (const std::string& s : kFixtureSecrets)
        EXPECT_EQ(json.find(s), std::string::npos) << s << " printed in the findings of " << c.path();
      for (const Finding& f : result.report.findings) {
        for (const std::string& s : kFixtureSecrets) {
          EXPECT_EQ(f.summary.find(s), std::string::npos) << f.summary;
          EXPECT_EQ(f.detail.find(s), std::string::npos) << f.detail;
          for (const RelatedLocation& r : f.related) EXPECT_EQ(r.message.find(s), std::string::npos) << r.message;
        }
      }
    }
  }
  EXPECT_GT(findings, 20u);
}

std::vector<const Finding*> ofRule(const engine::CheckResult& result, std::string_view rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : result.report.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

const Finding* withSummary(const engine::CheckResult& result, std::string_view part) {
  for (const Finding& f : result.report.findings)
    if (f.summary.find(part) != std::string::npos) return &f;
  return nullptr;
}

TEST(HardcodedSecretRule, Messages) {
  auto result = checkOnly(ruleFixtures("hardcoded-secret") / "literals", "hardcoded-secret");
  ASSERT_NE(result.exit_code, 2) << result.error;
  std::string all;
  for (const Finding* f : ofRule(result, "hardcoded-secret")) all += f->summary + "\n";
  for (std::string_view want : {
           "AWS access key id AKIA…(20 chars) in `access_key` of provider aws",
           "AWS secret access key wJal…(40 chars) in `secret_key` of provider aws",
           "hard-coded password Sup3…(21 chars) in `password` of aws_db_instance.main",
           "GitHub token ghp_…(40 chars) in `environment.variables.GITHUB_TOKEN` of aws_lambda_function.worker",
           "hard-coded password ****(14 chars) in the value of `DB_PASSWORD` in `container_definitions.environment` "
           "of aws_ecs_task_definition.app",
           "RSA private key ----…(",
           "hard-coded value part…(23 chars) of SecureString parameter aws_ssm_parameter.api",
           "password in a URL ****(15 chars) in local `db_url`",
           "hard-coded password ****(15 chars) in the default of variable `admin_password`",
           "hard-coded default not-…(23 chars) of sensitive variable `signing`",
           "hard-coded password m0du…(17 chars) in `db_password` of module.db",
       })
    EXPECT_NE(all.find(want), std::string::npos) << want << "\nin:\n" << all;
  const Finding* f = withSummary(result, "of aws_db_instance.main");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->resource, "aws_db_instance.main");
  EXPECT_EQ(f->attribute_path, "password");
  EXPECT_TRUE(f->environment.empty());
  EXPECT_NE(f->detail.find("rotate it"), std::string::npos);
}

TEST(HardcodedSecretRule, SensitiveVariablesInTfvarsAndEnvFiles) {
  auto result = checkOnly(ruleFixtures("hardcoded-secret") / "tfvars-and-env", "hardcoded-secret");
  ASSERT_NE(result.exit_code, 2) << result.error;
  const Finding* f = withSummary(result, "of sensitive variable `partner_credential` written in terraform.tfvars");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->related.size(), 1u);
  EXPECT_EQ(f->related[0].message, "declared sensitive here");
  EXPECT_EQ(f->related[0].location.file->path(), "main.tf");
  EXPECT_NE(withSummary(result, "value env-…(17 chars) of sensitive variable `db_password` in env file entry "
                                "`TF_VAR_db_password`"),
            nullptr);
  EXPECT_NE(withSummary(result, "AWS access key id AKIA…(20 chars) in env file entry `AWS_ACCESS_KEY_ID`"), nullptr);
  EXPECT_NE(withSummary(result, "hard-coded token tok-…(17 chars) in `api_token`"), nullptr);
}

TEST(HardcodedSecretRule, InvalidPatternIsReportedOnce) {
  auto result = checkOnly(ruleFixtures("hardcoded-secret") / "secret-patterns", "hardcoded-secret");
  ASSERT_NE(result.exit_code, 2) << result.error;
  std::vector<const Finding*> invalid;
  for (const Finding* f : ofRule(result, "hardcoded-secret"))
    if (f->summary.starts_with("invalid secret_patterns entry")) invalid.push_back(f);
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0]->location.file, nullptr);
  EXPECT_NE(invalid[0]->summary.find("`(`"), std::string::npos) << invalid[0]->summary;
}

TEST(UserDataSecretRule, SensitiveValuesNameTheirVariable) {
  auto result = checkOnly(ruleFixtures("user-data-secret") / "templatefile", "user-data-secret");
  ASSERT_NE(result.exit_code, 2) << result.error;
  const Finding* f = withSummary(
      result, "sensitive variable `db_password` (password tfva…(18 chars)) is rendered into user data of "
              "aws_instance.app");
  ASSERT_NE(f, nullptr);
  // Related: where the value was set, and only that.
  auto related = [](const Finding& x) {
    std::vector<std::string> out;
    for (const RelatedLocation& r : x.related) {
      std::string where = "?";
      if (r.location.file)
        where = r.location.file->path() + ":" +
                std::to_string(r.location.file->lines().position(r.location.range.begin).line);
      out.push_back(where + " " + r.message);
    }
    return out;
  };
  EXPECT_EQ(related(*f), std::vector<std::string>{"terraform.tfvars:1 value set here"});
  EXPECT_NE(f->detail.find("Line 4 of the rendered user_data"), std::string::npos) << f->detail;
  f = withSummary(result, "GitHub token ghp_…(40 chars) in user data of aws_instance.app");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(related(*f), std::vector<std::string>{"terraform.tfvars:2 value set here"});
  EXPECT_EQ(f->location.file->path(), "main.tf");

  result = checkOnly(ruleFixtures("user-data-secret") / "module-sensitive", "user-data-secret");
  ASSERT_NE(result.exit_code, 2) << result.error;
  EXPECT_NE(withSummary(result, "sensitive variable `partner_key` (pk-0…(22 chars)) is rendered into user data of "
                                "module.app.aws_instance.app"),
            nullptr);
}

TEST(UserDataSecretRule, MessagesInScripts) {
  auto result = checkOnly(ruleFixtures("user-data-secret") / "heredoc", "user-data-secret");
  ASSERT_NE(result.exit_code, 2) << result.error;
  std::string all;
  for (const Finding* f : ofRule(result, "user-data-secret")) all += f->summary + "\n";
  for (std::string_view want : {
           "AWS access key id AKIA…(20 chars) in user data of aws_instance.web",
           "password Sup3…(21 chars) assigned to `DB_PASSWORD` in user data of aws_instance.web",
           "password Cl0u…(19 chars) assigned to `password` in user data of aws_launch_template.app",
           "Slack token xoxb…(30 chars) in user data of aws_launch_configuration.legacy",
       })
    EXPECT_NE(all.find(want), std::string::npos) << want << "\nin:\n" << all;
}

TEST(UserDataSecretRule, SecretPatternsAndInvalidOnes) {
  fs::path dir = fs::temp_directory_path() / ("tfguard-user-data-secret-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / ".tfguard.hcl")
      << "rule \"user-data-secret\" {\n  secret_patterns = [\"corp_[a-z0-9]{16}\", \"[\"]\n}\n";
  std::ofstream(dir / "main.tf")
      << "resource \"aws_instance\" \"a\" {\n  user_data = \"export CORP=corp_0123456789abcdef\"\n}\n"
         "resource \"aws_instance\" \"b\" {\n  user_data = \"echo hello\"\n}\n";
  auto result = checkOnly(dir, "user-data-secret");
  fs::remove_all(dir);
  ASSERT_NE(result.exit_code, 2) << result.error;
  std::vector<std::string> summaries;
  for (const Finding* f : ofRule(result, "user-data-secret")) summaries.push_back(f->summary);
  std::sort(summaries.begin(), summaries.end());
  ASSERT_EQ(summaries.size(), 2u) << ::testing::PrintToString(summaries);
  // One finding for the invalid pattern, though two instances were checked.
  EXPECT_EQ(summaries[0].rfind("invalid secret_patterns entry `[`: ", 0), 0u) << summaries[0];
  EXPECT_EQ(summaries[1], "secret matching `corp_[a-z0-9]{16}` corp…(21 chars) in user data of aws_instance.a");
}

TEST(StateFileInRepoRule, Message) {
  auto result = checkOnly(ruleFixtures("state-file-in-repo") / "committed", "state-file-in-repo");
  ASSERT_NE(result.exit_code, 2) << result.error;
  auto found = ofRule(result, "state-file-in-repo");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0]->summary,
            "state file `terraform.tfstate` is in the scanned tree; state files hold every secret of the "
            "infrastructure in clear text");
  EXPECT_EQ(found[1]->summary.rfind("state backup file `terraform.tfstate.backup`", 0), 0u) << found[1]->summary;
  EXPECT_TRUE(found[0]->environment.empty());
}

}  // namespace
}  // namespace tfguard::rules
