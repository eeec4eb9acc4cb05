#pragma once
// A source file owns its bytes; every string_view in the AST points into it
// (or into the file's arena for decoded strings).
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "base/line_index.h"

namespace tfguard {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  /// Built on first use (thread-safe): most files of a check are never
  /// asked for a line number, and indexing every byte was a twentieth of a
  /// pre-commit run.
  const LineIndex& lines() const {
    std::call_once(lines_built_, [this] { lines_.emplace(text_); });
    return *lines_;
  }

 private:
  std::string path_;
  std::string text_;
  mutable std::once_flag lines_built_;
  mutable std::optional<LineIndex> lines_;
};

}  // namespace tfguard
