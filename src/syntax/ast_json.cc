#include "syntax/ast_json.h"

#include <fmt/format.h>

namespace tfguard::syntax {
namespace {

using nlohmann::json;

class AstDumper {
 public:
  explicit AstDumper(const ParsedFile& file) : file_(file), lines_(file.source->lines()) {}

  std::string pos(ByteRange r) const {
    Position a = lines_.position(r.begin);
    Position b = lines_.position(r.end);
    return fmt::format("{}:{}-{}:{}", a.line, a.column, b.line, b.column);
  }

  json node(std::string_view kind, ByteRange r) const {
    return json{{"kind", kind}, {"range", pos(r)}, {"bytes", fmt::format("{}-{}", r.begin, r.end)}};
  }

  json body(const Body& b) const {
    json n = node("body", b.range);
    json items = json::array();
    for (const BodyItem* item : b.items) {
      items.push_back(item->kind == BodyItemKind::kAttribute
                          ? attribute(static_cast<const Attribute&>(*item))
                          : block(static_cast<const Block&>(*item)));
    }
    n["items"] = std::move(items);
    return n;
  }

  json attribute(const Attribute& a) const {
    json n = node("attribute", a.range);
    n["name"] = a.name;
    n["name_range"] = pos(a.name_range);
    n["expr"] = expr(a.expr);
    return n;
  }

  json block(const Block& b) const {
    json n = node("block", b.range);
    n["type"] = b.type;
    json labels = json::array();
    for (const BlockLabel& l : b.labels)
      labels.push_back({{"value", l.value}, {"range", pos(l.range)}, {"quoted", l.quoted}});
    n["labels"] = std::move(labels);
    n["body"] = b.body ? body(*b.body) : json(nullptr);
    return n;
  }

  static std::pair<std::string_view, json> literal(const LiteralValue& v) {
    switch (v.type) {
      case LiteralType::kString: return {"string", json(v.text)};
      case LiteralType::kNumber: return {"number", json(v.text)};
      case LiteralType::kBool: return {"bool", json(v.boolean)};
      case LiteralType::kNull: return {"null", json(nullptr)};
      case LiteralType::kUnknown: return {"unknown", json(nullptr)};
    }
    return {"unknown", json(nullptr)};
  }

  json steps(std::span<const TraversalStep> steps) const {
    json out = json::array();
    for (const TraversalStep& s : steps) {
      if (s.kind == StepKind::kAttr) {
        json n = node("attr", s.range);
        n["name"] = s.name;
        out.push_back(std::move(n));
      } else {
        json n = node("index", s.range);
        auto [type, value] = literal(s.key);
        n["key"] = {{"type", type}, {"value", value}};
        if (s.legacy_dot) n["legacy_dot"] = true;
        out.push_back(std::move(n));
      }
    }
    return out;
  }

  json parts(std::span<const TemplatePart> parts) const {
    json out = json::array();
    for (const TemplatePart& p : parts) {
      json n = expr(p.expr);
      if (p.interp) n["interp"] = true;
      out.push_back(std::move(n));
    }
    return out;
  }

  json exprList(std::span<Expr* const> exprs) const {
    json out = json::array();
    for (const Expr* e : exprs) out.push_back(expr(e));
    return out;
  }

