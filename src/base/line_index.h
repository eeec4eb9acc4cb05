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
  std::string_view text_;
  std::vector<uint32_t> line_starts_;
  uint32_t bom_ = 0;  // a UTF-8 BOM is not a column, as in HCL
};

}  // namespace tfguard
