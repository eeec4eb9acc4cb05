// .tfguard.hcl (SPEC §5): every key valid and invalid, the exact messages
// and positions of errors, the upward search, the starter file and init.
#include "settings/settings.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tfguard::settings {
namespace {

namespace fs = std::filesystem;

struct Result {
  std::optional<Settings> settings;
  Findings errors;
};

Result parse(const std::string& text) {
  Result result;
  result.settings = parseSettings(".tfguard.hcl", text, result.errors);
  return result;
}

// "LINE:COL: SUMMARY" of each finding: what a user sees, minus the file.
std::vector<std::string> errorLines(const Findings& errors) {
  std::vector<std::string> lines;
  for (const Finding& f : errors) {
    Position pos = f.location.file->lines().position(f.location.range.begin);
    lines.push_back(std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + f.summary);
  }
  return lines;
}

// The single error of an invalid config.
std::string onlyError(const std::string& text) {
  Result result = parse(text);
  EXPECT_FALSE(result.settings) << text;
  std::vector<std::string> lines = errorLines(result.errors);
  EXPECT_EQ(lines.size(), 1u) << text;
  for (const Finding& f : result.errors) {
    EXPECT_EQ(f.rule, "invalid-config");
    EXPECT_EQ(f.severity, Severity::kError);
  }
  return lines.empty() ? "" : lines[0];
}

std::string exprText(const Settings& settings, const syntax::Expr* expr) {
  return std::string(settings.parsed->source->text().substr(expr->range.begin, expr->range.size()));
}

// A fresh directory under the system's temporary folder, removed after the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tfguard-settings-XXXXXX").string();
    path_ = fs::path(mkdtemp(pattern.data()));
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void writeFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// ------------------------------------------------------------------ valid

TEST(SettingsTest, EmptyFileIsTheDefaults) {
  Result result = parse("");
  ASSERT_TRUE(result.settings);
  EXPECT_TRUE(result.errors.empty());
  EXPECT_TRUE(result.settings->exclude.empty());
  EXPECT_TRUE(result.settings->fail_on.empty());
  EXPECT_TRUE(result.settings->environments.empty());
  EXPECT_TRUE(result.settings->rules.empty());
}

TEST(SettingsTest, EveryKeyValid) {
  Findings errors;
  fs::path file = fs::path(TFGUARD_TESTDATA) / "settings" / "full.tfguard.hcl";
  std::optional<Settings> settings = loadSettings(file, errors);
  ASSERT_TRUE(settings) << (errors.empty() ? "" : formatFinding(errors[0]));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(settings->file, file);
  EXPECT_EQ(settings->dir, file.parent_path());
  EXPECT_EQ(settings->exclude, (std::vector<std::string>{"**/examples/**", "legacy/*"}));
  EXPECT_EQ(settings->policies,
            (std::vector<std::string>{"policies/custom", "../shared-policies"}));
  EXPECT_EQ(settings->fail_on, "note");

  ASSERT_EQ(settings->environments.size(), 2u);
  const EnvironmentConfig& prod = settings->environments[0];
  EXPECT_EQ(prod.name, "production");
  EXPECT_EQ(prod.root, "terraform/environments/production");
  EXPECT_EQ(prod.var_files, (std::vector<std::string>{"production.tfvars", "secrets.auto.tfvars"}));
  EXPECT_EQ(prod.env_file, "production.env");
  EXPECT_EQ(prod.backend_config,
            (std::vector<std::string>{"backend/production.hcl", "backend/common.hcl"}));
  EXPECT_EQ(prod.tier, "production");
  EXPECT_EQ(prod.workspace, "prod");
  ASSERT_EQ(prod.vars.size(), 4u);
  EXPECT_EQ(prod.vars[0].first, "region");
  EXPECT_EQ(exprText(*settings, prod.vars[0].second), "\"eu-west-1\"");
  EXPECT_EQ(prod.vars[1].first, "az-count");
  EXPECT_EQ(exprText(*settings, prod.vars[1].second), "3");
  EXPECT_EQ(prod.vars[2].first, "tags");
  EXPECT_EQ(exprText(*settings, prod.vars[2].second), "{ team = \"platform\", cost_center = 42 }");
  EXPECT_EQ(prod.vars[3].first, "zones");
  Position header = prod.location.file->lines().position(prod.location.range.begin);
  EXPECT_EQ(header.line, 6u);
  EXPECT_EQ(header.column, 1u);
  EXPECT_EQ(prod.location.range.size(), std::string_view("environment \"production\"").size());

  const EnvironmentConfig& dev = settings->environments[1];
  EXPECT_EQ(dev.name, "dev");
  EXPECT_EQ(dev.backend_config, (std::vector<std::string>{"backend/dev.hcl"}));
  EXPECT_EQ(dev.tier, "development");
  EXPECT_TRUE(dev.var_files.empty());
  EXPECT_TRUE(dev.env_file.empty());
  EXPECT_TRUE(dev.workspace.empty());

  ASSERT_EQ(settings->rules.size(), 3u);
  const RuleConfig& ssh = settings->rules[0];
  EXPECT_EQ(ssh.id, "ssh-admin-cidr");
  EXPECT_EQ(ssh.enabled, std::optional<bool>(true));
  EXPECT_EQ(ssh.severity.all, "error");
  EXPECT_TRUE(ssh.severity.by_tier.empty());
  ASSERT_EQ(ssh.parameters.size(), 3u);
  EXPECT_EQ(ssh.parameters[0].first, "admin_cidrs");
  EXPECT_EQ(exprText(*settings, ssh.parameters[0].second), "[\"198.51.100.0/24\"]");
  EXPECT_EQ(ssh.parameters[1].first, "max_rules");
  EXPECT_EQ(exprText(*settings, ssh.parameters[1].second), "-1");
  EXPECT_EQ(ssh.parameters[2].first, "note");

  const RuleConfig& s3 = settings->rules[1];
  EXPECT_FALSE(s3.enabled);
  EXPECT_TRUE(s3.severity.all.empty());
  EXPECT_EQ(s3.severity.by_tier,
            (std::map<std::string, std::string>{
                {"development", "note"}, {"production", "error"}, {"staging", "warning"}}));
  EXPECT_EQ(settings->rules[2].enabled, std::optional<bool>(false));
}

TEST(SettingsTest, FailOnAcceptsEveryThreshold) {
  for (const char* value : {"error", "warning", "note", "never"}) {
    Result result = parse(std::string("fail_on = \"") + value + "\"\n");
    ASSERT_TRUE(result.settings) << value;
    EXPECT_EQ(result.settings->fail_on, value);
  }
}

TEST(SettingsTest, ParenthesesAndEmptyListsAreLiterals) {
  Result result = parse("exclude = ([])\npolicies = [(\"p\")]\n");
  ASSERT_TRUE(result.settings);
  EXPECT_TRUE(result.settings->exclude.empty());
  EXPECT_EQ(result.settings->policies, std::vector<std::string>{"p"});
}

// ------------------------------------------------------------------ top level

TEST(SettingsTest, UnknownArgumentSuggestsTheClosestName) {
  EXPECT_EQ(onlyError("exlude = []\n"),
            "1:1: unknown argument \"exlude\" in .tfguard.hcl; did you mean \"exclude\"?");
  EXPECT_EQ(onlyError("\n  fail-on = \"error\"\n"),
            "2:3: unknown argument \"fail-on\" in .tfguard.hcl; did you mean \"fail_on\"?");
  EXPECT_EQ(onlyError("color = \"auto\"\n"),
            "1:1: unknown argument \"color\" in .tfguard.hcl; allowed: exclude, policies, "
            "fail_on");
}

TEST(SettingsTest, UnknownArgumentDetailListsTheSchema) {
  Result result = parse("color = 1\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].detail,
            "The top level of .tfguard.hcl accepts the arguments exclude, policies, fail_on and "
            "the blocks environment \"NAME\" and rule \"ID\".");
}

TEST(SettingsTest, UnknownBlockType) {
  EXPECT_EQ(onlyError("environments \"a\" {\n}\n"),
            "1:1: unknown block type \"environments\" in .tfguard.hcl; did you mean "
            "\"environment\"?");
  EXPECT_EQ(onlyError("policy \"x\" {}\n"),
            "1:1: unknown block type \"policy\" in .tfguard.hcl; allowed: environment, rule");
  EXPECT_EQ(onlyError("exclude {\n}\n"),
            "1:1: \"exclude\" is an argument, not a block; write exclude = ...");
  EXPECT_EQ(onlyError("rule = {}\n"),
            "1:1: \"rule\" is a block, not an argument; write rule \"NAME\" { ... }");
}

TEST(SettingsTest, ListsOfStrings) {
  EXPECT_EQ(onlyError("exclude = \"**/examples/**\"\n"),
            "1:11: \"exclude\" must be a list of strings, not a string");
  EXPECT_EQ(onlyError("policies = { a = 1 }\n"),
            "1:12: \"policies\" must be a list of strings, not an object");
  EXPECT_EQ(onlyError("exclude = [\"a\", 1]\n"),
            "1:17: \"exclude\" must be a list of strings; element 2 is a number");
  EXPECT_EQ(onlyError("exclude = [\"a\", [\"b\"]]\n"),
            "1:17: \"exclude\" must be a list of strings; element 2 is a list");
}

TEST(SettingsTest, FailOnValues) {
  EXPECT_EQ(onlyError("fail_on = \"warn\"\n"),
            "1:11: invalid value \"warn\" for \"fail_on\"; did you mean \"warning\"?");
  EXPECT_EQ(onlyError("fail_on = \"always\"\n"),
            "1:11: invalid value \"always\" for \"fail_on\"; allowed: \"error\", \"warning\", "
            "\"note\", \"never\"");
  EXPECT_EQ(onlyError("fail_on = true\n"), "1:11: \"fail_on\" must be a string, not a bool");
  EXPECT_EQ(onlyError("fail_on = 1\n"), "1:11: \"fail_on\" must be a string, not a number");
}

TEST(SettingsTest, ValuesMustBeLiterals) {
  EXPECT_EQ(onlyError("policies = [var.dir]\n"),
            "1:13: \"policies\" must be a literal value; .tfguard.hcl cannot use references "
            "such as var.dir");
  EXPECT_EQ(onlyError("exclude = concat([], [])\n"),
            "1:11: \"exclude\" must be a literal value; .tfguard.hcl cannot call functions such "
            "as concat()");
  EXPECT_EQ(onlyError("fail_on = \"${\"error\"}\"\n"),
            "1:11: \"fail_on\" must be a literal value; .tfguard.hcl cannot use interpolation "
            "(\"${...}\")");
  EXPECT_EQ(onlyError("exclude = [\"a/${x}/b\"]\n"),
            "1:17: \"exclude\" must be a literal value; .tfguard.hcl cannot use interpolation "
            "(\"${...}\")");
  EXPECT_EQ(onlyError("exclude = [\"%{if true}a%{endif}\"]\n"),
            "1:13: \"exclude\" must be a literal value; .tfguard.hcl cannot use template "
            "directives (\"%{...}\")");
  EXPECT_EQ(onlyError("fail_on = true ? \"error\" : \"note\"\n"),
            "1:11: \"fail_on\" must be a literal value; .tfguard.hcl cannot compute expressions "
            "such as true ? \"error\" : \"note\"");
  EXPECT_EQ(onlyError("fail_on = null\n"),
            "1:11: \"fail_on\" cannot be null in .tfguard.hcl; remove the argument to get the "
            "default");
  Result result = parse("exclude = [local.x]\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].detail,
            "Values in .tfguard.hcl are read before any Terraform code is evaluated: write them "
            "out as strings, numbers, bools, lists and objects.");
}

TEST(SettingsTest, HeredocWithoutInterpolationIsAString) {
  Result result = parse("fail_on = <<EOT\nerror\nEOT\n");
  // A heredoc keeps its final newline: "error\n" is not a threshold.
  EXPECT_EQ(errorLines(result.errors),
            std::vector<std::string>{
                "1:11: invalid value \"error\n\" for \"fail_on\"; did you mean \"error\"?"});
  result = parse("exclude = [<<EOT\na/**\nEOT\n]\n");
  ASSERT_TRUE(result.settings);
  EXPECT_EQ(result.settings->exclude, std::vector<std::string>{"a/**\n"});
}

TEST(SettingsTest, EveryErrorIsReportedInOrder) {
  Result result = parse(
      "exlude = []\n"
      "fail_on = \"sometimes\"\n"
      "environment \"a\" {\n"
      "  rot = \"x\"\n"
      "}\n"
      "rule \"r\" {\n"
      "  enabled = \"yes\"\n"
      "}\n");
  EXPECT_FALSE(result.settings);
  EXPECT_EQ(errorLines(result.errors),
            (std::vector<std::string>{
                "1:1: unknown argument \"exlude\" in .tfguard.hcl; did you mean \"exclude\"?",
                "2:11: invalid value \"sometimes\" for \"fail_on\"; allowed: \"error\", "
                "\"warning\", \"note\", \"never\"",
                "4:3: unknown argument \"rot\" in environment \"a\"; did you mean \"root\"?",
                "3:1: environment \"a\" has no \"root\"; add root = \"DIR\", the directory of its "
                "root module relative to .tfguard.hcl",
                "7:13: \"enabled\" in rule \"r\" must be true or false, not a string",
            }));
}

TEST(SettingsTest, SyntaxErrorsAreFindingsWithTheirLocation) {
  Result result = parse("exlude = 1\nfail_on \"error\"\n");
  EXPECT_FALSE(result.settings);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].rule, "syntax");
  EXPECT_EQ(result.errors[0].severity, Severity::kError);
  EXPECT_EQ(formatFinding(result.errors[0]),
            ".tfguard.hcl:2:16: error: Invalid block definition\n  A block definition must have "
            "block content delimited by \"{\" and \"}\", starting on the same line as the block "
            "header.");
  // The schema is not checked on a broken tree: no second-hand errors.
  for (const Finding& f : result.errors) EXPECT_EQ(f.rule, "syntax");

  result = parse("fail_on = \"error\"\nfail_on = \"note\"\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].rule, "syntax");
  EXPECT_EQ(result.errors[0].summary, "Attribute redefined");
}

