// The model stage: one module's files (native syntax and HCL JSON alike)
// into its declarations, with Terraform's configuration errors as findings.
//
// Files are read into raw blocks (type, labels, body) first, override
// files are merged into them as Terraform merges them, and only then is
// each block decoded; so a declaration is built once, from its final body,
// and the `const Attr*` members point into vectors that never change again.
#include "model/model.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/edit_distance.h"
#include "model/model_internal.h"

namespace tfguard::model {

// Declarations are moved into the module's vectors; a move keeps the
// buffers their `const Attr*` members point into, a copy would not.
static_assert(std::is_nothrow_move_constructible_v<Resource>);
static_assert(std::is_nothrow_move_constructible_v<ModuleCall>);
static_assert(std::is_nothrow_move_constructible_v<Variable>);
static_assert(std::is_nothrow_move_constructible_v<Output>);
static_assert(std::is_nothrow_move_constructible_v<Content>);

namespace detail {

// ------------------------------------------------------------------ schemas

namespace {

constexpr std::array kTopLevelBlocks = {
    BlockKind{"terraform", 0, "", BodySchema::kTerraform},
    BlockKind{"provider", 1, "name", BodySchema::kAttributes},
    BlockKind{"variable", 1, "name", BodySchema::kVariable},
    BlockKind{"locals", 0, "", BodySchema::kAttributes},
    BlockKind{"output", 1, "name", BodySchema::kOutput},
    BlockKind{"module", 1, "name", BodySchema::kAttributes},
    BlockKind{"resource", 2, "type, name", BodySchema::kResource},
    BlockKind{"data", 2, "type, name", BodySchema::kResource},
    BlockKind{"ephemeral", 2, "type, name", BodySchema::kResource},
    BlockKind{"moved", 0, "", BodySchema::kAttributes},
    BlockKind{"import", 0, "", BodySchema::kAttributes},
    BlockKind{"check", 1, "name", BodySchema::kCheck},
    BlockKind{"removed", 0, "", BodySchema::kRemoved},
};

constexpr std::array<std::string_view, kTopLevelBlocks.size()> kTopLevelNames = [] {
  std::array<std::string_view, kTopLevelBlocks.size()> names{};
  for (size_t i = 0; i < kTopLevelBlocks.size(); ++i) names[i] = kTopLevelBlocks[i].type;
  return names;
}();

constexpr BlockKind kLifecycle{"lifecycle", 0, "", BodySchema::kLifecycle};
constexpr BlockKind kProvisioner{"provisioner", 1, "type", BodySchema::kProvisioner};
constexpr BlockKind kConnection{"connection", 0, "", BodySchema::kAttributes};
constexpr BlockKind kDynamic{"dynamic", 1, "name", BodySchema::kDynamic};
constexpr BlockKind kContent{"content", 0, "", BodySchema::kDynamicContent};
constexpr BlockKind kPrecondition{"precondition", 0, "", BodySchema::kAttributes};
constexpr BlockKind kPostcondition{"postcondition", 0, "", BodySchema::kAttributes};
constexpr BlockKind kValidation{"validation", 0, "", BodySchema::kAttributes};
constexpr BlockKind kScopedData{"data", 2, "type, name", BodySchema::kResource};
constexpr BlockKind kAssert{"assert", 0, "", BodySchema::kAttributes};
constexpr BlockKind kRequiredProviders{"required_providers", 0, "", BodySchema::kAttributes};
constexpr BlockKind kBackend{"backend", 1, "type", BodySchema::kAttributes};
constexpr BlockKind kCloud{"cloud", 0, "", BodySchema::kCloud};
constexpr BlockKind kProviderMeta{"provider_meta", 1, "provider", BodySchema::kAttributes};
constexpr BlockKind kEncryption{"encryption", 0, "", BodySchema::kAttributes};  // OpenTofu
constexpr BlockKind kWorkspaces{"workspaces", 0, "", BodySchema::kAttributes};

}  // namespace

const BlockKind* topLevelBlock(std::string_view type) {
  for (const BlockKind& kind : kTopLevelBlocks)
    if (kind.type == type) return &kind;
  return nullptr;
}

std::span<const std::string_view> topLevelBlockTypes() { return kTopLevelNames; }

const BlockKind* nestedBlock(BodySchema schema, std::string_view type) {
  auto pick = [&](std::initializer_list<const BlockKind*> kinds) -> const BlockKind* {
    for (const BlockKind* kind : kinds)
      if (kind->type == type) return kind;
    return nullptr;
  };
  switch (schema) {
    case BodySchema::kAttributes:
      return nullptr;
    case BodySchema::kResource:
      return pick({&kLifecycle, &kProvisioner, &kConnection, &kDynamic});
    case BodySchema::kDynamic:
      return pick({&kContent});
    case BodySchema::kDynamicContent:
      return pick({&kDynamic});
    case BodySchema::kLifecycle:
      return pick({&kPrecondition, &kPostcondition});
    case BodySchema::kProvisioner:
      return pick({&kConnection});
    case BodySchema::kVariable:
      return pick({&kValidation});
    case BodySchema::kOutput:
      return pick({&kPrecondition});
    case BodySchema::kCheck:
      return pick({&kScopedData, &kAssert});
    case BodySchema::kTerraform:
      return pick({&kRequiredProviders, &kBackend, &kCloud, &kProviderMeta, &kEncryption});
    case BodySchema::kCloud:
      return pick({&kWorkspaces});
    case BodySchema::kRemoved:
      return pick({&kLifecycle, &kProvisioner, &kConnection});
  }
  return nullptr;
}

// ------------------------------------------------------------------ helpers

void addFinding(Findings& findings, const syntax::ParsedFile* file, ByteRange range,
                std::string summary, std::string detail, Severity severity, std::string_view rule) {
  Finding f;
  f.rule = std::string(rule);
  f.severity = severity;
  f.summary = std::move(summary);
  f.detail = std::move(detail);
  f.location = {file ? file->source : nullptr, range};
  findings.push_back(std::move(f));
}

std::optional<std::string_view> literalString(const syntax::Expr* expr) {
  if (expr == nullptr) return std::nullopt;
  if (expr->kind == syntax::ExprKind::kLiteral) {
    const auto& lit = syntax::as<syntax::LiteralExpr>(*expr);
    if (lit.value.type == syntax::LiteralType::kString) return lit.value.text;
    return std::nullopt;
  }
  if (expr->kind != syntax::ExprKind::kTemplate) return std::nullopt;
  const auto& t = syntax::as<syntax::TemplateExpr>(*expr);
  if (t.parts.empty()) return std::string_view();
  if (t.parts.size() != 1 || t.parts[0].interp || t.parts[0].expr == nullptr) return std::nullopt;
  return literalString(t.parts[0].expr);
}

std::string_view exprAsKeyword(const syntax::Expr& expr) {
  if (expr.kind != syntax::ExprKind::kScopeTraversal) return {};
  const auto& t = syntax::as<syntax::ScopeTraversalExpr>(expr);
  return t.steps.empty() ? t.root : std::string_view();
}

std::optional<std::string_view> objectKeyName(const syntax::ObjectKeyExpr& key) {
  if (key.force_non_literal) return std::nullopt;
  if (!key.bare_name.empty()) return key.bare_name;
  if (key.wrapped == nullptr) return std::nullopt;
  if (std::string_view kw = exprAsKeyword(*key.wrapped); !kw.empty()) return kw;
  return literalString(key.wrapped);
}

std::string_view nameSuggestion(std::string_view given,
                                std::span<const std::string_view> candidates) {
  for (std::string_view candidate : candidates)
    if (editDistance(given, candidate) < 3) return candidate;
  return {};
}

std::string rangeString(const syntax::ParsedFile* file, ByteRange range) {
  if (file == nullptr || !file->source) return "<unknown>";
  const LineIndex& lines = file->source->lines();
  Position start = lines.position(range.begin);
  Position end = lines.position(range.end);
  if (start.line == end.line) {
    return fmt::format("{}:{},{}-{}", file->source->path(), start.line, start.column, end.column);
  }
  return fmt::format("{}:{},{}-{},{}", file->source->path(), start.line, start.column, end.line,
                     end.column);
}

// ------------------------------------------------------------------ builder

namespace {

using syntax::ParsedFile;

bool isOverrideFile(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view suffix : {".tf.json", ".tf"}) {
    if (!name.ends_with(suffix)) continue;
    std::string_view stem = name.substr(0, name.size() - suffix.size());
    return stem == "override" || stem.ends_with("_override");
  }
  return false;
}

std::string suggestionSentence(std::string_view suggestion) {
  return suggestion.empty() ? std::string() : fmt::format(" Did you mean \"{}\"?", suggestion);
}

// The type a block counts as when an override replaces blocks: a dynamic
// block stands for the blocks it generates.
std::string_view effectiveBlockType(const NestedBlock& block) {
  if (block.type == "dynamic" && !block.labels.empty()) return block.labels[0];
  return block.type;
}

// Terraform's mergeBody: arguments of the override replace those of the
// same name; blocks of a type the override has replace all of the base's
// blocks of that type. `by_argument` names a block type merged argument by
// argument instead (a resource's lifecycle).
void mergeContent(Content& base, const Content& over, std::string_view by_argument = {}) {
  for (const Attr& attr : over.attrs) {
    auto same = std::find_if(base.attrs.begin(), base.attrs.end(),
                             [&](const Attr& a) { return a.name == attr.name; });
    if (same != base.attrs.end()) {
      *same = attr;
    } else {
      base.attrs.push_back(attr);
    }
  }
  std::unordered_set<std::string_view> replaced;
  for (const NestedBlock& block : over.blocks) replaced.insert(effectiveBlockType(block));
  NestedBlock* merged_target = nullptr;
  if (!by_argument.empty() && replaced.contains(by_argument)) {
    for (NestedBlock& block : base.blocks) {
      if (block.type == by_argument) {
        merged_target = &block;
        break;
      }
    }
  }
  if (merged_target != nullptr) {
    for (const NestedBlock& block : over.blocks)
      if (block.type == by_argument) mergeContent(merged_target->content, block.content);
    replaced.erase(by_argument);
  }
  std::erase_if(base.blocks, [&](const NestedBlock& b) {
    return replaced.contains(effectiveBlockType(b)) &&
           !(merged_target != nullptr && b.type == by_argument);
  });
  for (const NestedBlock& block : over.blocks)
    if (merged_target == nullptr || block.type != by_argument) base.blocks.push_back(block);
}

class Builder {
 public:
  explicit Builder(Module& module) : m_(module) {}

