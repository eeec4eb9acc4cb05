// `tfguard check --changed` through engine::runCheck: only the affected
// environments are evaluated and reported, findings of no environment only
// in the changed files, a config change is a full check, nothing affected is
// a clean and empty run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "report/report.h"
#include "temp_repository.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

class CheckChangedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // dev and prod call modules/m; prod's tfvars misses `size` and sets an
    // undeclared variable; broken/ is a root with a syntax error.
    write("modules/m/main.tf", "variable \"size\" {\n  type = number\n}\noutput \"s\" {\n  value = var.size\n}\n");
    for (const char* env : {"dev", "prod"}) {
      write(std::string("environments/") + env + "/main.tf",
            "variable \"size\" {\n  type = number\n}\nmodule \"m\" {\n  source = \"../../modules/m\"\n  size   = var.size\n}\n");
    }
    write("environments/dev/terraform.tfvars", "size = 1\n");
    write("environments/prod/terraform.tfvars", "colour = \"blue\"\n");
    write("broken/main.tf", "variable \"x\" {\n  type = \n}\n");
    write("README.md", "# infra\n");
  }
  void write(const std::string& rel, const std::string& text) { repo_.write(rel, text); }
  /// A --changed check of the tree with only the `only` rules.
  static CheckOptions changedOptions(std::vector<fs::path> changed, std::vector<std::string> only) {
    CheckOptions options;
    options.paths = {"."};
    options.today = "2026-06-01";
    options.only = std::move(only);
    options.changed_files = std::move(changed);
    options.changed_only = true;
    return options;
  }
  CheckResult run(const CheckOptions& options, settings::Settings settings = {}) {
    settings.dir = dir_;
    return runCheck(options, settings);
  }
  CheckResult check(std::vector<fs::path> changed, settings::Settings settings = {}) {
    return run(changedOptions(std::move(changed), {"missing-required-variable", "undeclared-variable", "syntax"}),
               std::move(settings));
  }
  /// "RULE [ENV] FILE" per finding.
  static std::vector<std::string> found(const CheckResult& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.report.findings)
      out.push_back(f.rule + " [" + f.environment + "] " + (f.location.file ? f.location.file->path() : "") +
                    (f.location.file && f.environment.size() ? ":" + std::to_string(f.location.file->lines().position(f.location.range.begin).line) : ""));
    return out;
  }

  test_support::TempRepository repo_{"check-changed"};
  const fs::path& dir_ = repo_.dir();
};

TEST_F(CheckChangedTest, ModuleChangeChecksEveryEnvironmentThatCallsIt) {
  // The module now requires `zone`, which neither caller sets.
  write("modules/m/main.tf",
        "variable \"size\" {\n  type = number\n}\nvariable \"zone\" {\n  type = string\n}\n"
        "output \"s\" {\n  value = var.size\n}\n");
  CheckResult r = check({"modules/m/main.tf"});
  ASSERT_NE(r.exit_code, 2) << r.error;
  EXPECT_EQ(r.affected_environments, 2u);
  EXPECT_EQ(r.report.summary.environments, 2u);
  // Both environments reach the module only through its module block: each
  // is checked in the module's part, which holds the module block's
  // findings. prod's own problems (its tfvars miss `size` and set an
  // undeclared variable) are not the module's and are left to a check of
  // prod; broken/'s syntax error is in a file the change did not touch.
  EXPECT_EQ(found(r), (std::vector<std::string>{"missing-required-variable [dev] environments/dev/main.tf:4",
                                                 "missing-required-variable [prod] environments/prod/main.tf:4"}));
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(r.focus.size(), 2u);
  EXPECT_EQ(r.focus[0].environment, "dev");
  EXPECT_EQ(r.focus[0].instance_paths, std::vector<std::string>{"module.m"});
  EXPECT_EQ(r.focus[0].module_dirs, std::vector<std::string>{"modules/m"});
}

TEST_F(CheckChangedTest, RootChangeChecksTheWholeEnvironment) {
  // A change in prod's root module: all of prod, with its own problems.
  CheckResult r = check({"environments/prod/main.tf"});
  ASSERT_NE(r.exit_code, 2) << r.error;
  EXPECT_EQ(r.affected_environments, 1u);
  EXPECT_TRUE(r.focus.empty());
  EXPECT_EQ(found(r), (std::vector<std::string>{"missing-required-variable [prod] environments/prod/main.tf:1",
                                                 "undeclared-variable [prod] environments/prod/terraform.tfvars:1"}));
}

