// Type constraints (`list(object({a = optional(string, "x")}))`), read as
// HCL's typeexpr.TypeConstraintWithDefaults and Terraform's
// decodeVariableType read them, with their error messages. Defaults of
// optional attributes are recorded as expressions, not evaluated: the
// evaluator applies them per environment.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/model.h"
#include "model/model_internal.h"
#include "syntax/parser.h"

namespace tfguard::model {
namespace detail {
namespace {

using syntax::as;
using syntax::CallExpr;
using syntax::Expr;
using syntax::ExprKind;

constexpr std::string_view kInvalidType = "Invalid type specification";
// typeexpr recurses without a bound; a hostile file could nest thousands of
// list(list(...)) levels, so we stop far beyond anything real.
constexpr int kMaxTypeDepth = 64;

class TypeReader {
 public:
  TypeReader(const syntax::ParsedFile& file, Findings& findings)
      : file_(file), findings_(findings) {}

  eval::Type read(const Expr& expr, TypeDefaults* defaults, int depth);

 private:
  eval::Type fail(std::string detail, ByteRange subject) {
    addFinding(findings_, &file_, subject, std::string(kInvalidType), std::move(detail));
    return eval::Type::dynamic();
  }
  eval::Type readCall(const Expr& expr, const CallExpr& call, TypeDefaults* defaults, int depth);
  eval::Type readObject(const Expr& expr, const Expr& arg, TypeDefaults* defaults, int depth);
  eval::Type readTuple(const Expr& expr, const Expr& arg, TypeDefaults* defaults, int depth);

