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
  // One pass of the stepping position() does, restarted at each line start.
  const auto size = static_cast<uint32_t>(text.size());
  checkpoints_.reserve(size / kStride + 1);
  line_counts_.reserve(line_starts_.size());
  uint32_t starts = 0, quads = 0;
  for (size_t line = 0; line < line_starts_.size(); ++line) {
    uint32_t begin = line_starts_[line];
    uint32_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : size;
    line_counts_.push_back({begin, starts, quads});
    for (uint32_t i = begin; i < end;) {
      while (checkpoints_.size() * kStride <= i) checkpoints_.push_back({i, starts, quads});
      uint32_t len = sequenceLength(static_cast<unsigned char>(text[i]));
      ++starts;
      if (len == 4 && i + 4 <= end) ++quads;  // else cut short: 1 UTF-16 unit
      i += len;
    }
  }
  while (checkpoints_.size() * kStride <= size) checkpoints_.push_back({size, starts, quads});
}

uint32_t LineIndex::scanColumns(uint32_t from, uint32_t offset, ColumnUnit unit) const {
  uint32_t column = 0;
  for (uint32_t i = from; i < offset;) {
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
  return column;
}

Position LineIndex::position(uint32_t offset, ColumnUnit unit) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  if (line == 1) start = std::min(bom_, offset);
  if (unit == ColumnUnit::kByte) return {line, offset - start + 1, offset};
  // Every sequence before a checkpoint on this line ends at or before it, so
  // the counts between `start` and the checkpoint are differences of the
  // recorded ones; only the rest of the way is stepped through.
  size_t k = offset / kStride;
  if (k > 0 && checkpoints_[k].offset > offset) --k;
  const Checkpoint& cp = checkpoints_[k];
  if (cp.offset < start || cp.offset > offset) {
    return {line, 1 + scanColumns(start, offset, unit), offset};
  }
  const Checkpoint& at_line = line_counts_[line - 1];
  uint32_t starts = cp.starts - at_line.starts;
  uint32_t quads = cp.quads - at_line.quads;
  if (start > at_line.offset) --starts;  // the BOM, a 3-byte sequence before `start`
  uint32_t column = 1 + starts + (unit == ColumnUnit::kUtf16 ? quads : 0);
  return {line, column + scanColumns(cp.offset, offset, unit), offset};
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