// ------------------------------------------------------------------ environment

TEST(SettingsTest, EnvironmentLabels) {
  EXPECT_EQ(onlyError("environment {\n  root = \"a\"\n}\n"),
            "1:1: environment block has no name; write environment \"NAME\" { ... }");
  EXPECT_EQ(onlyError("environment \"a\" \"b\" {\n  root = \"a\"\n}\n"),
            "1:17: unexpected label \"b\" on environment \"a\"; environment blocks take one "
            "label, the name");
  EXPECT_EQ(onlyError("environment \"\" {\n  root = \"a\"\n}\n"),
            "1:13: environment name must not be empty");
}

TEST(SettingsTest, EnvironmentNeedsARoot) {
  EXPECT_EQ(onlyError("\nenvironment \"prod\" {\n  tier = \"production\"\n}\n"),
            "2:1: environment \"prod\" has no \"root\"; add root = \"DIR\", the directory of its "
            "root module relative to .tfguard.hcl");
  EXPECT_EQ(onlyError("environment \"prod\" {\n  root = \"\"\n}\n"),
            "2:10: \"root\" in environment \"prod\" must not be empty");
  EXPECT_EQ(onlyError("environment \"prod\" {\n  root = [\"a\"]\n}\n"),
            "2:10: \"root\" in environment \"prod\" must be a string, not a list");
  EXPECT_EQ(onlyError("environment \"prod\" {\n  root = abspath(\"a\")\n}\n"),
            "2:10: \"root\" in environment \"prod\" must be a literal value; .tfguard.hcl cannot "
            "call functions such as abspath()");
}

