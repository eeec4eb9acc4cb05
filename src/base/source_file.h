#pragma once
// A source file owns its bytes; every string_view in the AST points into it
// (or into the file's arena for decoded strings).
#include <string>
#include <string_view>

#include "base/line_index.h"

namespace tfguard {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text)
      : path_(std::move(path)), text_(std::move(text)), lines_(text_) {}
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  const LineIndex& lines() const { return lines_; }

 private:
  std::string path_;
  std::string text_;
  LineIndex lines_;
};

}  // namespace tfguard
