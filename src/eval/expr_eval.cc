// Expression evaluation, following hclsyntax's Expression.Value methods
// (expression.go, expression_template.go, expression_ops.go) and their
// error messages. Where HCL returns an error, we add a diagnostic and
// return an unknown value of the best type we know, so that one bad
// expression costs one finding and nothing downstream fires on it.
#include "eval/expr_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "eval/convert.h"
#include "syntax/parser.h"

namespace tfguard::eval {
namespace {

using syntax::Expr;
using syntax::ExprKind;

// Marks (sensitive, provenance) and references of every input, for results
// computed from them.
struct Inputs {
  bool sensitive = false;
  std::vector<std::string> references;
  // A copy, not a pointer: inputs are often temporaries.
  std::optional<Value> provenance_from;

  void add(const Value& v) {
    sensitive = sensitive || v.sensitive();
    if (!v.isKnown()) references.insert(references.end(), v.references().begin(), v.references().end());
    if (!provenance_from && !v.provenance().empty()) provenance_from = v;
  }
  // Nested unknowns count too (jsonencode({a = aws_x.y.arn}) stays tied to it).
  void addDeep(const Value& v, int depth = 0) {
    add(v);
    if (depth > 32 || !v.isKnown()) return;
    if (v.isWhollyKnown() && !v.containsSensitive() && !v.containsProvenance()) return;  // nothing inside adds
    for (const Value& e : v.elements()) addDeep(e, depth + 1);
    for (const auto& [k, e] : v.attributes()) addDeep(e, depth + 1);
  }
  Value apply(Value v) const {
    if (provenance_from && v.provenance().empty()) v = v.withMarksOf(*provenance_from);
    if (sensitive && !v.sensitive()) v = v.markedSensitive();
    return v;
  }
  Value unknown(Type type = Type::dynamic()) const { return apply(Value::unknown(type, references)); }
};

std::string typeName(const Value& v) { return friendlyTypeName(v.type()); }

bool isCollectionLike(const Value& v) {
  switch (v.type().kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: return true;
    default: return false;
  }
}

// The sensitive mark of `from` on v (references are v's own: an attribute
// of an unknown stands for more than the unknown itself).
Value keepSensitive(Value v, const Value& from) { return from.sensitive() ? v.markedSensitive() : v; }

// The unknown for an attribute of an open resource object (a known object
// that stands for a resource instance: its references name the instance).
Value openAttribute(const Value& object, std::string_view suffix) {
  std::vector<std::string> refs;
  for (const std::string& r : object.references()) refs.push_back(r + std::string(suffix));
  return keepSensitive(Value::unknown(Type::dynamic(), std::move(refs)), object);
}

std::string keyString(const syntax::LiteralValue& key) {
  return std::string(key.text);
}

}  // namespace

ExprEvaluator::ExprEvaluator(Scope& scope, const syntax::ParsedFile& file, EvalDiagnostics& diags,
                             EvalLimits limits)
    : scope_(scope), file_(&file), diags_(&diags), limits_(limits) {}

void ExprEvaluator::pushVariable(std::string_view name, Value value) {
  // self, each, for variables: one allocation, not three — and none for the
  // (most) evaluators that bind nothing.
  if (bindings_.capacity() == 0) bindings_.reserve(8);
  bindings_.push_back({name, std::move(value)});
}
void ExprEvaluator::popVariable() { bindings_.pop_back(); }

const Value* ExprEvaluator::lookupVariable(std::string_view name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
    if (it->name == name) return &it->value;
  return nullptr;
}

bool ExprEvaluator::countIteration(ByteRange range) {
  if (++*iterations_ <= limits_.max_iterations) return true;
  // Reported once per evaluation: the enclosing loops stop at their next step.
  if (*iterations_ == limits_.max_iterations + 1)
    fail("Too many iterations",
         fmt::format("This expression iterates more than {} times in all (nested for expressions multiply); "
                     "tfguard stops evaluating it here.",
                     limits_.max_iterations),
         range);
  return false;
}

Value ExprEvaluator::fail(std::string summary, std::string detail, ByteRange subject) {
  diags_->push_back({file_, {Severity::kError, std::move(summary), std::move(detail), subject, std::nullopt}});
  ++error_count_;
  return Value::unknown();
}

Value ExprEvaluator::eval(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral: {
      const auto& lit = syntax::as<syntax::LiteralExpr>(e).value;
      switch (lit.type) {
        case syntax::LiteralType::kString: return Value::string(std::string(lit.text));
        case syntax::LiteralType::kNumber: {
          auto n = Number::parse(lit.text);
          if (!n) return fail("Invalid number literal", fmt::format("Failed to recognize the value of this number literal: {}.", lit.text), e.range);
          return Value::number(*n);
        }
        case syntax::LiteralType::kBool: return Value::boolean(lit.boolean);
        case syntax::LiteralType::kNull: return Value::null();
        case syntax::LiteralType::kUnknown: return Value::unknown();  // a syntax error's placeholder
      }
      return Value::unknown();
    }
    case ExprKind::kTemplate: return evalTemplate(syntax::as<syntax::TemplateExpr>(e));
    case ExprKind::kTemplateWrap: return eval(*syntax::as<syntax::TemplateWrapExpr>(e).wrapped);
    case ExprKind::kScopeTraversal: return evalTraversal(syntax::as<syntax::ScopeTraversalExpr>(e));
    case ExprKind::kRelativeTraversal: {
      const auto& t = syntax::as<syntax::RelativeTraversalExpr>(e);
      return applySteps(eval(*t.source), t.steps, "");
    }
    case ExprKind::kIndex: {
      const auto& ix = syntax::as<syntax::IndexExpr>(e);
      Value coll = eval(*ix.collection);
      Value key = eval(*ix.key);
      return index(coll, key, ix.bracket_range);
    }
    case ExprKind::kCall: return evalCall(syntax::as<syntax::CallExpr>(e));
    case ExprKind::kBinary: return evalBinary(syntax::as<syntax::BinaryExpr>(e));
    case ExprKind::kUnary: return evalUnary(syntax::as<syntax::UnaryExpr>(e));
    case ExprKind::kConditional: return evalConditional(syntax::as<syntax::ConditionalExpr>(e));
    case ExprKind::kParens: return eval(*syntax::as<syntax::ParensExpr>(e).inner);
    case ExprKind::kTuple: return evalTuple(syntax::as<syntax::TupleExpr>(e));
    case ExprKind::kObject: return evalObject(syntax::as<syntax::ObjectExpr>(e));
    case ExprKind::kObjectKey: return eval(*syntax::as<syntax::ObjectKeyExpr>(e).wrapped);
    case ExprKind::kFor: return evalFor(syntax::as<syntax::ForExpr>(e));
    case ExprKind::kSplat: return evalSplat(syntax::as<syntax::SplatExpr>(e));
    case ExprKind::kSplatItem:
      return splat_items_.empty() ? Value::unknown() : splat_items_.back();
    case ExprKind::kTemplateIf:
    case ExprKind::kTemplateFor: {
      // Only inside templates; evaluate as a one-part template.
      std::string out;
      Value marks;
      std::vector<std::string> refs;
      bool unknown = false;
      syntax::TemplatePart part{const_cast<Expr*>(&e), false};
      if (!appendTemplateParts({&part, 1}, out, marks, refs, unknown)) return Value::unknown(Type::string());
      if (unknown) return Value::unknown(Type::string(), std::move(refs));
      return Value::string(std::move(out)).withMarksOf(marks);
    }
  }
  return Value::unknown();
}