TEST(SettingsTest, DuplicateEnvironmentNames) {
  Result result = parse(
      "environment \"prod\" {\n  root = \"a\"\n}\n"
      "environment \"prod\" {\n  root = \"b\"\n}\n");
  EXPECT_FALSE(result.settings);
  EXPECT_EQ(errorLines(result.errors),
            std::vector<std::string>{
                "4:13: duplicate environment \"prod\"; it is already defined at 1:1"});
  ASSERT_EQ(result.errors[0].related.size(), 1u);
  EXPECT_EQ(result.errors[0].related[0].message, "first defined here");
  EXPECT_EQ(result.errors[0].related[0].location.range.begin, 0u);
}

TEST(SettingsTest, EnvironmentArguments) {
  const std::string head = "environment \"e\" {\n  root = \"r\"\n";
  EXPECT_EQ(onlyError(head + "  rot = \"x\"\n}\n"),
            "3:3: unknown argument \"rot\" in environment \"e\"; did you mean \"root\"?");
  EXPECT_EQ(onlyError(head + "  region = \"x\"\n}\n"),
            "3:3: unknown argument \"region\" in environment \"e\"; allowed: root, var_files, "
            "env_file, backend_config, vars, tier, workspace");
  EXPECT_EQ(onlyError(head + "  var_files = \"a.tfvars\"\n}\n"),
            "3:15: \"var_files\" in environment \"e\" must be a list of strings, not a string");
  EXPECT_EQ(onlyError(head + "  env_file = [\"a.env\"]\n}\n"),
            "3:14: \"env_file\" in environment \"e\" must be a string, not a list");
  EXPECT_EQ(onlyError(head + "  backend_config = 3\n}\n"),
            "3:20: \"backend_config\" in environment \"e\" must be a string or a list of "
            "strings, not a number");
  EXPECT_EQ(onlyError(head + "  backend_config = [\"a\", true]\n}\n"),
            "3:26: \"backend_config\" in environment \"e\" must be a list of strings; element 2 "
            "is a bool");
  EXPECT_EQ(onlyError(head + "  workspace = 1\n}\n"),
            "3:15: \"workspace\" in environment \"e\" must be a string, not a number");
  EXPECT_EQ(onlyError(head + "  vars {\n    a = 1\n  }\n}\n"),
            "3:3: \"vars\" is an argument, not a block; write vars = { ... }");
  EXPECT_EQ(onlyError(head + "  backend \"s3\" {\n  }\n}\n"),
            "3:3: unexpected block \"backend\" in environment \"e\"; environment blocks contain "
            "only arguments");
}

