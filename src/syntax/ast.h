#pragma once
// The AST of HCL native syntax (and of HCL JSON, lowered into the same
// nodes). A closed set of node kinds that mirrors hclsyntax, allocated in
// the file's arena; strings are views into the source or the arena.
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "base/range.h"
#include "base/source_file.h"
#include "diag/diagnostic.h"

namespace tfguard::syntax {

// ---------------------------------------------------------------- expressions

enum class ExprKind : uint8_t {
  kLiteral,            ///< number, bool, null, string (template parts), unknown (error placeholder)
  kTemplate,           ///< "..." or heredoc with parts
  kTemplateWrap,       ///< "${x}": exactly one interpolation, value unconverted
  kScopeTraversal,     ///< var.a.b[0]
  kRelativeTraversal,  ///< f(x).a, (x).a, @.a
  kIndex,              ///< x[expr] with a non-literal key
  kCall,               ///< f(a, b...)
  kBinary,
  kUnary,
  kConditional,
  kParens,
  kTuple,
  kObject,
  kObjectKey,
  kFor,
  kSplat,
  kSplatItem,          ///< the anonymous symbol inside a splat
  kTemplateIf,         ///< %{ if } ... %{ else } ... %{ endif } (template parts only)
  kTemplateFor,        ///< %{ for } ... %{ endfor } (template parts only)
};

enum class LiteralType : uint8_t { kString, kNumber, kBool, kNull, kUnknown };

/// A constant: strings are decoded; numbers keep their source text, which is
/// exact (the evaluator parses it with full precision).
struct LiteralValue {
  LiteralType type = LiteralType::kNull;
  bool boolean = false;
  std::string_view text;  ///< string value or number text
};

struct Expr {
  ExprKind kind;
  ByteRange range;
};

struct LiteralExpr : Expr {
  LiteralValue value;
};

/// One part of a template: a literal (adjacent ones merged, empty ones
/// dropped), an interpolated expression, or a directive.
struct TemplatePart {
  Expr* expr;
  bool interp;  ///< true for ${ ... }; the expression's range excludes ${ and }
};

struct TemplateExpr : Expr {
  std::span<TemplatePart> parts;
  bool heredoc;
};

struct TemplateWrapExpr : Expr {
  Expr* wrapped;
};

struct TemplateIfExpr : Expr {
  Expr* cond;
  std::span<TemplatePart> then_parts;
  std::span<TemplatePart> else_parts;
};

struct TemplateForExpr : Expr {
  std::string_view key_var;  ///< empty when absent
  std::string_view val_var;
  Expr* coll;
  std::span<TemplatePart> body;
};

enum class StepKind : uint8_t { kAttr, kIndex };

struct TraversalStep {
  StepKind kind;
  bool legacy_dot;  ///< foo.0 written with a dot
  ByteRange range;
  std::string_view name;  ///< kAttr
  LiteralValue key;       ///< kIndex
};

struct ScopeTraversalExpr : Expr {
  std::string_view root;
  ByteRange root_range;
  std::span<TraversalStep> steps;
};

struct RelativeTraversalExpr : Expr {
  Expr* source;
  std::span<TraversalStep> steps;
};

struct IndexExpr : Expr {
  Expr* collection;
  Expr* key;
  ByteRange bracket_range;
};

struct CallExpr : Expr {
  std::string_view name;  ///< includes "provider::ns::" for provider functions
  ByteRange name_range;
  std::span<Expr*> args;
  bool expand_final;
  ByteRange open_paren;
  ByteRange close_paren;
};

enum class BinaryOp : uint8_t { kOr, kAnd, kEq, kNe, kLt, kLe, kGt, kGe, kAdd, kSub, kMul, kDiv, kMod };
enum class UnaryOp : uint8_t { kNegate, kNot };

struct BinaryExpr : Expr {
  BinaryOp op;
  Expr* lhs;
  Expr* rhs;
};

struct UnaryExpr : Expr {
  UnaryOp op;
  Expr* operand;
  ByteRange symbol_range;
};

struct ConditionalExpr : Expr {
  Expr* cond;
  Expr* if_true;
  Expr* if_false;
};

struct ParensExpr : Expr {
  Expr* inner;
};

struct TupleExpr : Expr {
  std::span<Expr*> items;
};

/// A key in an object constructor. HCL reads a naked identifier (or keyword)
/// as a literal string key; parentheses force an expression.
struct ObjectKeyExpr : Expr {
  Expr* wrapped;
  bool force_non_literal;
  std::string_view bare_name;  ///< non-empty for `name = ...` and `null = ...`
};

struct ObjectItem {
  ObjectKeyExpr* key;
  Expr* value;
};

struct ObjectExpr : Expr {
  std::span<ObjectItem> items;
};

struct ForExpr : Expr {
  bool is_object;
  bool group;
  std::string_view key_var;  ///< empty when absent
  std::string_view val_var;
  Expr* coll;
  Expr* key;  ///< object form only
  Expr* value;
  Expr* cond;  ///< nullable
};

enum class SplatStyle : uint8_t { kFull, kAttr };

struct SplatExpr : Expr {
  SplatStyle style;
  ByteRange marker;
  Expr* source;
  Expr* each;  ///< an expression over the SplatItemExpr
};

struct SplatItemExpr : Expr {};

// ----------------------------------------------------------------- structure

enum class BodyItemKind : uint8_t { kAttribute, kBlock };

struct BodyItem {
  BodyItemKind kind;
  ByteRange range;
};

struct Body {
  ByteRange range;  ///< a block body includes its braces; the file body covers the file
  std::span<BodyItem*> items;  ///< attributes and blocks in source order
};

struct Attribute : BodyItem {
  std::string_view name;
  ByteRange name_range;
  ByteRange equals_range;
  Expr* expr;
};

struct BlockLabel {
  std::string_view value;  ///< decoded
  ByteRange range;
  bool quoted;
};

struct Block : BodyItem {
  std::string_view type;
  ByteRange type_range;
  std::span<BlockLabel> labels;
  ByteRange open_brace;
  ByteRange close_brace;
  Body* body;
};

struct Comment {
  ByteRange range;
  std::string_view text;  ///< the full comment, markers included, newline excluded
};

enum class FileSyntax : uint8_t { kNative, kJson, kTemplate };

/// One parsed file: the tree, its diagnostics and the memory behind them.
struct ParsedFile {
  std::shared_ptr<const SourceFile> source;
  FileSyntax syntax = FileSyntax::kNative;
  Body* body = nullptr;      ///< kNative, kJson
  Expr* template_ = nullptr;  ///< kTemplate
  Diagnostics diagnostics;
  std::vector<Comment> comments;
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
};

template <typename T>
const T& as(const Expr& e) {
  return static_cast<const T&>(e);
}

}  // namespace tfguard::syntax