  const syntax::ParsedFile& file_;
  Findings& findings_;
  bool depth_reported_ = false;
};

ByteRange argsRange(const CallExpr& call) {
  return rangeBetween(call.open_paren, call.close_paren);
}

eval::Type TypeReader::read(const Expr& expr, TypeDefaults* defaults, int depth) {
  if (depth > kMaxTypeDepth) {
    if (!depth_reported_) {
      depth_reported_ = true;
      return fail(fmt::format("This type constraint is nested more than {} levels deep; tfguard "
                              "does not read it further.",
                              kMaxTypeDepth),
                  expr.range);
    }
    return eval::Type::dynamic();
  }
  std::string_view keyword = exprAsKeyword(expr);
  if (keyword == "bool") return eval::Type::boolean();
  if (keyword == "string") return eval::Type::string();
  if (keyword == "number") return eval::Type::number();
  if (keyword == "any") return eval::Type::dynamic();
  if (keyword == "list" || keyword == "map" || keyword == "set") {
    return fail(fmt::format("The {} type constructor requires one argument specifying the element "
                            "type.",
                            keyword),
                expr.range);
  }
  if (keyword == "object") {
    return fail(
        "The object type constructor requires one argument specifying the attribute types and "
        "values as a map.",
        expr.range);
  }
  if (keyword == "tuple") {
    return fail(
        "The tuple type constructor requires one argument specifying the element types as a list.",
        expr.range);
  }
  if (!keyword.empty()) {
    return fail(fmt::format("The keyword \"{}\" is not a valid type specification.", keyword),
                expr.range);
  }
  if (expr.kind != ExprKind::kCall) {
    return fail(
        "A type specification is either a primitive type keyword (bool, number, string) or a "
        "complex type constructor call, like list(string).",
        expr.range);
  }
  return readCall(expr, as<CallExpr>(expr), defaults, depth);
}

eval::Type TypeReader::readCall(const Expr& expr, const CallExpr& call, TypeDefaults* defaults,
                                int depth) {
  std::string_view name = call.name;
  if (name == "bool" || name == "string" || name == "number") {
    return fail(fmt::format("Primitive type keyword \"{}\" does not expect arguments.", name),
                argsRange(call));
  }
  if (name == "any") {
    return fail(fmt::format("Type constraint keyword \"{}\" does not expect arguments.", name),
                argsRange(call));
  }
  bool constructor =
      name == "list" || name == "set" || name == "map" || name == "object" || name == "tuple";
  if (constructor && call.args.size() != 1) {
    ByteRange subject = argsRange(call);
    if (call.args.size() > 1) subject = rangeBetween(call.args[1]->range, call.args.back()->range);
    if (name == "object") {
      return fail(
          "The object type constructor requires one argument specifying the attribute types and "
          "values as a map.",
          subject);
    }
    if (name == "tuple") {
      return fail(
          "The tuple type constructor requires one argument specifying the element types as a "
          "list.",
          subject);
    }
    return fail(fmt::format("The {} type constructor requires one argument specifying the element "
                            "type.",
                            name),
                subject);
  }
  if (name == "list" || name == "set" || name == "map") {
    TypeDefaults element_defaults;
    eval::Type element = read(*call.args[0], &element_defaults, depth + 1);
    if (!element_defaults.empty()) defaults->children.push_back({"", std::move(element_defaults)});
    if (name == "list") return eval::Type::list(std::move(element));
    if (name == "set") return eval::Type::set(std::move(element));
    return eval::Type::map(std::move(element));
  }
  if (name == "object") return readObject(expr, *call.args[0], defaults, depth);
  if (name == "tuple") return readTuple(expr, *call.args[0], defaults, depth);
  if (name == "optional") {
    return fail("Keyword \"optional\" is valid only as a modifier for object type attributes.",
                call.name_range);
  }
  return fail(fmt::format("Keyword \"{}\" is not a valid type constructor.", name), expr.range);
}

eval::Type TypeReader::readObject(const Expr& expr, const Expr& arg, TypeDefaults* defaults,
                                  int depth) {
  if (arg.kind != ExprKind::kObject) {
    addFinding(findings_, &file_, arg.range, std::string(kInvalidType),
               "Object type constructor requires a map whose keys are attribute names and whose "
               "values are the corresponding attribute types.");
    return eval::Type::dynamic();
  }
  (void)expr;
  std::vector<eval::ObjectAttribute> attributes;
  for (const syntax::ObjectItem& item : as<syntax::ObjectExpr>(arg).items) {
    std::optional<std::string_view> name = objectKeyName(*item.key);
    // typeexpr takes keywords only: a quoted key is not an attribute name.
    if (!name || item.key->bare_name.empty()) {
      fail("Object constructor map keys must be attribute names.", item.key->range);
      continue;
    }
    const Expr* type_expr = item.value;
    const Expr* default_expr = nullptr;
    bool optional = false;
    if (type_expr->kind == ExprKind::kCall && as<CallExpr>(*type_expr).name == "optional") {
      const auto& call = as<CallExpr>(*type_expr);
      if (call.args.empty()) {
        fail("Optional attribute modifier requires the attribute type as its argument.",
             argsRange(call));
        continue;
      }
      if (call.args.size() == 1) {
        optional = true;
      } else if (call.args.size() == 2) {
        optional = true;
        default_expr = call.args[1];
      } else {
        fail(
            "Optional attribute modifier expects at most two arguments: the attribute type, and a "
            "default value.",
            argsRange(call));
      }
      type_expr = call.args[0];
    }
    TypeDefaults child;
    eval::Type type = read(*type_expr, &child, depth + 1);
    std::string key(*name);
    // A repeated key: the last one wins, as in the map typeexpr builds.
    auto same = [&](const eval::ObjectAttribute& a) { return a.name == key; };
    attributes.erase(std::remove_if(attributes.begin(), attributes.end(), same), attributes.end());
    std::erase_if(defaults->attrs, [&](const auto& d) { return d.first == key; });
    std::erase_if(defaults->children, [&](const auto& d) { return d.first == key; });
    if (default_expr != nullptr) defaults->attrs.emplace_back(key, default_expr);
    if (!child.empty()) defaults->children.push_back({key, std::move(child)});
    attributes.push_back({std::move(key), std::move(type), optional});
  }
  return eval::Type::object(std::move(attributes));
}

eval::Type TypeReader::readTuple(const Expr& expr, const Expr& arg, TypeDefaults* defaults,
                                 int depth) {
  (void)expr;
  if (arg.kind != ExprKind::kTuple) {
    addFinding(findings_, &file_, arg.range, std::string(kInvalidType),
               "Tuple type constructor requires a list of element types.");
    return eval::Type::dynamic();
  }
  std::vector<eval::Type> elements;
  const auto& items = as<syntax::TupleExpr>(arg).items;
  elements.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    TypeDefaults child;
    elements.push_back(read(*items[i], &child, depth + 1));
    if (!child.empty()) defaults->children.push_back({std::to_string(i), std::move(child)});
  }
  return eval::Type::tuple(std::move(elements));
}

constexpr std::string_view kQuotedDetail =
    "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form "
    "is now deprecated and will be removed in a future version of Terraform. Remove the quotes "
    "around \"{}\"{}.";

// A native quoted string with no interpolation (hclsyntax IsStringLiteral).
std::optional<std::string_view> nativeQuotedString(const Expr& expr) {
  if (expr.kind != ExprKind::kTemplate) return std::nullopt;
  const auto& t = as<syntax::TemplateExpr>(expr);
  if (t.parts.size() != 1 || t.parts[0].interp) return std::nullopt;
  return literalString(&expr);
}

// What decodeVariableType does before typeexpr: legacy quotes and the
// `list` / `map` shorthands. nullopt when typeexpr should read `expr`.
std::optional<eval::Type> shorthandType(const syntax::ParsedFile& file, const Expr& expr,
                                        Findings& findings) {
  if (file.syntax == syntax::FileSyntax::kNative) {
    if (std::optional<std::string_view> quoted = nativeQuotedString(expr)) {
      // Terraform 0.12 took these with a warning (later versions reject
      // them): a warning keeps old modules checkable.
      if (*quoted == "string" || *quoted == "list" || *quoted == "map") {
        std::string instead =
            *quoted == "string"
                ? ""
                : fmt::format(
                      " and write {}(string) instead to explicitly indicate that the {} "
                      "elements are strings",
                      *quoted, *quoted);
        addFinding(findings, &file, expr.range, "Invalid quoted type constraints",
                   fmt::format(fmt::runtime(kQuotedDetail), *quoted, instead), Severity::kWarning);
        if (*quoted == "string") return eval::Type::string();
        if (*quoted == "list") return eval::Type::list(eval::Type::dynamic());
        return eval::Type::map(eval::Type::dynamic());
      }
      addFinding(findings, &file, expr.range, "Invalid legacy variable type hint",
                 "To provide a full type expression, remove the surrounding quotes and give the "
                 "type expression directly.");
      return eval::Type::dynamic();
    }
  }
  std::string_view keyword = exprAsKeyword(expr);
  if (keyword == "list") return eval::Type::list(eval::Type::dynamic());
  if (keyword == "map") return eval::Type::map(eval::Type::dynamic());
  return std::nullopt;
}

}  // namespace

eval::Type decodeVariableType(const syntax::ParsedFile& file, const syntax::Expr& expr,
                              TypeDefaults* defaults, Findings& findings,
                              syntax::ParsedFile* json_scratch, const syntax::Expr** parsed) {
  TypeDefaults ignored;
  if (defaults == nullptr) defaults = &ignored;
  if (parsed != nullptr) *parsed = &expr;
  const syntax::Expr* type_expr = &expr;
  if (file.syntax == syntax::FileSyntax::kJson && expr.kind != ExprKind::kScopeTraversal &&
      expr.kind != ExprKind::kCall) {
    // In JSON the type is a string holding a type expression.
    std::optional<std::string_view> text = literalString(&expr);
    if (!text || json_scratch == nullptr) {
      addFinding(findings, &file, expr.range, std::string(kInvalidType),
                 "A type specification is either a primitive type keyword (bool, number, string) "
                 "or a complex type constructor call, like list(string).");
      return eval::Type::dynamic();
    }
    size_t before = json_scratch->diagnostics.size();
    // Positions are exact unless the string has escapes (as for any JSON string).
    type_expr = syntax::parseExpression(*json_scratch, *text, expr.range.begin + 1);
    bool failed = false;
    for (size_t i = before; i < json_scratch->diagnostics.size(); ++i) {
      const Diagnostic& d = json_scratch->diagnostics[i];
      addFinding(findings, &file, d.subject.value_or(expr.range), d.summary, d.detail, d.severity);
      failed = failed || d.severity == Severity::kError;
    }
    json_scratch->diagnostics.resize(before);
    if (failed) return eval::Type::dynamic();
    if (parsed != nullptr) *parsed = type_expr;
  }
  if (std::optional<eval::Type> shorthand = shorthandType(file, *type_expr, findings)) {
    return *shorthand;
  }
  return TypeReader(file, findings).read(*type_expr, defaults, 1);
}

}  // namespace detail

eval::Type parseTypeConstraint(const syntax::ParsedFile& file, const syntax::Expr& expr,
                               TypeDefaults* defaults, Findings& findings) {
  if (file.syntax == syntax::FileSyntax::kJson && expr.kind != syntax::ExprKind::kScopeTraversal &&
      expr.kind != syntax::ExprKind::kCall) {
    // A JSON string: its parsed expression needs an arena that outlives
    // the defaults, which only a Module has (Variable::type_expr is that
    // parsed expression). Here the type is read and the defaults dropped.
    syntax::ParsedFile scratch;
    scratch.source = file.source;
    scratch.syntax = syntax::FileSyntax::kNative;
    eval::Type type = detail::decodeVariableType(file, expr, nullptr, findings, &scratch, nullptr);
    if (defaults != nullptr) *defaults = {};
    return type;
  }
  return detail::decodeVariableType(file, expr, defaults, findings, nullptr, nullptr);
}

}  // namespace tfguard::model