TEST(SettingsTest, EnvironmentTier) {
  const std::string head = "environment \"e\" {\n  root = \"r\"\n";
  for (const char* tier : {"production", "staging", "development"}) {
    Result result = parse(head + "  tier = \"" + tier + "\"\n}\n");
    ASSERT_TRUE(result.settings) << tier;
    EXPECT_EQ(result.settings->environments[0].tier, tier);
  }
  EXPECT_EQ(onlyError(head + "  tier = \"prod\"\n}\n"),
            "3:10: invalid value \"prod\" for \"tier\" in environment \"e\"; did you mean "
            "\"production\"?");
  EXPECT_EQ(onlyError(head + "  tier = \"uat\"\n}\n"),
            "3:10: invalid value \"uat\" for \"tier\" in environment \"e\"; did you mean "
            "\"staging\"?");
  EXPECT_EQ(onlyError(head + "  tier = \"developement\"\n}\n"),
            "3:10: invalid value \"developement\" for \"tier\" in environment \"e\"; did you mean "
            "\"development\"?");
  EXPECT_EQ(onlyError(head + "  tier = \"critical\"\n}\n"),
            "3:10: invalid value \"critical\" for \"tier\" in environment \"e\"; allowed: "
            "\"production\", \"staging\", \"development\"");
}

