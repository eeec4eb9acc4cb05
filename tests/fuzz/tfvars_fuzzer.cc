// libFuzzer target: variable definition files. The first byte picks the
// syntax (even: native .tfvars, odd: .tfvars.json); each attribute is
// evaluated as Terraform reads tfvars (evalConstant: no references, no
// functions).
#include "eval/expr_eval.h"
#include "fuzz_input.h"
#include "syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tfguard;
  if (size == 0 || size > fuzz::kMaxInput) return -1;
  const bool json = data[0] % 2 == 1;
  auto source = fuzz::sourceOf(data + 1, size - 1, json ? "fuzz.tfvars.json" : "fuzz.tfvars");
  syntax::ParsedFile file = json ? syntax::parseJson(source) : syntax::parseConfig(source);
  if (file.body == nullptr) return 0;
  for (const syntax::BodyItem* item : file.body->items) {
    if (item->kind != syntax::BodyItemKind::kAttribute) continue;
    const auto* a = static_cast<const syntax::Attribute*>(item);
    eval::EvalDiagnostics diags;
    if (a->expr != nullptr) (void)eval::evalConstant(*a->expr, file, diags);
  }
  return 0;
}
