// The check session: rule selection, severities by tier, fail-on, baselines
// and their fingerprints, suppressions, determinism.
#include "engine/engine.h"

#include <gtest/gtest.h>


#include "temp_repository.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

class EngineTest : public ::testing::Test {
 protected:
  void write(const std::string& rel, const std::string& text) { repo_.write(rel, text); }
  CheckResult check(CheckOptions options = {}, settings::Settings settings = {}) {
    settings.dir = dir_;
    if (options.paths.empty()) options.paths = {"."};
    if (options.today.empty()) options.today = "2026-06-01";
    // The tree's two environments share the root's local state on purpose
    // (env-isolation is tested with its own fixtures).
    if (options.only.empty()) options.disable.push_back("env-isolation");
    return runCheck(options, settings);
  }
  static std::vector<std::string> summaries(const CheckResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.report.findings)
      out.push_back(f.rule + " " + (f.severity == Severity::kError ? "error" : f.severity == Severity::kWarning ? "warning" : "note") +
                    (f.suppressed ? " suppressed" : "") + " [" + f.environment + "]");
    return out;
  }

  // Two environments; prod misses a required variable and sets an undeclared one.
  void writeTree() {
    write("main.tf", "variable \"region\" {\n  type = string\n}\nvariable \"size\" {\n  type    = number\n  default = 1\n}\n");
    // Clean for every other rule: a pinned version, an encrypted and locked
    // remote state, the variables used.
    write("versions.tf",
          "terraform {\n  required_version = \">= 1.6\"\n  backend \"s3\" {\n    bucket       = \"state\"\n"
          "    key          = \"app.tfstate\"\n    region       = \"eu-west-1\"\n    encrypt      = true\n"
          "    use_lockfile = true\n  }\n}\n\noutput \"where\" {\n  value = \"${var.region}-${var.size}\"\n}\n");
    write("vars/dev.tfvars", "region = \"eu-west-1\"\nsize = 2\n");
    write("vars/prod.tfvars", "colour = \"blue\"\n");
  }

  test_support::TempRepository repo_{"engine"};
  const fs::path& dir_ = repo_.dir();
};

TEST_F(EngineTest, FindingsSeveritiesAndExitCodes) {
  writeTree();
  CheckResult r = check();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(summaries(r), (std::vector<std::string>{"missing-required-variable error [prod]",
                                                     "undeclared-variable warning [prod]"}));
  EXPECT_EQ(r.report.summary.errors, 1u);
  EXPECT_EQ(r.report.summary.warnings, 1u);
  EXPECT_EQ(r.report.summary.environments, 2u);

  CheckOptions never;
  never.fail_on = "never";
  EXPECT_EQ(check(never).exit_code, 0);
  CheckOptions only_errors;
  only_errors.disable = {"missing-required-variable"};
  only_errors.fail_on = "error";
  CheckResult w = check(only_errors);
  EXPECT_EQ(summaries(w), std::vector<std::string>{"undeclared-variable warning [prod]"});
  EXPECT_EQ(w.exit_code, 0);  // a warning, below --fail-on error
  CheckOptions bad;
  bad.only = {"no-such-rule"};
  EXPECT_EQ(check(bad).exit_code, 2);
}

TEST_F(EngineTest, ConfigSeverityByTierAndDisabledRules) {
  writeTree();
  settings::Settings s;
  settings::RuleConfig undeclared;
  undeclared.id = "undeclared-variable";
  undeclared.severity.by_tier["production"] = "error";
  settings::RuleConfig missing;
  missing.id = "missing-required-variable";
  missing.enabled = false;
  s.rules = {undeclared, missing};
  CheckResult r = check({}, s);
  EXPECT_EQ(summaries(r), std::vector<std::string>{"undeclared-variable error [prod]"});
}

TEST_F(EngineTest, BaselineSurvivesEditsAboveTheFinding) {
  writeTree();
  CheckOptions write_options;
  write_options.write_baseline_file = (dir_ / "baseline.json").string();
  EXPECT_EQ(check(write_options).report.findings.size(), 2u);
  // Lines move: a comment block above everything, the tfvars reordered.
  write("main.tf", "# a header\n# more\n\nvariable \"size\" {\n  type    = number\n  default = 1\n}\nvariable \"region\" {\n  type = string\n}\n");
  write("vars/prod.tfvars", "\n\n# comment\ncolour = \"blue\"\n");
  CheckOptions with_baseline;
  with_baseline.baseline_file = (dir_ / "baseline.json").string();
  CheckResult r = check(with_baseline);
  EXPECT_TRUE(r.report.findings.empty()) << summaries(r)[0];
  EXPECT_EQ(r.exit_code, 0);
  // A new problem is not in the baseline.
  write("vars/dev.tfvars", "region = \"eu-west-1\"\nsize = 2\nzone = \"a\"\n");
  EXPECT_EQ(summaries(check(with_baseline)), std::vector<std::string>{"undeclared-variable warning [dev]"});
}