TEST(SettingsTest, EnvironmentVars) {
  const std::string head = "environment \"e\" {\n  root = \"r\"\n";
  Result result = parse(head + "  vars = {\n    n = -2.5\n    \"s\" = \"x\"\n  }\n}\n");
  ASSERT_TRUE(result.settings);
  const auto& vars = result.settings->environments[0].vars;
  ASSERT_EQ(vars.size(), 2u);
  EXPECT_EQ(vars[0].first, "n");
  EXPECT_EQ(exprText(*result.settings, vars[0].second), "-2.5");
  EXPECT_EQ(vars[1].first, "s");

  EXPECT_EQ(onlyError(head + "  vars = [\"a\"]\n}\n"),
            "3:10: \"vars\" in environment \"e\" must be an object, not a list");
  EXPECT_EQ(onlyError(head + "  vars = {\n    a = 1\n    a = 2\n  }\n}\n"),
            "5:5: duplicate key \"a\" in \"vars\" in environment \"e\"; it is already set at 4:5");
  EXPECT_EQ(onlyError(head + "  vars = {\n    \"not a name\" = 1\n  }\n}\n"),
            "4:5: \"not a name\" in \"vars\" in environment \"e\" is not a valid variable name");
  EXPECT_EQ(onlyError(head + "  vars = {\n    region = var.region\n  }\n}\n"),
            "4:14: \"vars\" in environment \"e\" must be a literal value; .tfguard.hcl cannot use "
            "references such as var.region");
  EXPECT_EQ(onlyError(head + "  vars = {\n    (local.k) = 1\n  }\n}\n"),
            "4:5: \"vars\" in environment \"e\" must be a literal value; object keys must be names "
            "or quoted strings, not (local.k)");
  EXPECT_EQ(onlyError(head + "  vars = {\n    a = { b = null }\n  }\n}\n"),
            "4:15: \"vars\" in environment \"e\" cannot be null in .tfguard.hcl; remove the "
            "argument to get the default");
}

TEST(SettingsTest, ColumnsCountCodePoints) {
  EXPECT_EQ(onlyError("environment \"é\" { root = 1 }\n"),
            "1:26: \"root\" in environment \"é\" must be a string, not a number");
}

// ------------------------------------------------------------------ rule

TEST(SettingsTest, RuleLabelsAndDuplicates) {
  EXPECT_EQ(onlyError("rule {\n}\n"), "1:1: rule block has no ID; write rule \"RULE-ID\" { ... }");
  EXPECT_EQ(onlyError("rule \"a\" \"b\" {\n}\n"),
            "1:10: unexpected label \"b\" on rule \"a\"; rule blocks take one label, the ID");
  EXPECT_EQ(onlyError("rule \"\" {}\n"), "1:6: rule ID must not be empty");
  Result result = parse("rule \"x\" {\n}\n\nrule \"x\" {\n  enabled = false\n}\n");
  EXPECT_EQ(errorLines(result.errors),
            std::vector<std::string>{"4:6: duplicate rule \"x\"; it is already configured at 1:1"});
  ASSERT_EQ(result.errors[0].related.size(), 1u);
  EXPECT_EQ(result.errors[0].related[0].message, "first configured here");
}

TEST(SettingsTest, RuleEnabled) {
  EXPECT_EQ(onlyError("rule \"x\" {\n  enabled = \"false\"\n}\n"),
            "2:13: \"enabled\" in rule \"x\" must be true or false, not a string");
  EXPECT_EQ(onlyError("rule \"x\" {\n  enabled = var.on\n}\n"),
            "2:13: \"enabled\" in rule \"x\" must be a literal value; .tfguard.hcl cannot use "
            "references such as var.on");
}