// ------------------------------------------------------------------ templates

Value ExprEvaluator::evalTemplate(const syntax::TemplateExpr& e) {
  // A single literal needs no buffer work.
  if (e.parts.size() == 1 && !e.parts[0].interp && e.parts[0].expr->kind == ExprKind::kLiteral) {
    return Value::string(std::string(syntax::as<syntax::LiteralExpr>(*e.parts[0].expr).value.text));
  }
  std::string out;
  Value marks;  // a null that only collects the parts' marks (no allocation until one has some)
  std::vector<std::string> refs;
  bool unknown = false;
  if (!appendTemplateParts(e.parts, out, marks, refs, unknown)) return Value::unknown(Type::string(), std::move(refs));
  if (unknown) return Value::unknown(Type::string(), std::move(refs)).withMarksOf(marks);
  return Value::string(std::move(out)).withMarksOf(marks);
}

bool ExprEvaluator::appendTemplateParts(std::span<const syntax::TemplatePart> parts, std::string& out,
                                        Value& marks, std::vector<std::string>& refs, bool& unknown) {
  for (const syntax::TemplatePart& part : parts) {
    const Expr& pe = *part.expr;
    if (pe.kind == ExprKind::kTemplateIf) {
      const auto& d = syntax::as<syntax::TemplateIfExpr>(pe);
      Value cond = eval(*d.cond);
      marks = marks.withMarksOf(cond);
      if (!cond.isKnown()) {
        unknown = true;
        refs.insert(refs.end(), cond.references().begin(), cond.references().end());
        continue;
      }
      std::string err;
      auto b = convert(cond, Type::boolean(), &err);
      if (!b || b->isNull()) {
        fail("Invalid template if condition",
             cond.isNull() ? "The result of the condition expression must not be null."
                           : fmt::format("The result of the condition expression must be a boolean value: {}.", err),
             d.cond->range);
        return false;
      }
      if (!appendTemplateParts(b->asBool() ? d.then_parts : d.else_parts, out, marks, refs, unknown)) return false;
      continue;
    }
    if (pe.kind == ExprKind::kTemplateFor) {
      const auto& d = syntax::as<syntax::TemplateForExpr>(pe);
      Value coll = eval(*d.coll);
      marks = marks.withMarksOf(coll);
      if (!coll.isKnown()) {
        unknown = true;
        refs.insert(refs.end(), coll.references().begin(), coll.references().end());
        continue;
      }
      if (coll.isNull()) {
        fail("Invalid template for directive", "The collection value in a for directive must not be null.", d.coll->range);
        return false;
      }
      bool is_seq = isCollectionLike(coll);
      bool is_map = coll.type().kind() == TypeKind::kMap || coll.type().kind() == TypeKind::kObject;
      if (!is_seq && !is_map) {
        fail("Invalid template for directive",
             fmt::format("A for directive must iterate over a collection, not a {}.", typeName(coll)), d.coll->range);
        return false;
      }
      size_t n = coll.length();
      for (size_t i = 0; i < n; ++i) {
        if (!countIteration(d.coll->range)) return false;
        Value key = is_seq ? (coll.type().kind() == TypeKind::kSet ? coll.elements()[i] : Value::number(static_cast<long long>(i)))
                           : Value::string(coll.attributes()[i].first);
        Value val = is_seq ? coll.elements()[i] : coll.attributes()[i].second;
        size_t pushed = 0;
        if (!d.key_var.empty()) {
          pushVariable(d.key_var, key);
          ++pushed;
        }
        pushVariable(d.val_var, val);
        ++pushed;
        bool ok = appendTemplateParts(d.body, out, marks, refs, unknown);
        while (pushed-- > 0) popVariable();
        if (!ok) return false;
        if (out.size() > limits_.max_string) {
          fail("Template result too large", fmt::format("The template produces more than {} bytes; tfguard stops here.", limits_.max_string), pe.range);
          return false;
        }
      }
      continue;
    }
    Value v = eval(pe);
    marks = marks.withMarksOf(v);
    if (!v.isKnown()) {
      unknown = true;
      refs.insert(refs.end(), v.references().begin(), v.references().end());
      continue;
    }
    if (v.isNull()) {
      fail("Invalid template interpolation value",
           "The expression result is null. Cannot include a null value in a string template.", pe.range);
      return false;
    }
    std::string err;
    auto s = convert(v, Type::string(), &err);
    if (!s) {
      fail("Invalid template interpolation value",
           fmt::format("Cannot include the given value in a string template: {}.", err), pe.range);
      return false;
    }
    if (!s->isWhollyKnown()) {
      unknown = true;
      continue;
    }
    out += s->asString();
    if (out.size() > limits_.max_string) {
      fail("Template result too large", fmt::format("The template produces more than {} bytes; tfguard stops here.", limits_.max_string), pe.range);
      return false;
    }
  }
  return true;
}

// ----------------------------------------------------------------- traversals

Value ExprEvaluator::evalTraversal(const syntax::ScopeTraversalExpr& e) {
  if (const Value* bound = lookupVariable(e.root)) return applySteps(*bound, e.steps, "");
  size_t consumed = 0;
  Diagnostic error;
  std::optional<Value> v = scope_.resolve(e, &consumed, &error);
  if (!v) {
    if (!error.summary.empty()) {
      diags_->push_back({file_, std::move(error)});
      ++error_count_;
    }
    return Value::unknown();
  }
  return applySteps(std::move(*v), e.steps.subspan(std::min(consumed, e.steps.size())), "");
}

Value ExprEvaluator::applySteps(Value v, std::span<const syntax::TraversalStep> steps, std::string_view) {
  for (const syntax::TraversalStep& step : steps) {
    if (step.kind == syntax::StepKind::kAttr) {
      v = getAttr(v, step.name, step.range);
    } else {
      Value key;
      switch (step.key.type) {
        case syntax::LiteralType::kNumber: {
          auto n = Number::parse(step.key.text);
          key = n ? Value::number(*n) : Value::unknown();
          break;
        }
        case syntax::LiteralType::kString: key = Value::string(keyString(step.key)); break;
        case syntax::LiteralType::kBool: key = Value::boolean(step.key.boolean); break;
        case syntax::LiteralType::kNull: key = Value::null(); break;
        case syntax::LiteralType::kUnknown: key = Value::unknown(); break;
      }
      v = index(v, key, step.range);
    }
  }
  return v;
}

