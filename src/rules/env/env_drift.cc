// env-drift (SPEC §6): environment roots that should be alike are not. Sibling
// environment roots (environments/dev, environments/production, ...) are
// compared declaration by declaration: module calls (by name, source and
// version) and the root module's managed resources (by type and name).
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "eval/expr_eval.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace tfguard::rules {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kId = "env-drift";

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

/// One environment root of a group: the first environment of that root
/// reports for it.
struct RootView {
  const EnvironmentView* env;
  const model::Module* module;
  std::string name;
};

/// A module call's source or version as written; nullopt when it is not a
/// constant (it cannot be compared).
struct CallValue {
  std::optional<std::string> text;  ///< "" when absent
  Location at;
};

CallValue versionOf(const model::ModuleCall& call) {
  CallValue v;
  v.text = std::string();
  v.at = call.decl.location();
  if (call.version == nullptr || call.version->expr == nullptr) return v;
  const syntax::ParsedFile* f = call.version->file ? call.version->file : call.decl.file;
  v.at = {f ? f->source : nullptr, call.version->range};
  if (f == nullptr) return {std::nullopt, v.at};
  eval::EvalDiagnostics diags;
  eval::Value value = eval::evalConstant(*call.version->expr, *f, diags);
  if (!diags.empty() || !value.isKnown() || value.type().kind() != eval::TypeKind::kString) v.text.reset();
  else v.text = value.asString();
  return v;
}

CallValue sourceOf(const model::ModuleCall& call) {
  CallValue v;
  v.at = call.decl.location();
  if (call.source_attr != nullptr) {
    const syntax::ParsedFile* f = call.source_attr->file ? call.source_attr->file : call.decl.file;
    v.at = {f ? f->source : nullptr, call.source_attr->range};
  }
  if (!call.source.empty()) v.text = call.source;
  return v;
}

/// Whether an environment looks like one of a set of alike environments:
/// found by the layout or the config, or named after a tier (dev, prod-eu).
bool environmentLike(const loader::EnvironmentSpec& spec) {
  return spec.origin == loader::EnvironmentOrigin::kLayout || spec.origin == loader::EnvironmentOrigin::kConfig ||
         loader::inferTier(spec.name).has_value();
}

class EnvDriftRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void checkAcross(std::span<const EnvironmentView> envs) const override {
    // Group distinct roots by their parent directory.
    std::map<fs::path, std::vector<RootView>> groups;
    std::set<fs::path> seen_roots;
    for (const EnvironmentView& e : envs) {
      const eval::EvaluatedEnvironment& env = *e.environment;
      if (env.spec == nullptr || !env.root || env.root->module == nullptr) continue;
      fs::path root = env.spec->root.lexically_normal();
      if (!seen_roots.insert(root).second) continue;  // environments of one root are alike by construction
      if (!environmentLike(*env.spec)) continue;
      fs::path parent = root.has_filename() ? root.parent_path() : root.parent_path().parent_path();
      groups[parent].push_back({&e, env.root->module, env.spec->name});
    }
    for (const auto& [parent, roots] : groups)
      if (roots.size() >= 2) checkGroup(roots);
  }

 private:
  static void checkGroup(const std::vector<RootView>& roots) {
    // Module calls present in some roots and missing in others.
    std::vector<std::string> call_names;
    std::set<std::string> seen;
    for (const RootView& r : roots)
      for (const model::ModuleCall& c : r.module->module_calls)
        if (seen.insert(std::string(c.name)).second) call_names.emplace_back(c.name);
    for (const std::string& name : call_names) {
      std::vector<std::string> missing;
      for (const RootView& r : roots)
        if (r.module->moduleCall(name) == nullptr) missing.push_back(r.name);
      for (const RootView& r : roots) {
        const model::ModuleCall* c = r.module->moduleCall(name);
        if (c == nullptr) continue;
        if (!missing.empty()) {
          RuleFinding f;
          f.message = fmt::format("module \"{}\" is called in {} but not in {}", name, r.name, joinNames(missing));
          f.at = c->decl.location();
          r.env->context->report(std::move(f));
        }
        compareCall(roots, r, *c, "source", sourceOf);
        compareCall(roots, r, *c, "version", versionOf);
      }
    }
    // Root-module managed resources present in some roots and missing in others.
    std::vector<std::pair<std::string, std::string>> resources;
    std::set<std::pair<std::string, std::string>> seen_resources;
    for (const RootView& r : roots)
      for (const model::Resource& res : r.module->resources)
        if (res.mode == model::ResourceMode::kManaged &&
            seen_resources.emplace(std::string(res.type), std::string(res.name)).second)
          resources.emplace_back(res.type, res.name);
    for (const auto& [type, name] : resources) {
      std::vector<std::string> missing;
      for (const RootView& r : roots)
        if (r.module->resource(model::ResourceMode::kManaged, type, name) == nullptr) missing.push_back(r.name);
      if (missing.empty()) continue;
      for (const RootView& r : roots) {
        const model::Resource* res = r.module->resource(model::ResourceMode::kManaged, type, name);
        if (res == nullptr) continue;
        RuleFinding f;
        f.message = fmt::format("resource {}.{} is declared in {} but not in {}", type, name, r.name, joinNames(missing));
        f.at = res->decl.location();
        f.resource = res->address();
        r.env->context->report(std::move(f));
      }
    }
  }

  /// Reports `what` (source or version) of `call` in `self` when another root
  /// calls the same module with a different constant value.
  template <typename Read>
  static void compareCall(const std::vector<RootView>& roots, const RootView& self, const model::ModuleCall& call,
                          std::string_view what, Read read) {
    CallValue mine = read(call);
    if (!mine.text) return;
    std::vector<std::string> others;
    for (const RootView& r : roots) {
      if (&r == &self) continue;
      const model::ModuleCall* c = r.module->moduleCall(call.name);
      if (c == nullptr) continue;
      CallValue theirs = read(*c);
      if (!theirs.text || *theirs.text == *mine.text) continue;
      others.push_back(theirs.text->empty() ? fmt::format("no {} in {}", what, r.name)
                                            : fmt::format("\"{}\" in {}", *theirs.text, r.name));
    }
    if (others.empty()) return;
    RuleFinding f;
    std::string own = mine.text->empty() ? fmt::format("has no {}", what) : fmt::format("has {} \"{}\"", what, *mine.text);
    f.message = fmt::format("module \"{}\" {} in {} but {}", call.name, own, self.name, joinNames(others));
    f.at = mine.at;
    f.attribute_path = mine.text->empty() ? "" : std::string(what);
    self.env->context->report(std::move(f));
  }

  RuleMeta meta_{
      .id = kId,
      .default_severity = Severity::kNote,
      .summary = "Sibling environment roots should declare the same modules and resources",
      .description = R"md(Environment roots that should be alike are not.

## What fails

Environments whose roots are **different directories in the same parent folder** are compared, when
they look like environments: found by the layout (`environments/NAME`, `envs/NAME`, …), declared in
`.tfguard.hcl`, or named after a tier (`dev`, `prod-eu`, `staging`). Sibling roots that are not
environments (`stacks/network` beside `stacks/dns`) are not compared, and neither are the
environments of one root (several tfvars or env files): they are alike by construction. Each root
is compared once (its first environment reports).

Declarations of the root modules are compared, not instances (a `count` that differs by
environment is intended):

- a **module call** (by name) that one root has and a sibling does not: at the module block of the
  root that has it — `module "monitoring" is called in production but not in staging`;
- the same module call with a different **`source`** or **`version`** (constant values): at the
  argument in every root whose value differs — `module "vpc" has version "5.1.0" in production but
  "5.4.0" in staging`;
- a **managed resource** of the root module (by type and name) that one root declares and a sibling
  does not: at its block header — `resource aws_sns_topic.pager is declared in production but not in
  staging`.

## Why

Staging is where production's changes are tried first. When the roots drift apart, a change is
applied to one environment and never promoted, a production hotfix is never brought back, or the
next promotion jumps several module versions at once — untested.

Intended differences (a bastion host only in development) are suppressed where they are declared,
on the `module` or `resource` block, with the reason; `rule "env-drift" { enabled = false }` in
`.tfguard.hcl` turns the comparison off for the whole project.

## Compared with other tools

tfsec/Trivy, Checkov and TFLint check one configuration at a time and do not compare
environments.)md",
      .bad_example = R"(# environments/production/main.tf
module "app" {
  source = "../../modules/app"
}
module "monitoring" {
  source = "../../modules/monitoring"
}

# environments/staging/main.tf: no monitoring
module "app" {
  source = "../../modules/app"
}
)",
      .good_example = R"(# environments/production/main.tf and environments/staging/main.tf
module "app" {
  source = "../../modules/app"
}
module "monitoring" {
  source = "../../modules/monitoring"
}
)",
      .scope = RuleScope::kCrossEnvironment,
      .tags = {"reliability"},
      .why_cpp = "It compares the root modules of sibling environments with each other; a policy is evaluated in "
                 "one environment at a time and cannot see the others. It also compares declarations, not "
                 "instances: a module call or resource with `count = 0` still counts as declared.",
  };
};

}  // namespace

std::unique_ptr<Rule> makeEnvDriftRule() { return std::make_unique<EnvDriftRule>(); }

}  // namespace tfguard::rules
