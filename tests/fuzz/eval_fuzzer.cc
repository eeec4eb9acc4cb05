// libFuzzer target: the evaluator. The input is a native configuration
// body; every top-level attribute (and every attribute of its blocks) is
// evaluated with the built-in function library against FuzzScope, with
// limits (eval_scope.h). Functions, operators, for/splat expressions,
// conversions and templates all run on fuzzed values.
#include "eval_scope.h"
#include "fuzz_input.h"
#include "syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tfguard;
  if (size > fuzz::kMaxInput) return -1;
  syntax::ParsedFile file = syntax::parseConfig(fuzz::sourceOf(data, size, "fuzz.tf"));
  if (file.body == nullptr) return 0;
  fuzz::FuzzScope scope(nullptr);
  eval::EvalDiagnostics diags;
  eval::ExprEvaluator evaluator(scope, file, diags, fuzz::fuzzLimits());
  std::vector<const syntax::Body*> bodies{file.body};
  size_t evaluated = 0;
  while (!bodies.empty() && evaluated < 64) {
    const syntax::Body* body = bodies.back();
    bodies.pop_back();
    for (const syntax::BodyItem* item : body->items) {
      if (item->kind == syntax::BodyItemKind::kAttribute) {
        const auto* a = static_cast<const syntax::Attribute*>(item);
        if (a->expr != nullptr && ++evaluated <= 64) (void)evaluator.eval(*a->expr);
      } else {
        const auto* b = static_cast<const syntax::Block*>(item);
        if (b->body != nullptr) bodies.push_back(b->body);
      }
    }
  }
  return 0;
}