Value ExprEvaluator::getAttr(const Value& v, std::string_view name, ByteRange range) {
  if (!v.isKnown()) {
    std::vector<std::string> refs;
    for (const std::string& r : v.references()) refs.push_back(r + "." + std::string(name));
    return keepSensitive(Value::unknown(Type::dynamic(), std::move(refs)), v);
  }
  if (v.isNull()) {
    return fail("Attempt to get attribute from null value",
                "This value is null, so it does not have any attributes.", range);
  }
  switch (v.type().kind()) {
    case TypeKind::kObject: {
      if (const Value* a = v.get(name)) return v.sensitive() ? a->markedSensitive() : *a;
      if (limits_.missing_attributes_are_null) return Value::null();
      if (!v.references().empty()) return openAttribute(v, "." + std::string(name));
      return fail("Unsupported attribute", fmt::format("This object does not have an attribute named \"{}\".", name),
                  range);
    }
    case TypeKind::kMap: {
      if (const Value* a = v.get(name)) return v.sensitive() ? a->markedSensitive() : *a;
      return fail("Missing map element", fmt::format("This map does not have an element with the key \"{}\".", name),
                  range);
    }
    case TypeKind::kDynamic: return Value::unknown().withMarksOf(v);
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple:
      return fail("Unsupported attribute",
                  fmt::format("Can't access attributes on a {}. Did you mean to access an attribute for a specific "
                              "element of the list, or across all elements of the list?",
                              v.type().kind() == TypeKind::kSet ? "set of " + friendlyTypeName(v.type().element())
                              : v.type().kind() == TypeKind::kTuple ? std::string("tuple")
                                                                    : "list of " + friendlyTypeName(v.type().element())),
                  range);
    default:
      return fail("Unsupported attribute",
                  fmt::format("Can't access attributes on a primitive-typed value ({}).", typeName(v)), range);
  }
}

Value ExprEvaluator::index(const Value& v, const Value& key, ByteRange range) {
  if (!key.isKnown()) return Value::unknown(Type::dynamic(), {key.references().begin(), key.references().end()}).withMarksOf(v);
  if (key.isNull()) return fail("Invalid index", "Can't use a null value as an indexing key.", range);
  if (!v.isKnown()) {
    std::vector<std::string> refs;
    std::string suffix = key.type().kind() == TypeKind::kString ? "[" + quoteGoString(key.asString()) + "]"
                         : key.type().kind() == TypeKind::kNumber ? "[" + key.asNumber().toString() + "]"
                                                                  : "[?]";
    for (const std::string& r : v.references()) refs.push_back(r + suffix);
    return keepSensitive(Value::unknown(Type::dynamic(), std::move(refs)), v);
  }
  if (v.isNull()) return fail("Invalid index", "This value is null, so it does not have any indices.", range);
  Value out;
  switch (v.type().kind()) {
    case TypeKind::kList:
    case TypeKind::kTuple: {
      std::string err;
      auto n = convert(key, Type::number(), &err);
      if (!n || !n->isKnown()) {
        return fail("Invalid index",
                    "The given key does not identify an element in this collection value: a number is required.", range);
      }
      auto i = n->asNumber().toInt();
      if (!n->asNumber().isInteger() || !i) {
        return fail("Invalid index",
                    "The given key does not identify an element in this collection value: indexing a sequence requires a whole number.",
                    range);
      }
      if (*i < 0 || static_cast<size_t>(*i) >= v.length()) {
        return fail("Invalid index",
                    *i < 0 ? "The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence."
                           : "The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection.",
                    range);
      }
      out = v.elements()[static_cast<size_t>(*i)];
      break;
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      std::string err;
      auto s = convert(key, Type::string(), &err);
      if (!s) return fail("Invalid index", "The given key does not identify an element in this collection value: a string is required.", range);
      const Value* a = v.get(s->asString());
      if (a == nullptr) {
        if (v.type().kind() == TypeKind::kObject && !v.references().empty())
          return openAttribute(v, "[" + quoteGoString(s->asString()) + "]");
        return fail("Invalid index", "The given key does not identify an element in this collection value.", range);
      }
      out = *a;
      break;
    }
    case TypeKind::kSet:
      return fail("Invalid index",
                  "Elements of a set are identified only by their value and don't have any separate index or key to "
                  "select with, so it's only possible to perform operations across all elements of the set.",
                  range);
    case TypeKind::kDynamic: return Value::unknown().withMarksOf(v);
    default:
      return fail("Invalid index", "This value does not have any indices.", range);
  }
  return v.sensitive() ? out.markedSensitive() : out;
}

// --------------------------------------------------------------------- calls

Value ExprEvaluator::evalCall(const syntax::CallExpr& e) {
  if (e.name == "try") return evalTry(e);
  if (e.name == "can") return evalCan(e);
  if (e.name == "templatefile") return evalTemplateFile(e);
  if (e.name.find("::") != std::string_view::npos) {
    // provider::ns::fn() runs provider code; its result is known only to the provider.
    Inputs in;
    for (const Expr* a : e.args) in.addDeep(eval(*a));
    return in.unknown();
  }
  if (e.name == "ephemeralasnull" && e.args.size() == 1) return eval(*e.args[0]);  // nothing is ephemeral here
  if (e.name == "templatestring") {
    // Renders a template held in a value (Terraform 1.9); not evaluated yet:
    // unknown, carrying its inputs' references.
    Inputs in;
    for (const Expr* a : e.args) in.addDeep(eval(*a));
    return in.unknown(Type::string());
  }
  if (scope_.hasFunction(e.name)) {
    SmallValueList args;
    for (const Expr* a : e.args) args.push_back(eval(*a));
    FunctionResult r = scope_.callFunction(e.name, args.span());
    if (!r.ok()) {
      ByteRange at = r.error_arg >= 0 && static_cast<size_t>(r.error_arg) < e.args.size() ? e.args[r.error_arg]->range
                                                                                        : e.range;
      return fail("Error in function call", fmt::format("Call to function \"{}\" failed: {}.", e.name, r.error), at);
    }
    return r.value;
  }
  const FunctionSpec* spec = findFunction(e.name);
  if (spec == nullptr) {
    for (const Expr* a : e.args) eval(*a);
    return fail("Call to unknown function", fmt::format("There is no function named \"{}\".", e.name), e.name_range);
  }
  SmallValueList args;
  for (size_t i = 0; i < e.args.size(); ++i) {
    Value a = eval(*e.args[i]);
    if (e.expand_final && i + 1 == e.args.size()) {
      if (!a.isKnown()) {
        Inputs in;
        in.add(a);
        return in.unknown(spec->unknown_result);
      }
      if (a.isNull() || !isCollectionLike(a)) {
        return fail("Invalid expanding argument value",
                    a.isNull() ? "The expanding argument (indicated by ...) must not be null."
                               : "The expanding argument (indicated by ...) must be of a tuple, list, or set type.",
                    e.args[i]->range);
      }
      for (const Value& el : a.elements()) args.push_back(a.sensitive() ? el.markedSensitive() : el);
      continue;
    }
    args.push_back(std::move(a));
  }
  FunctionResult r = callFunction(*spec, args.span(), scope_.functionContext());
  if (!r.ok()) {
    if (r.error_arg >= 0) {
      size_t ai = static_cast<size_t>(r.error_arg);
      ByteRange where = ai < e.args.size() ? e.args[ai]->range : e.args.empty() ? e.range : e.args.back()->range;
      return fail("Invalid function argument", r.error, where);
    }
    return fail("Error in function call", fmt::format("Call to function \"{}\" failed: {}", e.name, r.error), e.range);
  }
  // Results over the collection and string limits stop here: without this,
  // concat(l, l) or "${s}${s}" repeated through locals doubles at each step
  // (2^40 elements from 40 lines). Each step is bounded by twice the limit.
  if (r.value.isKnown() && !r.value.isNull()) {
    if (r.value.length() > limits_.max_collection)
      return fail("Function result too large",
                  fmt::format("Call to function \"{}\" produced {} elements; tfguard stops at {}.", e.name,
                              r.value.length(), limits_.max_collection),
                  e.range);
    if (r.value.type().kind() == TypeKind::kString && r.value.asString().size() > limits_.max_string)
      return fail("Function result too large",
                  fmt::format("Call to function \"{}\" produced a string of {} bytes; tfguard stops at {}.", e.name,
                              r.value.asString().size(), limits_.max_string),
                  e.range);
  }
  // Provenance: a result computed from a value set elsewhere came from there too.
  Inputs in;
  for (const Value& a : args.span()) in.add(a);
  in.sensitive = in.sensitive && !spec->handles_marks;
  return in.apply(std::move(r.value));
}

