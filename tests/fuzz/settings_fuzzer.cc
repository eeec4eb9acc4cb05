// libFuzzer target: `.tfguard.hcl` through settings::parseSettings (the
// parser, then the strict schema validation with did-you-mean suggestions,
// severities by tier, environment blocks, rule parameters).
#include "fuzz_input.h"
#include "settings/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tfguard;
  if (size > fuzz::kMaxInput) return -1;
  Findings errors;
  auto settings = settings::parseSettings(".tfguard.hcl", std::string(reinterpret_cast<const char*>(data), size), errors);
  // Every error is printable (formatFinding resolves its location).
  for (const Finding& f : errors) (void)settings::formatFinding(f);
  (void)settings;
  return 0;
}
