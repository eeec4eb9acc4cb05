#pragma once
// The one table that maps other tools' check ids to tfguard rule ids, so
// that their suppression comments keep working after a migration
// (docs/suppressions.md lists the same table; a test keeps the two in step).
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace tfguard::suppress {

/// tfsec and trivy share their check ids (trivy's AVD ids and long ids are
/// tfsec's), so one family serves both comment prefixes.
enum class ToolFamily : uint8_t { kAqua, kCheckov, kTflint };

struct ToolMapping {
  ToolFamily family;
  std::string_view ids;    ///< the tool's ids for one check, space-separated aliases
  std::string_view rules;  ///< tfguard rule ids, comma-separated
};

/// Every mapping, grouped by family.
std::span<const ToolMapping> toolMappings();

/// The tfguard rules `id` (case-insensitive; trivy's "AWS-0107" is read as
/// "AVD-AWS-0107") maps to in `family`; empty when the check has no
/// tfguard equivalent.
std::vector<std::string_view> mapToolId(ToolFamily family, std::string_view id);

/// Every tflint rule that has an equivalent (`# tflint-ignore: all`).
std::vector<std::string_view> tflintMappedRules();
/// The tfguard rules that have an equivalent in `family` (`#tfsec:ignore:*`).
std::vector<std::string_view> mappedRules(ToolFamily family);

/// The tfguard rule ids of the catalog (SPEC §6), for "did you mean"
/// suggestions; callers filter them with their `known_rule`.
std::span<const std::string_view> catalogRuleIds();

std::string_view familyName(ToolFamily family);

}  // namespace tfguard::suppress
