#include "settings/constant.h"

#include <algorithm>
#include <vector>

#include "base/edit_distance.h"

namespace tfguard::settings {
namespace {

using syntax::ExprKind;
using syntax::LiteralType;

bool isLiteralStringPart(const syntax::TemplatePart& part) {
  return !part.interp && part.expr->kind == ExprKind::kLiteral &&
         syntax::as<syntax::LiteralExpr>(*part.expr).value.type == LiteralType::kString;
}

// Constant folding of `-1`: HCL parses it as negation of the literal 1.
bool isNegativeNumber(const syntax::Expr& e) {
  if (e.kind != ExprKind::kUnary) return false;
  const auto& unary = syntax::as<syntax::UnaryExpr>(e);
  const syntax::Expr& operand = unwrapParens(*unary.operand);
  return unary.op == syntax::UnaryOp::kNegate && operand.kind == ExprKind::kLiteral &&
         syntax::as<syntax::LiteralExpr>(operand).value.type == LiteralType::kNumber;
}

}  // namespace

const syntax::Expr& unwrapParens(const syntax::Expr& e) {
  const syntax::Expr* current = &e;
  while (current->kind == ExprKind::kParens)
    current = syntax::as<syntax::ParensExpr>(*current).inner;
  return *current;
}

NonConstantReason reasonFor(const syntax::Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return NonConstantReason::kNull;
    case ExprKind::kScopeTraversal:
    case ExprKind::kRelativeTraversal:
    case ExprKind::kIndex:
    case ExprKind::kSplat:
      return NonConstantReason::kReference;
    case ExprKind::kCall:
      return NonConstantReason::kCall;
    case ExprKind::kTemplateWrap:
      return NonConstantReason::kInterpolation;
    case ExprKind::kTemplateIf:
    case ExprKind::kTemplateFor:
      return NonConstantReason::kDirective;
    default:
      return NonConstantReason::kExpression;
  }
}

std::optional<NonConstant> firstNonConstant(const syntax::Expr& root) {
  // An explicit stack: the parser bounds nesting, but a walker that does not
  // recurse needs no such promise. Children are pushed in reverse so that
  // the first offending item in source order is found first.
  std::vector<const syntax::Expr*> stack{&root};
  while (!stack.empty()) {
    const syntax::Expr& e = unwrapParens(*stack.back());
    stack.pop_back();
    switch (e.kind) {
      case ExprKind::kLiteral: {
        LiteralType type = syntax::as<syntax::LiteralExpr>(e).value.type;
        // kUnknown only stands in for a syntax error, reported already.
        if (type == LiteralType::kNull || type == LiteralType::kUnknown)
          return NonConstant{&e, NonConstantReason::kNull};
        break;
      }
      case ExprKind::kTemplate:
        for (const syntax::TemplatePart& part : syntax::as<syntax::TemplateExpr>(e).parts) {
          if (isLiteralStringPart(part)) continue;
          return NonConstant{part.expr, part.interp ? NonConstantReason::kInterpolation
                                                    : NonConstantReason::kDirective};
        }
        break;
      case ExprKind::kUnary:
        if (!isNegativeNumber(e)) return NonConstant{&e, NonConstantReason::kExpression};
        break;
      case ExprKind::kTuple: {
        const auto& items = syntax::as<syntax::TupleExpr>(e).items;
        for (auto it = items.rbegin(); it != items.rend(); ++it) stack.push_back(*it);
        break;
      }
      case ExprKind::kObject: {
        const auto& items = syntax::as<syntax::ObjectExpr>(e).items;
        for (const syntax::ObjectItem& item : items)
          if (!objectKeyName(*item.key))
            return NonConstant{item.key, NonConstantReason::kObjectKey};
        for (auto it = items.rbegin(); it != items.rend(); ++it) stack.push_back(it->value);
        break;
      }
      default:
        return NonConstant{&e, reasonFor(e)};
    }
  }
  return std::nullopt;
}

std::string describeExpr(const syntax::Expr& expr) {
  const syntax::Expr& e = unwrapParens(expr);
  switch (e.kind) {
    case ExprKind::kLiteral:
      switch (syntax::as<syntax::LiteralExpr>(e).value.type) {
        case LiteralType::kString:
          return "a string";
        case LiteralType::kNumber:
          return "a number";
        case LiteralType::kBool:
          return "a bool";
        case LiteralType::kNull:
          return "null";
        case LiteralType::kUnknown:
          return "an invalid expression";
      }
      break;
    case ExprKind::kTemplate:
      return constantString(e) ? "a string" : "a string template";
    case ExprKind::kTemplateWrap:
      return "an interpolation";
    case ExprKind::kScopeTraversal:
    case ExprKind::kRelativeTraversal:
    case ExprKind::kIndex:
    case ExprKind::kSplat:
      return "a reference";
    case ExprKind::kCall:
      return "a function call";
    case ExprKind::kTuple:
      return "a list";
    case ExprKind::kObject:
      return "an object";
    case ExprKind::kFor:
      return "a for expression";
    case ExprKind::kConditional:
      return "a conditional expression";
    case ExprKind::kUnary:
      return isNegativeNumber(e) ? "a number" : "an expression";
    default:
      break;
  }
  return "an expression";
}

std::optional<std::string> constantString(const syntax::Expr& expr) {
  const syntax::Expr& e = unwrapParens(expr);
  if (e.kind == ExprKind::kLiteral) {
    const auto& value = syntax::as<syntax::LiteralExpr>(e).value;
    if (value.type == LiteralType::kString) return std::string(value.text);
    return std::nullopt;
  }
  if (e.kind != ExprKind::kTemplate) return std::nullopt;
  std::string text;
  for (const syntax::TemplatePart& part : syntax::as<syntax::TemplateExpr>(e).parts) {
    if (!isLiteralStringPart(part)) return std::nullopt;
    text += syntax::as<syntax::LiteralExpr>(*part.expr).value.text;
  }
  return text;
}

std::optional<bool> constantBool(const syntax::Expr& expr) {
  const syntax::Expr& e = unwrapParens(expr);
  if (e.kind != ExprKind::kLiteral) return std::nullopt;
  const auto& value = syntax::as<syntax::LiteralExpr>(e).value;
  if (value.type != LiteralType::kBool) return std::nullopt;
  return value.boolean;
}

std::optional<std::string> objectKeyName(const syntax::ObjectKeyExpr& key) {
  if (!key.bare_name.empty()) return std::string(key.bare_name);
  if (key.force_non_literal) return std::nullopt;
  const syntax::Expr& e = unwrapParens(*key.wrapped);
  if (e.kind == ExprKind::kLiteral) {
    const auto& value = syntax::as<syntax::LiteralExpr>(e).value;
    if (value.type == LiteralType::kNumber) return std::string(value.text);
  }
  return constantString(e);
}

std::string_view suggestName(std::string_view given, std::span<const std::string_view> candidates) {
  std::string_view best;
  size_t best_distance = 3;
  // An abbreviation ("warn", "dev") is as clear a near miss as a typo.
  if (given.size() >= 3)
    for (std::string_view candidate : candidates)
      if (candidate.size() > given.size() && candidate.starts_with(given)) return candidate;
  for (std::string_view candidate : candidates) {
    size_t distance = editDistance(given, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace tfguard::settings
