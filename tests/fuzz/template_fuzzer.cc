// libFuzzer target: a template file as templatefile() reads it: parsed in
// template mode and evaluated against FuzzScope, where templatefile of
// "self.tftpl" is the input itself (recursion meets max_template_depth).
#include "eval_scope.h"
#include "fuzz_input.h"
#include "syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tfguard;
  if (size > fuzz::kMaxInput) return -1;
  syntax::ParsedFile file = syntax::parseTemplateFile(fuzz::sourceOf(data, size, "self.tftpl"));
  if (file.template_ == nullptr) __builtin_trap();
  if (!file.diagnostics.empty()) return 0;  // templatefile() stops at syntax errors
  fuzz::FuzzScope scope(&file);
  eval::EvalDiagnostics diags;
  eval::ExprEvaluator evaluator(scope, file, diags, fuzz::fuzzLimits());
  (void)evaluator.eval(*file.template_);
  return 0;
}
