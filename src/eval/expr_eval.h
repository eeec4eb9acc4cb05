#pragma once
// Evaluation of one expression (HCL's Expression.Value) against a Scope:
// operators, templates and directives, for and splat expressions,
// traversals, function calls (with try, can and templatefile, which need the
// evaluator itself). Errors are diagnostics and the failed expression's
// value is unknown (so evaluation continues and no rule fires on it).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "eval/functions.h"
#include "eval/value.h"
#include "syntax/ast.h"

namespace tfguard::eval {

/// A diagnostic and the file its ranges are in (templatefile() evaluates
/// expressions of other files).
struct EvalDiagnostic {
  const syntax::ParsedFile* file;
  Diagnostic diag;
};
using EvalDiagnostics = std::vector<EvalDiagnostic>;

/// What names mean while evaluating: the module's variables, locals,
/// resources, module outputs, count/each, path and terraform. Iteration
/// variables of for expressions and dynamic blocks are the evaluator's.
class Scope {
 public:
  virtual ~Scope() = default;

  /// Resolves `traversal`: its root and as many of its steps as the scope
  /// wants (at least the first for var/local/module/data/resources; the
  /// evaluator applies the rest). Sets *consumed to the number of steps
  /// used. On failure returns nullopt with a Terraform-style summary and
  /// detail and the range at fault in *error.
  virtual std::optional<Value> resolve(const syntax::ScopeTraversalExpr& traversal, size_t* consumed,
                                       Diagnostic* error) = 0;

  /// Context for file and path functions (module directory, confined reads).
  virtual FunctionContext& functionContext() = 0;

  /// For templatefile(): the template at `path` (relative to the working
  /// directory, as Terraform resolves it: callers pass path.module-based
  /// paths) parsed in template mode, or null with *error set.
  virtual const syntax::Expr* loadTemplate(const std::string& path, const syntax::ParsedFile** file,
                                           std::string* error) = 0;

  /// Functions the scope adds to Terraform's library (the query functions
  /// of policies). hasFunction is asked first; callFunction gets the
  /// evaluated arguments, unknowns included (the function decides).
  virtual bool hasFunction(std::string_view /*name*/) const { return false; }
  virtual FunctionResult callFunction(std::string_view /*name*/, std::span<const Value> /*args*/) {
    return FunctionResult::fail("no such function");
  }
};

/// Limits that keep hostile configurations bounded.
struct EvalLimits {
  size_t max_collection = 1'000'000;  ///< elements a for/splat/template loop or a function result may have
  /// Iterations of for/splat/template loops in one evaluation, nested loops
  /// and templatefile() included: three nested loops of 1,000 elements
  /// each are under max_collection one by one but build 10^9 values.
  size_t max_iterations = 1'000'000;
  int max_template_depth = 8;        ///< templatefile() inside templatefile()
  /// templatefile() calls made from inside templates in one evaluation: a
  /// template that calls itself k times per level is evaluated k^8 times
  /// within max_template_depth. (Terraform allows no such call.)
  size_t max_nested_template_calls = 1000;
  size_t max_string = 64u << 20;      ///< bytes of one template result
  /// Policies read an attribute an object does not have as null (an
  /// argument not written in the configuration is unset), not as an error
  /// or an unknown.
  bool missing_attributes_are_null = false;
  /// Policies evaluate only the result a known condition chooses, as `&&`
  /// and `||` skip an operand the left one decides: `length(x) > 0 ? x[0]
  /// : "none"` costs one branch. (Terraform evaluates both, to unify their
  /// types; a policy's result is used as it is.)
  bool conditionals_evaluate_chosen_result = false;
};

class ExprEvaluator {
 public:
  /// Diagnostics go to `diags` with ranges in `file`.
  ExprEvaluator(Scope& scope, const syntax::ParsedFile& file, EvalDiagnostics& diags, EvalLimits limits = {});

  Value eval(const syntax::Expr& expr);

  /// Binds an iteration variable (dynamic block iterator, each) for the
  /// evaluations that follow, until popVariable().
  void pushVariable(std::string_view name, Value value);
  void popVariable();

  size_t errorCount() const { return error_count_; }

 private:
  struct Binding {
    std::string_view name;
    Value value;
  };

  Value evalTemplate(const syntax::TemplateExpr& e);
  bool appendTemplateParts(std::span<const syntax::TemplatePart> parts, std::string& out, Value& marks,
                           std::vector<std::string>& unknown_refs, bool& unknown);
  Value evalTraversal(const syntax::ScopeTraversalExpr& e);
  Value applySteps(Value v, std::span<const syntax::TraversalStep> steps, std::string_view path_so_far);
  Value getAttr(const Value& v, std::string_view name, ByteRange range);
  Value index(const Value& v, const Value& key, ByteRange range);
  Value evalCall(const syntax::CallExpr& e);
  Value evalTry(const syntax::CallExpr& e);
  Value evalCan(const syntax::CallExpr& e);
  Value evalTemplateFile(const syntax::CallExpr& e);
  Value evalBinary(const syntax::BinaryExpr& e);
  Value evalUnary(const syntax::UnaryExpr& e);
  Value evalConditional(const syntax::ConditionalExpr& e);
  Value evalTuple(const syntax::TupleExpr& e);
  Value evalObject(const syntax::ObjectExpr& e);
  Value evalFor(const syntax::ForExpr& e);
  Value evalSplat(const syntax::SplatExpr& e);

  Value fail(std::string summary, std::string detail, ByteRange subject);
  const Value* lookupVariable(std::string_view name) const;

  Scope& scope_;
  const syntax::ParsedFile* file_;
  EvalDiagnostics* diags_;
  EvalLimits limits_;
  std::vector<Binding> bindings_;
  std::vector<Value> splat_items_;  ///< the current element of each enclosing splat
  size_t error_count_ = 0;
  int template_depth_ = 0;
  /// Loop iterations so far (limits_.max_iterations); templatefile()'s inner
  /// evaluator counts into its caller's.
  size_t own_iterations_ = 0;
  size_t* iterations_ = &own_iterations_;
  /// templatefile() calls from inside templates so far
  /// (limits_.max_nested_template_calls), shared the same way.
  size_t own_nested_template_calls_ = 0;
  size_t* nested_template_calls_ = &own_nested_template_calls_;
  bool countIteration(ByteRange range);
};

/// Evaluates a constant expression (tfvars values, config `vars`, optional()
/// defaults): no references and no functions, as Terraform reads tfvars.
Value evalConstant(const syntax::Expr& expr, const syntax::ParsedFile& file, EvalDiagnostics& diags);

/// The names of everything `expr` references ("var.x", "local.y",
/// "aws_instance.web", "module.net", "data.aws_ami.x", "count.index", ...),
/// for dependency ordering; iteration variables are not included.
std::vector<std::string> referencedNames(const syntax::Expr& expr);

/// Walks `expr` like referencedNames (iteration variables excluded),
/// calling back for every traversal and every function call.
struct ReferenceVisitor {
  std::function<void(const syntax::ScopeTraversalExpr&)> traversal;
  std::function<void(const syntax::CallExpr&)> call;
};
void visitReferences(const syntax::Expr& expr, const ReferenceVisitor& visitor);

}  // namespace tfguard::eval
