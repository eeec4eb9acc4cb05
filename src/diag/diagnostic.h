#pragma once
// A diagnostic as every stage produces it: terse summary, full-sentence
// detail, the tight subject range and an optional wider context range.
#include <optional>
#include <string>
#include <vector>

#include "base/range.h"

namespace tfguard {

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string summary;
  std::string detail;
  std::optional<ByteRange> subject;
  std::optional<ByteRange> context;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool hasErrors(const Diagnostics& diags) {
  for (const auto& d : diags)
    if (d.severity == Severity::kError) return true;
  return false;
}

}  // namespace tfguard
