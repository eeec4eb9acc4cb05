// Rules whose findings come from loading and evaluation, not from a check
// over the model: their metadata (docs, SARIF rules, severities) lives here;
// the loader, model and evaluator produce the findings under these ids.
#include "rules/registry.h"

namespace tfguard::rules {
namespace {

class LanguageRule : public Rule {
 public:
  explicit LanguageRule(RuleMeta meta) : meta_(std::move(meta)) {}
  const RuleMeta& meta() const override { return meta_; }

 private:
  RuleMeta meta_;
};

RuleMeta languageMeta(std::string_view id, Severity severity, std::string_view summary, std::string_view description,
                      std::string_view bad, std::string_view good) {
  RuleMeta m;
  m.id = id;
  m.default_severity = severity;
  m.summary = summary;
  m.description = description;
  m.bad_example = bad;
  m.good_example = good;
  m.scope = RuleScope::kEnvironment;
  m.tags = {"terraform"};
  return m;
}

}  // namespace

std::vector<std::unique_ptr<Rule>> makeLanguageRules() {
  std::vector<std::unique_ptr<Rule>> out;
  auto add = [&](RuleMeta m) { out.push_back(std::make_unique<LanguageRule>(std::move(m))); };
  add(languageMeta("duplicate-declaration", Severity::kError, "a variable, local, resource, module, output or provider is declared twice",
                   "Terraform refuses a module that declares the same name twice (`Duplicate variable declaration`, "
                   "`Duplicate resource \"aws_x\" configuration`, ...). tfguard reports the second declaration, with the "
                   "first as related location, and keeps evaluating with the first.",
                   "variable \"region\" {}\nvariable \"region\" {}\n", "variable \"region\" {}\n"));
  add(languageMeta("eval-error", Severity::kWarning, "an expression cannot be evaluated",
                   "An expression Terraform would reject at plan time: a bad function argument, a reference to "
                   "something undeclared, a missing file, a cycle among locals. The message is Terraform's. The value "
                   "becomes unknown, so no other rule fires on it. Modules that cannot be loaded (a remote source "
                   "without `terraform init`) are reported as a note under this rule.",
                   "locals {\n  port = tonumber(\"eighty\")\n}\n", "locals {\n  port = 80\n}\n"));
  add(languageMeta("invalid-config", Severity::kError, "a block or argument Terraform would reject",
                   "A block type Terraform does not know, a missing or extra label, an argument that is not allowed "
                   "in a `variable` or `output` block, an invalid type constraint, a file named by `.tfguard.hcl` that "
                   "does not exist.",
                   "variable \"x\" {\n  typ = string\n}\n", "variable \"x\" {\n  type = string\n}\n"));
  add(languageMeta("missing-required-variable", Severity::kError, "a variable without default is not set",
                   "An environment (through its tfvars, env file or `.tfguard.hcl` vars) or a module call does not set "
                   "a variable that has no default: `terraform plan` would stop and ask for it. tfguard continues "
                   "with an unknown value.",
                   "variable \"region\" {\n  type = string\n}\n# and no region = ... in the environment's tfvars\n",
                   "variable \"region\" {\n  type    = string\n  default = \"eu-west-1\"\n}\n"));
  add(languageMeta("syntax", Severity::kError, "a file does not parse",
                   "A syntax error in a `.tf`, `.tf.json`, `.tfvars` or template file, with HashiCorp's message. "
                   "Parsing recovers and the rest of the file and tree is still checked. Syntax errors cannot be "
                   "suppressed.",
                   "resource \"aws_eip\" \"a\" {\n  domain = \"vpc\" tags = {}\n}\n",
                   "resource \"aws_eip\" \"a\" {\n  domain = \"vpc\"\n  tags   = {}\n}\n"));
  add(languageMeta("type-mismatch", Severity::kError, "a value cannot be converted to the variable's type",
                   "The environment sets a value that Terraform cannot convert to the variable's declared type "
                   "(`Invalid value for input variable`). The finding is placed at the value (the tfvars line).",
                   "# variables.tf: variable \"replicas\" { type = number }\nreplicas = \"three\"\n",
                   "replicas = 3\n"));
  add(languageMeta("undeclared-variable", Severity::kWarning, "a value is set for a variable that is not declared",
                   "A tfvars or env-file value for a variable the root module does not declare (Terraform warns, or "
                   "fails for -var-file), or a module argument the module does not declare (an error: "
                   "`Unsupported argument`). Usually a typo or a leftover after a rename.",
                   "# the module declares instance_type\ninstance_typ = \"t3.micro\"\n", "instance_type = \"t3.micro\"\n"));
  add(languageMeta("unused-ignore", Severity::kNote, "a suppression comment suppresses nothing, or has expired",
                   "A `# tfguard:ignore RULE` comment that no finding matched (the problem was fixed, or the rule id "
                   "is misspelt), or whose `exp:` date has passed. Remove it, or fix the id.",
                   "# tfguard:ignore ssh-admin-cidr the rule no longer fires here\n", "# (comment removed)\n"));
  add(languageMeta("variable-validation", Severity::kError, "a variable's validation condition fails for the environment's value",
                   "A `validation` block of a variable is false for the value an environment gives it. The detail is "
                   "the block's `error_message`; the finding is placed where the value was set (the tfvars line or "
                   "module argument), with the condition as related location.",
                   "# variables.tf: validation { condition = contains([\"dev\", \"prod\"], var.env) ... }\nenv = \"production\"\n",
                   "env = \"prod\"\n"));
  return out;
}

}  // namespace tfguard::rules