TEST_F(CheckChangedTest, ModuleChangeCoversTheModulesInstancesAndNothingElse) {
  // m calls n; the root also declares a resource of its own. A change in m
  // covers m's instance and everything below it (n's resource), not the
  // root's resource, nor another module's.
  write("modules/n/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"n\"\n}\n");
  write("modules/m/main.tf",
        "variable \"size\" {\n  type = number\n}\nmodule \"n\" {\n  source = \"../n\"\n}\n"
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"m\"\n}\n");
  write("modules/other/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"o\"\n}\n");
  write("environments/dev/main.tf",
        "variable \"size\" {\n  type = number\n}\nmodule \"m\" {\n  source = \"../../modules/m\"\n  size   = var.size\n}\n"
        "module \"other\" {\n  source = \"../../modules/other\"\n}\n"
        "resource \"aws_s3_bucket\" \"root\" {\n  bucket = \"r\"\n}\n");
  CheckOptions options = changedOptions({"modules/m/main.tf"}, {"s3-versioning"});
  options.environments = {"dev"};
  CheckResult r = run(options);
  ASSERT_NE(r.exit_code, 2) << r.error;
  std::vector<std::string> resources;
  for (const Finding& f : r.report.findings) resources.push_back(f.resource);
  std::sort(resources.begin(), resources.end());
  EXPECT_EQ(resources, (std::vector<std::string>{"module.m.aws_s3_bucket.b", "module.m.module.n.aws_s3_bucket.b"}));
  // The whole environment has four buckets without versioning.
  options.changed_files.clear();
  options.changed_only = false;
  CheckResult all = run(options);
  EXPECT_EQ(std::count_if(all.report.findings.begin(), all.report.findings.end(),
                          [](const Finding& f) { return f.rule == "s3-versioning"; }),
            4);
}

TEST_F(CheckChangedTest, EnvIsolationInAModulesPartComparesItWithEverythingElse) {
  // The module's subnet id is also hard-coded in dev's root; dev and prod
  // share a security group id in their roots only, and a bucket name in
  // the module and prod's root. A change in the module reports what its
  // instances share with the rest, with the rest's places, and nothing
  // between the roots.
  write("modules/m/main.tf",
        "variable \"size\" {\n  type = number\n}\n"
        "resource \"aws_instance\" \"a\" {\n  subnet_id = \"subnet-0a1b2c3d\"\n}\n"
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"shared-logs\"\n}\n");
  const char* module_block = "variable \"size\" {\n  type = number\n}\nmodule \"m\" {\n  source = \"../../modules/m\"\n  size   = var.size\n}\n";
  write("environments/dev/main.tf", std::string(module_block) +
                                        "resource \"aws_instance\" \"root\" {\n  subnet_id = \"subnet-0a1b2c3d\"\n"
                                        "  vpc_security_group_ids = [\"sg-0123abcd\"]\n}\n");
  write("environments/prod/main.tf", std::string(module_block) +
                                         "resource \"aws_instance\" \"root\" {\n  vpc_security_group_ids = [\"sg-0123abcd\"]\n}\n"
                                         "resource \"aws_s3_bucket\" \"root\" {\n  bucket = \"shared-logs\"\n}\n");
  write("environments/prod/terraform.tfvars", "size = 2\n");
  CheckOptions options = changedOptions({"modules/m/main.tf"}, {"env-isolation"});
  CheckResult r = run(options);
  ASSERT_NE(r.exit_code, 2) << r.error;
  std::vector<std::string> got;
  for (const Finding& f : r.report.findings) {
    std::string related;
    for (const RelatedLocation& l : f.related)
      related += " | " + (l.location.file ? l.location.file->path() : "") + " " + l.message;
    got.push_back("[" + f.environment + "] " + f.resource + ": " + f.summary + related);
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{
                     "[dev] module.m.aws_instance.a: the literal id subnet-0a1b2c3d is used in environments dev and prod",
                     "[dev] module.m.aws_s3_bucket.b: aws_s3_bucket bucket \"shared-logs\" is the same in environments "
                     "dev and prod (no environment in the name; bucket names are global)"
                     " | environments/prod/main.tf aws_s3_bucket.root in environment prod",
                     "[prod] module.m.aws_instance.a: the literal id subnet-0a1b2c3d is used in environments dev and prod"
                     " | environments/dev/main.tf aws_instance.root in environment dev",
                     "[prod] module.m.aws_s3_bucket.b: aws_s3_bucket bucket \"shared-logs\" is the same in environments "
                     "dev and prod (no environment in the name; bucket names are global)"}))
      << ::testing::PrintToString(got);
  // A full check also finds what only the roots share.
  options.changed_files.clear();
  options.changed_only = false;
  CheckResult all = run(options);
  std::vector<std::string> resources;
  for (const Finding& f : all.report.findings)
    if (f.environment == "prod" && !f.resource.empty()) resources.push_back(f.resource);
  std::sort(resources.begin(), resources.end());
  EXPECT_EQ(resources, (std::vector<std::string>{"aws_instance.root", "aws_s3_bucket.root", "module.m.aws_instance.a",
                                                 "module.m.aws_s3_bucket.b"}));
}

