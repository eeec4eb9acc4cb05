// --changed: which environments a set of changed files affects
// (engine/changed_files.h), over one small tree made in a temporary
// directory: two layout environments sharing modules, and a root deployed
// twice with env files.
#include "engine/changed_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "temp_repository.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

class ChangedFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // environments/{prod,staging} → modules/app → modules/net; prod also
    // calls modules/dns. service/ is deployed as blue and green.
    write("modules/net/main.tf", "resource \"aws_vpc\" \"this\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
    write("modules/app/main.tf",
          "module \"net\" {\n  source = \"../net\"\n}\n"
          "locals {\n  user_data = file(\"${path.module}/templates/user_data.sh\")\n}\n");
    write("modules/app/templates/user_data.sh", "#!/bin/sh\n");
    write("modules/app/README.md", "# app\n");
    write("modules/dns/main.tf", "resource \"aws_route53_zone\" \"this\" {\n  name = \"example.com\"\n}\n");
    write("environments/prod/main.tf",
          "module \"app\" {\n  source = \"../../modules/app\"\n}\nmodule \"dns\" {\n  source = \"../../modules/dns/\"\n}\n");
    write("environments/prod/terraform.tfvars", "");
    write("environments/prod/backend.hcl", "key = \"prod.tfstate\"\n");
    write("environments/prod/.terraform/modules/vpc/main.tf", "");
    write("environments/staging/main.tf", "module \"app\" {\n  source = \"../../modules/app\"\n}\n");
    write("environments/staging/terraform.tfvars", "");
    write("service/main.tf", "variable \"colour\" {\n  type = string\n}\n");
    write("service/deployments/env-blue", "export TF_VAR_colour=blue\n");
    write("service/deployments/env-green", "export TF_VAR_colour=green\n");
    write("policies/tags.hcl", "");
    write(".tfguard.hcl", "");

    project_ = loader::Project::load(std::vector<fs::path>{"."}, settings_);
    Findings findings;
    envs_ = loader::discoverEnvironments(project_->rootModules(), settings_, findings);
  }
  void write(const std::string& rel, const std::string& text) { repo_.write(rel, text); }

  /// The names of the affected environments, space-separated, in order.
  std::string affected(std::vector<fs::path> changed) {
    RunInputs inputs;
    inputs.config_file = dir_ / ".tfguard.hcl";
    inputs.policy_dirs = {dir_ / "policies"};
    ChangeImpact impact = affectedEnvironments(*project_, envs_, changed, inputs);
    std::string out = impact.everything ? "everything:" : "";
    auto add = [&](const std::string& name) { out += (out.empty() || out.back() == ':' ? "" : " ") + name; };
    for (size_t i = 0; i < envs_.size(); ++i)
      if (impact.affected[i]) add(envs_[i].name);
    return out;
  }

  /// "ENV ... | MODULE ...": the environments affected only through the
  /// changed modules (checked in part), then those modules.
  std::string partial(std::vector<fs::path> changed) {
    ChangeImpact impact = affectedEnvironments(*project_, envs_, changed, RunInputs{});
    std::string out;
    for (size_t i = 0; i < envs_.size(); ++i)
      if (impact.affected[i] && !impact.whole[i]) out += envs_[i].name + " ";
    out += "|";
    for (const fs::path& m : impact.modules) out += " " + m.lexically_relative(dir_).generic_string();
    return out;
  }

  test_support::TempRepository repo_{"changed"};
  const fs::path& dir_ = repo_.dir();
  settings::Settings settings_;
  std::shared_ptr<loader::Project> project_;
  std::vector<loader::EnvironmentSpec> envs_;
};

TEST_F(ChangedFilesTest, TheTreeHasFourEnvironments) {
  std::string names;
  for (const auto& e : envs_) names += e.name + " ";
  EXPECT_EQ(names, "prod staging blue green ");
}

TEST_F(ChangedFilesTest, RootFileAffectsItsEnvironments) {
  EXPECT_EQ(affected({"environments/staging/main.tf"}), "staging");
  EXPECT_EQ(affected({"service/main.tf"}), "blue green");
}

TEST_F(ChangedFilesTest, ModuleAffectsEveryRootThatCallsIt) {
  EXPECT_EQ(affected({"modules/app/main.tf"}), "prod staging");
}

TEST_F(ChangedFilesTest, ModuleAffectsRootsThroughAChainOfModules) {
  EXPECT_EQ(affected({"modules/net/main.tf"}), "prod staging");
}