  void build(std::span<const ParsedFile* const> files);

 private:
  // ---- reading
  void readNative(const ParsedFile& file, bool from_override, std::vector<RawBlock>& out);
  Content nativeContent(const ParsedFile& file, const syntax::Body* body);

  // ---- overrides
  void applyOverride(std::vector<RawBlock>& primaries, RawBlock& over);
  std::string declKey(const RawBlock& raw) const;

  // ---- decoding
  void decode(RawBlock& raw);
  void decodeVariable(RawBlock& raw);
  void decodeLocals(RawBlock& raw);
  void decodeOutput(RawBlock& raw);
  void decodeResource(RawBlock& raw, ResourceMode mode);
  void decodeModuleCall(RawBlock& raw);
  void decodeProvider(RawBlock& raw);
  void decodeTerraform(RawBlock& raw, bool from_override);
  void decodeOther(RawBlock& raw, std::vector<OtherBlock>& into);

  // ---- checks and values
  /// Terraform's Content(schema) errors for arguments and blocks not in it.
  void checkSchema(const Content& content, std::span<const std::string_view> attrs,
                   std::span<const std::string_view> blocks);
  void missingArgument(const Content& content, std::string_view name);
  bool constantBool(const Attr& attr);
  std::string_view constantString(const Attr& attr);
  /// Reports `second` as a duplicate of `first` unless the key is new.
  bool duplicate(std::unordered_map<std::string, Decl>& seen, std::string key, const Decl& decl,
                 const std::function<std::pair<std::string, std::string>(const Decl&)>& message);
  void reportDuplicate(const Decl& first, const Decl& second, std::string summary,
                       std::string detail);

