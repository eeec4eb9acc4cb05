#pragma once
// The registry: every rule in one table sorted by id (no static
// self-registration). A new rule adds its factory to registry.cc's list.
#include <memory>
#include <span>
#include <string_view>

#include "rules/rule.h"

namespace tfguard::rules {

/// Every built-in rule, sorted by id.
std::span<const Rule* const> allRules();
const Rule* findRule(std::string_view id);

// Factories of the rules, one per rule file (src/rules/<group>/<id>.cc).
std::unique_ptr<Rule> makeSshAdminCidrRule();
std::unique_ptr<Rule> makeEipAttachedRule();
std::unique_ptr<Rule> makeUserDataRestartPolicyRule();
std::unique_ptr<Rule> makeEnvIsolationRule();
std::unique_ptr<Rule> makeEnvDriftRule();
std::unique_ptr<Rule> makeDeprecatedInterpolationRule();
std::unique_ptr<Rule> makeModuleSourcePinnedRule();
std::unique_ptr<Rule> makeProviderVersionRule();
std::unique_ptr<Rule> makeRequiredVersionRule();
std::unique_ptr<Rule> makeUnusedDeclarationRule();
std::unique_ptr<Rule> makeVariableTypeRule();
std::unique_ptr<Rule> makeHardcodedSecretRule();
std::unique_ptr<Rule> makeStateFileInRepoRule();
std::unique_ptr<Rule> makeUserDataSecretRule();
/// The rules whose findings come from loading and evaluation (syntax,
/// variable-validation, ..., eval-error, unused-ignore): metadata only.
std::vector<std::unique_ptr<Rule>> makeLanguageRules();

}  // namespace tfguard::rules