TEST(SettingsTest, RuleSeverity) {
  for (const char* severity : {"error", "warning", "note"}) {
    Result result = parse(std::string("rule \"x\" {\n  severity = \"") + severity + "\"\n}\n");
    ASSERT_TRUE(result.settings) << severity;
    EXPECT_EQ(result.settings->rules[0].severity.all, severity);
  }
  EXPECT_EQ(onlyError("rule \"x\" {\n  severity = \"fatal\"\n}\n"),
            "2:14: invalid value \"fatal\" for \"severity\" in rule \"x\"; allowed: \"error\", "
            "\"warning\", \"note\"");
  EXPECT_EQ(onlyError("rule \"x\" {\n  severity = \"eror\"\n}\n"),
            "2:14: invalid value \"eror\" for \"severity\" in rule \"x\"; did you mean \"error\"?");
  EXPECT_EQ(
      onlyError("rule \"x\" {\n  severity = 2\n}\n"),
      "2:14: \"severity\" in rule \"x\" must be a string (\"error\", \"warning\", \"note\") or "
      "an object keyed by tier, not a number");
  EXPECT_EQ(onlyError("rule \"x\" {\n  severity = { prod = \"note\" }\n}\n"),
            "2:16: unknown tier \"prod\" in \"severity\" in rule \"x\"; did you mean "
            "\"production\"?");
  EXPECT_EQ(onlyError("rule \"x\" {\n  severity = { eu = \"note\" }\n}\n"),
            "2:16: unknown tier \"eu\" in \"severity\" in rule \"x\"; allowed: production, "
            "staging, development");
  EXPECT_EQ(onlyError("rule \"x\" {\n  severity = { staging = \"info\" }\n}\n"),
            "2:26: invalid value \"info\" for \"severity.staging\" in rule \"x\"; allowed: "
            "\"error\", \"warning\", \"note\"");
  EXPECT_EQ(onlyError("rule \"x\" {\n  severity = { staging = 1 }\n}\n"),
            "2:26: \"severity.staging\" in rule \"x\" must be a string, not a number");
  EXPECT_EQ(
      onlyError("rule \"x\" {\n  severity = { staging = \"note\", staging = \"error\" }\n}\n"),
      "2:34: duplicate key \"staging\" in \"severity\" in rule \"x\"; it is already set at "
      "2:16");
}

TEST(SettingsTest, RuleParameters) {
  Result result = parse(
      "rule \"x\" {\n"
      "  cidrs   = [\"10.0.0.0/8\"]\n"
      "  limits  = { max = 3, names = [\"a\"] }\n"
      "  ratio   = 0.5\n"
      "  strict  = true\n"
      "}\n");
  ASSERT_TRUE(result.settings);
  const auto& parameters = result.settings->rules[0].parameters;
  ASSERT_EQ(parameters.size(), 4u);
  EXPECT_EQ(parameters[0].first, "cidrs");
  EXPECT_EQ(parameters[1].first, "limits");
  EXPECT_EQ(parameters[2].first, "ratio");
  EXPECT_EQ(parameters[3].first, "strict");
  EXPECT_EQ(exprText(*result.settings, parameters[3].second), "true");

  EXPECT_EQ(onlyError("rule \"x\" {\n  cidrs = [local.admin]\n}\n"),
            "2:12: \"cidrs\" in rule \"x\" must be a literal value; .tfguard.hcl cannot use "
            "references such as local.admin");
  EXPECT_EQ(onlyError("rule \"x\" {\n  max = 1 + 1\n}\n"),
            "2:9: \"max\" in rule \"x\" must be a literal value; .tfguard.hcl cannot compute "
            "expressions such as 1 + 1");
  EXPECT_EQ(onlyError("rule \"x\" {\n  on = !true\n}\n"),
            "2:8: \"on\" in rule \"x\" must be a literal value; .tfguard.hcl cannot compute "
            "expressions such as !true");
  EXPECT_EQ(onlyError("rule \"x\" {\n  allow {\n  }\n}\n"),
            "2:3: unexpected block \"allow\" in rule \"x\"; rule blocks contain only arguments");
  EXPECT_EQ(onlyError("rule \"x\" {\n  severity {\n  }\n}\n"),
            "2:3: \"severity\" is an argument, not a block; write severity = { ... }");
}

// ------------------------------------------------------------------ files

