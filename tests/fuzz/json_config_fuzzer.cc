// libFuzzer target: an HCL JSON configuration file (.tf.json) through the
// parser and the module model, which interprets JSON objects as blocks,
// labels and expressions (strings parsed as templates, `type` strings as
// expressions). parse_fuzzer's json mode covers the parser alone.
#include "fuzz_input.h"
#include "model/model.h"
#include "syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tfguard;
  if (size > fuzz::kMaxInput) return -1;
  syntax::ParsedFile file = syntax::parseJson(fuzz::sourceOf(data, size, "fuzz.tf.json"));
  const syntax::ParsedFile* files[] = {&file};
  auto module = model::buildModule("fuzz", files);
  if (module == nullptr) __builtin_trap();
  return 0;
}