Value ExprEvaluator::evalTry(const syntax::CallExpr& e) {
  if (e.args.empty()) return fail("Invalid function argument", "At least one argument is required.", e.range);
  for (const Expr* a : e.args) {
    size_t diags_before = diags_->size();
    size_t errors_before = error_count_;
    Value v = eval(*a);
    if (error_count_ == errors_before) {
      // An unknown result may still fail at apply time: try() is unknown too.
      if (!v.isWhollyKnown()) {
        Inputs in;
        in.addDeep(v);
        return in.unknown();
      }
      return v;
    }
    diags_->resize(diags_before);
    error_count_ = errors_before;
  }
  return fail("Error in function call",
              "Call to function \"try\" failed: no expression succeeded:\n(the individual errors are not shown by tfguard).",
              e.range);
}

Value ExprEvaluator::evalCan(const syntax::CallExpr& e) {
  if (e.args.size() != 1)
    return fail("Invalid function argument",
                fmt::format("Function \"can\" expects 1 argument(s); {} given.", e.args.size()), e.range);
  size_t diags_before = diags_->size();
  size_t errors_before = error_count_;
  Value v = eval(*e.args[0]);
  if (error_count_ != errors_before) {
    diags_->resize(diags_before);
    error_count_ = errors_before;
    return Value::boolean(false);
  }
  if (!v.isWhollyKnown()) {
    Inputs in;
    in.addDeep(v);
    return in.unknown(Type::boolean());
  }
  return Value::boolean(true);
}

namespace {

// The scope of a template rendered by templatefile(): only its vars.
class TemplateVarsScope : public Scope {
 public:
  TemplateVarsScope(Value vars, Scope& outer) : vars_(std::move(vars)), outer_(outer) {}
  std::optional<Value> resolve(const syntax::ScopeTraversalExpr& t, size_t* consumed, Diagnostic* error) override {
    *consumed = 0;
    if (const Value* v = vars_.get(t.root)) return *v;
    if (!vars_.isKnown()) return Value::unknown();
    *error = {Severity::kError, "Invalid reference",
              fmt::format("There is no variable named \"{}\" in the vars given to templatefile.", t.root),
              t.root_range, std::nullopt};
    return std::nullopt;
  }
  FunctionContext& functionContext() override { return outer_.functionContext(); }
  const syntax::Expr* loadTemplate(const std::string& path, const syntax::ParsedFile** file,
                                   std::string* error) override {
    return outer_.loadTemplate(path, file, error);
  }

 private:
  Value vars_;
  Scope& outer_;
};

}  // namespace

Value ExprEvaluator::evalTemplateFile(const syntax::CallExpr& e) {
  if (e.args.size() != 2)
    return fail("Invalid function argument",
                fmt::format("Function \"templatefile\" expects 2 argument(s); {} given.", e.args.size()), e.range);
  Value path = eval(*e.args[0]);
  Value vars = eval(*e.args[1]);
  Inputs in;
  in.add(path);
  if (!path.isKnown()) return in.unknown(Type::string());
  std::string err;
  auto path_str = convert(path, Type::string(), &err);
  if (!path_str || path_str->isNull())
    return fail("Invalid function argument", "Invalid value for \"path\" parameter: a string is required.", e.args[0]->range);
  if (!vars.isNull() && vars.isKnown() && vars.type().kind() != TypeKind::kObject && vars.type().kind() != TypeKind::kMap)
    return fail("Invalid function argument", "Invalid value for \"vars\" parameter: vars must be a map.", e.args[1]->range);
  for (const auto& [k, v] : vars.attributes()) {
    (void)v;
    if (k.empty() || !(std::isalpha(static_cast<unsigned char>(k[0])) || k[0] == '_'))
      return fail("Invalid function argument",
                  fmt::format("Invalid value for \"vars\" parameter: invalid template variable name \"{}\": must start with a letter, followed by zero or more letters, digits, and underscores.", k),
                  e.args[1]->range);
  }
  // Counted before the depth check: calls refused there cost a finding each.
  if (template_depth_ > 0 && ++*nested_template_calls_ > limits_.max_nested_template_calls) {
    // Reported once per evaluation; the calls after it are unknown.
    if (*nested_template_calls_ == limits_.max_nested_template_calls + 1)
      return fail("Too many templatefile calls",
                  fmt::format("The templates make more than {} templatefile calls from inside templates in all (each "
                              "level of nesting multiplies them); tfguard stops evaluating them here. Terraform "
                              "allows no templatefile call inside a template.",
                              limits_.max_nested_template_calls),
                  e.range);
    return Value::unknown(Type::string());
  }
  if (template_depth_ >= limits_.max_template_depth)
    return fail("Error in function call",
                fmt::format("Call to function \"templatefile\" failed: cannot recursively call templatefile from inside "
                            "templatefile or another template (tfguard follows {} nested calls, Terraform none).",
                            limits_.max_template_depth),
                e.range);
  const syntax::ParsedFile* tfile = nullptr;
  const syntax::Expr* texpr = scope_.loadTemplate(path_str->asString(), &tfile, &err);
  if (texpr == nullptr || tfile == nullptr) {
    return fail("Invalid function argument", fmt::format("Invalid value for \"path\" parameter: {}.", err), e.args[0]->range);
  }
  TemplateVarsScope tscope(vars.isNull() ? Value::object({}) : vars, scope_);
  ExprEvaluator inner(tscope, *tfile, *diags_, limits_);
  inner.template_depth_ = template_depth_ + 1;
  inner.iterations_ = iterations_;
  inner.nested_template_calls_ = nested_template_calls_;
  Value v = inner.eval(*texpr);
  error_count_ += inner.error_count_;
  if (inner.error_count_ > 0) return Value::unknown(Type::string());
  std::string s_err;
  auto s = convert(v, Type::string(), &s_err);
  if (!s) return fail("Error in function call", fmt::format("Call to function \"templatefile\" failed: {}.", s_err), e.range);
  return in.apply(*s);
}

// ----------------------------------------------------------------- operators

