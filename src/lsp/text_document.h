#pragma once
// The editor's open buffers: their text and version, kept in step with
// full and incremental didChange edits, and the conversion between LSP
// positions (0-based line, character in the negotiated encoding) and byte
// offsets. Lines end at "\n", "\r\n" or a lone "\r", as the protocol says.
// UTF-16 counts a code point above U+FFFF as two units; a byte that is not
// valid UTF-8 counts as one unit (the U+FFFD an editor would show).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfguard::lsp {

enum class PositionEncoding : uint8_t { kUtf16, kUtf8 };

struct LspPosition {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(LspPosition, LspPosition) = default;
};

struct LspRange {
  LspPosition start, end;
  friend bool operator==(LspRange, LspRange) = default;
};

/// The line starts of one text, for converting in both directions.
class LineTable {
 public:
  explicit LineTable(std::string_view text);

  /// The byte offset of a position. A character past the line's end means
  /// the line's end, a line past the last the text's end (LSP 3.17), and a
  /// position inside a code point its start.
  uint32_t offsetAt(LspPosition position, PositionEncoding encoding) const;
  /// The position of a byte offset (clamped to the text; inside a code
  /// point: that code point's start).
  LspPosition positionAt(uint32_t offset, PositionEncoding encoding) const;

 private:
  uint32_t lineEnd(uint32_t line) const;  ///< before the line break

  std::string_view text_;
  std::vector<uint32_t> starts_;
};

/// One edit of didChange: a range (none: the whole text) and its new text.
struct TextChange {
  std::optional<LspRange> range;
  std::string text;
};

/// Applies one edit in place (ranges are clamped as offsetAt does; a start
/// after the end is read as the empty range at the end).
void applyChange(std::string& text, const TextChange& change, PositionEncoding encoding);

struct TextDocument {
  std::string uri;              ///< as the client sent it (diagnostics are published under it)
  std::filesystem::path path;   ///< absolute and normalised; empty for non-file URIs
  int64_t version = 0;
  std::string text;
};

/// A file URI's path (percent-decoded; "file://localhost/" accepted);
/// nullopt for other schemes or a malformed URI.
std::optional<std::filesystem::path> pathFromUri(std::string_view uri);
/// The file URI of an absolute path (reserved characters percent-encoded).
std::string uriFromPath(const std::filesystem::path& path);

struct DocumentLimits {
  size_t max_documents = 1000;
  size_t max_document_bytes = 64u * 1024 * 1024;
};

/// The open documents, bounded in number and size.
class DocumentStore {
 public:
  using Limits = DocumentLimits;
  explicit DocumentStore(Limits limits = {}) : limits_(limits) {}

  /// False (and nothing stored) with *error when a limit is reached.
  bool open(TextDocument document, std::string* error);
  /// Applies the edits in order. False with *error when the document is
  /// not open, or grew over the size limit (it is then closed: its
  /// overlay would no longer match the editor).
  bool change(std::string_view uri, int64_t version, const std::vector<TextChange>& changes,
              PositionEncoding encoding, std::string* error);
  /// False when the document was not open.
  bool close(std::string_view uri);

  const TextDocument* find(std::string_view uri) const;
  const std::map<std::string, TextDocument, std::less<>>& documents() const { return documents_; }

 private:
  Limits limits_;
  std::map<std::string, TextDocument, std::less<>> documents_;
};

}  // namespace tfguard::lsp
