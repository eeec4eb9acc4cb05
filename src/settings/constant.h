#pragma once
// Reading literal constants out of the config file's AST. `.tfguard.hcl` is
// read before any Terraform code is evaluated, so its values must be written
// out: strings (templates without interpolation), numbers, bools, lists and
// objects of those. Internal to src/settings/.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "syntax/ast.h"

namespace tfguard::settings {

/// `e` without the parentheses around it.
const syntax::Expr& unwrapParens(const syntax::Expr& e);

/// Why a value is not a literal constant.
enum class NonConstantReason {
  kNull,           ///< null: only meaningful when computed
  kReference,      ///< var.x, local.y[0], a splat
  kCall,           ///< f(...)
  kInterpolation,  ///< "${...}"
  kDirective,      ///< "%{ if }", "%{ for }"
  kObjectKey,      ///< { (expr) = 1 }, { var.k = 1 }
  kExpression,     ///< operators, conditionals, for expressions
};

struct NonConstant {
  const syntax::Expr* expr;  ///< the offending sub-expression
  NonConstantReason reason;
};

/// The first sub-expression of `e` (in source order) that is not a literal
/// constant, or nullopt when `e` is one.
std::optional<NonConstant> firstNonConstant(const syntax::Expr& e);

/// What `e` is, for messages: "a string", "a number", "a list", "a reference"...
std::string describeExpr(const syntax::Expr& e);

/// The value of a constant string: "..." or a heredoc without interpolation.
std::optional<std::string> constantString(const syntax::Expr& e);
std::optional<bool> constantBool(const syntax::Expr& e);

/// The name an object key stands for: a bare name, a string or a number
/// literal (HCL converts those to strings); nullopt for an expression key.
std::optional<std::string> objectKeyName(const syntax::ObjectKeyExpr& key);

/// The closest of `candidates` to `given` when it looks like a typo of it
/// (Levenshtein distance < 3, like HCL's nameSuggestion) or an abbreviation
/// (a prefix of 3 characters or more), else empty.
std::string_view suggestName(std::string_view given, std::span<const std::string_view> candidates);

}  // namespace tfguard::settings
