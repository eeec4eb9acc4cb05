#pragma once
// Helpers shared by the model stage's sources (model.cc, model_json.cc,
// type_constraint.cc); not part of the stage's interface.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace tfguard::model::detail {

inline constexpr std::string_view kRuleDuplicate = "duplicate-declaration";
inline constexpr std::string_view kRuleInvalid = "invalid-config";

/// Adds an "invalid-config" finding (or `rule`) at `range` of `file`.
void addFinding(Findings& findings, const syntax::ParsedFile* file, ByteRange range,
                std::string summary, std::string detail, Severity severity = Severity::kError,
                std::string_view rule = kRuleInvalid);

/// The decoded value of a constant string (`"x"`, a heredoc without
/// interpolation, a JSON string), or nullopt.
std::optional<std::string_view> literalString(const syntax::Expr* expr);

/// A bare keyword (`string`, `list`): hcl.ExprAsKeyword. Empty otherwise.
std::string_view exprAsKeyword(const syntax::Expr& expr);

/// The name of an object constructor key when it is a literal (`a = `,
/// `"a" = `, a JSON property name), or nullopt.
std::optional<std::string_view> objectKeyName(const syntax::ObjectKeyExpr& key);

/// HCL's nameSuggestion: the first candidate within edit distance 2, or "".
std::string_view nameSuggestion(std::string_view given,
                                std::span<const std::string_view> candidates);

/// A variable's `type` argument as Terraform's decodeVariableType reads it:
/// the legacy quoted forms, the bare `list`/`map` shorthands, and (in JSON,
/// where the type is a string) the string parsed as a native expression into
/// `json_scratch`, whose arena must live as long as the result's defaults.
/// `*parsed` is set to the expression the type was read from.
eval::Type decodeVariableType(const syntax::ParsedFile& file, const syntax::Expr& expr,
                              TypeDefaults* defaults, Findings& findings,
                              syntax::ParsedFile* json_scratch, const syntax::Expr** parsed);

/// Which nested block types a body has, where only a schema can tell (HCL
/// JSON): the block types Terraform itself defines. Everything else in a
/// JSON body is an argument.
enum class BodySchema : uint8_t {
  kAttributes,      ///< no nested blocks (locals, module, provider, backend, ...)
  kResource,        ///< resource and data bodies
  kDynamic,         ///< a dynamic block: `content`
  kDynamicContent,  ///< a dynamic block's content: nested dynamics only
  kLifecycle,       ///< precondition, postcondition
  kProvisioner,     ///< connection
  kVariable,        ///< validation
  kOutput,          ///< precondition
  kCheck,           ///< data, assert
  kTerraform,       ///< required_providers, backend, cloud, provider_meta
  kCloud,           ///< workspaces
  kRemoved,         ///< lifecycle, provisioner, connection
};

struct BlockKind {
  std::string_view type;
  int labels = 0;
  std::string_view label_names;  ///< for "All resource blocks must have 2 labels (type, name)."
  BodySchema body = BodySchema::kAttributes;
};

/// A top-level block type Terraform or OpenTofu knows, or null.
const BlockKind* topLevelBlock(std::string_view type);
/// A nested block type of `schema`, or null (then, in JSON, an argument).
const BlockKind* nestedBlock(BodySchema schema, std::string_view type);
std::span<const std::string_view> topLevelBlockTypes();

/// A top-level block before it is decoded, whatever its syntax.
struct RawBlock {
  std::string_view type;
  std::vector<std::string_view> labels;
  std::vector<ByteRange> label_ranges;
  ByteRange type_range;
  Decl decl;
  Content content;
  bool from_override = false;
};

/// The blocks of an HCL JSON file, as Terraform's JSON syntax defines them.
void readJsonFile(const syntax::ParsedFile& file, Module& module, bool from_override,
                  std::vector<RawBlock>& out);

/// hcl.Range.String(): "main.tf:3,1-22" (what Terraform's details cite).
std::string rangeString(const syntax::ParsedFile* file, ByteRange range);

}  // namespace tfguard::model::detail