  /// Where JSON type strings are parsed; its source is the file being read
  /// (the parser cites it in some messages).
  syntax::ParsedFile& jsonScratch(const ParsedFile& for_file) {
    if (!m_.owned_syntax) m_.owned_syntax = std::make_unique<syntax::ParsedFile>();
    m_.owned_syntax->source = for_file.source;
    return *m_.owned_syntax;
  }

  Module& m_;
  std::unordered_map<std::string, Decl> variables_, locals_, outputs_, calls_, managed_, data_,
      providers_, checks_;
  std::optional<Decl> required_providers_decl_, backend_decl_, cloud_decl_;
};

void Builder::build(std::span<const ParsedFile* const> files) {
  std::vector<RawBlock> primaries, overrides;
  for (const ParsedFile* file : files) {
    if (file == nullptr) continue;
    m_.files.push_back(file);
    bool from_override = file->source && isOverrideFile(file->source->path());
    std::vector<RawBlock>& out = from_override ? overrides : primaries;
    if (file->syntax == syntax::FileSyntax::kJson) {
      readJsonFile(*file, m_, from_override, out);
    } else if (file->syntax == syntax::FileSyntax::kNative) {
      readNative(*file, from_override, out);
    }
  }
  // Duplicates are found while decoding, in file order; overrides then
  // match the first declaration, the one the module keeps.
  std::vector<RawBlock*> terraform_overrides;
  for (RawBlock& over : overrides) {
    if (over.type == "terraform") {
      terraform_overrides.push_back(&over);
    } else {
      applyOverride(primaries, over);
    }
  }
  for (RawBlock& raw : primaries) decode(raw);
  for (RawBlock* over : terraform_overrides) decodeTerraform(*over, /*from_override=*/true);
}

// ------------------------------------------------------------ native syntax

Content Builder::nativeContent(const ParsedFile& file, const syntax::Body* body) {
  Content content;
  content.file = &file;
  if (body == nullptr) return content;
  content.range = body->range;
  for (const syntax::BodyItem* item : body->items) {
    if (item->kind == syntax::BodyItemKind::kAttribute) {
      const auto& a = static_cast<const syntax::Attribute&>(*item);
      content.attrs.push_back({a.name, a.expr, a.name_range, a.range, &file});
      continue;
    }
    const auto& b = static_cast<const syntax::Block&>(*item);
    NestedBlock block;
    block.type = b.type;
    block.labels.reserve(b.labels.size());
    for (const syntax::BlockLabel& label : b.labels) block.labels.push_back(label.value);
    block.type_range = b.type_range;
    block.header_range =
        b.labels.empty() ? b.type_range : rangeBetween(b.type_range, b.labels.back().range);
    block.range = b.range;
    block.content = nativeContent(file, b.body);
    content.blocks.push_back(std::move(block));
  }
  return content;
}

void Builder::readNative(const ParsedFile& file, bool from_override, std::vector<RawBlock>& out) {
  if (file.body == nullptr) return;
  for (const syntax::BodyItem* item : file.body->items) {
    if (item->kind == syntax::BodyItemKind::kAttribute) {
      const auto& a = static_cast<const syntax::Attribute&>(*item);
      std::string hint =
          topLevelBlock(a.name)
              ? fmt::format(" Did you mean to define a block of type \"{}\"?", a.name)
              : std::string();
      addFinding(m_.findings, &file, a.name_range, "Unsupported argument",
                 fmt::format("An argument named \"{}\" is not expected here.{}", a.name, hint));
      continue;
    }
    const auto& b = static_cast<const syntax::Block&>(*item);
    const BlockKind* kind = topLevelBlock(b.type);
    if (kind == nullptr) {
      addFinding(m_.findings, &file, b.type_range, "Unsupported block type",
                 fmt::format("Blocks of type \"{}\" are not expected here.{}", b.type,
                             suggestionSentence(nameSuggestion(b.type, topLevelBlockTypes()))));
      continue;
    }
    size_t want = static_cast<size_t>(kind->labels);
    if (b.labels.size() > want) {
      addFinding(m_.findings, &file, b.labels[want].range,
                 fmt::format("Extraneous label for {}", b.type),
                 want == 0 ? fmt::format("No labels are expected for {} blocks.", b.type)
                           : fmt::format("Only {} labels ({}) are expected for {} blocks.", want,
                                         kind->label_names, b.type));
      continue;
    }
    if (b.labels.size() < want) {
      // The missing label's name: the label_names entry at that position.
      std::string_view names = kind->label_names;
      for (size_t i = 0; i < b.labels.size(); ++i) names = names.substr(names.find(", ") + 2);
      std::string_view missing = names.substr(0, names.find(", "));
      addFinding(
          m_.findings, &file, b.open_brace, fmt::format("Missing {} for {}", missing, b.type),
          fmt::format("All {} blocks must have {} labels ({}).", b.type, want, kind->label_names));
      continue;
    }
    RawBlock raw;
    raw.type = kind->type;
    for (const syntax::BlockLabel& label : b.labels) {
      raw.labels.push_back(label.value);
      raw.label_ranges.push_back(label.range);
    }
    raw.type_range = b.type_range;
    raw.decl.file = &file;
    raw.decl.header_range =
        b.labels.empty() ? b.type_range : rangeBetween(b.type_range, b.labels.back().range);
    raw.decl.name_range = b.labels.empty() ? b.type_range : b.labels.back().range;
    raw.decl.range = b.range;
    raw.content = nativeContent(file, b.body);
    raw.from_override = from_override;
    out.push_back(std::move(raw));
  }
}

// ---------------------------------------------------------------- overrides

std::string Builder::declKey(const RawBlock& raw) const {
  std::string key(raw.type);
  for (std::string_view label : raw.labels) {
    key += '\x1f';
    key += label;
  }
  if (raw.type == "provider") {
    key += '\x1f';
    if (const Attr* alias = raw.content.attr("alias"))
      key += literalString(alias->expr).value_or("");
  }
  return key;
}

void Builder::applyOverride(std::vector<RawBlock>& primaries, RawBlock& over) {
  const ParsedFile* file = over.decl.file;
  if (over.type == "moved" || over.type == "import") {
    addFinding(m_.findings, file, over.decl.header_range,
               fmt::format("Cannot override '{}' blocks", over.type),
               over.type == "moved"
                   ? "Records of moved objects can appear only in normal files, not in override "
                     "files."
                   : "Import blocks can appear only in normal files, not in override files.");
    return;
  }
  if (over.type == "locals") {
    for (const Attr& attr : over.content.attrs) {
      Attr* base = nullptr;
      for (RawBlock& raw : primaries) {
        if (raw.type != "locals") continue;
        for (Attr& a : raw.content.attrs)
          if (a.name == attr.name && base == nullptr) base = &a;
      }
      if (base == nullptr) {
        addFinding(m_.findings, file, attr.name_range,
                   "Missing base local value definition to override",
                   fmt::format("There is no local value named \"{}\". An override file can only "
                               "override a local value that was already defined in a primary "
                               "configuration file.",
                               attr.name));
        continue;
      }
      *base = attr;
    }
    return;
  }
  std::string key = declKey(over);
  for (RawBlock& raw : primaries) {
    if (raw.type != over.type || declKey(raw) != key) continue;
    bool resource = raw.type == "resource" || raw.type == "data";
    mergeContent(raw.content, over.content, resource ? "lifecycle" : "");
    return;
  }
  std::string_view name = over.labels.empty() ? "" : over.labels.back();
  std::string_view type = over.labels.empty() ? "" : over.labels.front();
  std::string summary, detail;
  if (over.type == "provider") {
    if (const Attr* alias = over.content.attr("alias"); alias == nullptr) {
      // An absent default provider configuration is an empty one: the
      // override is then the configuration.
      primaries.push_back(std::move(over));
      return;
    }
    summary = "Missing base provider configuration for override";
    detail = fmt::format(
        "There is no {} provider configuration with the alias \"{}\". An override file can only "
        "override an aliased provider configuration that was already defined in a primary "
        "configuration file.",
        name, literalString(over.content.attr("alias")->expr).value_or(""));
  } else if (over.type == "variable") {
    summary = "Missing base variable declaration to override";
    detail = fmt::format(
        "There is no variable named \"{}\". An override file can only override a variable that "
        "was already declared in a primary configuration file.",
        name);
  } else if (over.type == "output") {
    summary = "Missing base output definition to override";
    detail = fmt::format(
        "There is no output named \"{}\". An override file can only override an output that was "
        "already defined in a primary configuration file.",
        name);
  } else if (over.type == "module") {
    summary = "Missing module call to override";
    detail = fmt::format(
        "There is no module call named \"{}\". An override file can only override a module call "
        "that was defined in a primary configuration file.",
        name);
  } else if (over.type == "resource") {
    summary = "Missing resource to override";
    detail = fmt::format(
        "There is no {} resource named \"{}\". An override file can only override a resource "
        "block defined in a primary configuration file.",
        type, name);
  } else if (over.type == "data") {
    summary = "Missing data resource to override";
    detail = fmt::format(
        "There is no {} data resource named \"{}\". An override file can only override a data "
        "block defined in a primary configuration file.",
        type, name);
  } else {
    // check, removed, ephemeral: Terraform has no override rule; they count
    // as declarations of their own.
    primaries.push_back(std::move(over));
    return;
  }
  addFinding(m_.findings, file, over.decl.header_range, std::move(summary), std::move(detail));
}

// ----------------------------------------------------------------- decoding

void Builder::reportDuplicate(const Decl& first, const Decl& second, std::string summary,
                              std::string detail) {
  Finding f;
  f.rule = std::string(kRuleDuplicate);
  f.severity = Severity::kError;
  f.summary = std::move(summary);
  f.detail = std::move(detail);
  f.location = second.location();
  f.related.push_back({first.location(), "previously declared here"});
  m_.findings.push_back(std::move(f));
}

bool Builder::duplicate(
    std::unordered_map<std::string, Decl>& seen, std::string key, const Decl& decl,
    const std::function<std::pair<std::string, std::string>(const Decl&)>& message) {
  auto [it, inserted] = seen.try_emplace(std::move(key), decl);
  if (inserted) return false;
  auto [summary, detail] = message(it->second);
  reportDuplicate(it->second, decl, std::move(summary), std::move(detail));
  return true;
}

void Builder::checkSchema(const Content& content, std::span<const std::string_view> attrs,
                          std::span<const std::string_view> blocks) {
  for (const Attr& attr : content.attrs) {
    if (std::find(attrs.begin(), attrs.end(), attr.name) != attrs.end()) continue;
    std::string hint = suggestionSentence(nameSuggestion(attr.name, attrs));
    if (hint.empty() && std::find(blocks.begin(), blocks.end(), attr.name) != blocks.end()) {
      hint = fmt::format(" Did you mean to define a block of type \"{}\"?", attr.name);
    }
    addFinding(m_.findings, attr.file, attr.name_range, "Unsupported argument",
               fmt::format("An argument named \"{}\" is not expected here.{}", attr.name, hint));
  }
  for (const NestedBlock& block : content.blocks) {
    if (std::find(blocks.begin(), blocks.end(), block.type) != blocks.end()) continue;
    std::string hint = suggestionSentence(nameSuggestion(block.type, blocks));
    if (hint.empty() && std::find(attrs.begin(), attrs.end(), block.type) != attrs.end()) {
      hint = fmt::format(
          " Did you mean to define argument \"{}\"? If so, use the equals sign to assign it a "
          "value.",
          block.type);
    }
    addFinding(m_.findings, content.file, block.type_range, "Unsupported block type",
               fmt::format("Blocks of type \"{}\" are not expected here.{}", block.type, hint));
  }
}

void Builder::missingArgument(const Content& content, std::string_view name) {
  // hclsyntax's MissingItemRange: where the body starts.
  addFinding(m_.findings, content.file, {content.range.begin, content.range.begin},
             "Missing required argument",
             fmt::format("The argument \"{}\" is required, but no definition was found.", name));
}

bool Builder::constantBool(const Attr& attr) {
  const syntax::Expr* e = attr.expr;
  if (e != nullptr && e->kind == syntax::ExprKind::kLiteral) {
    const auto& lit = syntax::as<syntax::LiteralExpr>(*e);
    if (lit.value.type == syntax::LiteralType::kBool) return lit.value.boolean;
    if (lit.value.type == syntax::LiteralType::kUnknown) return false;  // a syntax error said it
  }
  // A string "true"/"false" converts, as gohcl decodes it.
  if (std::optional<std::string_view> s = literalString(e)) {
    if (*s == "true" || *s == "false") return *s == "true";
    addFinding(m_.findings, attr.file, e->range, "Unsuitable value type",
               "Unsuitable value: a bool is required");
    return false;
  }
  addFinding(m_.findings, attr.file, e ? e->range : attr.range, "Invalid value",
             fmt::format("The \"{}\" argument must be a constant true or false: Terraform reads "
                         "it before anything is evaluated.",
                         attr.name));
  return false;
}

std::string_view Builder::constantString(const Attr& attr) {
  if (std::optional<std::string_view> s = literalString(attr.expr)) return *s;
  const syntax::Expr* e = attr.expr;
  if (e != nullptr && e->kind == syntax::ExprKind::kLiteral) {
    const auto& lit = syntax::as<syntax::LiteralExpr>(*e);
    if (lit.value.type == syntax::LiteralType::kNumber) return lit.value.text;
    if (lit.value.type == syntax::LiteralType::kUnknown) return {};
  }
  addFinding(m_.findings, attr.file, e ? e->range : attr.range, "Invalid value",
             fmt::format("The \"{}\" argument must be a constant string: Terraform reads it "
                         "before anything is evaluated.",
                         attr.name));
  return {};
}

void Builder::decode(RawBlock& raw) {
  std::string_view type = raw.type;
  if (type == "variable") return decodeVariable(raw);
  if (type == "locals") return decodeLocals(raw);
  if (type == "output") return decodeOutput(raw);
  if (type == "resource") return decodeResource(raw, ResourceMode::kManaged);
  if (type == "data") return decodeResource(raw, ResourceMode::kData);
  if (type == "module") return decodeModuleCall(raw);
  if (type == "provider") return decodeProvider(raw);
  if (type == "terraform") return decodeTerraform(raw, false);
  if (type == "moved") return decodeOther(raw, m_.moved);
  if (type == "import") return decodeOther(raw, m_.imports);
  if (type == "removed") return decodeOther(raw, m_.removed);
  if (type == "ephemeral") return decodeOther(raw, m_.ephemeral_resources);
  if (type == "check") {
    std::string name(raw.labels[0]);
    if (duplicate(checks_, name, raw.decl, [&](const Decl& first) {
          return std::pair{fmt::format("Duplicate check \"{}\" configuration", name),
                           fmt::format("A check block named \"{}\" was already declared at {}. "
                                       "Check blocks must be unique within each module.",
                                       name, rangeString(first.file, first.header_range))};
        })) {
      return;
    }
    return decodeOther(raw, m_.checks);
  }
}

void Builder::decodeVariable(RawBlock& raw) {
  std::string_view name = raw.labels[0];
  if (duplicate(variables_, std::string(name), raw.decl, [&](const Decl& first) {
        return std::pair{std::string("Duplicate variable declaration"),
                         fmt::format("A variable named \"{}\" was already declared at {}. "
                                     "Variable names must be unique within a module.",
                                     name, rangeString(first.file, first.header_range))};
      })) {
    return;
  }
  static constexpr std::array<std::string_view, 6> kAttrs = {
      "description", "default", "type", "sensitive", "nullable", "ephemeral"};
  static constexpr std::array<std::string_view, 1> kBlocks = {"validation"};
  checkSchema(raw.content, kAttrs, kBlocks);
  Variable& v = m_.variables.emplace_back();
  v.name = name;
  v.decl = raw.decl;
  v.content = std::move(raw.content);
  for (const Attr& attr : v.content.attrs) {
    if (attr.expr == nullptr) continue;
    if (attr.name == "type") {
      v.type = decodeVariableType(*attr.file, *attr.expr, &v.defaults, m_.findings,
                                  &jsonScratch(*attr.file), &v.type_expr);
    } else if (attr.name == "default") {
      v.default_attr = &attr;
    } else if (attr.name == "description") {
      v.description = constantString(attr);
    } else if (attr.name == "sensitive") {
      v.sensitive = constantBool(attr);
    } else if (attr.name == "nullable") {
      v.nullable = constantBool(attr);
    } else if (attr.name == "ephemeral") {
      v.ephemeral = constantBool(attr);
    }
  }
  for (const NestedBlock& block : v.content.blocks) {
    if (block.type != "validation") continue;
    static constexpr std::array<std::string_view, 2> kValidationAttrs = {"condition",
                                                                         "error_message"};
    checkSchema(block.content, kValidationAttrs, {});
    Validation validation;
    validation.range = block.range;
    if (const Attr* c = block.content.attr("condition")) {
      validation.condition = c->expr;
    } else {
      missingArgument(block.content, "condition");
    }
    if (const Attr* e = block.content.attr("error_message")) {
      validation.error_message = e->expr;
    } else {
      missingArgument(block.content, "error_message");
    }
    v.validations.push_back(validation);
  }
}

void Builder::decodeLocals(RawBlock& raw) {
  for (const NestedBlock& block : raw.content.blocks) {
    addFinding(m_.findings, raw.content.file, block.type_range,
               fmt::format("Unexpected \"{}\" block", block.type), "Blocks are not allowed here.");
  }
  for (const Attr& attr : raw.content.attrs) {
    Decl decl{attr.file, attr.name_range, attr.name_range, attr.range};
    if (duplicate(locals_, std::string(attr.name), decl, [&](const Decl& first) {
          return std::pair{std::string("Duplicate local value definition"),
                           fmt::format("A local value named \"{}\" was already defined at {}. "
                                       "Local value names must be unique within a module.",
                                       attr.name, rangeString(first.file, first.header_range))};
        })) {
      continue;
    }
    m_.locals.push_back({attr.name, attr.file, attr});
  }
}

void Builder::decodeOutput(RawBlock& raw) {
  std::string_view name = raw.labels[0];
  if (duplicate(outputs_, std::string(name), raw.decl, [&](const Decl& first) {
        return std::pair{std::string("Duplicate output definition"),
                         fmt::format("An output named \"{}\" was already defined at {}. Output "
                                     "names must be unique within a module.",
                                     name, rangeString(first.file, first.header_range))};
      })) {
    return;
  }
  static constexpr std::array<std::string_view, 5> kAttrs = {"description", "value", "depends_on",
                                                             "sensitive", "ephemeral"};
  static constexpr std::array<std::string_view, 1> kBlocks = {"precondition"};
  checkSchema(raw.content, kAttrs, kBlocks);
  Output& o = m_.outputs.emplace_back();
  o.name = name;
  o.decl = raw.decl;
  o.content = std::move(raw.content);
  for (const Attr& attr : o.content.attrs) {
    if (attr.name == "value") {
      o.value = &attr;
    } else if (attr.name == "description") {
      o.description = constantString(attr);
    } else if (attr.name == "sensitive") {
      o.sensitive = constantBool(attr);
    }
  }
  if (o.value == nullptr) missingArgument(o.content, "value");
}

void Builder::decodeResource(RawBlock& raw, ResourceMode mode) {
  std::string_view type = raw.labels[0];
  std::string_view name = raw.labels[1];
  bool managed = mode == ResourceMode::kManaged;
  std::string key = fmt::format("{}.{}", type, name);
  if (duplicate(managed ? managed_ : data_, key, raw.decl, [&](const Decl& first) {
        std::string where = rangeString(first.file, first.header_range);
        return managed
                   ? std::pair{fmt::format("Duplicate resource \"{}\" configuration", type),
                               fmt::format("A {} resource named \"{}\" was already declared at "
                                           "{}. Resource names must be unique per type in each "
                                           "module.",
                                           type, name, where)}
                   : std::pair{fmt::format("Duplicate data \"{}\" configuration", type),
                               fmt::format("A {} data resource named \"{}\" was already declared "
                                           "at {}. Resource names must be unique per type in "
                                           "each module.",
                                           type, name, where)};
      })) {
    return;
  }
  Resource& r = m_.resources.emplace_back();
  r.mode = mode;
  r.type = type;
  r.name = name;
  r.decl = raw.decl;
  r.content.file = raw.content.file;
  r.content.range = raw.content.range;
  for (Attr& attr : raw.content.attrs) {
    bool meta = attr.name == "count" || attr.name == "for_each" || attr.name == "provider" ||
                attr.name == "depends_on";
    (meta ? r.meta : r.content.attrs).push_back(attr);
  }
  for (NestedBlock& block : raw.content.blocks) {
    if (block.type == "locals") {
      addFinding(m_.findings, raw.content.file, block.type_range,
                 "Reserved block type name in "
                 "resource block",
                 "The block type name \"locals\" is reserved for use by Terraform in a future "
                 "version.");
      continue;
    }
    bool meta =
        block.type == "lifecycle" || block.type == "provisioner" || block.type == "connection";
    (meta ? r.meta_blocks : r.content.blocks).push_back(std::move(block));
  }
  // The vectors are final: now the pointers into them.
  for (const Attr& attr : r.meta) {
    if (attr.name == "count") r.count = &attr;
    if (attr.name == "for_each") r.for_each = &attr;
    if (attr.name == "provider") r.provider = &attr;
    if (attr.name == "depends_on") r.depends_on = &attr;
  }
  for (const NestedBlock& block : r.meta_blocks) {
    if (block.type == "lifecycle" && r.lifecycle == nullptr) r.lifecycle = &block;
  }
  if (r.count != nullptr && r.for_each != nullptr) {
    addFinding(m_.findings, r.for_each->file, r.for_each->name_range,
               "Invalid combination of \"count\" and \"for_each\"",
               "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one "
               "should be used to be explicit about the number of resources to be created.");
  }
}

void Builder::decodeModuleCall(RawBlock& raw) {
  std::string_view name = raw.labels[0];
  if (duplicate(calls_, std::string(name), raw.decl, [&](const Decl& first) {
        return std::pair{std::string("Duplicate module call"),
                         fmt::format("A module call named \"{}\" was already defined at {}. "
                                     "Module calls must have unique names within a module.",
                                     name, rangeString(first.file, first.header_range))};
      })) {
    return;
  }
  ModuleCall& mc = m_.module_calls.emplace_back();
  mc.name = name;
  mc.decl = raw.decl;
  mc.content = std::move(raw.content);
  for (const NestedBlock& block : mc.content.blocks) {
    addFinding(m_.findings, mc.content.file, block.type_range, "Unsupported block type",
               fmt::format("Blocks of type \"{}\" are not expected here.", block.type));
  }
  for (const Attr& attr : mc.content.attrs) {
    bool meta = attr.name == "source" || attr.name == "version" || attr.name == "count" ||
                attr.name == "for_each" || attr.name == "providers" || attr.name == "depends_on";
    (meta ? mc.meta : mc.arguments).push_back(attr);
  }
  for (const Attr& attr : mc.meta) {
    if (attr.name == "source") mc.source_attr = &attr;
    if (attr.name == "version") mc.version = &attr;
    if (attr.name == "count") mc.count = &attr;
    if (attr.name == "for_each") mc.for_each = &attr;
    if (attr.name == "providers") mc.providers = &attr;
    if (attr.name == "depends_on") mc.depends_on = &attr;
  }
  if (mc.source_attr == nullptr) {
    missingArgument(mc.content, "source");
  } else if (std::optional<std::string_view> source = literalString(mc.source_attr->expr)) {
    mc.source = std::string(*source);
  } else {
    addFinding(m_.findings, mc.source_attr->file,
               mc.source_attr->expr ? mc.source_attr->expr->range : mc.source_attr->range,
               "Variables not allowed",
               "The module source must be a literal string: Terraform installs modules before "
               "anything is evaluated.");
  }
  if (mc.count != nullptr && mc.for_each != nullptr) {
    addFinding(m_.findings, mc.for_each->file, mc.for_each->name_range,
               "Invalid combination of \"count\" and \"for_each\"",
               "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one "
               "should be used to be explicit about the number of resources to be created.");
  }
}

void Builder::decodeProvider(RawBlock& raw) {
  Provider p;
  p.name = raw.labels[0];
  p.decl = raw.decl;
  if (const Attr* alias = raw.content.attr("alias")) p.alias = constantString(*alias);
  std::string key = fmt::format("{}.{}", p.name, p.alias);
  if (duplicate(providers_, key, raw.decl, [&](const Decl& first) {
        std::string where = rangeString(first.file, first.header_range);
        return std::pair{
            std::string("Duplicate provider configuration"),
            p.alias.empty()
                ? fmt::format("A default (non-aliased) provider configuration for \"{}\" was "
                              "already given at {}. If multiple configurations are required, "
                              "set the \"alias\" argument for alternative configurations.",
                              p.name, where)
                : fmt::format("A provider configuration for \"{}\" with alias \"{}\" was "
                              "already given at {}. Each configuration for the same provider "
                              "must have a distinct alias.",
                              p.name, p.alias, where)};
      })) {
    return;
  }
  p.content = std::move(raw.content);
  m_.providers.push_back(std::move(p));
}

void Builder::decodeTerraform(RawBlock& raw, bool from_override) {
  TerraformSettings& tf = m_.terraform;
  static constexpr std::array<std::string_view, 3> kAttrs = {"required_version", "experiments",
                                                             "language"};
  static constexpr std::array<std::string_view, 5> kBlocks = {
      "required_providers", "backend", "cloud", "provider_meta", "encryption"};
  checkSchema(raw.content, kAttrs, kBlocks);
  tf.blocks.push_back(raw.decl);
  const Content& content = tf.contents.emplace_back(std::move(raw.content));
  if (const Attr* version = content.attr("required_version")) tf.required_version = version;
  for (const NestedBlock& block : content.blocks) {
    Decl decl{content.file, block.header_range, block.header_range, block.range};
    if (block.type == "required_providers") {
      if (!from_override) {
        if (required_providers_decl_) {
          addFinding(m_.findings, decl.file, decl.header_range,
                     "Duplicate required providers configuration",
                     fmt::format("A module may have only one required providers configuration. "
                                 "The required providers were previously configured at {}.",
                                 rangeString(required_providers_decl_->file,
                                             required_providers_decl_->header_range)),
                     Severity::kError, kRuleDuplicate);
          m_.findings.back().related.push_back(
              {required_providers_decl_->location(), "previously declared here"});
          continue;
        }
        required_providers_decl_ = decl;
      }
      for (const Attr& attr : block.content.attrs) {
        RequiredProvider rp;
        rp.name = attr.name;
        rp.range = attr.range;
        rp.file = attr.file;
        if (std::optional<std::string_view> version = literalString(attr.expr)) {
          rp.version = std::string(*version);  // the legacy `aws = "~> 5.0"`
        } else if (attr.expr != nullptr && attr.expr->kind == syntax::ExprKind::kObject) {
          for (const syntax::ObjectItem& item : syntax::as<syntax::ObjectExpr>(*attr.expr).items) {
            std::optional<std::string_view> key = objectKeyName(*item.key);
            std::optional<std::string_view> value = literalString(item.value);
            if (!key || !value) continue;
            if (*key == "source") rp.source = std::string(*value);
            if (*key == "version") rp.version = std::string(*value);
          }
        }
        auto same = std::find_if(tf.required_providers.begin(), tf.required_providers.end(),
                                 [&](const RequiredProvider& p) { return p.name == rp.name; });
        if (from_override && same != tf.required_providers.end()) {
          *same = std::move(rp);  // an override replaces the provider's whole requirement
        } else {
          tf.required_providers.push_back(std::move(rp));
        }
      }
    } else if (block.type == "backend" || block.type == "cloud") {
      bool cloud = block.type == "cloud";
      Backend backend;
      backend.type = cloud ? std::string_view("cloud")
                           : (block.labels.empty() ? std::string_view() : block.labels[0]);
      backend.decl = decl;
      backend.content = block.content;
      if (from_override) {
        tf.backend = std::move(backend);
        continue;
      }
      std::optional<Decl>& seen = cloud ? cloud_decl_ : backend_decl_;
      if (seen) {
        reportDuplicate(
            *seen, decl,
            cloud ? "Duplicate Terraform Cloud configurations" : "Duplicate backend configuration",
            cloud ? fmt::format("A module may have only one 'cloud' block configuring "
                                "Terraform Cloud. Terraform Cloud was previously "
                                "configured at {}.",
                                rangeString(seen->file, seen->header_range))
                  : fmt::format("A module may have only one backend configuration. "
                                "The backend was previously configured at {}.",
                                rangeString(seen->file, seen->header_range)));
        continue;
      }
      seen = decl;
      if (backend_decl_ && cloud_decl_) {
        addFinding(
            m_.findings, backend_decl_->file, backend_decl_->header_range,
            "Both a backend and Terraform Cloud configuration are present",
            fmt::format("A module may declare either one 'cloud' block configuring Terraform "
                        "Cloud OR one 'backend' block configuring a state backend. Terraform "
                        "Cloud is configured at {}; a backend is configured at {}. Remove the "
                        "backend block to configure Terraform Cloud.",
                        rangeString(cloud_decl_->file, cloud_decl_->header_range),
                        rangeString(backend_decl_->file, backend_decl_->header_range)),
            Severity::kError, kRuleDuplicate);
        continue;
      }
      tf.backend = std::move(backend);
    }
  }
}

void Builder::decodeOther(RawBlock& raw, std::vector<OtherBlock>& into) {
  OtherBlock& block = into.emplace_back();
  block.type = raw.type;
  block.labels = std::move(raw.labels);
  block.decl = raw.decl;
  block.content = std::move(raw.content);
}

}  // namespace
}  // namespace detail