TEST(SettingsTest, FindSettingsFileSearchesUpward) {
  fs::path base = fs::path(TFGUARD_TESTDATA) / "settings" / "nested";
  fs::path expected = base / ".tfguard.hcl";
  EXPECT_EQ(findSettingsFile(base), expected);
  EXPECT_EQ(findSettingsFile(base / "project"), expected);
  EXPECT_EQ(findSettingsFile(base / "project" / "modules"), expected);
  EXPECT_EQ(findSettingsFile(base / "project" / "modules" / "main.tf"), expected);
  // A file that does not exist (an editor buffer) is looked up from its directory.
  EXPECT_EQ(findSettingsFile(base / "project" / "unsaved.tf"), expected);
}

TEST(SettingsTest, FindSettingsFileNearestWinsAndDirectoriesDoNotCount) {
  TempDir tmp;
  writeFile(tmp.path() / "a" / ".tfguard.hcl", "");
  writeFile(tmp.path() / "a" / "b" / "c" / "main.tf", "");
  fs::create_directories(tmp.path() / "a" / "b" / ".tfguard.hcl");  // a directory: skipped
  EXPECT_EQ(findSettingsFile(tmp.path() / "a" / "b" / "c"), tmp.path() / "a" / ".tfguard.hcl");
  writeFile(tmp.path() / "a" / "b" / "c" / ".tfguard.hcl", "");
  EXPECT_EQ(findSettingsFile(tmp.path() / "a" / "b" / "c" / "main.tf"),
            tmp.path() / "a" / "b" / "c" / ".tfguard.hcl");
  std::optional<fs::path> outside = findSettingsFile(tmp.path());
  if (outside) {
    EXPECT_EQ(outside->string().find(tmp.path().string()), std::string::npos);
  }
}

TEST(SettingsTest, FindSettingsFileRelativeStart) {
  TempDir tmp;
  writeFile(tmp.path() / ".tfguard.hcl", "");
  fs::create_directories(tmp.path() / "x");
  fs::path cwd = fs::current_path();
  fs::current_path(tmp.path() / "x");
  std::optional<fs::path> found = findSettingsFile(".");
  fs::current_path(cwd);
  ASSERT_TRUE(found);
  EXPECT_TRUE(fs::equivalent(*found, tmp.path() / ".tfguard.hcl"));
}