Value ExprEvaluator::evalBinary(const syntax::BinaryExpr& e) {
  using syntax::BinaryOp;
  Value lhs = eval(*e.lhs);
  if (e.op == BinaryOp::kAnd || e.op == BinaryOp::kOr) {
    // Short circuit (HCL >= 2.24, Terraform >= 1.13): when the left operand
    // decides, the right one is not evaluated and its errors do not count
    // (`x == null || length(x) > 0`).
    bool decides = e.op == BinaryOp::kOr;
    if (lhs.isKnown() && !lhs.isNull() && lhs.type().kind() == TypeKind::kBool && lhs.asBool() == decides)
      return lhs.sensitive() ? Value::boolean(decides).markedSensitive() : Value::boolean(decides);
  }
  Value rhs = eval(*e.rhs);
  Inputs in;
  in.add(lhs);
  in.add(rhs);

  auto operand = [&](const Value& v, const Type& want, const Expr& at, const char* side) -> std::optional<Value> {
    if (!v.isKnown()) return v;
    if (v.isNull()) {
      fail("Invalid operand", fmt::format("Unsuitable value for {} operand: argument must not be null.", side), at.range);
      return std::nullopt;
    }
    std::string err;
    auto c = convert(v, want, &err);
    if (!c) {
      fail("Invalid operand", fmt::format("Unsuitable value for {} operand: {}.", side, err), at.range);
      return std::nullopt;
    }
    return c;
  };

  switch (e.op) {
    case BinaryOp::kEq:
    case BinaryOp::kNe: {
      bool ne = e.op == BinaryOp::kNe;
      // cty: a known null compared with any known value (even one with
      // unknowns inside) is decided.
      if (lhs.isKnown() && rhs.isKnown() && (lhs.isNull() || rhs.isNull()))
        return in.apply(Value::boolean((lhs.isNull() && rhs.isNull()) != ne));
      if (!lhs.isWhollyKnown() || !rhs.isWhollyKnown()) {
        // Two unknowns that stand for the same attribute are equal.
        if (!lhs.isKnown() && !rhs.isKnown() && lhs.rawEquals(rhs)) return in.apply(Value::boolean(!ne));
        Inputs deep;
        deep.addDeep(lhs);
        deep.addDeep(rhs);
        return deep.unknown(Type::boolean());
      }
      bool eq;
      if (lhs.isNull() || rhs.isNull()) {
        eq = lhs.isNull() && rhs.isNull();
      } else {
        // cty Equals: numbers compare by value, other types must match.
        eq = lhs.rawEquals(rhs);
        if (!eq && !(lhs.type() == rhs.type())) {
          Type types[] = {lhs.type(), rhs.type()};
          if (auto t = unify(types, false); t && (t->isStructural() || t->isCollection())) {
            std::string err;
            auto a = convert(lhs, *t, &err), b = convert(rhs, *t, &err);
            eq = a && b && a->rawEquals(*b);
          }
        }
      }
      return in.apply(Value::boolean(ne ? !eq : eq));
    }
    case BinaryOp::kAnd:
    case BinaryOp::kOr: {
      const char* name = e.op == BinaryOp::kAnd ? "&&" : "||";
      (void)name;
      auto a = operand(lhs, Type::boolean(), *e.lhs, "left");
      auto b = operand(rhs, Type::boolean(), *e.rhs, "right");
      if (!a || !b) return Value::unknown(Type::boolean());
      bool is_and = e.op == BinaryOp::kAnd;
      // Three-valued (Kleene) logic: false && unknown is false, true || unknown is true.
      if (a->isKnown() && a->asBool() != is_and) return in.apply(Value::boolean(!is_and));
      if (b->isKnown() && b->asBool() != is_and) return in.apply(Value::boolean(!is_and));
      if (!a->isKnown() || !b->isKnown()) return in.unknown(Type::boolean());
      return in.apply(Value::boolean(is_and ? (a->asBool() && b->asBool()) : (a->asBool() || b->asBool())));
    }
    default: break;
  }

  // Arithmetic and ordering: numbers.
  auto a = operand(lhs, Type::number(), *e.lhs, "left");
  auto b = operand(rhs, Type::number(), *e.rhs, "right");
  bool comparison = e.op == BinaryOp::kLt || e.op == BinaryOp::kLe || e.op == BinaryOp::kGt || e.op == BinaryOp::kGe;
  Type result_type = comparison ? Type::boolean() : Type::number();
  if (!a || !b) return Value::unknown(result_type);
  if (!a->isKnown() || !b->isKnown()) return in.unknown(result_type);
  long double x = a->asNumber().value(), y = b->asNumber().value();
  switch (e.op) {
    case BinaryOp::kLt: return in.apply(Value::boolean(x < y));
    case BinaryOp::kLe: return in.apply(Value::boolean(x <= y));
    case BinaryOp::kGt: return in.apply(Value::boolean(x > y));
    case BinaryOp::kGe: return in.apply(Value::boolean(x >= y));
    case BinaryOp::kAdd: return in.apply(Value::number(Number(x + y)));
    case BinaryOp::kSub: return in.apply(Value::number(Number(x - y)));
    case BinaryOp::kMul: return in.apply(Value::number(Number(x * y)));
    case BinaryOp::kDiv:
      if (y == 0) {
        if (x == 0)
          return fail("Operation failed", "Error during operation: can't divide zero by zero or infinity by infinity.", e.range);
        return in.apply(Value::number(Number(x > 0 ? HUGE_VALL : -HUGE_VALL)));
      }
      return in.apply(Value::number(Number(x / y)));
    case BinaryOp::kMod: {
      if (y == 0) return fail("Operation failed", "Error during operation: can't use modulo with zero.", e.range);
      // cty Modulo: integer modulo with the sign of the dividend, else fmod.
      if (a->asNumber().isInteger() && b->asNumber().isInteger()) {
        return in.apply(Value::number(Number(std::fmod(x, y))));
      }
      return in.apply(Value::number(Number(std::fmod(x, y))));
    }
    default: break;
  }
  return Value::unknown();
}

Value ExprEvaluator::evalUnary(const syntax::UnaryExpr& e) {
  Value v = eval(*e.operand);
  Inputs in;
  in.add(v);
  bool negate = e.op == syntax::UnaryOp::kNegate;
  Type want = negate ? Type::number() : Type::boolean();
  if (!v.isKnown()) return in.unknown(want);
  if (v.isNull()) return fail("Invalid operand", "Unsuitable value for unary operand: argument must not be null.", e.operand->range);
  std::string err;
  auto c = convert(v, want, &err);
  if (!c) return fail("Invalid operand", fmt::format("Unsuitable value for unary operand: {}.", err), e.operand->range);
  if (negate) return in.apply(Value::number(Number(-c->asNumber().value())));
  return in.apply(Value::boolean(!c->asBool()));
}

