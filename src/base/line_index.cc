#include "base/line_index.h"

#include <algorithm>

namespace tfguard {
namespace {

// Length of the UTF-8 sequence starting with lead byte b (1 for invalid bytes,
// so that every byte is counted exactly once).
uint32_t sequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") bom_ = 3;
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Position LineIndex::position(uint32_t offset, ColumnUnit unit) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  if (line == 1) start = std::min(bom_, offset);
  uint32_t column = 1;
  for (uint32_t i = start; i < offset;) {
    uint32_t len = sequenceLength(static_cast<unsigned char>(text_[i]));
    if (i + len > offset) len = offset - i;
    if (unit == ColumnUnit::kByte) {
      column += len;
    } else if (unit == ColumnUnit::kUtf16 && len == 4) {
      column += 2;
    } else {
      column += 1;
    }
    i += len;
  }
  return {line, column, offset};
}

uint32_t LineIndex::offsetOf(uint32_t line, uint32_t column, ColumnUnit unit) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t i = line_starts_[line - 1];
  if (line == 1) i = std::max(i, bom_);
  uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                            : static_cast<uint32_t>(text_.size());
  uint32_t col = 1;
  while (col < column && i < end) {
    uint32_t len = sequenceLength(static_cast<unsigned char>(text_[i]));
    col += unit == ColumnUnit::kByte ? len : (unit == ColumnUnit::kUtf16 && len == 4 ? 2 : 1);
    i = std::min(i + len, end);
  }
  return i;
}

std::string_view LineIndex::lineText(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                            : static_cast<uint32_t>(text_.size());
  std::string_view s = text_.substr(start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

}  // namespace tfguard
