// The policy language (policies/README.md): selectors, when, for_each,
// locals, params, undecided results, locations, messages that never leak a
// sensitive value, the query functions, and precise errors for bad files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <map>

#include "engine/engine.h"
#include "engine/rule_docs.h"
#include "policy/policy.h"
#include "policy/query_functions.h"
#include "settings/settings.h"

namespace tfguard::policy {
namespace {

namespace fs = std::filesystem;

// A temporary tree: files written on construction, removed on destruction.
class Tree {
 public:
  explicit Tree(std::map<std::string, std::string> files) {
    dir_ = fs::temp_directory_path() / ("tfguard-policy-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(dir_);
    for (const auto& [path, text] : files) {
      fs::create_directories((dir_ / path).parent_path());
      std::ofstream(dir_ / path, std::ios::binary) << text;
    }
  }
  ~Tree() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  static inline int counter_ = 0;
};

struct CheckRun {
  engine::CheckResult result;
  std::vector<std::string> lines;      ///< "file:line: message" of each finding of `rule`
  std::vector<std::string> undecided;  ///< messages of undecided checks
};

// Checks the tree's `root` (default: the tree) with the policies in its `policies/` folder, only `rule`.
CheckRun check(const Tree& tree, const std::string& rule, const std::string& root = ".") {
  CheckRun run;
  fs::path saved = fs::current_path();
  fs::current_path(tree.dir());
  Findings errors;
  auto settings = settings::resolveSettings({}, root, errors);
  EXPECT_TRUE(settings.has_value());
  engine::CheckOptions options;
  options.paths = {root};
  options.only = {rule};
  options.policy_dirs = {"policies"};
  options.today = "2026-06-01";
  run.result = engine::runCheck(options, *settings);
  fs::current_path(saved);
  for (const Finding& f : run.result.report.findings) {
    if (f.rule != rule) continue;
    Position p = f.location.file ? f.location.file->lines().position(f.location.range.begin) : Position{};
    run.lines.push_back(fmt::format("{}:{}: {}", f.location.file ? f.location.file->path() : "", p.line, f.summary));
  }
  for (const Finding& f : run.result.report.undecided) run.undecided.push_back(f.summary);
  return run;
}

PolicySet load(const std::string& text) {
  return loadPolicyText(std::make_shared<SourceFile>("p.hcl", text), "p.hcl");
}

std::vector<std::string> errorsOf(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : load(text).errors) out.push_back(e.text);
  return out;
}

constexpr char kTables[] = R"hcl(
resource "aws_dynamodb_table" "off" {
  name = "off"
}

resource "aws_dynamodb_table" "on" {
  name = "on"
  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "disabled" {
  name = "disabled"
  point_in_time_recovery {
    enabled = false
  }
}
)hcl";

TEST(Policy, ResourceSelectorAssertAtAndMessage) {
  Tree tree({{"main.tf", kTables},
             {"policies/p.hcl", R"hcl(
policy "pitr" {
  severity = "warning"
  summary  = "tables have point-in-time recovery"
  resource = "aws_dynamodb_table"
  assert   = try(self.point_in_time_recovery[0].enabled, false) == true
  at       = "point_in_time_recovery[0].enabled"
  message  = "table ${self.name} has no point-in-time recovery"
}
)hcl"}});
  CheckRun run = check(tree, "pitr");
  ASSERT_EQ(run.result.exit_code, 1) << run.result.error;
  // Not written: the header; written false: the attribute.
  EXPECT_EQ(run.lines, (std::vector<std::string>{"main.tf:2: table off has no point-in-time recovery",
                                                 "main.tf:16: table disabled has no point-in-time recovery"}));
  ASSERT_EQ(run.result.report.findings.size(), 2u);
  EXPECT_EQ(run.result.report.findings[1].attribute_path, "point_in_time_recovery[0].enabled");
  EXPECT_EQ(run.result.report.findings[1].resource, "aws_dynamodb_table.disabled");
}

TEST(Policy, UnsetArgumentsAreNull) {
  Tree tree({{"main.tf", kTables},
             {"policies/p.hcl", R"hcl(
policy "null-check" {
  severity = "note"
  summary  = "s"
  resource = "aws_dynamodb_table"
  assert   = self.billing_mode != null || self.point_in_time_recovery != null
  message  = "${instance.address}: billing_mode is ${self.billing_mode == null ? "unset" : "set"}"
}
)hcl"}});
  CheckRun run = check(tree, "null-check");
  EXPECT_EQ(run.lines, (std::vector<std::string>{"main.tf:2: aws_dynamodb_table.off: billing_mode is unset"}));
}

TEST(Policy, ConditionalsEvaluateTheChosenResultOnly) {
  Tree tree({{"main.tf", kTables},
             {"policies/p.hcl", R"hcl(
policy "chosen" {
  severity = "note"
  summary  = "s"
  resource = "aws_dynamodb_table"
  locals {
    # Terraform would unify number and string to string ("1" != 1), and
    # evaluate x[0] of an empty list; a policy takes the chosen result as it is.
    one   = true ? 1 : "x"
    empty = []
    first = length(local.empty) > 0 ? local.empty[0] : "none"
  }
  assert  = !(local.one == 1 && local.first == "none")
  message = "${instance.address}: ${local.first}"
}
)hcl"}});
  CheckRun run = check(tree, "chosen");
  EXPECT_TRUE(run.undecided.empty()) << run.undecided[0];
  ASSERT_EQ(run.lines.size(), 3u);
  EXPECT_EQ(run.lines[0], "main.tf:2: aws_dynamodb_table.off: none");
}

TEST(Policy, LocalsThatReadNoInstanceAreSharedButTheirErrorsAreNot) {
  // local.count_of reads only the environment: evaluated once and shared by
  // the checks; local.broken fails, and must make every check undecided,
  // not only the first.
  Tree tree({{"main.tf", kTables},
             {"policies/p.hcl", R"hcl(
policy "shared" {
  severity = "note"
  summary  = "s"
  resource = "aws_dynamodb_table"
  locals {
    count_of = length(resources("aws_dynamodb_table"))
    broken   = tonumber("not a number")
  }
  assert  = local.count_of == 3 && self.name == "on"
  message = "${instance.address} is one of ${local.count_of}"
}
policy "shared-broken" {
  severity = "note"
  summary  = "s"
  resource = "aws_dynamodb_table"
  locals {
    broken = tonumber("not a number")
  }
  assert  = local.broken == 1
  message = "never"
}
)hcl"}});
  CheckRun run = check(tree, "shared");
  EXPECT_EQ(run.lines, (std::vector<std::string>{"main.tf:2: aws_dynamodb_table.off is one of 3",
                                                 "main.tf:13: aws_dynamodb_table.disabled is one of 3"}));
  CheckRun broken = check(tree, "shared-broken");
  EXPECT_TRUE(broken.lines.empty());
  ASSERT_EQ(broken.undecided.size(), 3u);
  for (const std::string& u : broken.undecided) EXPECT_NE(u.find("cannot convert \"not a number\" to number"), std::string::npos) << u;
}

TEST(Policy, WhenForEachLocalsAndParams) {
  Tree tree({{"main.tf", R"hcl(
resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  dynamic "ingress" {
    for_each = [22, 3389]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group" "skipped" {
  description = "skip me"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
)hcl"},
             {"policies/p.hcl", R"hcl(
policy "admin-ports" {
  severity = "error"
  summary  = "admin ports are not public"
  resource = "aws_security_group"
  when     = self.description != "skip me"
  for_each = self.ingress
  locals {
    public = anytrue([for c in coalesce(each.value.cidr_blocks, []) : cidr_is_public(c)])
    admin  = anytrue([for p in param.ports : port_in_range(p, each.value.from_port, each.value.to_port)])
  }
  assert  = !(local.public && local.admin)
  at      = "ingress[${each.key}].cidr_blocks"
  message = "ingress ${each.key} opens port ${each.value.from_port} to ${join(", ", each.value.cidr_blocks)}"
  param "ports" {
    default     = [22, 3389]
    description = "the admin ports"
  }
}
)hcl"}});
  CheckRun run = check(tree, "admin-ports");
  // The dynamic block's instances point at their content's attribute.
  EXPECT_EQ(run.lines, (std::vector<std::string>{"main.tf:15: ingress 1 opens port 22 to 0.0.0.0/0",
                                                 "main.tf:15: ingress 2 opens port 3389 to 0.0.0.0/0"}));
}

TEST(Policy, ParameterFromConfigOverridesTheDefault) {
  Tree tree({{"main.tf", R"hcl(
resource "aws_db_instance" "db" {
  backup_retention_period = 10
}
)hcl"},
             {".tfguard.hcl", "rule \"retention\" {\n  min_days = 14\n}\n"},
             {"policies/p.hcl", R"hcl(
policy "retention" {
  severity = "warning"
  summary  = "s"
  resource = "aws_db_instance"
  assert   = coalesce(self.backup_retention_period, 0) >= param.min_days
  at       = "backup_retention_period"
  message  = "${self.backup_retention_period} days < ${param.min_days}"
  param "min_days" {
    default = 7
  }
}
)hcl"}});
  CheckRun run = check(tree, "retention");
  EXPECT_EQ(run.lines, (std::vector<std::string>{"main.tf:3: 10 days < 14"}));
}

TEST(Policy, AParameterTheRuleDoesNotDeclareIsAnError) {
  Tree tree({{"main.tf", "resource \"aws_db_instance\" \"db\" {}\n"},
             {".tfguard.hcl", "rule \"retention\" {\n  min_dayz = 14\n}\n"},
             {"policies/p.hcl", R"hcl(
policy "retention" {
  severity = "warning"
  summary  = "s"
  resource = "aws_db_instance"
  assert   = true
  message  = "m"
  param "min_days" {
    default = 7
  }
}
)hcl"}});
  CheckRun run = check(tree, "retention");
  EXPECT_EQ(run.result.exit_code, 2);
  EXPECT_NE(run.result.error.find(".tfguard.hcl:2:14: rule \"retention\" has no parameter \"min_dayz\" (it takes min_days)"),
            std::string::npos)
      << run.result.error;
}

TEST(Policy, UnknownValuesAreUndecidedNotFindings) {
  Tree tree({{"main.tf", R"hcl(
variable "encrypted" {
  type = bool
}

resource "aws_kms_key" "k" {}

resource "aws_ebs_volume" "known" {
  encrypted = false
}

resource "aws_ebs_volume" "from_var" {
  encrypted = var.encrypted
}

resource "aws_ebs_volume" "computed" {
  encrypted = aws_kms_key.k.enable_key_rotation
}
)hcl"},
             {"policies/p.hcl", R"hcl(
policy "enc" {
  severity = "warning"
  summary  = "s"
  resource = "aws_ebs_volume"
  assert   = self.encrypted == true
  at       = "encrypted"
  message  = "volume ${instance.name} is not encrypted"
}
)hcl"}});
  CheckRun run = check(tree, "enc");
  EXPECT_EQ(run.lines, (std::vector<std::string>{"main.tf:9: volume known is not encrypted"}));
  ASSERT_EQ(run.undecided.size(), 2u);
  EXPECT_NE(run.undecided[0].find("assert is unknown until apply"), std::string::npos) << run.undecided[0];
}

TEST(Policy, EvaluationErrorsAreUndecidedWithThePolicyLocation) {
  Tree tree({{"main.tf", "resource \"aws_ebs_volume\" \"v\" {\n  size = 10\n}\n"},
             {"policies/p.hcl", R"hcl(
policy "broken" {
  severity = "warning"
  summary  = "s"
  resource = "aws_ebs_volume"
  assert   = tonumber("ten") > self.size
  message  = "m"
}
)hcl"}});
  CheckRun run = check(tree, "broken");
  EXPECT_TRUE(run.lines.empty());
  ASSERT_EQ(run.undecided.size(), 1u);
  EXPECT_NE(run.undecided[0].find("assert failed"), std::string::npos) << run.undecided[0];
  EXPECT_NE(run.undecided[0].find("policies/p.hcl:6:"), std::string::npos) << run.undecided[0];
}

TEST(Policy, SensitiveValuesAreMaskedInMessages) {
  Tree tree({{"main.tf", R"hcl(
variable "password" {
  type      = string
  sensitive = true
  default   = "hunter2-very-secret"
}

resource "aws_db_instance" "db" {
  password = var.password
}
)hcl"},
             {"policies/p.hcl", R"hcl(
policy "pw" {
  severity = "error"
  summary  = "s"
  resource = "aws_db_instance"
  assert   = length(self.password) > 30
  at       = "password"
  message  = "password ${self.password} is too short (${length(self.password)} characters)"
}
)hcl"}});
  CheckRun run = check(tree, "pw");
  EXPECT_EQ(run.lines, (std::vector<std::string>{"main.tf:9: password (sensitive) is too short ((sensitive) characters)"}));
}

TEST(Policy, DataSelectorQueryFunctionsAndEnvironmentScope) {
  Tree tree({{"main.tf", R"hcl(
resource "aws_sqs_queue" "jobs" {
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs_dlq" {}

resource "aws_sqs_queue" "lonely" {}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
)hcl"},
             {"policies/p.hcl", R"hcl(
policy "dlq" {
  severity = "note"
  summary  = "s"
  resource = "aws_sqs_queue"
  assert = self.redrive_policy != null || anytrue([
    for q in resources("aws_sqs_queue") : refers_to(q.redrive_policy, self)
  ])
  message = "${address(self)} has no dead-letter queue (${length(resources("aws_sqs_queue"))} queues)"
}

policy "doc" {
  severity = "warning"
  summary  = "s"
  data     = "aws_iam_policy_document"
  for_each = iam_statements(self)
  assert   = !(contains(each.value.actions, "s3:*") && contains(each.value.resources, "*"))
  at       = "statement[${each.key}].actions"
  message  = "statement ${each.key} (${each.value.effect}) allows ${join(",", each.value.actions)}"
}

policy "env" {
  severity = "note"
  summary  = "s"
  scope    = "environment"
  assert   = env.backend != null
  at       = "backend"
  message  = "${env.tier} environment ${env.name} keeps its state locally"
}
)hcl"}});
  EXPECT_EQ(check(tree, "dlq").lines,
            (std::vector<std::string>{"main.tf:11: aws_sqs_queue.lonely has no dead-letter queue (3 queues)"}));
  EXPECT_EQ(check(tree, "doc").lines, (std::vector<std::string>{"main.tf:15: statement 0 (Allow) allows s3:*"}));
  CheckRun env = check(tree, "env");
  ASSERT_EQ(env.lines.size(), 1u);
  EXPECT_NE(env.lines[0].find("production environment "), std::string::npos) << env.lines[0];
}

TEST(Policy, ReferrersThroughTheIndex) {
  Tree tree({{"main.tf", R"hcl(
resource "aws_instance" "a" {
  count = 2
}

resource "aws_eip" "for_a0" {
  instance = aws_instance.a[0].id
}

resource "aws_eip" "tagged" {
  tags = { Name = aws_instance.a[1].id }
}

resource "aws_eip" "nested" {
  note {
    of = aws_instance.a[0].arn
  }
}
)hcl"},
             {"policies/p.hcl", R"hcl(
policy "eips" {
  severity = "note"
  summary  = "s"
  resource = "aws_instance"
  assert   = length(referrers(self, "aws_eip", ["instance"])) == 0
  message  = "${instance.address}: ${join(",", [for e in referrers(self, "aws_eip") : address(e)])}"
}
)hcl"}});
  // Without arguments named, nested blocks count too.
  EXPECT_EQ(check(tree, "eips").lines,
            (std::vector<std::string>{"main.tf:2: aws_instance.a[0]: aws_eip.for_a0,aws_eip.nested"}));
}

TEST(Policy, ModuleSelector) {
  Tree tree({{"main.tf", R"hcl(
module "net" {
  source = "./modules/net"
  cidr   = "10.0.0.0/16"
}

module "other" {
  source = "./modules/net"
  cidr   = "0.0.0.0/0"
}
)hcl"},
             {"modules/net/main.tf", "variable \"cidr\" {}\n"},
             {"policies/p.hcl", R"hcl(
policy "net" {
  severity = "warning"
  summary  = "s"
  module   = "./modules/net"
  assert   = !cidr_contains(self.cidr, "8.8.8.8")
  at       = "cidr"
  message  = "${instance.address} (${self.source}) covers public space: ${self.cidr}"
}
)hcl"}});
  EXPECT_EQ(check(tree, "net").lines,
            (std::vector<std::string>{"main.tf:9: module.other (./modules/net) covers public space: 0.0.0.0/0"}));
}

TEST(Policy, DisabledByDefaultUntilEnabled) {
  std::map<std::string, std::string> files = {{"main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"},
                                              {"policies/p.hcl", R"hcl(
policy "tags" {
  severity = "warning"
  summary  = "s"
  enabled  = false
  resource = "aws_s3_bucket"
  assert   = self.tags != null
  message  = "no tags"
}
)hcl"}};
  {
    Tree tree(files);
    // --only runs a rule whatever its default.
    EXPECT_EQ(check(tree, "tags").lines.size(), 1u);
  }
  Tree tree(files);
  fs::path saved = fs::current_path();
  fs::current_path(tree.dir());
  Findings errors;
  auto settings = settings::resolveSettings({}, ".", errors);
  engine::CheckOptions options;
  options.policy_dirs = {"policies"};
  auto result = engine::runCheck(options, *settings);
  fs::current_path(saved);
  for (const Finding& f : result.report.findings) EXPECT_NE(f.rule, "tags");
}

// ---- validation

TEST(PolicyFile, ValidPolicyLoads) {
  PolicySet set = load(R"hcl(
policy "ok" {
  severity = "note"
  summary  = "s"
  resource = ["aws_a", "aws_b"]
  assert   = true
  message  = "m"
}
)hcl");
  EXPECT_TRUE(set.errors.empty());
  ASSERT_EQ(set.rules.size(), 1u);
  EXPECT_EQ(set.rules[0]->meta().resource_types.size(), 2u);
  EXPECT_EQ(set.rules[0]->meta().source, "p.hcl");
}

TEST(PolicyFile, ErrorsHaveExactPlaces) {
  auto errors = errorsOf(R"hcl(policy "Bad_id" {
  severity = "fatal"
  summary  = "x"
  resorce  = "aws_x"
  assert   = selff.x && each.value && param.nope && local.l && foo(1)
  message  = "m"
}
)hcl");
  std::vector<std::string> want = {
      "p.hcl:1:8: policy id \"Bad_id\" must be kebab-case (lower-case words joined by -)",
      "p.hcl:4:3: unknown argument \"resorce\" in policy \"Bad_id\" (did you mean \"resource\"?)",
      "p.hcl:2:14: \"severity\" must be \"error\", \"warning\" or \"note\", not \"fatal\"",
      "p.hcl:1:1: policy \"Bad_id\" needs exactly one of resource, data, module or scope = \"environment\"",
      "p.hcl:5:14: unknown name \"selff\" in policy \"Bad_id\" (did you mean \"self\"?): the names are self, instance, "
      "each, env, param and local",
      "p.hcl:5:25: each is only defined in a policy with for_each",
      "p.hcl:5:39: param.nope is not declared: add param \"nope\" { default = ... } to policy \"Bad_id\"",
      "p.hcl:5:53: local.l is not declared (before this use) in policy \"Bad_id\"",
      "p.hcl:5:64: there is no function named \"foo\"",
  };
  EXPECT_EQ(errors, want);
}

TEST(PolicyFile, MissingPartsAndWrongTypes) {
  auto errors = errorsOf(R"hcl(policy "p" {
  summary = 3
  tags    = "security"
  scope   = "project"
  enabled = "yes"
  description = var.x
}
other "x" {}
)hcl");
  std::vector<std::string> want = {
      "p.hcl:1:1: policy \"p\" needs a severity (\"error\", \"warning\" or \"note\")",
      "p.hcl:2:13: \"summary\" must be a string",
      "p.hcl:6:17: \"description\" must be a constant: Variables may not be used here.",
      "p.hcl:5:13: \"enabled\" must be true or false",
      "p.hcl:4:13: scope must be \"environment\", not \"project\"",
      "p.hcl:1:1: policy \"p\" needs an assert",
      "p.hcl:1:1: policy \"p\" needs a message",
      "p.hcl:8:1: unexpected block \"other\": a policy file holds only policy blocks",
  };
  EXPECT_EQ(errors, want);
}

TEST(PolicyFile, SyntaxErrorsAndEnvironmentScopeWithSelf) {
  auto syntax = errorsOf("policy \"p\" {\n  severity = \n}\n");
  ASSERT_FALSE(syntax.empty());
  EXPECT_EQ(syntax[0].rfind("p.hcl:", 0), 0u) << syntax[0];
  auto errors = errorsOf(R"hcl(policy "p" {
  severity = "note"
  summary  = "s"
  scope    = "environment"
  for_each = each.value
  assert   = self.x
  message  = "m"
}
)hcl");
  EXPECT_EQ(errors, (std::vector<std::string>{"p.hcl:6:14: an environment policy has no self (use resources(type))",
                                              "p.hcl:5:14: for_each cannot refer to each"}));
}

TEST(PolicyFile, TwoPoliciesWithOneIdInOneFile) {
  auto errors = errorsOf(R"hcl(
policy "p" {
  severity = "note"
  summary  = "s"
  scope    = "environment"
  assert   = true
  message  = "m"
}
policy "p" {
  severity = "note"
  summary  = "s"
  scope    = "environment"
  assert   = true
  message  = "m"
}
)hcl");
  EXPECT_EQ(errors, (std::vector<std::string>{"p.hcl:9:8: policy \"p\" is declared twice in this file"}));
}

TEST(PolicyFile, AUserPolicyCannotTakeABuiltinId) {
  Tree tree({{"main.tf", "resource \"aws_eip\" \"e\" {}\n"},
             {"policies/p.hcl", R"hcl(
policy "eip-attached" {
  severity = "note"
  summary  = "s"
  resource = "aws_eip"
  assert   = true
  message  = "m"
}
)hcl"}});
  CheckRun run = check(tree, "eip-attached");
  EXPECT_EQ(run.result.exit_code, 2);
  EXPECT_NE(run.result.error.find("policy \"eip-attached\" has the id of another rule"), std::string::npos)
      << run.result.error;
}

// ---- the built-in policies

TEST(BuiltinPolicies, LoadWithoutErrors) {
  const PolicySet& set = builtinPolicies();
  for (const auto& e : set.errors) ADD_FAILURE() << e.text;
  EXPECT_EQ(set.rules.size(), embeddedPolicyFiles().size());
  for (const auto& r : set.rules) {
    const rules::RuleMeta& m = r->meta();
    EXPECT_FALSE(m.description.empty()) << m.id;
    EXPECT_FALSE(m.bad_example.empty()) << m.id;
    EXPECT_FALSE(m.good_example.empty()) << m.id;
    EXPECT_NE(m.description.find("## Why"), std::string_view::npos) << m.id << ": the description has no ## Why";
    EXPECT_TRUE(m.source.starts_with("builtin policy policies/")) << m.source;
  }
}

// ---- query functions

TEST(QueryFunctions, IamStatementsNormaliseJsonDocuments) {
  std::string error;
  eval::Value doc = eval::Value::string(
      R"hcl({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"AWS":["arn:aws:iam::1:root"]}}})hcl");
  eval::Value s = iamStatements(doc, &error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_EQ(s.elements().size(), 1u);
  const eval::Value& st = s.elements()[0];
  EXPECT_EQ(st.get("effect")->asString(), "Allow");
  EXPECT_EQ(st.get("actions")->elements()[0].asString(), "*");
  EXPECT_EQ(st.get("principals")->elements()[0].asString(), "AWS:arn:aws:iam::1:root");
  EXPECT_EQ(iamStatements(eval::Value::string("{not json"), &error).isKnown(), false);
  EXPECT_NE(error.find("not valid JSON"), std::string::npos);
  std::string none;
  EXPECT_FALSE(iamStatements(eval::Value::unknown(), &none).isKnown());
}

class NoResources : public QueryHost {
 public:
  eval::Value resources(std::string_view) override { return eval::Value::tuple({}); }
  eval::Value referrers(const std::string&, std::string_view, const std::vector<std::string>&) override {
    return eval::Value::tuple({});
  }
};

eval::Value call(std::string_view name, std::vector<eval::Value> args) {
  NoResources host;
  eval::FunctionResult r = callQueryFunction(name, args, host);
  EXPECT_TRUE(r.ok()) << name << ": " << r.error;
  return r.value;
}

TEST(QueryFunctions, NetworksPortsAndSetness) {
  using eval::Value;
  EXPECT_TRUE(call("cidr_contains", {Value::string("10.0.0.0/8"), Value::string("10.1.2.0/24")}).asBool());
  EXPECT_FALSE(call("cidr_contains", {Value::string("10.0.0.0/8"), Value::string("0.0.0.0/0")}).asBool());
  EXPECT_TRUE(call("cidr_contains", {Value::string("2001:db8::/32"), Value::string("2001:db8::1")}).asBool());
  EXPECT_TRUE(call("cidr_is_public", {Value::string("0.0.0.0/0")}).asBool());
  EXPECT_TRUE(call("cidr_is_public", {Value::string("::/0")}).asBool());
  EXPECT_FALSE(call("cidr_is_public", {Value::string("192.168.0.0/16")}).asBool());
  EXPECT_FALSE(call("cidr_is_public", {Value::unknown()}).isKnown());
  EXPECT_TRUE(call("port_in_range", {Value::number(22), Value::number(0), Value::number(1024)}).asBool());
  EXPECT_FALSE(call("port_in_range", {Value::number(22), Value::number(80), Value::number(443)}).asBool());
  EXPECT_TRUE(call("port_in_range", {Value::number(22), Value::number(-1), Value::number(-1)}).asBool());
  EXPECT_TRUE(call("is_set", {Value::unknown(eval::Type::string(), {"aws_kms_key.k.arn"})}).asBool());
  EXPECT_FALSE(call("is_set", {Value::null()}).asBool());
  EXPECT_TRUE(call("matches", {Value::string("AKIAIOSFODNN7EXAMPLE"), Value::string("^AKIA[0-9A-Z]{16}$")}).asBool());
  NoResources host;
  eval::FunctionResult bad = callQueryFunction("matches", std::vector{Value::string("x"), Value::string("(")}, host);
  EXPECT_NE(bad.error.find("invalid regular expression"), std::string::npos) << bad.error;
  eval::FunctionResult cidr = callQueryFunction("cidr_contains", std::vector{Value::string("nope"), Value::string("1.2.3.4")}, host);
  EXPECT_EQ(cidr.error_arg, 0);
}

TEST(QueryFunctions, ReferencesAndRefersTo) {
  using eval::Value;
  Value redrive = Value::unknown(eval::Type::string(), {"module.q.aws_sqs_queue.dlq[0].arn", "aws_kms_key.k.arn"});
  Value dlq = Value::object({}).withReference("module.q.aws_sqs_queue.dlq[0]");
  Value other = Value::object({}).withReference("module.q.aws_sqs_queue.dlq[1]");
  EXPECT_TRUE(call("refers_to", {redrive, dlq}).asBool());
  EXPECT_FALSE(call("refers_to", {redrive, other}).asBool());
  Value refs = call("references", {redrive, Value::string("aws_sqs_queue")});
  ASSERT_EQ(refs.elements().size(), 1u);
  EXPECT_EQ(refs.elements()[0].asString(), "module.q.aws_sqs_queue.dlq[0]");
  EXPECT_EQ(call("address", {dlq}).asString(), "module.q.aws_sqs_queue.dlq[0]");
  // An unknown that stands for nothing in particular could refer to anything.
  EXPECT_FALSE(call("refers_to", {Value::unknown(), dlq}).isKnown());
}

}  // namespace
}  // namespace tfguard::policy