TEST(SettingsTest, UnreadableFileIsAFindingWithoutLocation) {
  TempDir tmp;
  Findings errors;
  fs::path missing = tmp.path() / "missing.hcl";
  EXPECT_FALSE(loadSettings(missing, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rule, "invalid-config");
  EXPECT_FALSE(errors[0].location.file);
  EXPECT_EQ(formatFinding(errors[0]).substr(0, formatFinding(errors[0]).find('\n')),
            "tfguard: error: cannot open " + missing.string() + ": No such file or directory");
  errors.clear();
  EXPECT_FALSE(loadSettings(tmp.path(), errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].summary, "cannot read " + tmp.path().string() + ": it is a directory");
}

TEST(SettingsTest, FormatFinding) {
  Findings errors;
  EXPECT_FALSE(parseSettings("conf/.tfguard.hcl", "\nexlude = []\n", errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(formatFinding(errors[0]),
            "conf/.tfguard.hcl:2:1: error: unknown argument \"exlude\" in .tfguard.hcl; did you "
            "mean \"exclude\"?\n  The top level of .tfguard.hcl accepts the arguments exclude, "
            "policies, fail_on and the blocks environment \"NAME\" and rule \"ID\".");
  errors.clear();
  EXPECT_FALSE(parseSettings("other.hcl", "x = 1\n", errors));
  EXPECT_EQ(errors[0].summary,
            "unknown argument \"x\" in other.hcl; allowed: exclude, policies, fail_on");
}

TEST(SettingsTest, ResolveSettings) {
  TempDir tmp;
  writeFile(tmp.path() / "repo" / ".tfguard.hcl", "fail_on = \"never\"\n");
  writeFile(tmp.path() / "repo" / "infra" / "main.tf", "");
  writeFile(tmp.path() / "custom.hcl", "fail_on = \"note\"\n");
  Findings errors;
  std::optional<Settings> found = resolveSettings({}, tmp.path() / "repo" / "infra", errors);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->fail_on, "never");
  EXPECT_EQ(found->dir, tmp.path() / "repo");

  std::optional<Settings> given =
      resolveSettings(tmp.path() / "custom.hcl", tmp.path() / "repo", errors);
  ASSERT_TRUE(given);
  EXPECT_EQ(given->fail_on, "note");
  EXPECT_EQ(given->dir, tmp.path());

  fs::create_directories(tmp.path() / "bare");
  std::optional<Settings> defaults = resolveSettings({}, tmp.path() / "bare", errors);
  ASSERT_TRUE(defaults);
  if (defaults->file.empty()) {
    EXPECT_EQ(defaults->dir, tmp.path() / "bare");
  }
  EXPECT_TRUE(errors.empty());

  writeFile(tmp.path() / "bad" / ".tfguard.hcl", "fail_on = 1\n");
  EXPECT_FALSE(resolveSettings({}, tmp.path() / "bad", errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(formatFinding(errors[0]),
            (tmp.path() / "bad" / ".tfguard.hcl").string() +
                ":1:11: error: \"fail_on\" must be a string, not a number");
}

// ------------------------------------------------------------------ starter, init

TEST(SettingsTest, StarterFileValidatesAsWritten) {
  Result result = parse(starterSettings());
  ASSERT_TRUE(result.settings) << (result.errors.empty() ? "" : formatFinding(result.errors[0]));
  EXPECT_TRUE(result.errors.empty());
  EXPECT_EQ(result.settings->fail_on, "warning");  // the default, written out
  EXPECT_TRUE(result.settings->environments.empty());
  EXPECT_TRUE(result.settings->rules.empty());
}

// The commented-out example blocks are documentation: they must be valid
// the moment a user uncomments them.
TEST(SettingsTest, StarterFileExamplesValidateWhenUncommented) {
  std::istringstream in(starterSettings());
  std::string line, text;
  bool in_example = false;
  while (std::getline(in, line)) {
    if (line.starts_with("# environment \"") || line.starts_with("# rule \"")) in_example = true;
    if (in_example) line = line.substr(2);
    if (line == "}") in_example = false;
    text += line + "\n";
  }
  Result result = parse(text);
  ASSERT_TRUE(result.settings) << (result.errors.empty() ? "" : formatFinding(result.errors[0]))
                               << "\n"
                               << text;
  ASSERT_EQ(result.settings->environments.size(), 2u);
  const EnvironmentConfig& prod = result.settings->environments[0];
  EXPECT_EQ(prod.name, "production");
  EXPECT_FALSE(prod.root.empty());
  EXPECT_FALSE(prod.var_files.empty());
  EXPECT_FALSE(prod.env_file.empty());
  EXPECT_FALSE(prod.backend_config.empty());
  EXPECT_EQ(prod.vars.size(), 3u);
  EXPECT_EQ(prod.tier, "production");
  EXPECT_EQ(prod.workspace, "default");
  ASSERT_EQ(result.settings->rules.size(), 3u);
  EXPECT_EQ(result.settings->rules[0].severity.all, "error");
  EXPECT_EQ(result.settings->rules[0].parameters.size(), 1u);
  EXPECT_EQ(result.settings->rules[1].severity.by_tier.size(), 3u);
  EXPECT_EQ(result.settings->rules[2].enabled, std::optional<bool>(false));
}

TEST(SettingsTest, StarterFileDocumentsEveryKey) {
  std::string starter = starterSettings();
  for (const char* key :
       {"exclude", "policies", "fail_on", "environment", "root", "var_files", "env_file",
        "backend_config", "vars", "tier", "workspace", "rule", "enabled", "severity"})
    EXPECT_NE(starter.find(key), std::string::npos) << key;
}

TEST(InitTest, WritesTheStarterFile) {
  TempDir tmp;
  StarterWriteResult result = writeStarterSettings(tmp.path(), false);
  ASSERT_TRUE(result.written) << result.error;
  EXPECT_EQ(result.file, tmp.path() / ".tfguard.hcl");
  EXPECT_EQ(readFile(result.file), starterSettings());
  Findings errors;
  EXPECT_TRUE(loadSettings(result.file, errors));
}

TEST(InitTest, RefusesToOverwriteWithoutForce) {
  TempDir tmp;
  writeFile(tmp.path() / ".tfguard.hcl", "fail_on = \"never\"\n");
  StarterWriteResult result = writeStarterSettings(tmp.path(), false);
  EXPECT_FALSE(result.written);
  EXPECT_TRUE(result.already_exists);
  EXPECT_EQ(result.error, (tmp.path() / ".tfguard.hcl").string() +
                              " already exists; use --force to overwrite it");
  EXPECT_EQ(readFile(tmp.path() / ".tfguard.hcl"), "fail_on = \"never\"\n");

  result = writeStarterSettings(tmp.path(), true);
  EXPECT_TRUE(result.written) << result.error;
  EXPECT_EQ(readFile(tmp.path() / ".tfguard.hcl"), starterSettings());
}

TEST(InitTest, ReportsAMissingDirectory) {
  TempDir tmp;
  StarterWriteResult result = writeStarterSettings(tmp.path() / "nope", false);
  EXPECT_FALSE(result.written);
  EXPECT_FALSE(result.already_exists);
  EXPECT_EQ(result.error, (tmp.path() / "nope").string() + " is not a directory");
}

}  // namespace
}  // namespace tfguard::settings
