#include "rules/registry.h"

#include <algorithm>

namespace tfguard::rules {
namespace {

using RuleFactory = std::unique_ptr<Rule> (*)();
// The rules that check the model (the language rules come from makeLanguageRules).
const std::vector<RuleFactory> kMissionRuleFactories = {
    makeEipAttachedRule, makeEnvDriftRule, makeEnvIsolationRule, makeSshAdminCidrRule,
    makeUserDataRestartPolicyRule,
    makeDeprecatedInterpolationRule, makeModuleSourcePinnedRule, makeProviderVersionRule,
    makeRequiredVersionRule, makeUnusedDeclarationRule, makeVariableTypeRule,
    makeHardcodedSecretRule, makeStateFileInRepoRule, makeUserDataSecretRule,
};

// Every rule, built once. A new rule adds its factory here.
std::vector<std::unique_ptr<Rule>> buildRules() {
  std::vector<std::unique_ptr<Rule>> rules = makeLanguageRules();
  for (auto factory : kMissionRuleFactories) rules.push_back(factory());
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a->meta().id < b->meta().id; });
  return rules;
}

}  // namespace

std::span<const Rule* const> allRules() {
  static const std::vector<std::unique_ptr<Rule>> owned = buildRules();
  static const std::vector<const Rule*> table = [] {
    std::vector<const Rule*> t;
    for (const auto& r : owned) t.push_back(r.get());
    return t;
  }();
  return table;
}

const Rule* findRule(std::string_view id) {
  auto rules = allRules();
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const Rule* r, std::string_view v) { return r->meta().id < v; });
  return it != rules.end() && (*it)->meta().id == id ? *it : nullptr;
}

}  // namespace tfguard::rules
