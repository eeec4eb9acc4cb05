// env-drift on the fixtures of testdata/rules/env-drift, loaded and
// evaluated like the engine does, with a small RuleContext per environment.
#include "cross_env_rule_runner.h"

namespace tfguard::rules {
namespace {


std::unique_ptr<Rule> rule() { return makeEnvDriftRule(); }

TEST(EnvDriftRule, Meta) {
  auto r = rule();
  EXPECT_EQ(r->meta().id, "env-drift");
  EXPECT_EQ(r->meta().default_severity, Severity::kNote);
  EXPECT_EQ(r->meta().scope, RuleScope::kCrossEnvironment);
}

TEST(EnvDriftRule, MissingModuleDifferentVersionMissingResource) {
  RuleRun run = runRule(*rule(), "env-drift/layout");
  EXPECT_EQ(run.findings,
            (V{"production: terraform/environments/production/main.tf:18: module \"vpc\" has version \"5.1.0\" in "
               "production but \"5.4.0\" in staging",
               "production: terraform/environments/production/main.tf:21: module \"monitoring\" is called in "
               "production but not in staging",
               "production: terraform/environments/production/main.tf:26: resource aws_sns_topic.pager is declared in "
               "production but not in staging",
               "staging: terraform/environments/staging/main.tf:18: module \"vpc\" has version \"5.4.0\" in staging "
               "but \"5.1.0\" in production"}));
  EXPECT_TRUE(run.undecided.empty());
}

TEST(EnvDriftRule, AlikeRootsPass) {
  RuleRun run = runRule(*rule(), "env-drift/alike");
  EXPECT_TRUE(run.findings.empty()) << ::testing::PrintToString(run.findings);
}

TEST(EnvDriftRule, OneRootAndStacksThatAreNotEnvironmentsPass) {
  RuleRun run = runRule(*rule(), "env-drift/same-root");
  EXPECT_TRUE(run.findings.empty()) << ::testing::PrintToString(run.findings);
}

}  // namespace
}  // namespace tfguard::rules
