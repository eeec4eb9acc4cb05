// provider-version: a required_providers entry without a version constraint
// (SPEC §6, tflint's terraform_required_providers, version part). The entry
// is read from the syntax, not only from the model's decoded strings: a
// `version` written as something other than a literal string is still a
// constraint, and the legacy string form (`aws = "~> 5.0"`) is a constraint
// only when the string reads as one (`aws = "hashicorp/aws"` does not).
#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "rules/registry.h"

namespace tfguard::rules {
namespace {

/// The decoded value of a constant string (`"x"`, a JSON string), or nullopt.
std::optional<std::string_view> literalString(const syntax::Expr* expr) {
  if (expr == nullptr) return std::nullopt;
  if (expr->kind == syntax::ExprKind::kLiteral) {
    const auto& literal = syntax::as<syntax::LiteralExpr>(*expr);
    if (literal.value.type == syntax::LiteralType::kString) return literal.value.text;
    return std::nullopt;
  }
  if (expr->kind != syntax::ExprKind::kTemplate) return std::nullopt;
  const auto& tmpl = syntax::as<syntax::TemplateExpr>(*expr);
  if (tmpl.parts.empty()) return std::string_view();
  if (tmpl.parts.size() != 1 || tmpl.parts[0].interp) return std::nullopt;
  return literalString(tmpl.parts[0].expr);
}

bool isLiteralNull(const syntax::Expr* expr) {
  return expr != nullptr && expr->kind == syntax::ExprKind::kLiteral &&
         syntax::as<syntax::LiteralExpr>(*expr).value.type == syntax::LiteralType::kNull;
}

/// The name of an object key written as a name or a literal string.
std::optional<std::string_view> objectKeyName(const syntax::ObjectKeyExpr& key) {
  if (key.force_non_literal) return std::nullopt;
  if (!key.bare_name.empty()) return key.bare_name;
  if (key.wrapped == nullptr) return std::nullopt;
  if (key.wrapped->kind == syntax::ExprKind::kScopeTraversal) {
    const auto& traversal = syntax::as<syntax::ScopeTraversalExpr>(*key.wrapped);
    if (traversal.steps.empty()) return traversal.root;
  }
  return literalString(key.wrapped);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

/// One `OP VERSION` of a constraint as hashicorp/go-version reads it:
/// an optional operator (=, !=, >, >=, <, <=, ~>), then a version that
/// starts with a digit (a leading `v` allowed) made of digits, dots and
/// pre-release/metadata characters.
bool isVersionConstraintPart(std::string_view part) {
  part = trim(part);
  for (std::string_view op : {"~>", ">=", "<=", "!=", ">", "<", "="}) {
    if (part.starts_with(op)) {
      part = trim(part.substr(op.size()));
      break;
    }
  }
  if (part.starts_with('v')) part.remove_prefix(1);
  if (part.empty() || !std::isdigit(static_cast<unsigned char>(part.front()))) return false;
  for (char ch : part)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-' && ch != '+') return false;
  return true;
}

/// ">= 4.0, < 6.0": every comma-separated part is a constraint.
bool isVersionConstraint(std::string_view text) {
  if (trim(text).empty()) return false;
  while (true) {
    size_t comma = text.find(',');
    if (!isVersionConstraintPart(text.substr(0, comma))) return false;
    if (comma == std::string_view::npos) return true;
    text.remove_prefix(comma + 1);
  }
}

/// The `name = ...` argument of `provider` inside the module's
/// required_providers blocks, or null.
const model::Attr* entryAttr(const model::Module& module, const model::RequiredProvider& provider) {
  for (const model::Content& content : module.terraform.contents)
    for (const model::NestedBlock* block : content.blocksOfType("required_providers"))
      for (const model::Attr& attr : block->content.attrs)
        if (attr.file == provider.file && attr.range == provider.range) return &attr;
  return nullptr;
}

enum class Missing : uint8_t { kNone, kNoVersionKey, kSourceString };

/// Whether the entry lacks a version constraint, and how it is written.
Missing missingVersion(const model::Module& module, const model::RequiredProvider& provider) {
  const model::Attr* attr = entryAttr(module, provider);
  if (attr == nullptr || attr->expr == nullptr)
    return provider.version.empty() ? Missing::kNoVersionKey : Missing::kNone;
  if (std::optional<std::string_view> text = literalString(attr->expr)) {
    if (trim(*text).empty()) return Missing::kNoVersionKey;
    return isVersionConstraint(*text) ? Missing::kNone : Missing::kSourceString;
  }
  if (attr->expr->kind != syntax::ExprKind::kObject) return Missing::kNone;  // not decidable from the syntax
  for (const syntax::ObjectItem& item : syntax::as<syntax::ObjectExpr>(*attr->expr).items) {
    if (item.key == nullptr || objectKeyName(*item.key) != "version") continue;
    if (isLiteralNull(item.value)) return Missing::kNoVersionKey;
    std::optional<std::string_view> version = literalString(item.value);
    // Anything but an empty string constrains (a non-literal one Terraform rejects on its own).
    return version && trim(*version).empty() ? Missing::kNoVersionKey : Missing::kNone;
  }
  return Missing::kNoVersionKey;
}

class ProviderVersionRule final : public Rule {
 public:
  ProviderVersionRule() {
    meta_.id = "provider-version";
    meta_.default_severity = Severity::kNote;
    meta_.summary = "a required_providers entry should have a version constraint";
    meta_.description =
        "## What fails\n\n"
        "An entry of `terraform { required_providers { ... } }`, in any module, that does not constrain the "
        "provider's version:\n\n"
        "- the object form without `version` (`aws = { source = \"hashicorp/aws\" }`), or with `version = \"\"` "
        "or `version = null`;\n"
        "- the legacy string form when the string is not a version constraint: `aws = \"~> 5.0\"` is a "
        "constraint, `aws = \"hashicorp/aws\"` is a source address and constrains nothing.\n\n"
        "Terraform's built-in provider (`terraform.io/builtin/terraform`) has no versions and is not "
        "reported. The finding points at the entry.\n\n"
        "## Why\n\n"
        "`terraform init` installs the newest provider release the constraints allow; with none, a fresh "
        "checkout, a new CI runner or `init -upgrade` picks up the next major version, whose breaking "
        "changes (renamed arguments, resources split in two, changed defaults) show up as a failing or, "
        "worse, destructive plan. The lock file pins a version only where it is committed, and a module "
        "cannot ship one to its callers: constraints in `required_providers` are what the module promises.";
    meta_.bad_example = R"(terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    random = "hashicorp/random"
  }
}
)";
    meta_.good_example = R"(terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.5, < 4.0"
    }
  }
}
)";
    meta_.scope = RuleScope::kProject;
    meta_.tags = {"terraform"};
    meta_.why_cpp =
        "Policies select evaluated resource instances per environment; this rule reads the `terraform` "
        "block's provider requirements, which no resource instance carries.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkProject(ProjectContext& ctx) const override {
    for (const model::Module* module : ctx.modules()) {
      if (module == nullptr) continue;
      for (const model::RequiredProvider& provider : module->terraform.required_providers) {
        if (provider.file == nullptr || provider.source.starts_with("terraform.io/builtin/")) continue;
        Missing missing = missingVersion(*module, provider);
        if (missing == Missing::kNone) continue;
        RuleFinding f;
        const model::Attr* attr = entryAttr(*module, provider);
        std::optional<std::string_view> text = attr != nullptr ? literalString(attr->expr) : std::nullopt;
        if (missing == Missing::kSourceString && text) {
          f.message = fmt::format(
              "required provider \"{}\" = \"{}\" has no version constraint (the string is a source address)",
              provider.name, *text);
          f.detail = fmt::format(
              "The string form of a required_providers entry is a version constraint. Write "
              "`{} = {{ source = \"{}\", version = \"~> X.Y\" }}` with the major version the module is tested with.",
              provider.name, *text);
        } else {
          f.message = provider.source.empty()
                          ? fmt::format("required provider \"{}\" has no version constraint", provider.name)
                          : fmt::format("required provider \"{}\" ({}) has no version constraint", provider.name,
                                        provider.source);
          f.detail = "Add `version = \"~> X.Y\"` with the major version the module is tested with, so that "
                     "`terraform init` does not install the next major release unasked.";
        }
        f.at = {provider.file->source, provider.range};
        ctx.report(std::move(f));
      }
    }
  }

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeProviderVersionRule() { return std::make_unique<ProviderVersionRule>(); }

}  // namespace tfguard::rules
