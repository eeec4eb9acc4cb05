// libFuzzer target: policy files (policy::loadPolicyText): parsing, strict
// validation, compilation of conditions, messages and query functions.
#include "fuzz_input.h"
#include "policy/policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tfguard;
  if (size > fuzz::kMaxInput) return -1;
  policy::PolicySet set = policy::loadPolicyText(fuzz::sourceOf(data, size, "fuzz.hcl"), "fuzz.hcl");
  for (const auto& rule : set.rules)
    if (rule == nullptr) __builtin_trap();
  return 0;
}
