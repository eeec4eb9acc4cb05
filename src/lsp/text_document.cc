#include "lsp/text_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "base/utf8.h"

namespace tfguard::lsp {
namespace {

struct Step {
  uint32_t bytes;
  uint32_t units;
};

// One code point at `at` (or one invalid byte) and its width in `encoding`.
Step stepAt(std::string_view text, uint32_t at, PositionEncoding encoding) {
  char32_t cp = 0;
  int length = utf8::decode(text, at, &cp);
  if (length <= 0) return {1, 1};
  auto bytes = static_cast<uint32_t>(length);
  if (encoding == PositionEncoding::kUtf8) return {bytes, bytes};
  return {bytes, cp >= 0x10000 ? 2u : 1u};
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

LineTable::LineTable(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      starts_.push_back(i + 1);
  }
}

uint32_t LineTable::lineEnd(uint32_t line) const {
  uint32_t start = starts_[line];
  uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] : static_cast<uint32_t>(text_.size());
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return end;
}

uint32_t LineTable::offsetAt(LspPosition position, PositionEncoding encoding) const {
  if (position.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t at = starts_[position.line];
  uint32_t end = lineEnd(position.line);
  uint32_t units = 0;
  while (at < end && units < position.character) {
    Step step = stepAt(text_, at, encoding);
    if (units + step.units > position.character) break;  // inside a surrogate pair
    units += step.units;
    at += step.bytes;
  }
  return std::min(at, end);
}

LspPosition LineTable::positionAt(uint32_t offset, PositionEncoding encoding) const {
  offset = std::min(offset, static_cast<uint32_t>(text_.size()));
  auto line = static_cast<uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin() - 1);
  offset = std::min(offset, lineEnd(line));
  uint32_t at = starts_[line];
  uint32_t units = 0;
  while (at < offset) {
    Step step = stepAt(text_, at, encoding);
    if (at + step.bytes > offset) break;  // inside a code point
    units += step.units;
    at += step.bytes;
  }
  return {line, units};
}

void applyChange(std::string& text, const TextChange& change, PositionEncoding encoding) {
  if (!change.range) {
    text = change.text;
    return;
  }
  LineTable lines(text);
  uint32_t begin = lines.offsetAt(change.range->start, encoding);
  uint32_t end = lines.offsetAt(change.range->end, encoding);
  if (begin > end) begin = end;
  text.replace(begin, end - begin, change.text);
}

std::optional<std::filesystem::path> pathFromUri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size() ||
      !std::equal(kScheme.begin(), kScheme.end(), uri.begin(),
                  [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
    return std::nullopt;
  uri.remove_prefix(kScheme.size());
  size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view authority = uri.substr(0, slash);
  if (!authority.empty() && authority != "localhost") return std::nullopt;  // another host's file
  uri.remove_prefix(slash);
  uri = uri.substr(0, uri.find_first_of("?#"));
  std::string decoded;
  decoded.reserve(uri.size());
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') {
      decoded += uri[i];
      continue;
    }
    int high = i + 2 < uri.size() ? hexValue(uri[i + 1]) : -1;
    int low = i + 2 < uri.size() ? hexValue(uri[i + 2]) : -1;
    if (high < 0 || low < 0) return std::nullopt;
    char c = static_cast<char>(high * 16 + low);
    if (c == '\0') return std::nullopt;
    decoded += c;
    i += 2;
  }
  return std::filesystem::path(decoded).lexically_normal();
}

std::string uriFromPath(const std::filesystem::path& path) {
  std::string out = "file://";
  for (unsigned char c : path.generic_string()) {
    bool keep = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

bool DocumentStore::open(TextDocument document, std::string* error) {
  if (document.text.size() > limits_.max_document_bytes) {
    *error = fmt::format("{} is over {} bytes: not checked", document.uri, limits_.max_document_bytes);
    return false;
  }
  if (!documents_.count(document.uri) && documents_.size() >= limits_.max_documents) {
    *error = fmt::format("more than {} open documents: {} is not checked", limits_.max_documents, document.uri);
    return false;
  }
  std::string uri = document.uri;
  documents_[uri] = std::move(document);
  return true;
}

bool DocumentStore::change(std::string_view uri, int64_t version, const std::vector<TextChange>& changes,
                           PositionEncoding encoding, std::string* error) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) {
    *error = fmt::format("didChange for {}, which is not open", uri);
    return false;
  }
  for (const TextChange& change : changes) {
    applyChange(it->second.text, change, encoding);
    if (it->second.text.size() > limits_.max_document_bytes) {
      documents_.erase(it);
      *error = fmt::format("{} grew over {} bytes: no longer checked", uri, limits_.max_document_bytes);
      return false;
    }
  }
  it->second.version = version;
  return true;
}

bool DocumentStore::close(std::string_view uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return false;
  documents_.erase(it);
  return true;
}

const TextDocument* DocumentStore::find(std::string_view uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

}  // namespace tfguard::lsp
