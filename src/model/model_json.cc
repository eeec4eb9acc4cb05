// HCL JSON files into raw blocks, as Terraform's JSON configuration syntax
// defines them: a root property names a block type, nested properties are
// its labels, and the innermost object (or each object of an array) is a
// block body. Inside bodies, which properties are nested blocks is a
// schema's business; without provider schemas, only the block types
// Terraform itself defines are blocks (see BodySchema), everything else is
// an argument whose value is the JSON expression.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "model/model_internal.h"

namespace tfguard::model::detail {
namespace {

using syntax::as;
using syntax::Expr;
using syntax::ExprKind;

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    int d = hexDigit(s[k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The body of a JSON string token that the parser accepted, unescaped.
std::string unescapeJson(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        int v = hex4(body, i + 1);
        if (v < 0) {
          out += "\\u";
          break;
        }
        i += 4;
        char32_t cp = static_cast<char32_t>(v);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < body.size() && body[i + 1] == '\\' &&
            body[i + 2] == 'u') {
          int low = hex4(body, i + 3);
          if (low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
            i += 6;
          }
        }
        if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;  // a lone surrogate, as Go decodes it
        appendUtf8(out, cp);
        break;
      }
      default:
        out += e;
        break;  // " \ /
    }
  }
  return out;
}

class JsonReader {
 public:
  JsonReader(const syntax::ParsedFile& file, Module& module) : file_(file), module_(module) {}

  void readRoot(bool from_override, std::vector<RawBlock>& out);

 private:
  struct Labels {
    std::vector<std::string_view> values;
    std::vector<ByteRange> ranges;
  };

  /// A property name as Terraform takes it: the decoded string, never a
  /// template (labels and argument names are not evaluated).
  std::string_view keyText(const syntax::ObjectKeyExpr& key) {
    std::string_view raw = file_.source->text().substr(key.range.begin, key.range.size());
    if (raw.size() < 2 || raw.front() != '"') return {};
    raw = raw.substr(1, raw.size() - 2);
    if (raw.find('\\') == std::string_view::npos) return raw;
    return module_.owned_strings.emplace_back(unescapeJson(raw));
  }

  Content body(const syntax::ObjectExpr& object, BodySchema schema);

  /// Walks the label levels of a block property's value; `emit(labels,
  /// object)` is called for each block body found.
  template <typename Emit>
  void unpack(const BlockKind& kind, const Expr* value, Labels& labels, const Emit& emit);

  void wrongType(const Expr* value, std::string detail) {
    addFinding(module_.findings, &file_, value ? value->range : ByteRange{},
               "Incorrect JSON value type", std::move(detail));
  }

  const syntax::ParsedFile& file_;
  Module& module_;
};

template <typename Emit>
void JsonReader::unpack(const BlockKind& kind, const Expr* value, Labels& labels,
                        const Emit& emit) {
  if (value == nullptr) return;
  bool at_body = labels.values.size() >= static_cast<size_t>(kind.labels);
  if (value->kind == ExprKind::kTuple) {
    // An array keeps the order of blocks (or label levels) explicit.
    for (const Expr* item : as<syntax::TupleExpr>(*value).items) {
      if (item != nullptr && item->kind == ExprKind::kObject) {
        unpack(kind, item, labels, emit);
      } else {
        wrongType(item, at_body ? "A JSON object is required here, setting the arguments for "
                                  "this block."
                                : fmt::format("A JSON object is required here, whose property "
                                              "names are the {} of this {} block.",
                                              kind.label_names, kind.type));
      }
    }
    return;
  }
  if (value->kind != ExprKind::kObject) {
    wrongType(value, at_body ? "A JSON object is required here, setting the arguments for this "
                               "block."
                             : fmt::format("A JSON object is required here, whose property names "
                                           "are the {} of this {} block.",
                                           kind.label_names, kind.type));
    return;
  }
  const auto& object = as<syntax::ObjectExpr>(*value);
  if (at_body) {
    emit(labels, object);
    return;
  }
  for (const syntax::ObjectItem& item : object.items) {
    labels.values.push_back(keyText(*item.key));
    labels.ranges.push_back(item.key->range);
    unpack(kind, item.value, labels, emit);
    labels.values.pop_back();
    labels.ranges.pop_back();
  }
}

