#pragma once
// The model stage: one module's declarations (every top-level block kind of
// Terraform and OpenTofu), the same whether the files were native syntax or
// HCL JSON. Declarations keep their expressions as AST (the evaluator
// evaluates them per environment) and their ranges (findings point there).
// A Module borrows the ParsedFiles it was built from: they must outlive it.
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/finding.h"
#include "eval/type.h"
#include "syntax/ast.h"

namespace tfguard::model {

/// An argument `name = expr` (in JSON: a property whose value is an expression).
struct Attr {
  std::string_view name;
  const syntax::Expr* expr = nullptr;
  ByteRange name_range;
  ByteRange range;  ///< the whole argument
  /// The file the argument is written in: the block's own file, except for
  /// arguments an override file (`*_override.tf`) merged in.
  const syntax::ParsedFile* file = nullptr;
};

struct NestedBlock;

/// The arguments and nested blocks of a block body, in source order. In
/// JSON, where only a schema can tell blocks from object-valued arguments,
/// the block types Terraform itself defines (lifecycle, dynamic + content,
/// provisioner, connection, precondition, postcondition, validation, backend,
/// required_providers, ...) are blocks and everything else is an argument
/// (so `"ingress": [{...}]` is an argument whose value is a tuple of objects).
struct Content {
  const syntax::ParsedFile* file = nullptr;
  ByteRange range;  ///< the braces (native) or the object (JSON)
  std::vector<Attr> attrs;
  std::vector<NestedBlock> blocks;

  const Attr* attr(std::string_view name) const;
  /// Blocks of one type, in source order.
  std::vector<const NestedBlock*> blocksOfType(std::string_view type) const;
};

struct NestedBlock {
  std::string_view type;  ///< for `dynamic "ingress"`: "dynamic", labels = {"ingress"}
  std::vector<std::string_view> labels;
  ByteRange type_range;
  ByteRange header_range;  ///< type and labels
  ByteRange range;         ///< the whole block
  Content content;
};

/// Where a declaration is: its file, the header (`resource "a" "b"`: what
/// Terraform calls DeclRange, where declaration findings point), the label
/// that names it, and the whole block.
struct Decl {
  const syntax::ParsedFile* file = nullptr;
  ByteRange header_range;
  ByteRange name_range;
  ByteRange range;

  Location location() const { return {file ? file->source : nullptr, header_range}; }
};

/// The defaults of optional(T, default) attributes inside a type constraint,
/// as a tree parallel to the type: `attrs` for the object at this level,
/// `children` by attribute name, or "" for the element of a list/set/map,
/// or "0", "1"... for tuple elements.
struct TypeDefaults {
  struct Child;  ///< {first: name, second: defaults}
  std::vector<std::pair<std::string, const syntax::Expr*>> attrs;
  std::vector<Child> children;
  bool empty() const;
};
// A struct rather than std::pair<std::string, TypeDefaults>: clang 14 (make
// fuzz) instantiates that pair while TypeDefaults is incomplete and rejects
// the file.
struct TypeDefaults::Child {
  std::string first;
  TypeDefaults second;
};
inline bool TypeDefaults::empty() const { return attrs.empty() && children.empty(); }

struct Validation {
  const syntax::Expr* condition = nullptr;
  const syntax::Expr* error_message = nullptr;
  ByteRange range;
};

struct Variable {
  std::string_view name;
  Decl decl;
  const syntax::Expr* type_expr = nullptr;  ///< null: no type (any)
  eval::Type type = eval::Type::dynamic();  ///< the constraint, optional() attributes marked
  TypeDefaults defaults;
  const Attr* default_attr = nullptr;  ///< null: required (points into `content`)
  std::string_view description;
  bool sensitive = false;
  bool nullable = true;
  bool ephemeral = false;
  std::vector<Validation> validations;
  Content content;  ///< the whole body, for anything not lifted above
};

struct Local {
  std::string_view name;
  const syntax::ParsedFile* file = nullptr;
  Attr attr;
};

enum class ResourceMode : uint8_t { kManaged, kData };

struct Resource {
  ResourceMode mode = ResourceMode::kManaged;
  std::string_view type;
  std::string_view name;
  Decl decl;
  const Attr* count = nullptr;     ///< meta-arguments point into `meta`
  const Attr* for_each = nullptr;
  const Attr* provider = nullptr;  ///< `provider = aws.west` (an expression)
  const Attr* depends_on = nullptr;
  const NestedBlock* lifecycle = nullptr;
  std::vector<Attr> meta;           ///< count, for_each, provider, depends_on
  std::vector<NestedBlock> meta_blocks;  ///< lifecycle, provisioner, connection
  /// The resource's own arguments and blocks (incl. `dynamic`), without the
  /// meta-arguments above.
  Content content;