Value ExprEvaluator::evalConditional(const syntax::ConditionalExpr& e) {
  Value cond = eval(*e.cond);
  // Like HCL, both results are evaluated (for the result type), but with a
  // known condition only the chosen one's errors count: `x == null ? 0 :
  // x.a` must not report the null access.
  std::optional<bool> chosen_branch;
  if (cond.isKnown() && !cond.isNull()) {
    std::string err;
    if (auto b = convert(cond, Type::boolean(), &err)) chosen_branch = b->asBool();
  }
  if (chosen_branch && limits_.conditionals_evaluate_chosen_result) {
    Value result = eval(*chosen_branch ? *e.if_true : *e.if_false);
    return cond.sensitive() ? result.markedSensitive() : result;
  }
  auto evalBranch = [&](const Expr& x, bool is_true) {
    if (!chosen_branch || *chosen_branch == is_true) return eval(x);
    size_t diags_before = diags_->size(), errors_before = error_count_;
    Value v = eval(x);
    diags_->resize(diags_before);
    error_count_ = errors_before;
    return v;
  };
  Value t = evalBranch(*e.if_true, true);
  Value f = evalBranch(*e.if_false, false);
  Type types[] = {t.type(), f.type()};
  auto unified = unify(types, true);
  if (!unified) {
    if (!t.isNull() && !f.isNull()) {
      return fail("Inconsistent conditional result types",
                  fmt::format("The true and false result expressions must have consistent types. The 'true' value is "
                              "{}, but the 'false' value is {}.",
                              friendlyTypeName(t.type()), friendlyTypeName(f.type())),
                  rangeBetween(e.if_true->range, e.if_false->range));
    }
    unified = t.isNull() ? f.type() : t.type();
  }
  if (!cond.isKnown()) {
    Inputs in;
    in.add(cond);
    in.addDeep(t);
    in.addDeep(f);
    return in.unknown(*unified);
  }
  if (cond.isNull())
    return fail("Null condition", "The condition value is null. Conditions must either be true or false.", e.cond->range);
  std::string err;
  auto b = convert(cond, Type::boolean(), &err);
  if (!b)
    return fail("Incorrect condition type", "The condition expression must be of type bool.", e.cond->range);
  Value chosen = b->asBool() ? t : f;
  auto converted = convert(chosen, *unified, &err);
  Value result = converted ? *converted : chosen;
  return cond.sensitive() ? result.markedSensitive() : result;
}

// -------------------------------------------------------------- constructors

Value ExprEvaluator::evalTuple(const syntax::TupleExpr& e) {
  std::vector<Value> items;
  items.reserve(e.items.size());
  for (const Expr* item : e.items) items.push_back(eval(*item));
  return Value::tuple(std::move(items));
}

Value ExprEvaluator::evalObject(const syntax::ObjectExpr& e) {
  std::vector<Value::Attribute> attrs;
  attrs.reserve(e.items.size());
  bool unknown_key = false;
  Inputs in;
  for (const syntax::ObjectItem& item : e.items) {
    std::string key;
    if (!item.key->bare_name.empty() && !item.key->force_non_literal) {
      key = std::string(item.key->bare_name);
    } else {
      Value k = eval(*item.key->wrapped);
      if (!k.isKnown()) {
        unknown_key = true;
        in.add(k);
        eval(*item.value);
        continue;
      }
      if (k.isNull()) {
        fail("Invalid object key", "Key expression in object constructor must not be null.", item.key->range);
        continue;
      }
      std::string err;
      auto s = convert(k, Type::string(), &err);
      if (!s) {
        fail("Incorrect key type", fmt::format("Can't use this value as a key: {}.", err), item.key->range);
        continue;
      }
      key = s->asString();
    }
    attrs.emplace_back(std::move(key), eval(*item.value));
  }
  if (unknown_key) return in.unknown();
  return Value::object(std::move(attrs));
}

Value ExprEvaluator::evalFor(const syntax::ForExpr& e) {
  Value coll = eval(*e.coll);
  Inputs in;
  in.add(coll);
  Type result_type = e.is_object ? Type::dynamic() : Type::dynamic();
  if (!coll.isKnown()) return in.unknown(result_type);
  if (coll.isNull())
    return fail("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", e.coll->range);
  bool is_seq = isCollectionLike(coll);
  bool is_map = coll.type().kind() == TypeKind::kMap || coll.type().kind() == TypeKind::kObject;
  if (!is_seq && !is_map)
    return fail("Iteration over non-iterable value",
                fmt::format("A value of type {} cannot be used as the collection in a 'for' expression.", typeName(coll)),
                e.coll->range);
  if (coll.length() > limits_.max_collection)
    return fail("Collection too large", fmt::format("The collection has more than {} elements; tfguard does not iterate it.", limits_.max_collection), e.coll->range);

  std::vector<Value> tuple_items;
  std::vector<Value::Attribute> object_items;
  std::vector<std::pair<std::string, std::vector<Value>>> groups;
  // Keys seen so far, for the duplicate check and grouping: a scan while
  // the object is small, a hash index once it is not (a scan per item is
  // quadratic: 10^12 comparisons for a for over a million elements).
  constexpr size_t kScanKeysUpTo = 32;
  std::unordered_map<std::string, size_t> key_index;
  auto findKey = [&](auto& items, const std::string& key) -> size_t {
    if (items.size() <= kScanKeysUpTo) {
      for (size_t k = 0; k < items.size(); ++k)
        if (items[k].first == key) return k;
      return items.size();
    }
    if (key_index.empty())
      for (size_t k = 0; k < items.size(); ++k) key_index.emplace(items[k].first, k);
    auto found = key_index.find(key);
    return found == key_index.end() ? items.size() : found->second;
  };
  auto addedKey = [&](auto& items) {
    if (!key_index.empty()) key_index.emplace(items.back().first, items.size() - 1);
  };
  bool unknown = false;
  size_t n = coll.length();
  for (size_t i = 0; i < n; ++i) {
    if (!countIteration(e.coll->range)) return Value::unknown();
    Value val = is_seq ? coll.elements()[i] : coll.attributes()[i].second;
    if (coll.sensitive()) val = val.markedSensitive();
    size_t pushed = 0;
    if (!e.key_var.empty()) {  // the key only when it is named: most loops bind the value alone
      Value key = is_seq ? (coll.type().kind() == TypeKind::kSet ? coll.elements()[i] : Value::number(static_cast<long long>(i)))
                         : Value::string(coll.attributes()[i].first);
      if (coll.sensitive()) key = key.markedSensitive();
      pushVariable(e.key_var, std::move(key));
      ++pushed;
    }
    pushVariable(e.val_var, val);
    ++pushed;
    bool keep = true;
    bool stop = false;
    if (e.cond != nullptr) {
      Value c = eval(*e.cond);
      if (!c.isKnown()) {
        unknown = true;
        in.add(c);
        keep = false;
      } else if (c.isNull()) {
        fail("Condition is null", "The value of the 'if' clause must not be null.", e.cond->range);
        stop = true;
      } else {
        std::string err;
        auto b = convert(c, Type::boolean(), &err);
        if (!b) {
          fail("Invalid 'for' condition", fmt::format("The 'if' clause value is invalid: {}.", err), e.cond->range);
          stop = true;
        } else {
          keep = b->asBool();
        }
      }
    }
    if (keep && !stop) {
      if (e.is_object) {
        Value k = eval(*e.key);
        Value v = eval(*e.value);
        if (!k.isKnown()) {
          unknown = true;
          in.add(k);
        } else if (k.isNull()) {
          fail("Invalid object key", "Key expression in 'for' expression must not be null.", e.key->range);
          stop = true;
        } else {
          std::string err;
          auto ks = convert(k, Type::string(), &err);
          if (!ks) {
            fail("Invalid object key", fmt::format("The key expression produced an invalid result: {}.", err), e.key->range);
            stop = true;
          } else if (e.group) {
            size_t g = findKey(groups, ks->asString());
            if (g == groups.size()) {
              groups.push_back({ks->asString(), {v}});
              addedKey(groups);
            } else {
              groups[g].second.push_back(v);
            }
          } else {
            if (findKey(object_items, ks->asString()) != object_items.size()) {
              fail("Duplicate object key",
                   fmt::format("Two different items produced the key \"{}\" in this 'for' expression. If duplicates are "
                               "expected, use the ellipsis (...) after the value expression to enable grouping by key.",
                               ks->asString()),
                   e.key->range);
              stop = true;
            } else {
              object_items.emplace_back(ks->asString(), std::move(v));
              addedKey(object_items);
            }
          }
        }
      } else {
        tuple_items.push_back(eval(*e.value));
      }
    }
    while (pushed-- > 0) popVariable();
    if (stop) return Value::unknown();
  }
  if (unknown) return in.unknown();
  if (e.is_object) {
    if (e.group) {
      for (auto& [k, vs] : groups) object_items.emplace_back(k, Value::tuple(std::move(vs)));
    }
    return in.apply(Value::object(std::move(object_items)));
  }
  return in.apply(Value::tuple(std::move(tuple_items)));
}