TEST_F(ChangedFilesTest, ModuleUsedByOneRootAffectsOnlyIt) {
  // The call's source ends in a separator; a new file (not on disk) counts too.
  EXPECT_EQ(affected({"modules/dns/variables.tf"}), "prod");
  EXPECT_EQ(affected({"modules/dns/outputs.tf.json"}), "prod");
}

TEST_F(ChangedFilesTest, ModuleAffectsItsCallersInPart) {
  // Callers reached through a module are checked in that module's part;
  // the module directory listed is the changed one, not its callers.
  EXPECT_EQ(partial({"modules/net/main.tf"}), "prod staging | modules/net");
  EXPECT_EQ(partial({"modules/app/templates/user_data.sh"}), "prod staging | modules/app");
  // A root file, a tfvars file, an installed module: the whole environment.
  EXPECT_EQ(partial({"environments/staging/main.tf"}), "| environments/staging");
  EXPECT_EQ(partial({"environments/staging/terraform.tfvars"}), "|");
  EXPECT_EQ(partial({"environments/prod/.terraform/modules/vpc/main.tf"}), "|");
  // A module change with a tfvars change of one caller: that caller whole.
  EXPECT_EQ(partial({"modules/app/main.tf", "environments/staging/terraform.tfvars"}), "prod | modules/app");
}

TEST_F(ChangedFilesTest, TfvarsAffectsOnlyItsEnvironment) {
  EXPECT_EQ(affected({"environments/staging/terraform.tfvars"}), "staging");
}

TEST_F(ChangedFilesTest, UnusedTfvarsAffectsNothing) {
  EXPECT_EQ(affected({"environments/staging/other.tfvars"}), "");
}

TEST_F(ChangedFilesTest, EnvFileAffectsOnlyItsEnvironment) {
  EXPECT_EQ(affected({"service/deployments/env-green"}), "green");
}

TEST_F(ChangedFilesTest, BackendConfigAffectsOnlyItsEnvironment) {
  EXPECT_EQ(affected({"environments/prod/backend.hcl"}), "prod");
}

TEST_F(ChangedFilesTest, InstalledModuleAffectsTheRootItIsInstalledIn) {
  EXPECT_EQ(affected({"environments/prod/.terraform/modules/vpc/main.tf"}), "prod");
  EXPECT_EQ(affected({"environments/prod/.terraform/modules/modules.json"}), "prod");
}

TEST_F(ChangedFilesTest, TemplateAffectsTheModulesThatNameIt) {
  EXPECT_EQ(affected({"modules/app/templates/user_data.sh"}), "prod staging");
}

TEST_F(ChangedFilesTest, ConfigOrPolicyFileAffectsEverything) {
  EXPECT_EQ(affected({".tfguard.hcl"}), "everything:prod staging blue green");
  EXPECT_EQ(affected({"README.md", "policies/tags.hcl"}), "everything:prod staging blue green");
}

TEST_F(ChangedFilesTest, UnrelatedFilesAffectNothing) {
  EXPECT_EQ(affected({"modules/app/README.md"}), "");
  EXPECT_EQ(affected({"README.md", "deleted/gone.txt"}), "");
  EXPECT_EQ(affected({"/nonexistent-tfguard-dir/main.tf"}), "");  // outside the scanned tree
  EXPECT_EQ(affected({}), "");
}

TEST_F(ChangedFilesTest, SeveralFilesAddUp) {
  EXPECT_EQ(affected({"modules/dns/main.tf", "service/deployments/env-blue"}), "prod blue");
}

TEST_F(ChangedFilesTest, PathsAreRelativeToTheCurrentDirectory) {
  EXPECT_EQ(affected({dir_ / "modules/dns/main.tf"}), "prod");
  EXPECT_EQ(affected({"./modules//dns/../dns/main.tf"}), "prod");
  fs::current_path(dir_ / "environments");
  EXPECT_EQ(affected({"../modules/dns/main.tf"}), "prod");
  EXPECT_EQ(affected({"staging/terraform.tfvars"}), "staging");
}

TEST_F(ChangedFilesTest, ModuleThatNoCheckedEnvironmentCallsAffectsNothing) {
  // As with --env staging: prod, the only caller of modules/dns, is not checked.
  std::erase_if(envs_, [](const loader::EnvironmentSpec& e) { return e.name != "staging"; });
  EXPECT_EQ(affected({"modules/dns/main.tf"}), "");
  EXPECT_EQ(affected({"modules/app/main.tf"}), "staging");
}

}  // namespace
}  // namespace tfguard::engine