  /// "aws_instance.web" or "data.aws_ami.ubuntu".
  std::string address() const;
};

struct ModuleCall {
  std::string_view name;
  Decl decl;
  std::string source;  ///< decoded; empty when missing or not a literal string
  const Attr* source_attr = nullptr;
  const Attr* version = nullptr;
  const Attr* count = nullptr;
  const Attr* for_each = nullptr;
  const Attr* providers = nullptr;
  const Attr* depends_on = nullptr;
  std::vector<Attr> meta;  ///< source, version, count, for_each, providers, depends_on
  /// The module's input variables: every other argument.
  std::vector<Attr> arguments;
  Content content;
};

struct Output {
  std::string_view name;
  Decl decl;
  const Attr* value = nullptr;
  bool sensitive = false;
  std::string_view description;
  Content content;
};

struct Provider {
  std::string_view name;
  std::string_view alias;  ///< empty when absent
  Decl decl;
  Content content;
};

struct RequiredProvider {
  std::string_view name;
  std::string source;   ///< "hashicorp/aws"; empty when absent
  std::string version;  ///< the constraint; empty when absent
  ByteRange range;
  const syntax::ParsedFile* file = nullptr;
};

struct Backend {
  std::string_view type;  ///< "s3", "local", ...; "cloud" for a cloud block
  Decl decl;
  Content content;
};

struct TerraformSettings {
  const Attr* required_version = nullptr;
  std::vector<RequiredProvider> required_providers;
  std::optional<Backend> backend;  ///< backend "x" {} or cloud {}
  std::vector<Decl> blocks;        ///< every terraform block
  std::vector<Content> contents;   ///< their bodies, parallel to `blocks`
};

/// moved, import, check, removed: kept whole.
struct OtherBlock {
  std::string_view type;
  std::vector<std::string_view> labels;  ///< check "name", ephemeral "type" "name"
  Decl decl;
  Content content;
};

struct Module {
  std::string dir;  ///< the module's directory as the loader names it
  std::vector<const syntax::ParsedFile*> files;  ///< configuration files (.tf, .tf.json)
  TerraformSettings terraform;
  std::vector<Provider> providers;
  std::vector<Variable> variables;
  std::vector<Local> locals;
  std::vector<Resource> resources;  ///< managed and data, in source order
  std::vector<ModuleCall> module_calls;
  std::vector<Output> outputs;
  std::vector<OtherBlock> moved, imports, checks, removed;
  /// `ephemeral "TYPE" "NAME"` resources (Terraform 1.10+), kept whole.
  std::vector<OtherBlock> ephemeral_resources;
  /// Duplicate declarations, unknown block types, bad arguments: like Terraform's
  /// configuration errors (rule "duplicate-declaration" or "invalid-config").
  Findings findings;

  const Variable* variable(std::string_view name) const;
  const Local* local(std::string_view name) const;
  const Resource* resource(ResourceMode mode, std::string_view type, std::string_view name) const;
  const ModuleCall* moduleCall(std::string_view name) const;
  const Output* output(std::string_view name) const;
  /// The default (alias empty) or aliased configuration of a provider.
  const Provider* provider(std::string_view name, std::string_view alias = {}) const;

  /// Storage behind some of the views above: JSON labels with escapes and
  /// the type expressions of JSON variables (parsed from their strings).
  /// Declarations point into these, which is one reason a Module is never
  /// copied (the other: `const Attr*` members point into their own
  /// declaration's vectors).
  std::deque<std::string> owned_strings;
  std::unique_ptr<syntax::ParsedFile> owned_syntax;
};

/// Builds the model of the module made of `files` (a directory's .tf and
/// .tf.json files, in the order Terraform reads them: lexical by name;
/// `_override.tf` files are merged as Terraform merges them).
std::unique_ptr<Module> buildModule(std::string dir, std::span<const syntax::ParsedFile* const> files);

/// Parses a type constraint expression (`list(object({a = optional(string, "x")}))`)
/// as Terraform does; errors are added to `findings` (rule "invalid-config").
eval::Type parseTypeConstraint(const syntax::ParsedFile& file, const syntax::Expr& expr,
                               TypeDefaults* defaults, Findings& findings);

}  // namespace tfguard::model
