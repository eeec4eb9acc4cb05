// Placeholder until the HCL JSON parser lands: reports that JSON is not yet supported.
#include "syntax/parser.h"

namespace tfguard::syntax {

ParsedFile parseJson(std::shared_ptr<const SourceFile> source, ParseLimits) {
  ParsedFile file;
  file.source = std::move(source);
  file.syntax = FileSyntax::kJson;
  file.body = file.arena->make<Body>();
  file.body->range = {0, static_cast<uint32_t>(file.source->text().size())};
  file.diagnostics.push_back({Severity::kError, "JSON syntax not supported yet", "", ByteRange{0, 0}, std::nullopt});
  return file;
}

}  // namespace tfguard::syntax
