#pragma once
// Rule documentation generated from the rules' metadata (never written
// twice): `tfguard explain RULE` prints ruleMarkdown, and the build step
// `make docs` writes the same text to docs/rules/<id>.md plus the catalog
// (docs/rules/README.md); a test keeps the committed files in step.
#include <filesystem>
#include <string>

#include "engine/engine.h"
#include "rules/rule.h"

namespace tfguard::engine {

std::string severityName(Severity severity);

/// The full documentation of one rule, Markdown.
std::string ruleMarkdown(const rules::RuleMeta& meta);

/// The catalog: every rule with its severity, source, summary and the
/// equivalent checks of other tools (the migration table).
std::string catalogMarkdown(const RuleCatalog& catalog);

/// Writes <dir>/<id>.md for every built-in rule and <dir>/README.md; false
/// with *error set when a file cannot be written.
bool writeRuleDocs(const RuleCatalog& catalog, const std::filesystem::path& dir, std::string* error);

}  // namespace tfguard::engine
