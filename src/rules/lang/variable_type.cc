// variable-type: a variable declared without a type constraint (SPEC §6,
// tflint's terraform_typed_variables).
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/registry.h"

namespace tfguard::rules {
namespace {

/// The type a literal default suggests ("string", "number", "bool"), or
/// empty when the default says nothing simple (absent, null, a reference,
/// a collection whose element type would be a guess).
std::string_view suggestedType(const model::Variable& variable) {
  if (variable.default_attr == nullptr || variable.default_attr->expr == nullptr) return {};
  const syntax::Expr& expr = *variable.default_attr->expr;
  if (expr.kind == syntax::ExprKind::kTemplate) {
    // A quoted string without interpolation.
    for (const syntax::TemplatePart& part : syntax::as<syntax::TemplateExpr>(expr).parts)
      if (part.interp || part.expr == nullptr || part.expr->kind != syntax::ExprKind::kLiteral) return {};
    return "string";
  }
  if (expr.kind != syntax::ExprKind::kLiteral) return {};
  switch (syntax::as<syntax::LiteralExpr>(expr).value.type) {
    case syntax::LiteralType::kString: return "string";
    case syntax::LiteralType::kNumber: return "number";
    case syntax::LiteralType::kBool: return "bool";
    case syntax::LiteralType::kNull:
    case syntax::LiteralType::kUnknown: return {};
  }
  return {};
}

class VariableTypeRule final : public Rule {
 public:
  VariableTypeRule() {
    meta_.id = "variable-type";
    meta_.default_severity = Severity::kNote;
    meta_.summary = "a variable should declare its type";
    meta_.description =
        "## What fails\n\n"
        "A `variable` block, in any module, without a `type` argument. `type = any` is a declared type "
        "and passes (it says on purpose that any value is accepted). When the default is a literal "
        "string, number or bool the message suggests that type.\n\n"
        "## Why\n\n"
        "Without a type, Terraform accepts whatever a tfvars file, `-var` or a module caller passes: "
        "`instance_count = \"3\"` or a list where a string was meant reaches the resources, and the error "
        "(if any) shows up deep in a provider call, or in a plan that silently differs between "
        "environments. A type converts and checks the value where it enters the module, with an error "
        "message that names the variable, and documents what the module expects.";
    meta_.bad_example = R"(variable "instance_count" {
  default = 2
}
)";
    meta_.good_example = R"(variable "instance_count" {
  type    = number
  default = 2
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"terraform"};
    meta_.why_cpp =
        "Policies select evaluated resource instances per environment; this rule reads variable "
        "declarations, which are not resource instances.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    for (const model::Module* module : ctx.modules()) {
      if (module == nullptr) continue;
      for (const model::Variable& variable : module->variables) {
        if (variable.type_expr != nullptr) continue;
        std::string_view suggestion = suggestedType(variable);
        RuleFinding f;
        f.message = suggestion.empty()
                        ? fmt::format("variable \"{}\" has no type", variable.name)
                        : fmt::format("variable \"{}\" has no type (its default suggests type = {})", variable.name,
                                      suggestion);
        f.detail = "Add a `type` (`string`, `number`, `bool`, `list(string)`, `object({...})`, or `any` on "
                   "purpose) so that Terraform checks and converts the values given to it.";
        f.at = variable.decl.location();
        ctx.report(std::move(f));
      }
    }
  }

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeVariableTypeRule() { return std::make_unique<VariableTypeRule>(); }

}  // namespace tfguard::rules
