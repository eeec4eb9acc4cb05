#pragma once
// Byte ranges: the only position the AST stores. Lines and columns are
// computed at the edges through a LineIndex (see line_index.h).
#include <cstdint>

namespace tfguard {

/// Half-open byte range [begin, end) into one source buffer.
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  friend constexpr bool operator==(ByteRange, ByteRange) = default;
};

/// The smallest range covering both (hcl.RangeBetween).
constexpr ByteRange rangeBetween(ByteRange a, ByteRange b) {
  return {a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
}

}  // namespace tfguard
