// libFuzzer target: shell env files (loader::parseEnvFile): quoting,
// escapes, ${NAME:-word} expansion, CRLF, comments. Every finding must lie
// within the input.
#include <cstdio>

#include "fuzz_input.h"
#include "loader/environments.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tfguard;
  if (size > tfguard::fuzz::kMaxInput) return -1;
  auto source = fuzz::sourceOf(data, size, "fuzz.env");
  Findings findings;
  auto entries = loader::parseEnvFile(source->text(), source, findings);
  for (const Finding& f : findings) {
    if (f.location.range.begin > f.location.range.end || f.location.range.end > size) {
      std::fprintf(stderr, "env_file_fuzzer: finding range %u-%u outside [0, %zu]\n", f.location.range.begin,
                   f.location.range.end, size);
      std::abort();
    }
  }
  (void)entries;
  return 0;
}
