// unused-declaration: a variable, local value or data source that nothing in
// its module references (SPEC §6, tflint's terraform_unused_declarations).
// Every expression of the module is read for references: resource, data and
// ephemeral bodies (nested and dynamic blocks, meta-arguments, lifecycle
// conditions), locals, outputs, module call arguments, provider and
// terraform blocks, check/import/moved/removed blocks, and the validations
// of the other variables. Only references inside the module count: a tfvars
// value or a .tftest.hcl run does not use a variable.
#include <fmt/format.h>

#include <set>
#include <string>

#include "eval/expr_eval.h"
#include "rules/registry.h"

namespace tfguard::rules {
namespace {

// Terraform's own blocks nest a few levels (dynamic > content > block); deeper
// is not a configuration a parser accepted, and the walk stops there.
constexpr int kMaxBlockDepth = 64;

using Names = std::set<std::string, std::less<>>;

void addReferences(const syntax::Expr* expr, Names& used) {
  if (expr == nullptr) return;
  for (std::string& name : eval::referencedNames(*expr)) used.insert(std::move(name));
}

void addContentReferences(const model::Content& content, Names& used, int depth = 0) {
  if (depth > kMaxBlockDepth) return;
  for (const model::Attr& attr : content.attrs) addReferences(attr.expr, used);
  for (const model::NestedBlock& block : content.blocks) addContentReferences(block.content, used, depth + 1);
}

void addAttrsReferences(const std::vector<model::Attr>& attrs, Names& used) {
  for (const model::Attr& attr : attrs) addReferences(attr.expr, used);
}

/// Every name referenced anywhere in the module ("var.x", "local.y",
/// "data.aws_ami.z", ...). A variable's own validations may name the
/// variable itself; that is not a use, so it is left out.
Names referencedInModule(const model::Module& module) {
  Names used;
  for (const model::Variable& variable : module.variables) {
    Names own;
    addContentReferences(variable.content, own);
    own.erase(fmt::format("var.{}", variable.name));
    used.merge(own);
  }
  for (const model::Local& local : module.locals) addReferences(local.attr.expr, used);
  for (const model::Resource& resource : module.resources) {
    addAttrsReferences(resource.meta, used);
    for (const model::NestedBlock& block : resource.meta_blocks) addContentReferences(block.content, used);
    addContentReferences(resource.content, used);
  }
  for (const model::ModuleCall& call : module.module_calls) {
    addAttrsReferences(call.meta, used);
    addAttrsReferences(call.arguments, used);
    addContentReferences(call.content, used);
  }
  for (const model::Output& output : module.outputs) addContentReferences(output.content, used);
  for (const model::Provider& provider : module.providers) addContentReferences(provider.content, used);
  // OpenTofu allows variables and locals in backend and encryption blocks.
  for (const model::Content& content : module.terraform.contents) addContentReferences(content, used);
  for (const auto* blocks : {&module.moved, &module.imports, &module.checks, &module.removed,
                             &module.ephemeral_resources})
    for (const model::OtherBlock& block : *blocks) addContentReferences(block.content, used);
  return used;
}

bool underDotTerraform(const std::string& dir) {
  std::string normal = dir;
  for (char& ch : normal)
    if (ch == '\\') ch = '/';
  return normal.starts_with(".terraform/") || normal.find("/.terraform/") != std::string::npos ||
         normal.ends_with("/.terraform") || normal == ".terraform";
}

/// A file that did not parse cleanly may have lost the references that use
/// a declaration; the module is then not judged.
bool hasSyntaxErrors(const model::Module& module) {
  for (const syntax::ParsedFile* file : module.files)
    if (file != nullptr && hasErrors(file->diagnostics)) return true;
  return false;
}

class UnusedDeclarationRule final : public Rule {
 public:
  UnusedDeclarationRule() {
    meta_.id = "unused-declaration";
    meta_.default_severity = Severity::kNote;
    meta_.summary = "a variable, local value or data source is declared but never used";
    meta_.description =
        "## What fails\n\n"
        "A `variable`, a `locals` entry or a `data` block that no expression of its own module references "
        "(as `var.NAME`, `local.NAME`, `data.TYPE.NAME`). References are read from every expression of the "
        "module: resource, data and ephemeral resource arguments including nested and `dynamic` blocks, "
        "`count`, `for_each`, `depends_on`, `provider`, lifecycle preconditions and postconditions, "
        "provisioners, locals (even one that is itself unused), outputs, module call arguments, provider "
        "blocks, `terraform` blocks, `check`, `import`, `moved` and `removed` blocks, and the `validation` "
        "blocks of other variables. A value passed to `templatefile()` or `file()` counts as a use.\n\n"
        "What does not count: a variable's own `validation` naming itself, a value set for the variable in a "
        "`.tfvars` file, an environment or a module call (the module still ignores it), and references "
        "from `.tftest.hcl` files. Modules installed under `.terraform/` and modules with syntax errors "
        "(where references may have been lost) are not checked.\n\n"
        "## Why\n\n"
        "Declarations outlive the code that used them: after a refactoring a variable is still set in every "
        "environment's tfvars and reviewers believe it changes something, when Terraform ignores it. An "
        "unused data source is worse than noise: it is still read at every plan, needs its API permissions, "
        "and fails the plan when the object it looks up disappears.";
    meta_.bad_example = R"(variable "region" {
  type = string
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
)";
    meta_.good_example = R"(variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

resource "aws_instance" "web" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"terraform"};
    meta_.why_cpp =
        "Policies select evaluated resource instances per environment; this rule reads the declarations and "
        "the references written in the module's syntax, once for the whole scan.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    for (const model::Module* module : ctx.modules()) {
      if (module == nullptr || underDotTerraform(module->dir) || hasSyntaxErrors(*module)) continue;
      checkModule(*module, ctx);
    }
  }

 private:
  static void checkModule(const model::Module& module, ProjectContext& ctx) {
    const Names used = referencedInModule(module);
    for (const model::Variable& variable : module.variables) {
      if (used.contains(fmt::format("var.{}", variable.name))) continue;
      RuleFinding f;
      f.message = fmt::format("variable \"{}\" is declared but never used", variable.name);
      f.detail = fmt::format(
          "Nothing in the module refers to `var.{}`. Remove the variable (and the values set for it), or use it.",
          variable.name);
      f.at = variable.decl.location();
      ctx.report(std::move(f));
    }
    for (const model::Local& local : module.locals) {
      if (used.contains(fmt::format("local.{}", local.name))) continue;
      const syntax::ParsedFile* file = local.attr.file != nullptr ? local.attr.file : local.file;
      RuleFinding f;
      f.message = fmt::format("local value \"{}\" is declared but never used", local.name);
      f.detail = fmt::format("Nothing in the module refers to `local.{}`. Remove it, or use it.", local.name);
      f.at = {file != nullptr ? file->source : nullptr, local.attr.name_range};
      ctx.report(std::move(f));
    }
    for (const model::Resource& resource : module.resources) {
      if (resource.mode != model::ResourceMode::kData || used.contains(resource.address())) continue;
      RuleFinding f;
      f.message = fmt::format("data source \"{}\" \"{}\" is declared but never used", resource.type, resource.name);
      f.detail = fmt::format(
          "Nothing in the module refers to `{}`, yet Terraform reads it at every plan. Remove it, or use it.",
          resource.address());
      f.at = resource.decl.location();
      ctx.report(std::move(f));
    }
  }

  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeUnusedDeclarationRule() { return std::make_unique<UnusedDeclarationRule>(); }

}  // namespace tfguard::rules