  json expr(const Expr* e) const {
    if (e == nullptr) return nullptr;
    switch (e->kind) {
      case ExprKind::kLiteral: {
        json n = node("literal", e->range);
        auto [type, value] = literal(as<LiteralExpr>(*e).value);
        n["type"] = type;
        n["value"] = value;
        return n;
      }
      case ExprKind::kTemplate: {
        const auto& t = as<TemplateExpr>(*e);
        json n = node("template", e->range);
        n["parts"] = parts(t.parts);
        if (t.heredoc) n["heredoc"] = true;
        return n;
      }
      case ExprKind::kTemplateWrap: {
        json n = node("template_wrap", e->range);
        n["wrapped"] = expr(as<TemplateWrapExpr>(*e).wrapped);
        return n;
      }
      case ExprKind::kTemplateIf: {
        const auto& t = as<TemplateIfExpr>(*e);
        json n = node("template_if", e->range);
        n["cond"] = expr(t.cond);
        n["then"] = parts(t.then_parts);
        n["else"] = parts(t.else_parts);
        return n;
      }
      case ExprKind::kTemplateFor: {
        const auto& t = as<TemplateForExpr>(*e);
        json n = node("template_for", e->range);
        n["key_var"] = t.key_var;
        n["val_var"] = t.val_var;
        n["coll"] = expr(t.coll);
        n["body"] = parts(t.body);
        return n;
      }
      case ExprKind::kScopeTraversal: {
        const auto& t = as<ScopeTraversalExpr>(*e);
        json n = node("scope_traversal", e->range);
        n["root"] = t.root;
        n["steps"] = steps(t.steps);
        return n;
      }
      case ExprKind::kRelativeTraversal: {
        const auto& t = as<RelativeTraversalExpr>(*e);
        json n = node("relative_traversal", e->range);
        n["source"] = expr(t.source);
        n["steps"] = steps(t.steps);
        return n;
      }
      case ExprKind::kIndex: {
        const auto& t = as<IndexExpr>(*e);
        json n = node("index", e->range);
        n["collection"] = expr(t.collection);
        n["key"] = expr(t.key);
        return n;
      }
      case ExprKind::kCall: {
        const auto& t = as<CallExpr>(*e);
        json n = node("call", e->range);
        n["name"] = t.name;
        n["args"] = exprList(t.args);
        n["expand_final"] = t.expand_final;
        return n;
      }
      case ExprKind::kBinary: {
        static constexpr const char* kOps[] = {"||", "&&", "==", "!=", "<", "<=", ">",
                                               ">=", "+",  "-",  "*",  "/", "%"};
        const auto& t = as<BinaryExpr>(*e);
        json n = node("binary", e->range);
        n["op"] = kOps[static_cast<int>(t.op)];
        n["lhs"] = expr(t.lhs);
        n["rhs"] = expr(t.rhs);
        return n;
      }
      case ExprKind::kUnary: {
        const auto& t = as<UnaryExpr>(*e);
        json n = node("unary", e->range);
        n["op"] = t.op == UnaryOp::kNegate ? "-" : "!";
        n["operand"] = expr(t.operand);
        return n;
      }
      case ExprKind::kConditional: {
        const auto& t = as<ConditionalExpr>(*e);
        json n = node("conditional", e->range);
        n["cond"] = expr(t.cond);
        n["true"] = expr(t.if_true);
        n["false"] = expr(t.if_false);
        return n;
      }
      case ExprKind::kParens: {
        json n = node("parens", e->range);
        n["expr"] = expr(as<ParensExpr>(*e).inner);
        return n;
      }
      case ExprKind::kTuple: {
        json n = node("tuple", e->range);
        n["items"] = exprList(as<TupleExpr>(*e).items);
        return n;
      }
      case ExprKind::kObject: {
        json n = node("object", e->range);
        json items = json::array();
        for (const ObjectItem& item : as<ObjectExpr>(*e).items)
          items.push_back({{"key", expr(item.key)}, {"value", expr(item.value)}});
        n["items"] = std::move(items);
        return n;
      }
      case ExprKind::kObjectKey: {
        const auto& t = as<ObjectKeyExpr>(*e);
        json n = node("object_key", e->range);
        n["force_non_literal"] = t.force_non_literal;
        if (!t.bare_name.empty()) n["bare_name"] = t.bare_name;
        n["expr"] = expr(t.wrapped);
        return n;
      }
      case ExprKind::kFor: {
        const auto& t = as<ForExpr>(*e);
        json n = node("for", e->range);
        n["result"] = t.is_object ? "object" : "tuple";
        n["key_var"] = t.key_var;
        n["val_var"] = t.val_var;
        n["coll"] = expr(t.coll);
        if (t.key) n["key"] = expr(t.key);
        n["value"] = expr(t.value);
        if (t.cond) n["cond"] = expr(t.cond);
        n["group"] = t.group;
        return n;
      }
      case ExprKind::kSplat: {
        const auto& t = as<SplatExpr>(*e);
        json n = node("splat", e->range);
        n["style"] = t.style == SplatStyle::kFull ? "full" : "attr";
        n["marker"] = pos(t.marker);
        n["source"] = expr(t.source);
        n["each"] = expr(t.each);
        return n;
      }
      case ExprKind::kSplatItem:
        return node("splat_item", e->range);
    }
    return json{{"kind", "unknown"}};
  }

  json diagnostics() const {
    json out = json::array();
    for (const Diagnostic& d : file_.diagnostics) {
      out.push_back({{"severity", d.severity == Severity::kError     ? "error"
                                  : d.severity == Severity::kWarning ? "warning"
                                                                     : "note"},
                     {"summary", d.summary},
                     {"detail", d.detail},
                     {"range", d.subject ? pos(*d.subject) : std::string()}});
    }
    return out;
  }

  json comments() const {
    json out = json::array();
    for (const Comment& c : file_.comments) {
      out.push_back({{"text", c.text},
                     {"range", pos(c.range)},
                     {"bytes", fmt::format("{}-{}", c.range.begin, c.range.end)}});
    }
    return out;
  }

 private:
  const ParsedFile& file_;
  const LineIndex& lines_;
};

}  // namespace

nlohmann::json fileToJson(const ParsedFile& file) {
  AstDumper d(file);
  json doc = {{"file", file.source->path()}};
  if (file.syntax == FileSyntax::kTemplate) {
    doc["template"] = d.expr(file.template_);
  } else {
    doc["body"] = file.body ? d.body(*file.body) : json(nullptr);
    if (file.syntax == FileSyntax::kJson) doc["syntax"] = "json";
  }
  doc["diagnostics"] = d.diagnostics();
  if (!file.comments.empty()) doc["comments"] = d.comments();
  return doc;
}

nlohmann::json exprToJson(const ParsedFile& file, const Expr& expr) {
  return AstDumper(file).expr(&expr);
}

}  // namespace tfguard::syntax
