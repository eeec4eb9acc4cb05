// LSP positions ↔ byte offsets in UTF-16 and UTF-8, incremental edits,
// file URIs and the bounded document store.
#include "lsp/text_document.h"

#include <gtest/gtest.h>

namespace tfguard::lsp {
namespace {

constexpr auto kUtf16 = PositionEncoding::kUtf16;
constexpr auto kUtf8 = PositionEncoding::kUtf8;

// "é" is 2 bytes / 1 UTF-16 unit, "€" 3 bytes / 1 unit, "😀" 4 bytes / 2 units.
const std::string kText = "a = \"é€😀x\"\nb\r\nc\rd";

TEST(LineTable, Utf16CountsSurrogatePairs) {
  LineTable lines(kText);
  // x: after `a = "` (5) é (1) € (1) 😀 (2) → character 9; byte 5+2+3+4 = 14.
  EXPECT_EQ(lines.offsetAt({0, 9}, kUtf16), 14u);
  EXPECT_EQ(lines.positionAt(14, kUtf16), (LspPosition{0, 9}));
  // Inside the surrogate pair: the code point's start.
  EXPECT_EQ(lines.offsetAt({0, 8}, kUtf16), 10u);
  EXPECT_EQ(lines.positionAt(12, kUtf16), (LspPosition{0, 7}));
}

TEST(LineTable, Utf8CountsBytes) {
  LineTable lines(kText);
  EXPECT_EQ(lines.offsetAt({0, 14}, kUtf8), 14u);
  EXPECT_EQ(lines.positionAt(14, kUtf8), (LspPosition{0, 14}));
  EXPECT_EQ(lines.offsetAt({0, 6}, kUtf8), 5u);  // inside é: its start
}

TEST(LineTable, LineBreaksAndClamping) {
  LineTable lines(kText);
  size_t b = kText.find('b');
  EXPECT_EQ(lines.offsetAt({1, 0}, kUtf16), b);
  EXPECT_EQ(lines.offsetAt({1, 99}, kUtf16), b + 1);  // past the end: the line's end, before "\r\n"
  EXPECT_EQ(lines.offsetAt({2, 0}, kUtf16), kText.find('c'));
  EXPECT_EQ(lines.offsetAt({3, 0}, kUtf16), kText.find('d'));  // a lone "\r" ends a line
  EXPECT_EQ(lines.offsetAt({9, 0}, kUtf16), kText.size());
  EXPECT_EQ(lines.positionAt(static_cast<uint32_t>(b + 2), kUtf16), (LspPosition{1, 1}));  // on the "\n" of "\r\n"
  EXPECT_EQ(lines.positionAt(1000, kUtf16), (LspPosition{3, 1}));
}

TEST(LineTable, InvalidUtf8IsOneUnitPerByte) {
  std::string text = "x\xff\xfe" "y";
  LineTable lines(text);
  EXPECT_EQ(lines.positionAt(3, kUtf16), (LspPosition{0, 3}));
  EXPECT_EQ(lines.offsetAt({0, 3}, kUtf16), 3u);
}

TEST(ApplyChange, IncrementalEditsInUtf16) {
  std::string text = "ab😀cd\nline2\n";
  // Replace "😀c" (characters 2..5 in UTF-16) with "é".
  applyChange(text, {LspRange{{0, 2}, {0, 5}}, "é"}, kUtf16);
  EXPECT_EQ(text, "abéd\nline2\n");
  // Insert at the start of line 1, delete across the line break.
  applyChange(text, {LspRange{{1, 0}, {1, 0}}, ">"}, kUtf16);
  EXPECT_EQ(text, "abéd\n>line2\n");
  applyChange(text, {LspRange{{0, 4}, {1, 1}}, ""}, kUtf16);
  EXPECT_EQ(text, "abédline2\n");
  // Past the end appends; a full replacement has no range.
  applyChange(text, {LspRange{{5, 0}, {5, 0}}, "z"}, kUtf16);
  EXPECT_EQ(text, "abédline2\nz");
  applyChange(text, {std::nullopt, "new"}, kUtf16);
  EXPECT_EQ(text, "new");
}

TEST(ApplyChange, Utf8Encoding) {
  std::string text = "é=1";
  applyChange(text, {LspRange{{0, 2}, {0, 3}}, ":"}, kUtf8);
  EXPECT_EQ(text, "é:1");
}

TEST(Uri, FileUrisRoundTrip) {
  EXPECT_EQ(pathFromUri("file:///home/a%20b/x.tf"), std::filesystem::path("/home/a b/x.tf"));
  EXPECT_EQ(pathFromUri("file://localhost/tmp/./y.tf"), std::filesystem::path("/tmp/y.tf"));
  EXPECT_EQ(pathFromUri("FILE:///tmp/%C3%A9.tf"), std::filesystem::path("/tmp/é.tf"));
  EXPECT_FALSE(pathFromUri("untitled:Untitled-1"));
  EXPECT_FALSE(pathFromUri("file://server/share/x.tf"));
  EXPECT_FALSE(pathFromUri("file:///tmp/%zz"));
  EXPECT_FALSE(pathFromUri("file:///tmp/%00"));
  EXPECT_EQ(uriFromPath("/tmp/a b/é.tf"), "file:///tmp/a%20b/%C3%A9.tf");
  EXPECT_EQ(pathFromUri(uriFromPath("/tmp/a b/é#1.tf")), std::filesystem::path("/tmp/a b/é#1.tf"));
}

TEST(DocumentStore, LimitsAndOutOfOrderNotifications) {
  DocumentStore store({.max_documents = 2, .max_document_bytes = 10});
  std::string error;
  EXPECT_TRUE(store.open({"file:///a", "/a", 1, "x"}, &error));
  EXPECT_TRUE(store.open({"file:///b", "/b", 1, "y"}, &error));
  EXPECT_FALSE(store.open({"file:///c", "/c", 1, "z"}, &error));
  EXPECT_TRUE(store.open({"file:///a", "/a", 2, "x2"}, &error));  // re-open replaces
  EXPECT_FALSE(store.change("file:///zzz", 2, {{std::nullopt, "q"}}, kUtf16, &error));
  EXPECT_EQ(error, "didChange for file:///zzz, which is not open");
  EXPECT_TRUE(store.change("file:///a", 3, {{std::nullopt, "q"}}, kUtf16, &error));
  EXPECT_EQ(store.find("file:///a")->text, "q");
  EXPECT_EQ(store.find("file:///a")->version, 3);
  EXPECT_FALSE(store.change("file:///a", 4, {{std::nullopt, std::string(11, 'w')}}, kUtf16, &error));
  EXPECT_EQ(store.find("file:///a"), nullptr);  // over the size limit: dropped
  EXPECT_TRUE(store.close("file:///b"));
  EXPECT_FALSE(store.close("file:///b"));
}

}  // namespace
}  // namespace tfguard::lsp
