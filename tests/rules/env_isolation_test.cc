// env-isolation on the fixtures of testdata/rules/env-isolation, loaded and
// evaluated like the engine does, with a small RuleContext per environment.
#include "cross_env_rule_runner.h"

namespace tfguard::rules {
namespace {


std::unique_ptr<Rule> rule() { return makeEnvIsolationRule(); }

TEST(EnvIsolationRule, Meta) {
  auto r = rule();
  EXPECT_EQ(r->meta().id, "env-isolation");
  EXPECT_EQ(r->meta().default_severity, Severity::kError);
  EXPECT_EQ(r->meta().scope, RuleScope::kCrossEnvironment);
}

TEST(EnvIsolationRule, SharedStateBetweenLayoutEnvironments) {
  RuleRun run = runRule(*rule(), "env-isolation/shared-state");
  EXPECT_EQ(run.findings,
              (V{"dev: terraform/environments/dev/main.tf:4: environments dev and production share the state "
                          "location s3://acme-terraform-state/app/terraform.tfstate",
                          "production: terraform/environments/production/main.tf:4: environments dev and production "
                          "share the state location s3://acme-terraform-state/app/terraform.tfstate"}));
  EXPECT_EQ(run.related, (V{"dev: terraform/environments/production/main.tf:4: the state of environment production",
                                       "production: terraform/environments/dev/main.tf:4: the state of environment dev"}));
  EXPECT_TRUE(run.undecided.empty());
}

TEST(EnvIsolationRule, SharedStateThroughPartialBackendFiles) {
  RuleRun run = runRule(*rule(), "env-isolation/partial-backend");
  EXPECT_EQ(run.findings,
              (V{"dev: app/main.tf:2: environments dev and prod share the state location "
                          "s3://acme-terraform-state/app/terraform.tfstate",
                          "prod: app/main.tf:2: environments dev and prod share the state location "
                          "s3://acme-terraform-state/app/terraform.tfstate"}));
}

TEST(EnvIsolationRule, ReadingAnotherEnvironmentsState) {
  RuleRun run = runRule(*rule(), "env-isolation/remote-state-read");
  EXPECT_EQ(run.findings, (V{"staging: environments/staging/main.tf:13: environment staging reads the state of "
                                        "environment production (s3://acme-terraform-state/app/production.tfstate)"}));
  EXPECT_EQ(run.related, (V{"staging: environments/production/main.tf:4: the state of environment production"}));
}

TEST(EnvIsolationRule, LiteralIdsInTwoEnvironments) {
  RuleRun run = runRule(*rule(), "env-isolation/literal-ids");
  EXPECT_EQ(run.findings,
              (V{"dev: environments/dev/main.tf:18: the literal id sg-0123abcd is used in environments dev and production",
                          "dev: modules/network/main.tf:6: the literal id subnet-0a1b2c3d is used in environments dev and production",
                          "production: environments/production/main.tf:18: the literal id sg-0123abcd is used in "
                          "environments dev and production",
                          "production: modules/network/main.tf:6: the literal id subnet-0a1b2c3d is used in environments "
                          "dev and production"}));
}

TEST(EnvIsolationRule, EqualNamesInTheSameAccount) {
  RuleRun run = runRule(*rule(), "env-isolation/same-names");
  EXPECT_EQ(run.findings,
              (V{"dev: environments/dev/main.tf:16: aws_s3_bucket bucket \"acme-app-logs\" is the same in "
                          "environments dev and production (no environment in the name; bucket names are global)",
                          "production: environments/production/main.tf:16: aws_s3_bucket bucket \"acme-app-logs\" is the "
                          "same in environments dev and production (no environment in the name; bucket names are global)"}));
}

TEST(EnvIsolationRule, ProductionWithLocalBackend) {
  RuleRun run = runRule(*rule(), "env-isolation/production-local");
  EXPECT_EQ(run.findings, (V{"production: environments/production/main.tf:2: production environment production "
                                        "keeps its state in a local backend"}));
}

TEST(EnvIsolationRule, IsolatedEnvironmentsPass) {
  RuleRun run = runRule(*rule(), "env-isolation/isolated");
  EXPECT_TRUE(run.findings.empty()) << ::testing::PrintToString(run.findings);
  EXPECT_TRUE(run.undecided.empty()) << ::testing::PrintToString(run.undecided);
}

}  // namespace
}  // namespace tfguard::rules