TEST_F(CheckChangedTest, TfvarsChangeChecksOnlyItsEnvironment) {
  CheckResult r = check({"environments/dev/terraform.tfvars"});
  EXPECT_EQ(r.affected_environments, 1u);
  EXPECT_EQ(r.report.summary.environments, 1u);
  EXPECT_TRUE(found(r).empty()) << found(r)[0];
  EXPECT_EQ(r.exit_code, 0);
}

TEST_F(CheckChangedTest, SyntaxErrorIsReportedInTheChangedFile) {
  CheckResult r = check({"broken/main.tf"});
  EXPECT_EQ(found(r), (std::vector<std::string>{"syntax [] broken/main.tf"}));
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(CheckChangedTest, NothingAffectedIsACleanEmptyRun) {
  for (std::vector<fs::path> changed : {std::vector<fs::path>{"README.md"}, std::vector<fs::path>{}}) {
    CheckResult r = check(changed);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.affected_environments, 0u);
    EXPECT_TRUE(r.report.findings.empty());
    EXPECT_EQ(r.report.summary.environments, 0u);
    std::ostringstream json;
    report::makePrinter("json", {})->print(r.report, json);
    EXPECT_NE(json.str().find("\"findings\": []"), std::string::npos) << json.str();
  }
}

TEST_F(CheckChangedTest, ProjectRulesStillSeeAChangedFileOfNoEnvironment) {
  // A state file affects no environment; state-file-in-repo reports it where it is.
  write("environments/prod/terraform.tfstate", "{}");
  CheckResult r = run(changedOptions({"environments/prod/terraform.tfstate"}, {"state-file-in-repo"}));
  EXPECT_EQ(r.affected_environments, 0u);
  EXPECT_EQ(found(r), (std::vector<std::string>{"state-file-in-repo [] environments/prod/terraform.tfstate"}));
  EXPECT_TRUE(found(run(changedOptions({"README.md"}, {"state-file-in-repo"}))).empty());
}

TEST_F(CheckChangedTest, ProjectRulesLookOnlyAtTheChangedFilesDirectories) {
  // A secret in prod's tfvars (for a sensitive root variable) and one in
  // the module: each is reported by a change of its own file only.
  write("environments/prod/main.tf",
        "variable \"size\" {\n  type = number\n}\nvariable \"db_password\" {\n  type      = string\n"
        "  sensitive = true\n}\nmodule \"m\" {\n  source = \"../../modules/m\"\n  size   = var.size\n}\n");
  write("environments/prod/terraform.tfvars", "size = 1\ndb_password = \"Sup3r-S3cret-Passw0rd\"\n");
  write("modules/m/main.tf",
        "variable \"size\" {\n  type = number\n}\nprovider \"aws\" {\n"
        "  access_key = \"AKIAIOSFODNN7EXAMPLE\"\n}\n");
  auto secrets = [&](std::vector<fs::path> changed) {
    return found(run(changedOptions(std::move(changed), {"hardcoded-secret"})));
  };
  EXPECT_EQ(secrets({"environments/prod/terraform.tfvars"}),
            (std::vector<std::string>{"hardcoded-secret [] environments/prod/terraform.tfvars"}));
  EXPECT_EQ(secrets({"modules/m/main.tf"}), (std::vector<std::string>{"hardcoded-secret [] modules/m/main.tf"}));
  EXPECT_EQ(secrets({"environments/prod/terraform.tfvars", "modules/m/main.tf"}),
            (std::vector<std::string>{"hardcoded-secret [] environments/prod/terraform.tfvars",
                                      "hardcoded-secret [] modules/m/main.tf"}));
}

TEST_F(CheckChangedTest, ConfigChangeIsAFullCheck) {
  write(".tfguard.hcl", "");
  settings::Settings settings;
  settings.file = dir_ / ".tfguard.hcl";
  CheckResult r = check({".tfguard.hcl"}, settings);
  EXPECT_EQ(r.affected_environments, 3u);
  EXPECT_EQ(found(r), (std::vector<std::string>{"syntax [] broken/main.tf",
                                                 "missing-required-variable [prod] environments/prod/main.tf:1",
                                                 "undeclared-variable [prod] environments/prod/terraform.tfvars:1"}));
}

TEST_F(CheckChangedTest, WithoutChangedFilesEverythingIsChecked) {
  CheckOptions options;
  options.paths = {"."};
  options.only = {"missing-required-variable", "undeclared-variable", "syntax"};
  settings::Settings settings;
  settings.dir = dir_;
  CheckResult r = runCheck(options, settings);
  EXPECT_FALSE(r.affected_environments.has_value());
  EXPECT_EQ(r.report.summary.environments, 3u);
  EXPECT_EQ(r.report.findings.size(), 3u);
}

}  // namespace
}  // namespace tfguard::engine
