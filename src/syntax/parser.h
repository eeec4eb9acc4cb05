#pragma once
// Entry points of the syntax stage: native HCL, HCL JSON and bare templates,
// all into the AST of ast.h. Parsing never throws; errors are diagnostics and
// the tree is as complete as recovery allows.
#include <memory>
#include <string_view>

#include "syntax/ast.h"

namespace tfguard::syntax {

/// Limits that keep hostile input bounded. Exceeding one is an error
/// diagnostic, never a crash.
struct ParseLimits {
  int max_nesting = 200;  ///< nested blocks, brackets, templates and operators
};

/// Native syntax (.tf, .tfvars, .hcl).
ParsedFile parseConfig(std::shared_ptr<const SourceFile> source, ParseLimits limits = {});
/// A whole file as a bare template, as templatefile() reads it.
ParsedFile parseTemplateFile(std::shared_ptr<const SourceFile> source, ParseLimits limits = {});
/// HCL JSON syntax (.tf.json, .tfvars.json).
ParsedFile parseJson(std::shared_ptr<const SourceFile> source, ParseLimits limits = {});

/// Chooses by file name: *.json → JSON, *.tftpl / *.tpl → template, else native.
ParsedFile parseByName(std::shared_ptr<const SourceFile> source, ParseLimits limits = {});

/// Parses `text` (which must outlive the nodes, allocated in `file.arena`) as
/// one native expression whose ranges are shifted by `base` (hclsyntax
/// ParseExpression). Used for expressions written as JSON strings, e.g. a
/// variable's `type`.
Expr* parseExpression(ParsedFile& file, std::string_view text, uint32_t base,
                      ParseLimits limits = {});

/// Parses `text` (which must live in `file.arena` or the source) as a bare
/// template whose ranges are shifted by `base`. Used for JSON strings.
Expr* parseEmbeddedTemplate(ParsedFile& file, std::string_view text, uint32_t base,
                            ParseLimits limits = {});

}  // namespace tfguard::syntax