Value ExprEvaluator::evalSplat(const syntax::SplatExpr& e) {
  Value src = eval(*e.source);
  Inputs in;
  in.add(src);
  if (!src.isKnown()) {
    // The result is as unknown as its source; keep references to the attribute.
    splat_items_.push_back(src);
    Value each = eval(*e.each);
    splat_items_.pop_back();
    Inputs deep;
    deep.add(src);
    deep.add(each);
    return deep.unknown();
  }
  if (src.isNull()) return Value::tuple({});  // (a shared empty tuple)
  std::vector<Value> items;
  if (!isCollectionLike(src)) {
    // A single value is treated as a one-element tuple (HCL's auto-upgrade).
    splat_items_.push_back(src);
    Value v = eval(*e.each);
    splat_items_.pop_back();
    return Value::tuple({v});
  }
  if (src.length() > limits_.max_collection)
    return fail("Collection too large", fmt::format("The collection has more than {} elements.", limits_.max_collection), e.source->range);
  for (const Value& el : src.elements()) {
    if (!countIteration(e.source->range)) return Value::unknown();
    splat_items_.push_back(src.sensitive() ? el.markedSensitive() : el);
    items.push_back(eval(*e.each));
    splat_items_.pop_back();
  }
  if (src.type().kind() == TypeKind::kList || src.type().kind() == TypeKind::kSet) {
    Type types[1];
    std::vector<Type> ts;
    for (const Value& v : items) ts.push_back(v.type());
    (void)types;
    if (auto t = unify(ts, true); t && !items.empty()) {
      std::vector<Value> converted;
      std::string err;
      bool ok = true;
      for (const Value& v : items) {
        auto c = convert(v, *t, &err);
        if (!c) {
          ok = false;
          break;
        }
        converted.push_back(*c);
      }
      if (ok) return in.apply(Value::list(std::move(converted), *t));
    }
  }
  return in.apply(Value::tuple(std::move(items)));
}

// ----------------------------------------------------------------- constants

namespace {

class ConstantScope : public Scope {
 public:
  std::optional<Value> resolve(const syntax::ScopeTraversalExpr& t, size_t* consumed, Diagnostic* error) override {
    *consumed = 0;
    *error = {Severity::kError, "Variables not allowed",
              "Variables may not be used here.", t.root_range, std::nullopt};
    return std::nullopt;
  }
  FunctionContext& functionContext() override { return ctx_; }
  const syntax::Expr* loadTemplate(const std::string&, const syntax::ParsedFile**, std::string* error) override {
    *error = "Functions may not be called here";
    return nullptr;
  }

 private:
  FunctionContext ctx_;
};

bool hasCall(const Expr& e, const syntax::ParsedFile& file, EvalDiagnostics& diags);

}  // namespace

Value evalConstant(const syntax::Expr& expr, const syntax::ParsedFile& file, EvalDiagnostics& diags) {
  if (hasCall(expr, file, diags)) return Value::unknown();
  ConstantScope scope;
  ExprEvaluator ev(scope, file, diags);
  return ev.eval(expr);
}

namespace {

// Calls anywhere in the expression: "Functions may not be called here", as Terraform says for tfvars.
bool hasCall(const Expr& e, const syntax::ParsedFile& file, EvalDiagnostics& diags) {
  std::vector<const Expr*> stack{&e};
  bool found = false;
  while (!stack.empty()) {
    const Expr* x = stack.back();
    stack.pop_back();
    if (x == nullptr) continue;
    switch (x->kind) {
      case ExprKind::kCall:
        diags.push_back({&file, {Severity::kError, "Function calls not allowed",
                                 "Functions may not be called here.", syntax::as<syntax::CallExpr>(*x).name_range, std::nullopt}});
        found = true;
        break;
      case ExprKind::kTemplate:
        for (const auto& p : syntax::as<syntax::TemplateExpr>(*x).parts) stack.push_back(p.expr);
        break;
      case ExprKind::kTemplateWrap: stack.push_back(syntax::as<syntax::TemplateWrapExpr>(*x).wrapped); break;
      case ExprKind::kTemplateIf: {
        const auto& t = syntax::as<syntax::TemplateIfExpr>(*x);
        stack.push_back(t.cond);
        for (const auto& p : t.then_parts) stack.push_back(p.expr);
        for (const auto& p : t.else_parts) stack.push_back(p.expr);
        break;
      }
      case ExprKind::kTemplateFor: {
        const auto& t = syntax::as<syntax::TemplateForExpr>(*x);
        stack.push_back(t.coll);
        for (const auto& p : t.body) stack.push_back(p.expr);
        break;
      }
      case ExprKind::kRelativeTraversal: stack.push_back(syntax::as<syntax::RelativeTraversalExpr>(*x).source); break;
      case ExprKind::kIndex:
        stack.push_back(syntax::as<syntax::IndexExpr>(*x).collection);
        stack.push_back(syntax::as<syntax::IndexExpr>(*x).key);
        break;
      case ExprKind::kBinary:
        stack.push_back(syntax::as<syntax::BinaryExpr>(*x).lhs);
        stack.push_back(syntax::as<syntax::BinaryExpr>(*x).rhs);
        break;
      case ExprKind::kUnary: stack.push_back(syntax::as<syntax::UnaryExpr>(*x).operand); break;
      case ExprKind::kConditional: {
        const auto& c = syntax::as<syntax::ConditionalExpr>(*x);
        stack.insert(stack.end(), {c.cond, c.if_true, c.if_false});
        break;
      }
      case ExprKind::kParens: stack.push_back(syntax::as<syntax::ParensExpr>(*x).inner); break;
      case ExprKind::kTuple:
        for (const Expr* i : syntax::as<syntax::TupleExpr>(*x).items) stack.push_back(i);
        break;
      case ExprKind::kObject:
        for (const auto& i : syntax::as<syntax::ObjectExpr>(*x).items) {
          stack.push_back(i.key);
          stack.push_back(i.value);
        }
        break;
      case ExprKind::kObjectKey: stack.push_back(syntax::as<syntax::ObjectKeyExpr>(*x).wrapped); break;
      case ExprKind::kFor: {
        const auto& f = syntax::as<syntax::ForExpr>(*x);
        stack.insert(stack.end(), {f.coll, f.key, f.value, f.cond});
        break;
      }
      case ExprKind::kSplat:
        stack.push_back(syntax::as<syntax::SplatExpr>(*x).source);
        stack.push_back(syntax::as<syntax::SplatExpr>(*x).each);
        break;
      default: break;
    }
  }
  return found;
}

// Where collectReferences puts what it finds.
struct ReferenceSink {
  std::vector<std::string>* names = nullptr;
  const ReferenceVisitor* visitor = nullptr;
};

void collectReferences(const Expr* x, ReferenceSink& out, std::vector<std::string_view>& locals,
                       int depth);

}  // namespace

