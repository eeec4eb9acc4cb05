#pragma once
// Helpers for the model tests: parse sources held in memory and find
// positions of findings.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/model.h"
#include "syntax/parser.h"

namespace tfguard::model::testing {

/// Files parsed from strings, kept alive for the module built from them.
class Files {
 public:
  const syntax::ParsedFile& add(std::string path, std::string text) {
    auto source = std::make_shared<SourceFile>(std::move(path), std::move(text));
    files_.push_back(std::make_unique<syntax::ParsedFile>(syntax::parseByName(source)));
    EXPECT_TRUE(files_.back()->diagnostics.empty())
        << files_.back()->source->path() << ": " << files_.back()->diagnostics.front().summary;
    return *files_.back();
  }
  std::unique_ptr<Module> build(std::string dir = "mod") {
    std::vector<const syntax::ParsedFile*> ptrs;
    for (const auto& f : files_) ptrs.push_back(f.get());
    return buildModule(std::move(dir), ptrs);
  }

 private:
  std::vector<std::unique_ptr<syntax::ParsedFile>> files_;
};

/// "line:column-line:column" of a range in a file.
inline std::string where(const std::shared_ptr<const SourceFile>& file, ByteRange r) {
  if (!file) return "<none>";
  Position b = file->lines().position(r.begin);
  Position e = file->lines().position(r.end);
  return std::to_string(b.line) + ":" + std::to_string(b.column) + "-" + std::to_string(e.line) +
         ":" + std::to_string(e.column);
}
inline std::string where(const Location& loc) { return where(loc.file, loc.range); }
inline std::string where(const syntax::ParsedFile* file, ByteRange r) {
  return where(file ? file->source : nullptr, r);
}

/// The source text of a range.
inline std::string_view text(const syntax::ParsedFile* file, ByteRange r) {
  return file->source->text().substr(r.begin, r.size());
}
inline std::string_view text(const Attr* attr) {
  if (attr == nullptr || attr->expr == nullptr) return "<null>";
  return text(attr->file, attr->expr->range);
}

inline std::string summaries(const Findings& findings) {
  std::string out;
  for (const Finding& f : findings) out += f.summary + " | " + f.detail + "\n";
  return out;
}

}  // namespace tfguard::model::testing
