#pragma once
// The AST as JSON in the shape of AST-JSON.md (`tfguard parse --format json`),
// so that it can be diffed node by node against HashiCorp's parser.
#include <nlohmann/json.hpp>

#include "syntax/ast.h"

namespace tfguard::syntax {

nlohmann::json fileToJson(const ParsedFile& file);
/// One expression, with ranges resolved against the file's line index.
nlohmann::json exprToJson(const ParsedFile& file, const Expr& expr);

}  // namespace tfguard::syntax