// Terraform's JSON decl range is the body's opening brace; we start it at
// the name (the last label, or the type when there is none) so that a
// finding shows which block it is about.
ByteRange jsonHeader(ByteRange type_range, const std::vector<ByteRange>& label_ranges,
                     const syntax::ObjectExpr& object) {
  ByteRange name = label_ranges.empty() ? type_range : label_ranges.back();
  return rangeBetween(name, {object.range.begin, object.range.begin + 1});
}

Content JsonReader::body(const syntax::ObjectExpr& object, BodySchema schema) {
  Content content;
  content.file = &file_;
  content.range = object.range;
  for (const syntax::ObjectItem& item : object.items) {
    std::string_view name = keyText(*item.key);
    if (name == "//") continue;  // a comment, wherever a body is read
    if (const BlockKind* kind = nestedBlock(schema, name)) {
      Labels labels;
      ByteRange type_range = item.key->range;
      unpack(*kind, item.value, labels,
             [&](const Labels& ls, const syntax::ObjectExpr& block_body) {
               NestedBlock block;
               block.type = kind->type;
               block.labels = ls.values;
               block.type_range = type_range;
               block.header_range = jsonHeader(type_range, ls.ranges, block_body);
               block.range = rangeBetween(block.header_range, block_body.range);
               block.content = body(block_body, kind->body);
               content.blocks.push_back(std::move(block));
             });
      continue;
    }
    Attr attr;
    attr.name = name;
    attr.expr = item.value;
    attr.name_range = item.key->range;
    attr.range = item.value ? rangeBetween(item.key->range, item.value->range) : item.key->range;
    attr.file = &file_;
    content.attrs.push_back(attr);
  }
  return content;
}

void JsonReader::readRoot(bool from_override, std::vector<RawBlock>& out) {
  if (file_.body == nullptr) return;
  for (const syntax::BodyItem* item : file_.body->items) {
    if (item->kind != syntax::BodyItemKind::kAttribute) continue;
    const auto& property = static_cast<const syntax::Attribute&>(*item);
    const BlockKind* kind = topLevelBlock(property.name);
    if (kind == nullptr) {
      std::string_view suggestion = nameSuggestion(property.name, topLevelBlockTypes());
      addFinding(
          module_.findings, &file_, property.name_range, "Extraneous JSON object property",
          fmt::format("No argument or block type is named \"{}\".{}", property.name,
                      suggestion.empty() ? std::string()
                                         : fmt::format(" Did you mean \"{}\"?", suggestion)));
      continue;
    }
    Labels labels;
    unpack(*kind, property.expr, labels,
           [&](const Labels& ls, const syntax::ObjectExpr& block_body) {
             RawBlock raw;
             raw.type = kind->type;
             raw.labels = ls.values;
             raw.label_ranges = ls.ranges;
             raw.type_range = property.name_range;
             raw.decl.file = &file_;
             raw.decl.header_range = jsonHeader(property.name_range, ls.ranges, block_body);
             raw.decl.name_range = ls.ranges.empty() ? ByteRange{} : ls.ranges.back();
             raw.decl.range = rangeBetween(raw.decl.header_range, block_body.range);
             raw.content = body(block_body, kind->body);
             raw.from_override = from_override;
             out.push_back(std::move(raw));
           });
  }
}

}  // namespace

void readJsonFile(const syntax::ParsedFile& file, Module& module, bool from_override,
                  std::vector<RawBlock>& out) {
  JsonReader(file, module).readRoot(from_override, out);
}

}  // namespace tfguard::model::detail
