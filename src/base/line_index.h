#pragma once
// Maps byte offsets to human positions. Lines break at "\n" only ("\r\n"
// counts once because its "\r" sits before the "\n"), exactly as HCL counts
// them; columns are 1-based and count Unicode code points, or UTF-16 code
// units / bytes for the LSP and SARIF.
#include <cstdint>
#include <string_view>
#include <vector>

namespace tfguard {

struct Position {
  uint32_t line = 1;    ///< 1-based
  uint32_t column = 1;  ///< 1-based, unit depends on the query
  uint32_t offset = 0;  ///< byte offset
};

enum class ColumnUnit { kCodePoint, kUtf16, kByte };

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  Position position(uint32_t offset, ColumnUnit unit = ColumnUnit::kCodePoint) const;
  /// Byte offset of a 1-based line/column; clamps to the line's end.
  uint32_t offsetOf(uint32_t line, uint32_t column, ColumnUnit unit = ColumnUnit::kCodePoint) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// Byte range of a 1-based line, without its line terminator.
  std::string_view lineText(uint32_t line) const;

 private:
  // position() steps through a line from its start, one UTF-8 sequence at a
  // time. So that a long line (minified or generated files) does not make
  // each query linear in the line's length, the constructor records where
  // that stepping lands: every kStride bytes, the first sequence start at or
  // after that byte, with the number of sequence starts (and of 4-byte
  // sequences, 2 UTF-16 units each) before it in the file. A query then
  // steps at most about kStride bytes.
  struct Checkpoint {
    uint32_t offset;  ///< a sequence start
    uint32_t starts;  ///< sequence starts before `offset`
    uint32_t quads;   ///< of which 4-byte sequences
  };
  static constexpr uint32_t kStride = 256;
  uint32_t scanColumns(uint32_t from, uint32_t offset, ColumnUnit unit) const;

  std::string_view text_;
  std::vector<uint32_t> line_starts_;
  uint32_t bom_ = 0;  // a UTF-8 BOM is not a column, as in HCL
  std::vector<Checkpoint> checkpoints_;  ///< one per kStride bytes
  std::vector<Checkpoint> line_counts_;  ///< the counts at each line start
};

}  // namespace tfguard