// ------------------------------------------------------------- the contract

const Attr* Content::attr(std::string_view name) const {
  for (const Attr& a : attrs)
    if (a.name == name) return &a;
  return nullptr;
}

std::vector<const NestedBlock*> Content::blocksOfType(std::string_view type) const {
  std::vector<const NestedBlock*> result;
  for (const NestedBlock& b : blocks)
    if (b.type == type) result.push_back(&b);
  return result;
}

std::string Resource::address() const {
  if (mode == ResourceMode::kData) return fmt::format("data.{}.{}", type, name);
  return fmt::format("{}.{}", type, name);
}

namespace {

template <typename T>
const T* findByName(const std::vector<T>& items, std::string_view name) {
  for (const T& item : items)
    if (item.name == name) return &item;
  return nullptr;
}

}  // namespace

const Variable* Module::variable(std::string_view name) const {
  return findByName(variables, name);
}
const Local* Module::local(std::string_view name) const { return findByName(locals, name); }
const ModuleCall* Module::moduleCall(std::string_view name) const {
  return findByName(module_calls, name);
}
const Output* Module::output(std::string_view name) const { return findByName(outputs, name); }

const Resource* Module::resource(ResourceMode mode, std::string_view type,
                                 std::string_view name) const {
  for (const Resource& r : resources)
    if (r.mode == mode && r.type == type && r.name == name) return &r;
  return nullptr;
}

const Provider* Module::provider(std::string_view name, std::string_view alias) const {
  for (const Provider& p : providers)
    if (p.name == name && p.alias == alias) return &p;
  return nullptr;
}

std::unique_ptr<Module> buildModule(std::string dir,
                                    std::span<const syntax::ParsedFile* const> files) {
  auto module = std::make_unique<Module>();
  module->dir = std::move(dir);
  detail::Builder(*module).build(files);
  return module;
}

}  // namespace tfguard::model
