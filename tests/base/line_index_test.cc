#include "base/line_index.h"

#include <gtest/gtest.h>

namespace tfguard {
namespace {

TEST(LineIndex, LinesAndColumnsAreOneBased) {
  LineIndex idx("ab\ncd\n");
  EXPECT_EQ(idx.position(0).line, 1u);
  EXPECT_EQ(idx.position(0).column, 1u);
  EXPECT_EQ(idx.position(4).line, 2u);
  EXPECT_EQ(idx.position(4).column, 2u);
  EXPECT_EQ(idx.position(6).line, 3u);
  EXPECT_EQ(idx.position(6).column, 1u);
}

TEST(LineIndex, ColumnsCountCodePointsOrUtf16Units) {
  // "é" is 2 bytes, "😀" 4 bytes / 2 UTF-16 units.
  LineIndex idx("é😀x");
  EXPECT_EQ(idx.position(6, ColumnUnit::kCodePoint).column, 3u);
  EXPECT_EQ(idx.position(6, ColumnUnit::kUtf16).column, 4u);
  EXPECT_EQ(idx.position(6, ColumnUnit::kByte).column, 7u);
  EXPECT_EQ(idx.offsetOf(1, 3), 6u);
  EXPECT_EQ(idx.offsetOf(1, 4, ColumnUnit::kUtf16), 6u);
}

TEST(LineIndex, CrLfCountsOnceAndLoneCrIsNotABreak) {
  LineIndex idx("a\r\nb\rc\n");
  EXPECT_EQ(idx.position(3).line, 2u);
  EXPECT_EQ(idx.position(5).line, 2u);
  EXPECT_EQ(idx.lineText(1), "a");
  EXPECT_EQ(idx.lineCount(), 3u);
}

TEST(LineIndex, ByteOrderMarkIsNotAColumn) {
  LineIndex idx("\xEF\xBB\xBF" "a = 1");
  EXPECT_EQ(idx.position(3).column, 1u);
  EXPECT_EQ(idx.position(4).column, 2u);
}

}  // namespace
}  // namespace tfguard
