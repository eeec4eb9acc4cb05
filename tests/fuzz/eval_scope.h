#pragma once
// A small evaluation scope for the evaluator fuzz targets: a few variables
// of every kind (var.s, var.n, var.b, var.l, var.m, var.secret, and an
// unknown var.u), no file access (file functions give unknowns), and
// templatefile() reading only the input itself ("self.tftpl"), so that
// template recursion is reached.
#include <string>

#include "eval/expr_eval.h"

namespace tfguard::fuzz {

class FuzzScope : public eval::Scope {
 public:
  explicit FuzzScope(const syntax::ParsedFile* self_template) : self_template_(self_template) {
    using eval::Value;
    vars_ = Value::object({
        {"s", Value::string("hello ${world}")},
        {"n", Value::number(42)},
        {"b", Value::boolean(true)},
        {"l", Value::tuple({Value::string("a"), Value::number(1), Value::null()})},
        {"m", Value::object({{"k", Value::string("v")}, {"n", Value::number(-3)}})},
        {"secret", Value::string("hunter2").markedSensitive()},
        {"u", Value::unknown()},
    });
  }

  std::optional<eval::Value> resolve(const syntax::ScopeTraversalExpr& traversal, size_t* consumed,
                                     Diagnostic* error) override {
    *consumed = 0;
    if (traversal.root == "var") return vars_;
    if (traversal.root == "path") return eval::Value::object({{"module", eval::Value::string(".")}});
    *error = {Severity::kError, "Unknown reference", "fuzz scope", traversal.range, std::nullopt};
    return std::nullopt;
  }
  eval::FunctionContext& functionContext() override { return context_; }
  const syntax::Expr* loadTemplate(const std::string& path, const syntax::ParsedFile** file,
                                   std::string* error) override {
    if (self_template_ != nullptr && path.ends_with("self.tftpl")) {
      *file = self_template_;
      return self_template_->template_;
    }
    *error = "no such template";
    return nullptr;
  }

 private:
  eval::Value vars_;
  eval::FunctionContext context_;
  const syntax::ParsedFile* self_template_;
};

/// Limits smaller than the defaults, so that libFuzzer's time and memory
/// limits are never what stops an input that the real limits would stop.
inline eval::EvalLimits fuzzLimits() {
  eval::EvalLimits limits;
  limits.max_collection = 100'000;
  limits.max_string = 4u << 20;
  return limits;
}

}  // namespace tfguard::fuzz
