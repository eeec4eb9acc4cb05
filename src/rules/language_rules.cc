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
                      std::string_view bad, std::string_view good, std::string_view why_cpp) {
  RuleMeta m;
  m.id = id;
  m.default_severity = severity;
  m.summary = summary;
  m.description = description;
  m.bad_example = bad;
  m.good_example = good;
  m.why_cpp = why_cpp;
  m.scope = RuleScope::kEnvironment;
  m.tags = {"terraform"};
  return m;
}

}  // namespace

std::vector<std::unique_ptr<Rule>> makeLanguageRules() {
  std::vector<std::unique_ptr<Rule>> out;
  auto add = [&](RuleMeta m) { out.push_back(std::make_unique<LanguageRule>(std::move(m))); };
  constexpr std::string_view kFromModel =
      "Its findings come from the module loader itself, while it reads each module's declarations; there is "
      "nothing left for a rule or a policy to check, so this C++ entry only carries the metadata (severity, "
      "documentation, suppression).";
  constexpr std::string_view kFromEvaluator =
      "Its findings come from the evaluator itself, while it evaluates each environment the way `terraform plan` "
      "would; there is nothing left for a rule or a policy to check, so this C++ entry only carries the metadata "
      "(severity, documentation, suppression).";
  add(languageMeta("duplicate-declaration", Severity::kError, "a variable, local, resource, module, output or provider is declared twice",
                   R"md(## What fails

Two declarations of the same thing in one module (all its `.tf` and `.tf.json` files together):
variables, locals, outputs, module calls, resources (`Duplicate resource "aws_instance"
configuration`), data sources, `check` blocks, provider configurations with the same name and
alias, a second `required_providers` block, and a second `backend` or `cloud` block (or one of
each). Override files (`override.tf`, `*_override.tf`) are merged as Terraform merges them and are
not duplicates.

tfguard keeps the first declaration and reports the second, with Terraform's message, at the
second's header, pointing at the first as a related location:

```
b.tf:3:1: error: Duplicate variable declaration [duplicate-declaration]
  A variable named "region" was already declared at a.tf:1,1-18. Variable names
  must be unique within a module.
  a.tf:1:1: previously declared here
```

Evaluation and the other rules continue with the first declaration. See
[the module model](../model.md#findings).

## Why

Terraform refuses to load a module that declares the same name twice: `terraform plan` stops
before it does anything. Duplicates usually come from a block copied into a second file, or a
merge that kept both sides; tfguard reports them with both places so that the right one can be
kept, and checks the rest with the first meanwhile.)md",
                   "variable \"region\" {}\nvariable \"region\" {}\n", "variable \"region\" {}\n", kFromModel));
  add(languageMeta("eval-error", Severity::kWarning, "an expression cannot be evaluated",
                   R"md(## What fails

An expression Terraform would reject when it plans, with Terraform's message, at the expression:

- a function called with a bad argument (`tonumber("eighty")`), a reference to something that is
  not declared (`Reference to undeclared resource`), an attribute or index that does not exist;
- a file function (`file`, `templatefile`, `fileset`, ...) naming a file that does not exist, or
  one outside the scanned tree (tfguard never reads outside it: see
  [evaluation](../evaluation.md#files-and-safety));
- a cycle among locals, or among module references;
- a `count` or `for_each` that is not a whole number, null, or not a map or set of strings; an
  invalid `dynamic` block or its `for_each`; a `validation` condition that is not a bool;
- more instances than tfguard expands (`count`/`for_each` over 10,000: `Too many instances`; the
  first 10,000 are evaluated).

Each place is reported once per environment, however many instances evaluate it. The value becomes
unknown, so rules that depend on it are undecided instead of firing on a wrong value.

A module that cannot be loaded is reported as a **note** under this rule (`Module not loaded`): a
remote source without `terraform init` (tfguard finds installed modules through
`.terraform/modules/modules.json`), a source that is not a literal string, a module that calls
itself or nests more than 32 deep, or a directory without configuration files. Its outputs are
unknown. Findings inside modules installed under `.terraform/` are not reported: they are not
yours to fix. `rule "eval-error" { severity = ... }` in `.tfguard.hcl` sets one severity for all.

## Why

These expressions stop `terraform plan` for the environment that evaluates them, often only
that one (a file that exists in one environment's folder, a value only production sets). And every
value computed from them is unknown to tfguard, so the checks that depend on them stay undecided:
fix them (or run `terraform init` for remote modules) to get the whole configuration checked.)md",
                   "locals {\n  port = tonumber(\"eighty\")\n}\n", "locals {\n  port = 80\n}\n", kFromEvaluator));
  add(languageMeta("invalid-config", Severity::kError, "a block or argument Terraform would reject",
                   R"md(## What fails

Configuration Terraform would refuse, with its wording and the precise place (see
[the module model](../model.md#invalid-config-error-unless-said-otherwise)):

- unknown block types and top-level arguments (`Unsupported block type`, `Unsupported argument`;
  in JSON `Extraneous JSON object property`), with a suggestion for a typo (`resourc` → "Did you
  mean "resource"?");
- missing or extra labels (`Missing name for resource`: "All resource blocks must have 2 labels
  (type, name).");
- arguments a `variable` or `output` block does not take, with a suggestion (`typo = string` →
  "Did you mean "type"?"); an `output` without `value`, a `module` without `source`, a
  non-literal module `source`;
- `count` and `for_each` together;
- invalid type constraints (`type = strin`, `optional()` outside an object attribute, a wrong
  number of arguments to a type constructor, constraints nested more than 64 levels deep);
- the pre-0.12 quoted types `"string"`, `"list"`, `"map"`: a **warning** (read as `string`,
  `list(any)`, `map(any)`) so that old modules can still be checked; Terraform 1.x rejects them;
- a JSON value of the wrong shape where a block is expected (`Incorrect JSON value type`);
- overriding something that does not exist ("Missing base variable declaration to override"), and
  `moved` or `import` blocks in override files.

Problems with the environments are reported under this rule too: a `var_files`, `env_file` or
`backend_config` named in `.tfguard.hcl` that is found neither beside the root nor beside
`.tfguard.hcl` (the environment is checked without it), a `root` that is not a directory, two
`environment` blocks with the same name and root (the second is ignored), a variable, env or
backend file that cannot be read, a quote that is never closed in an env file, and two environments
found by the layout with the same name in one root (a **warning**; the second is ignored). See
[environments](../environments.md). Errors in `.tfguard.hcl` itself are not findings: tfguard
prints them and stops with exit code 2 ([configuration](../configuration.md#errors)).

Provider schemas are not read: an unknown argument of `aws_instance` is not reported here.

## Why

`terraform init`, `validate` and `plan` refuse such a configuration. tfguard cannot know what was
meant either (a misspelt `typ` leaves the variable without its type), so it reports the problem
where it is and checks the rest as far as it can.)md",
                   "variable \"x\" {\n  typ = string\n}\n", "variable \"x\" {\n  type = string\n}\n", kFromModel));
  add(languageMeta("missing-required-variable", Severity::kError, "a variable without default is not set",
                   R"md(## What fails

A variable without a `default` that is given no value:

- in the root module, by none of the environment's sources (its var files, `terraform.tfvars`,
  `*.auto.tfvars`, `TF_VAR_` lines of its env file, `vars` in `.tfguard.hcl`; see
  [evaluation](../evaluation.md#per-environment)): `No value for required variable`, at the
  variable's declaration, naming the environment. A root that has no variable source at all (no
  var file, no env file, no `.tfguard.hcl` environment; an example, or a root whose values CI passes
  with `-var`) is not reported: its values come at plan time, and the variables are unknown — checks
  that depend on them are undecided;
- in a called module, by the module call: `Missing required argument`, at the `module` block,
  with the variable's declaration as a related location.

tfguard continues with an unknown value, so the checks that depend on the variable are undecided
in that environment.

## Why

`terraform plan` stops and asks for the value, and in automation (`-input=false`) it fails. A
variable added for one environment and forgotten in another's tfvars breaks that environment's
next deploy; tfguard reports it for every environment at once, before anyone runs a plan.)md",
                   "variable \"region\" {\n  type = string\n}\n# and no region = ... in the environment's tfvars\n",
                   "variable \"region\" {\n  type    = string\n  default = \"eu-west-1\"\n}\n", kFromEvaluator));
  add(languageMeta("syntax", Severity::kError, "a file does not parse",
                   R"md(## What fails

A file tfguard reads that does not parse: a `.tf` or `.tf.json` file of a module, an environment's
`.tfvars` or `.tfvars.json` file, a partial backend configuration file, or a template read by
`templatefile`. The message is HashiCorp's (`Missing newline after argument`, `Unclosed
configuration block`, ...), at the exact place. Also reported under this rule: a file or directory
that cannot be read, and a block in a variable file (`Blocks are not allowed in variable files`).

Parsing recovers: after an error the parser skips to the next line and keeps reporting, so every
broken item is listed, not only the first (the first error is the one Terraform reports; see
[the parser](../parser.md)), and the rest of the file and of the tree is still evaluated and checked.

Syntax errors are findings of severity error, not exit code 2 ([output](../output.md)). The rule
is always on and its findings cannot be suppressed: a `tfguard:ignore syntax` comment is itself
reported by `unused-ignore`. Syntax errors in `.tfguard.hcl` are configuration errors instead:
tfguard prints them and stops with exit code 2 ([configuration](../configuration.md#errors)).

## Why

Terraform refuses to load a module, or a var file, that does not parse: nothing is planned until it
is fixed. What tfguard reads around the error may not be what was meant, so the findings in and
below the broken item are best read again after the fix.)md",
                   "resource \"aws_eip\" \"a\" {\n  domain = \"vpc\" tags = {}\n}\n",
                   "resource \"aws_eip\" \"a\" {\n  domain = \"vpc\"\n  tags   = {}\n}\n",
                   "Its findings come from tfguard's HCL parser itself, while it reads the files; there is nothing left "
                   "for a rule or a policy to check, so this C++ entry only carries the metadata (severity, "
                   "documentation)."));
  add(languageMeta("type-mismatch", Severity::kError, "a value cannot be converted to the variable's type",
                   R"md(## What fails

A value that Terraform cannot convert to the variable's declared `type` (`Invalid value for input
variable`), with Terraform's conversion rules: `"3"` converts to a number, `"three"` does not; an
object must have the attributes the type requires (`optional(T, default)` attributes are filled
in). It covers values from var files, `.tfguard.hcl` `vars`, `TF_VAR_` lines of an env file (for a
variable that is not a string, Terraform parses the value as HCL; one that does not parse fails
too), and module arguments.

The finding is placed at the value (the tfvars line, the module argument), says which part does not
fit (`The given value is not suitable for var.subnets: [1].cidr: ...`), and points at the
variable's declaration as a related location. The variable is then unknown, so the checks that
depend on it are undecided. See [evaluation](../evaluation.md#per-environment).

## Why

`terraform plan` fails on the first such value, for the environment that sets it only: a tfvars
file edited for production breaks production's next deploy and nobody else's. tfguard checks every
environment's values against the declarations at once.)md",
                   "# variables.tf: variable \"replicas\" { type = number }\nreplicas = \"three\"\n",
                   "replicas = 3\n", kFromEvaluator));
  add(languageMeta("undeclared-variable", Severity::kWarning, "a value is set for a variable that is not declared",
                   R"md(## What fails

- A value for a variable the root module does not declare, in one of the environment's var files,
  in a `TF_VAR_` line of its env file, or in `vars` in `.tfguard.hcl`: a **warning**
  (`Value for undeclared variable`), at the line that sets it.
- A module argument the called module does not declare as a variable: an **error**
  (`Unsupported argument`), at the argument's name, as Terraform reports it.

The value is not used. `rule "undeclared-variable" { severity = ... }` in `.tfguard.hcl` sets one
severity for both.

## Why

Usually a typo (`instance_typ`) or a leftover after a variable was renamed or removed: the value
someone meant to set is silently not used, and the variable keeps its default — a production
setting that never reaches production. Terraform only warns about such values in var files (and
ignores `TF_VAR_` environment variables it does not need), so the mistake goes unnoticed; a module
argument it does not know stops `terraform plan`.)md",
                   "# the module declares instance_type\ninstance_typ = \"t3.micro\"\n", "instance_type = \"t3.micro\"\n",
                   kFromEvaluator));
  add(languageMeta("unused-ignore", Severity::kNote, "a suppression comment suppresses nothing, or has expired",
                   R"md(## What fails

Suppression comments are checked like code (see [suppressions](../suppressions.md#unused-ignore)):

| problem | severity |
| --- | --- |
| an unknown rule id (with "Did you mean"; an other tool's id names the tfguard rule) | warning |
| a `tfguard:ignore` without rule ids, an invalid `exp:` date, `tfguard:ignore-file` below the first block | warning |
| `syntax` or `unused-ignore` listed: these findings can never be suppressed | warning |
| a suppression that suppressed nothing (in any environment), or some of whose rules suppressed nothing | note |
| a suppression that has expired (`exp:` date passed): `suppression expired on 2025-12-31` | note |

A suppression is used when it suppressed a finding in at least one environment (with `env:NAME`,
in that environment). When it expires, the findings it covered come back. Other tools' comments
(`tfsec:ignore`, `checkov:skip`, ...) are never reported: they may still be there for that tool.

`unused-ignore` findings cannot themselves be suppressed; turn the rule off in `.tfguard.hcl`
instead (`rule "unused-ignore" { enabled = false }`).

## Why

A suppression that no longer suppresses anything is a trap: when a finding of that rule appears at
that place later — not necessarily the exception that was once reviewed — the old comment hides it
without anyone looking at it. A misspelt rule id suppresses nothing while its author believes it
does, and an expired exception needs a decision: fix the findings, or extend it with a reason.
Remove the comment, or fix the id.)md",
                   "# tfguard:ignore ssh-admin-cidr the rule no longer fires here\n", "# (comment removed)\n",
                   "Its findings come from the suppression step itself, after every rule has run: only then is it "
                   "known which comments suppressed something. There is nothing for a rule or a policy to check, so "
                   "this C++ entry only carries the metadata (severity, documentation)."));
  add(languageMeta("variable-validation", Severity::kError, "a variable's validation condition fails for the environment's value",
                   R"md(## What fails

A `validation` block of a variable whose `condition` is false for the value an environment gives
the variable (root module variables, and module variables with the value of the module call). The
summary is Terraform's (`Invalid value for variable`), the detail is the block's `error_message`
followed by the value (`(var.env = "production")`; a sensitive value is not shown). The finding is
placed where the value was set (the tfvars line or module argument), with the condition and the
rest of the value's way (the module arguments it passed through) as related locations.

A condition that is unknown (it depends on a value known only at apply) gives no finding; one that
is not a bool is an `eval-error`. See [evaluation](../evaluation.md#per-environment).

## Why

Terraform checks validation conditions when it plans, for one environment at a time: a value only
production sets fails only when production is planned, often in the deploy pipeline. tfguard checks
every environment's values against the module's own rules at once, and points at the line to fix.)md",
                   "# variables.tf: validation { condition = contains([\"dev\", \"prod\"], var.env) ... }\nenv = \"production\"\n",
                   "env = \"prod\"\n", kFromEvaluator));
  return out;
}

}  // namespace tfguard::rules