TEST_F(EngineTest, InlineSuppressions) {
  writeTree();
  write("vars/prod.tfvars", "# tfguard:ignore undeclared-variable kept for the old pipeline\ncolour = \"blue\"\n");
  CheckResult r = check();
  EXPECT_EQ(summaries(r), (std::vector<std::string>{"missing-required-variable error [prod]",
                                                     "undeclared-variable warning suppressed [prod]"}));
  EXPECT_EQ(r.report.summary.suppressed, 1u);
  EXPECT_EQ(r.report.summary.warnings, 0u);
}

TEST_F(EngineTest, UnsavedBufferInItsEnvironmentContext) {
  writeTree();
  // The buffer (not saved) adds a variable the prod tfvars sets: one
  // finding fewer there; only the buffer's findings are reported.
  CheckOptions options;
  options.overlays[dir_ / "main.tf"] =
      "variable \"region\" {\n  type = string\n}\nvariable \"colour\" {\n  type = string\n}\n"
      "output \"colour\" {\n  value = var.colour\n}\n";
  options.only_file = "main.tf";
  CheckResult r = check(options);
  // prod misses region (line 1), dev misses colour (line 4).
  EXPECT_EQ(summaries(r), (std::vector<std::string>{"missing-required-variable error [prod]",
                                                     "missing-required-variable error [dev]"}));
  for (const auto& f : r.report.findings) EXPECT_EQ(f.location.file->path(), "main.tf");
  // A new file that exists only in the editor.
  CheckOptions fresh;
  fresh.overlays[dir_ / "extra.tf"] = "locals {\n  x = nosuch()\n}\n";
  fresh.only_file = "extra.tf";
  CheckResult e = check(fresh);
  std::vector<std::string> rules;
  for (const auto& f : e.report.findings) rules.push_back(f.rule);
  // The call fails in both environments; the local is unused.
  EXPECT_EQ(rules, (std::vector<std::string>{"unused-declaration", "eval-error", "eval-error"}));
}

TEST_F(EngineTest, FindingsInInstalledModulesArePlacedAtTheCall) {
  write("main.tf", "module \"web\" {\n  source = \"example/web/aws\"\n  ssh    = \"0.0.0.0/0\"\n}\n");
  write(".terraform/modules/modules.json",
        R"({"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"web","Source":"registry.terraform.io/example/web/aws","Dir":".terraform/modules/web"}]})");
  write(".terraform/modules/web/main.tf",
        "variable \"ssh\" {}\nresource \"aws_security_group\" \"web\" {\n  ingress {\n    from_port   = 22\n"
        "    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.ssh]\n  }\n}\n");
  CheckOptions options;
  options.only = {"ssh-admin-cidr"};
  CheckResult r = check(options);
  ASSERT_EQ(r.report.findings.size(), 1u);
  const Finding& f = r.report.findings[0];
  EXPECT_EQ(f.location.file->path(), "main.tf");
  EXPECT_EQ(f.location.file->lines().position(f.location.range.begin).line, 1u);
  ASSERT_FALSE(f.related.empty());
  EXPECT_EQ(f.related[0].location.file->path(), ".terraform/modules/web/main.tf");
}

TEST_F(EngineTest, DeterministicOutput) {
  writeTree();
  write("other/main.tf", "locals {\n  a = tonumber(\"x\")\n}\n");
  CheckResult a = check(), b = check();
  ASSERT_EQ(a.report.findings.size(), b.report.findings.size());
  for (size_t i = 0; i < a.report.findings.size(); ++i) {
    EXPECT_EQ(a.report.findings[i].fingerprint, b.report.findings[i].fingerprint);
    EXPECT_EQ(a.report.findings[i].location.range.begin, b.report.findings[i].location.range.begin);
  }
}

}  // namespace
}  // namespace tfguard::engine
