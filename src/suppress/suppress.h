#pragma once
// Inline suppressions (SPEC §6): `# tfguard:ignore RULE[,RULE] [exp:YYYY-MM-DD]
// [env:NAME] [reason]` (also `//`) on the line before a block or attribute
// or at the end of the offending line; `# tfguard:ignore-file RULE` at the
// top of a file; and, for rules with an equivalent, other tools' comments
// (#tfsec:ignore:ID, #trivy:ignore:ID, #checkov:skip=ID:reason,
// # tflint-ignore: name) through a mapping table (docs/suppressions.md).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/finding.h"
#include "syntax/ast.h"

namespace tfguard::suppress {

struct Suppression {
  std::vector<std::string> rules;  ///< tfguard rule ids (mapped from other tools' ids)
  std::string reason;
  std::string expires;      ///< "YYYY-MM-DD"; empty: never
  std::string environment;  ///< empty: every environment
  bool whole_file = false;
  Location location;        ///< the comment
  ByteRange covers;         ///< the block/attribute (or line) it applies to
  std::string source_tool;  ///< "tfguard", "tfsec", "trivy", "checkov", "tflint"
  /// Whether an unused or expired suppression is reported (`unused-ignore`).
  /// False for other tools' comments: they may be there for that tool,
  /// which can still run next to tfguard.
  bool report_unused = true;
};

/// The suppressions written in a parsed file's comments. Malformed ones
/// (unknown rule id when `known_rule` says so, bad date) are findings.
/// `known_rule` (nullable: every id is known) says whether a tfguard rule
/// id exists; other tools' ids whose mapped rules are unknown are dropped
/// silently. The rule list may hold "all" (or "*"): every suppressible rule.
std::vector<Suppression> collectSuppressions(const syntax::ParsedFile& file,
                                             const std::function<bool(std::string_view)>& known_rule, Findings& problems);

/// Marks the findings that a suppression covers (same file, range inside
/// `covers`, rule listed, environment matching, not expired on `today`
/// "YYYY-MM-DD"), and adds `unused-ignore` notes for suppressions that
/// covered nothing or have expired. Call it once with the findings of every
/// environment. `today` empty: nothing expires. Never suppresses `syntax`
/// or `unused-ignore` findings.
void applySuppressions(std::vector<Finding>& findings, const std::vector<Suppression>& suppressions,
                       std::string_view today);

}  // namespace tfguard::suppress