std::vector<std::string> referencedNames(const syntax::Expr& expr) {
  std::vector<std::string> out;
  std::vector<std::string_view> locals;
  ReferenceSink sink{&out, nullptr};
  collectReferences(&expr, sink, locals, 0);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

void collectTemplateParts(std::span<const syntax::TemplatePart> parts, ReferenceSink& out,
                          std::vector<std::string_view>& locals, int depth) {
  for (const auto& p : parts) collectReferences(p.expr, out, locals, depth + 1);
}

// The traversal's name as the scope sees it: "var.x", "aws_instance.web", "module.m", "data.t.n".
void addTraversal(const syntax::ScopeTraversalExpr& t, ReferenceSink& out,
                  const std::vector<std::string_view>& locals) {
  for (std::string_view l : locals)
    if (l == t.root) return;
  if (out.visitor != nullptr && out.visitor->traversal) out.visitor->traversal(t);
  if (out.names == nullptr) return;
  std::string name(t.root);
  size_t want = t.root == "data" ? 2 : 1;
  if (t.root == "path" || t.root == "terraform" || t.root == "self") want = 1;
  for (size_t i = 0; i < want && i < t.steps.size(); ++i) {
    if (t.steps[i].kind != syntax::StepKind::kAttr) break;
    name += ".";
    name += t.steps[i].name;
  }
  out.names->push_back(std::move(name));
}

void collectReferences(const Expr* x, ReferenceSink& out, std::vector<std::string_view>& locals,
                       int depth) {
  if (x == nullptr || depth > 512) return;
  switch (x->kind) {
    case ExprKind::kScopeTraversal: addTraversal(syntax::as<syntax::ScopeTraversalExpr>(*x), out, locals); break;
    case ExprKind::kTemplate: collectTemplateParts(syntax::as<syntax::TemplateExpr>(*x).parts, out, locals, depth); break;
    case ExprKind::kTemplateWrap: collectReferences(syntax::as<syntax::TemplateWrapExpr>(*x).wrapped, out, locals, depth + 1); break;
    case ExprKind::kTemplateIf: {
      const auto& t = syntax::as<syntax::TemplateIfExpr>(*x);
      collectReferences(t.cond, out, locals, depth + 1);
      collectTemplateParts(t.then_parts, out, locals, depth);
      collectTemplateParts(t.else_parts, out, locals, depth);
      break;
    }
    case ExprKind::kTemplateFor: {
      const auto& t = syntax::as<syntax::TemplateForExpr>(*x);
      collectReferences(t.coll, out, locals, depth + 1);
      size_t before = locals.size();
      if (!t.key_var.empty()) locals.push_back(t.key_var);
      locals.push_back(t.val_var);
      collectTemplateParts(t.body, out, locals, depth);
      locals.resize(before);
      break;
    }
    case ExprKind::kRelativeTraversal: collectReferences(syntax::as<syntax::RelativeTraversalExpr>(*x).source, out, locals, depth + 1); break;
    case ExprKind::kIndex:
      collectReferences(syntax::as<syntax::IndexExpr>(*x).collection, out, locals, depth + 1);
      collectReferences(syntax::as<syntax::IndexExpr>(*x).key, out, locals, depth + 1);
      break;
    case ExprKind::kCall:
      if (out.visitor != nullptr && out.visitor->call) out.visitor->call(syntax::as<syntax::CallExpr>(*x));
      for (const Expr* a : syntax::as<syntax::CallExpr>(*x).args) collectReferences(a, out, locals, depth + 1);
      break;
    case ExprKind::kBinary:
      collectReferences(syntax::as<syntax::BinaryExpr>(*x).lhs, out, locals, depth + 1);
      collectReferences(syntax::as<syntax::BinaryExpr>(*x).rhs, out, locals, depth + 1);
      break;
    case ExprKind::kUnary: collectReferences(syntax::as<syntax::UnaryExpr>(*x).operand, out, locals, depth + 1); break;
    case ExprKind::kConditional: {
      const auto& c = syntax::as<syntax::ConditionalExpr>(*x);
      collectReferences(c.cond, out, locals, depth + 1);
      collectReferences(c.if_true, out, locals, depth + 1);
      collectReferences(c.if_false, out, locals, depth + 1);
      break;
    }
    case ExprKind::kParens: collectReferences(syntax::as<syntax::ParensExpr>(*x).inner, out, locals, depth + 1); break;
    case ExprKind::kTuple:
      for (const Expr* i : syntax::as<syntax::TupleExpr>(*x).items) collectReferences(i, out, locals, depth + 1);
      break;
    case ExprKind::kObject:
      for (const auto& i : syntax::as<syntax::ObjectExpr>(*x).items) {
        if (i.key->bare_name.empty() || i.key->force_non_literal) collectReferences(i.key->wrapped, out, locals, depth + 1);
        collectReferences(i.value, out, locals, depth + 1);
      }
      break;
    case ExprKind::kObjectKey: collectReferences(syntax::as<syntax::ObjectKeyExpr>(*x).wrapped, out, locals, depth + 1); break;
    case ExprKind::kFor: {
      const auto& f = syntax::as<syntax::ForExpr>(*x);
      collectReferences(f.coll, out, locals, depth + 1);
      size_t before = locals.size();
      if (!f.key_var.empty()) locals.push_back(f.key_var);
      locals.push_back(f.val_var);
      collectReferences(f.key, out, locals, depth + 1);
      collectReferences(f.value, out, locals, depth + 1);
      collectReferences(f.cond, out, locals, depth + 1);
      locals.resize(before);
      break;
    }
    case ExprKind::kSplat:
      collectReferences(syntax::as<syntax::SplatExpr>(*x).source, out, locals, depth + 1);
      collectReferences(syntax::as<syntax::SplatExpr>(*x).each, out, locals, depth + 1);
      break;
    default: break;
  }
}

}  // namespace
void visitReferences(const syntax::Expr& expr, const ReferenceVisitor& visitor) {
  std::vector<std::string_view> locals;
  ReferenceSink sink{nullptr, &visitor};
  collectReferences(&expr, sink, locals, 0);
}

}  // namespace tfguard::eval
