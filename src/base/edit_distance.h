#pragma once
// The edit distance behind every "did you mean" suggestion (config keys,
// rule ids, policy arguments, block types).
#include <cstddef>
#include <string_view>

namespace tfguard {

/// Levenshtein distance: insertions, deletions and substitutions of bytes.
size_t editDistance(std::string_view a, std::string_view b);

}  // namespace tfguard
