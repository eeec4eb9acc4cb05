// Environment discovery (SPEC §3) over the fixture trees in testdata/envs/
// and over small trees made in a temporary directory for the corner cases.
#include "loader/environments.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tfguard::loader {
namespace {

namespace fs = std::filesystem;

fs::path fixture(std::string_view name) { return fs::path(TFGUARD_TESTDATA) / "envs" / name; }

std::string_view originName(EnvironmentOrigin origin) {
  switch (origin) {
    case EnvironmentOrigin::kConfig:
      return "config";
    case EnvironmentOrigin::kLayout:
      return "layout";
    case EnvironmentOrigin::kVarFile:
      return "var-file";
    case EnvironmentOrigin::kEnvFile:
      return "env-file";
    case EnvironmentOrigin::kDirectory:
      return "directory";
  }
  return "?";
}

/// Every field of every environment, paths relative to `base`, one item a
/// line: an exact and readable expectation.
std::string describe(const std::vector<EnvironmentSpec>& specs, const fs::path& base) {
  auto rel = [&](const fs::path& p) { return p.lexically_relative(base).generic_string(); };
  std::string out;
  for (const EnvironmentSpec& spec : specs) {
    out += spec.name + " root=" + rel(spec.root) +
           " origin=" + std::string(originName(spec.origin)) +
           " tier=" + std::string(tierName(spec.tier)) + (spec.tier_explicit ? "!" : "") +
           " workspace=" + spec.workspace + (spec.config != nullptr ? " config" : "") + "\n";
    for (const fs::path& file : spec.var_files) out += "  var " + rel(file) + "\n";
    if (spec.env_file) out += "  env " + rel(*spec.env_file) + "\n";
    for (const fs::path& file : spec.backend_config) out += "  backend " + rel(file) + "\n";
  }
  return out;
}

std::string describeFindings(const Findings& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += f.rule + " " + (f.severity == Severity::kError ? "error" : "warning") + " [" +
           f.environment + "] " + f.summary + "\n";
  }
  return out;
}

/// A scratch directory tree, removed at the end of the test.
class TempTree {
 public:
  TempTree() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("tfguard-envs-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }
  fs::path write(const std::string& rel, std::string_view text = "") const {
    fs::path path = dir_ / rel;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  fs::path mkdir(const std::string& rel) const {
    fs::create_directories(dir_ / rel);
    return dir_ / rel;
  }

 private:
  fs::path dir_;
};

std::vector<EnvironmentSpec> discover(std::vector<fs::path> roots, Findings& findings,
                                      const settings::Settings& settings = {}) {
  return discoverEnvironments(roots, settings, findings);
}

// ---------------------------------------------------------------- tiers

TEST(TierTest, NamesRoundTrip) {
  for (Tier tier : {Tier::kProduction, Tier::kStaging, Tier::kDevelopment})
    EXPECT_EQ(parseTier(tierName(tier)), tier);
  EXPECT_EQ(tierName(Tier::kProduction), "production");
  EXPECT_EQ(tierName(Tier::kStaging), "staging");
  EXPECT_EQ(tierName(Tier::kDevelopment), "development");
}

TEST(TierTest, ParseIsExact) {
  EXPECT_EQ(parseTier("staging"), Tier::kStaging);
  EXPECT_EQ(parseTier("prod"), std::nullopt);
  EXPECT_EQ(parseTier("Production"), std::nullopt);
  EXPECT_EQ(parseTier(""), std::nullopt);
}

TEST(TierTest, InferFromWholeName) {
  for (const char* name : {"prod", "production", "prd", "live", "main", "PROD", "Production"})
    EXPECT_EQ(inferTier(name), Tier::kProduction) << name;
  for (const char* name : {"stage", "staging", "stg", "uat", "preprod", "UAT"})
    EXPECT_EQ(inferTier(name), Tier::kStaging) << name;
  for (const char* name : {"dev", "development", "sandbox", "test", "qa", "demo", "Dev"})
    EXPECT_EQ(inferTier(name), Tier::kDevelopment) << name;
}

TEST(TierTest, InferFromWords) {
  EXPECT_EQ(inferTier("env-stage"), Tier::kStaging);
  EXPECT_EQ(inferTier("prod-eu"), Tier::kProduction);
  EXPECT_EQ(inferTier("eu_prod"), Tier::kProduction);
  EXPECT_EQ(inferTier("us-east-1.dev"), Tier::kDevelopment);
  EXPECT_EQ(inferTier("team-a_qa"), Tier::kDevelopment);
  EXPECT_EQ(inferTier("preprod-blue"), Tier::kStaging);
  // Disagreeing words: the strictest tier.
  EXPECT_EQ(inferTier("dev-to-prod"), Tier::kProduction);
  EXPECT_EQ(inferTier("test-stage"), Tier::kStaging);
}

TEST(TierTest, InferNothing) {
  EXPECT_EQ(inferTier("feature-x"), std::nullopt);
  EXPECT_EQ(inferTier("production2"), std::nullopt);  // words, not substrings
  EXPECT_EQ(inferTier("maintenance"), std::nullopt);
  EXPECT_EQ(inferTier("devops"), std::nullopt);
  EXPECT_EQ(inferTier(""), std::nullopt);
  EXPECT_EQ(inferTier("--"), std::nullopt);
}

// ---------------------------------------------------------------- fixtures

TEST(EnvDiscoveryTest, LayoutTree) {
  fs::path base = fixture("layout-tree/terraform");
  Findings findings;
  auto specs = discover(
      {base / "environments/production", base / "environments/dev", base / "environments/staging"},
      findings);
  EXPECT_EQ(describe(specs, base),
            "dev root=environments/dev origin=layout tier=development workspace=default\n"
            "  var environments/dev/terraform.tfvars\n"
            "  var environments/dev/debug.auto.tfvars\n"
            "production root=environments/production origin=layout tier=production "
            "workspace=default\n"
            "  var environments/production/terraform.tfvars\n"
            "  backend environments/production/backend.hcl\n"
            "staging root=environments/staging origin=layout tier=staging workspace=default\n"
            "  var environments/staging/terraform.tfvars\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, TfvarsPerEnvironment) {
  fs::path base = fixture("tfvars-per-env");
  Findings findings;
  auto specs = discover({base}, findings);
  // common.tfvars is loaded by both, staging.tfvars.example by none.
  EXPECT_EQ(describe(specs, base),
            "dev root=. origin=var-file tier=development workspace=default\n"
            "  var terraform.tfvars\n"
            "  var network.auto.tfvars\n"
            "  var tags.auto.tfvars.json\n"
            "  var vars/common.tfvars\n"
            "  var vars/dev.tfvars\n"
            "  backend vars/dev.s3.tfbackend\n"
            "prod root=. origin=var-file tier=production workspace=default\n"
            "  var terraform.tfvars\n"
            "  var network.auto.tfvars\n"
            "  var tags.auto.tfvars.json\n"
            "  var vars/common.tfvars\n"
            "  var vars/prod.tfvars\n"
            "  backend vars/prod.s3.tfbackend\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, TofuEnvFiles) {
  fs::path base = fixture("tofu-env-files/terraform");
  Findings findings;
  auto specs = discover({base}, findings);
  // env.template has TF_VAR_ lines but is a template, not an environment.
  EXPECT_EQ(describe(specs, base),
            "prod root=. origin=env-file tier=production workspace=default\n"
            "  env deployments/env-prod\n"
            "  backend deployments/backend-prod.hcl\n"
            "stage root=. origin=env-file tier=staging workspace=default\n"
            "  env deployments/env-stage\n"
            "  backend deployments/backend-stage.hcl\n");
  EXPECT_EQ(describeFindings(findings), "");
}

settings::Settings configDrivenSettings() {
  // What config-driven/.tfguard.hcl says, built directly.
  settings::Settings settings;
  settings.dir = fixture("config-driven");
  settings.file = settings.dir / ".tfguard.hcl";
  settings::EnvironmentConfig eu;
  eu.name = "prod-eu";
  eu.root = "infra";
  eu.var_files = {"config/eu.tfvars"};
  eu.env_file = "config/eu.env";
  eu.backend_config = {"backend-eu.hcl"};
  settings::EnvironmentConfig us;
  us.name = "prod-us";
  us.root = "infra";
  us.var_files = {"config/us.tfvars"};
  us.backend_config = {"backend-us.hcl"};
  us.tier = "production";
  us.workspace = "us";
  settings::EnvironmentConfig sandbox;
  sandbox.name = "sandbox";
  sandbox.root = "infra";
  sandbox.var_files = {"terraform.tfvars", "sandbox.tfvars"};
  sandbox.tier = "development";
  settings.environments = {eu, us, sandbox};
  return settings;
}

TEST(EnvDiscoveryTest, ConfigDriven) {
  fs::path base = fixture("config-driven");
  settings::Settings settings = configDrivenSettings();
  Findings findings;
  auto specs = discover({base / "infra", base / "bootstrap"}, findings, settings);
  // Config blocks add to discovery: bootstrap/ is still found on its own.
  // config/eu.tfvars is relative to the config file, backend-eu.hcl and
  // sandbox.tfvars to the root; terraform.tfvars is loaded once.
  EXPECT_EQ(describe(specs, base),
            "bootstrap root=bootstrap origin=directory tier=production workspace=default\n"
            "prod-eu root=infra origin=config tier=production workspace=default config\n"
            "  var infra/terraform.tfvars\n"
            "  var config/eu.tfvars\n"
            "  env config/eu.env\n"
            "  backend infra/backend-eu.hcl\n"
            "prod-us root=infra origin=config tier=production! workspace=us config\n"
            "  var infra/terraform.tfvars\n"
            "  var config/us.tfvars\n"
            "  backend infra/backend-us.hcl\n"
            "sandbox root=infra origin=config tier=development! workspace=default config\n"
            "  var infra/terraform.tfvars\n"
            "  var infra/sandbox.tfvars\n");
  EXPECT_EQ(describeFindings(findings), "");
  ASSERT_EQ(specs.size(), 4u);
  EXPECT_EQ(specs[1].config, &settings.environments[0]);
  EXPECT_EQ(specs[3].config, &settings.environments[2]);
}

TEST(EnvDiscoveryTest, ConfigRootMatchesLoaderSpelling) {
  // The loader gave the root with a trailing slash and a "./": the config
  // environment uses that root, and the root is not discovered again.
  fs::path base = fixture("config-driven");
  settings::Settings settings = configDrivenSettings();
  settings.environments.resize(1);
  Findings findings;
  auto specs = discover({base / "./infra/"}, findings, settings);
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].name, "prod-eu");
  EXPECT_EQ(specs[0].root, base / "infra");
}

TEST(EnvDiscoveryTest, ConfigMissingFilesAreFindings) {
  TempTree tree;
  tree.write("root/main.tf");
  tree.write("root/terraform.tfvars");
  tree.write("root/present.tfvars");
  auto config_file = std::make_shared<SourceFile>(
      (tree.dir() / ".tfguard.hcl").string(), "environment \"prod\" {\n}\nenvironment \"x\" {}\n");
  settings::Settings settings;
  settings.dir = tree.dir();
  settings::EnvironmentConfig prod;
  prod.name = "prod";
  prod.root = "root";
  prod.var_files = {"missing.tfvars", "present.tfvars"};
  prod.env_file = "env-prod";
  prod.backend_config = {"backend-prod.hcl"};
  prod.tier = "prod";  // not a tier name: inferred instead
  prod.location = {config_file, {0, 18}};
  settings::EnvironmentConfig gone;
  gone.name = "gone";
  gone.root = "no-such-dir";
  gone.location = {config_file, {22, 37}};
  settings.environments = {prod, gone};

  Findings findings;
  auto specs = discover({tree.dir() / "root"}, findings, settings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "prod root=root origin=config tier=production workspace=default config\n"
            "  var root/terraform.tfvars\n"
            "  var root/present.tfvars\n");
  EXPECT_EQ(describeFindings(findings),
            "invalid-config error [prod] Unknown tier\n"
            "invalid-config error [prod] Var file not found\n"
            "invalid-config error [prod] Env file not found\n"
            "invalid-config error [prod] Backend config file not found\n"
            "invalid-config error [gone] Environment root not found\n");
  for (const Finding& f : findings) EXPECT_EQ(f.location.file, config_file);
  EXPECT_EQ(findings[1].location.range, (ByteRange{0, 18}));
  EXPECT_EQ(findings[4].location.range, (ByteRange{22, 37}));
  // The detail says where it looked.
  EXPECT_NE(findings[1].detail.find((tree.dir() / "root/missing.tfvars").generic_string()),
            std::string::npos);
  EXPECT_NE(findings[1].detail.find((tree.dir() / "missing.tfvars").generic_string()),
            std::string::npos);
}

TEST(EnvDiscoveryTest, ConfigDuplicateNameInOneRoot) {
  TempTree tree;
  tree.write("root/main.tf");
  settings::Settings settings;
  settings.dir = tree.dir();
  settings::EnvironmentConfig a;
  a.name = "prod";
  a.root = "root";
  settings::EnvironmentConfig b = a;
  b.workspace = "other";
  settings.environments = {a, b};
  Findings findings;
  auto specs = discover({tree.dir() / "root"}, findings, settings);
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].workspace, "default");
  EXPECT_EQ(describeFindings(findings), "invalid-config error [prod] Duplicate environment\n");
}

TEST(EnvDiscoveryTest, ConfigAbsolutePathsAndEnvFile) {
  TempTree tree;
  tree.write("root/main.tf");
  fs::path vars = tree.write("elsewhere/prod.tfvars");
  fs::path env = tree.write("elsewhere/prod.sh", "export AWS_PROFILE=x\n");
  settings::Settings settings;
  settings.dir = tree.dir() / "cfg";
  settings::EnvironmentConfig prod;
  prod.name = "prod";
  prod.root = (tree.dir() / "root").string();
  prod.var_files = {vars.string()};
  prod.env_file = env.string();  // a config env file needs no TF_VAR_ line
  settings.environments = {prod};
  Findings findings;
  auto specs = discover({tree.dir() / "root"}, findings, settings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "prod root=root origin=config tier=production workspace=default config\n"
            "  var elsewhere/prod.tfvars\n"
            "  env elsewhere/prod.sh\n");
  EXPECT_EQ(describeFindings(findings), "");
}

// ---------------------------------------------------------------- corner cases

TEST(EnvDiscoveryTest, AutoLoadedOrder) {
  TempTree tree;
  tree.write("r/main.tf");
  tree.write("r/b.auto.tfvars");
  tree.write("r/a.auto.tfvars.json");
  tree.write("r/terraform.tfvars.json");
  tree.write("r/terraform.tfvars");
  tree.write("r/c.auto.tfvars.example");
  tree.write("r/other.tfvars.json.bak");
  tree.mkdir("r/dir.auto.tfvars");  // a directory is not a file
  EXPECT_EQ(autoLoadedVarFiles(tree.dir() / "r"),
            (std::vector<fs::path>{
                tree.dir() / "r/terraform.tfvars", tree.dir() / "r/terraform.tfvars.json",
                tree.dir() / "r/a.auto.tfvars.json", tree.dir() / "r/b.auto.tfvars"}));
  EXPECT_TRUE(autoLoadedVarFiles(tree.dir() / "no-such").empty());
}

TEST(EnvDiscoveryTest, DirectoryRootAlone) {
  TempTree tree;
  tree.write("stacks/feature-x/main.tf");
  tree.write("stacks/qa-tools/main.tf");
  tree.write("stacks/qa-tools/backend.tfbackend");
  tree.write("stacks/qa-tools/extra.tfvars.example");
  // An env file without TF_VAR_ lines does not make an environment.
  tree.write("stacks/qa-tools/.env.local", "AWS_PROFILE=qa\n");
  Findings findings;
  auto specs =
      discover({tree.dir() / "stacks/qa-tools/", tree.dir() / "stacks/feature-x"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "feature-x root=stacks/feature-x origin=directory tier=production workspace=default\n"
            "qa-tools root=stacks/qa-tools origin=directory tier=development workspace=default\n"
            "  backend stacks/qa-tools/backend.tfbackend\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, LayoutFolderNames) {
  TempTree tree;
  for (const char* root :
       {"envs/uat", "env/sandbox", "live/eu-main", "stages/blue", "Environments/prd"})
    tree.write(std::string(root) + "/main.tf");
  Findings findings;
  auto specs =
      discover({tree.dir() / "envs/uat", tree.dir() / "env/sandbox", tree.dir() / "live/eu-main",
                tree.dir() / "stages/blue", tree.dir() / "Environments/prd"},
               findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "prd root=Environments/prd origin=layout tier=production workspace=default\n"
            "sandbox root=env/sandbox origin=layout tier=development workspace=default\n"
            "uat root=envs/uat origin=layout tier=staging workspace=default\n"
            "eu-main root=live/eu-main origin=layout tier=production workspace=default\n"
            "blue root=stages/blue origin=layout tier=production workspace=default\n");
}

TEST(EnvDiscoveryTest, LayoutRootTakesItsEnvFileAndNamedBackend) {
  TempTree tree;
  tree.write("environments/dev/main.tf");
  tree.write("environments/dev/.env.dev", "TF_VAR_size=small\n");
  tree.write("environments/dev/backend-dev.hcl");
  Findings findings;
  auto specs = discover({tree.dir() / "environments/dev"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "dev root=environments/dev origin=layout tier=development workspace=default\n"
            "  env environments/dev/.env.dev\n"
            "  backend environments/dev/backend-dev.hcl\n");
}

TEST(EnvDiscoveryTest, PerEnvironmentFilesWinOverLayoutFolderName) {
  TempTree tree;
  tree.write("envs/api/main.tf");
  tree.write("envs/api/vars/dev.tfvars");
  tree.write("envs/api/vars/prod.tfvars");
  tree.write("envs/web/main.tf");
  tree.write("envs/web/vars/web.tfvars");  // its own name: still the layout environment
  tree.write("envs/web/deployments/env-web", "TF_VAR_a=1\n");
  Findings findings;
  auto specs = discover({tree.dir() / "envs/api", tree.dir() / "envs/web"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "dev root=envs/api origin=var-file tier=development workspace=default\n"
            "  var envs/api/vars/dev.tfvars\n"
            "prod root=envs/api origin=var-file tier=production workspace=default\n"
            "  var envs/api/vars/prod.tfvars\n"
            "web root=envs/web origin=layout tier=production workspace=default\n"
            "  var envs/web/vars/web.tfvars\n"
            "  env envs/web/deployments/env-web\n");
}

TEST(EnvDiscoveryTest, SharedDeploymentsBesideTheRoot) {
  // terraform/shared is applied with ../deployments/backend-stage-agt.hcl,
  // terraform/ itself with deployments/env-*: both see the same folder.
  TempTree tree;
  tree.write("terraform/main.tf");
  tree.write("terraform/shared/main.tf");
  tree.write("terraform/deployments/env-stage", "export TF_VAR_deptype=stage\n");
  tree.write("terraform/deployments/env-prod", "export TF_VAR_deptype=prod\n");
  tree.write("terraform/deployments/backend-stage-agt.hcl");
  tree.write("terraform/deployments/backend-prod-agt.hcl");
  tree.write("terraform/deployments/backend-stage.hcl");
  Findings findings;
  auto specs = discover({tree.dir() / "terraform/shared", tree.dir() / "terraform"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "prod root=terraform origin=env-file tier=production workspace=default\n"
            "  env terraform/deployments/env-prod\n"
            "  backend terraform/deployments/backend-prod-agt.hcl\n"
            "stage root=terraform origin=env-file tier=staging workspace=default\n"
            "  env terraform/deployments/env-stage\n"
            "  backend terraform/deployments/backend-stage.hcl\n"
            "  backend terraform/deployments/backend-stage-agt.hcl\n"
            "prod root=terraform/shared origin=env-file tier=production workspace=default\n"
            "  env terraform/deployments/env-prod\n"
            "  backend terraform/deployments/backend-prod-agt.hcl\n"
            "stage root=terraform/shared origin=env-file tier=staging workspace=default\n"
            "  env terraform/deployments/env-stage\n"
            "  backend terraform/deployments/backend-stage.hcl\n"
            "  backend terraform/deployments/backend-stage-agt.hcl\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, EnvFileNameForms) {
  TempTree tree;
  tree.write("app/main.tf");
  tree.write("app/.env.qa", "TF_VAR_a=1\n");
  tree.write("app/uat.env", "export TF_VAR_a=1\n");
  tree.write("app/env/env-demo", "TF_VAR_a=1\n");
  tree.write("app/.env.example", "TF_VAR_a=1\n");            // a template
  tree.write("app/env-prod.bak", "TF_VAR_a=1\n");            // a copy
  tree.write("app/.env", "TF_VAR_a=1\n");                    // no name
  tree.write("app/deployments/env-live", "# TF_VAR_a=1\n");  // only a comment
  tree.write("deployments/prod.env", "TF_VAR_a=1\n");        // beside the root
  tree.write("deployments/backend/prod.hcl");
  tree.write("app/backends/qa.tfbackend");
  tree.write("app/uat.backend.hcl");
  Findings findings;
  auto specs = discover({tree.dir() / "app"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "demo root=app origin=env-file tier=development workspace=default\n"
            "  env app/env/env-demo\n"
            "prod root=app origin=env-file tier=production workspace=default\n"
            "  env deployments/prod.env\n"
            "  backend deployments/backend/prod.hcl\n"
            "qa root=app origin=env-file tier=development workspace=default\n"
            "  env app/.env.qa\n"
            "  backend app/backends/qa.tfbackend\n"
            "uat root=app origin=env-file tier=staging workspace=default\n"
            "  env app/uat.env\n"
            "  backend app/uat.backend.hcl\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, TfvarsAndEnvFilesMergeByName) {
  TempTree tree;
  tree.write("svc/main.tf");
  tree.write("svc/tfvars/prod.tfvars.json", "{}");
  tree.write("svc/tfvars/stage.tfvars");
  tree.write("svc/deployments/env-prod", "TF_VAR_x=1\n");
  tree.write("svc/deployments/env-local", "TF_VAR_x=1\n");
  tree.write("svc/tfvars/backend-prod.tfvars");  // a partial backend config, not an environment
  tree.write("svc/backend.hcl");                 // several environments: not for each
  Findings findings;
  auto specs = discover({tree.dir() / "svc"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "local root=svc origin=env-file tier=production workspace=default\n"
            "  env svc/deployments/env-local\n"
            "prod root=svc origin=var-file tier=production workspace=default\n"
            "  var svc/tfvars/prod.tfvars.json\n"
            "  env svc/deployments/env-prod\n"
            "  backend svc/tfvars/backend-prod.tfvars\n"
            "stage root=svc origin=var-file tier=staging workspace=default\n"
            "  var svc/tfvars/stage.tfvars\n");
}

TEST(EnvDiscoveryTest, BackendVariantsDoNotStealOtherEnvironments) {
  TempTree tree;
  tree.write("r/main.tf");
  tree.write("r/prod.tfvars");
  tree.write("r/prod-eu.tfvars");
  tree.write("r/backend-prod.hcl");
  tree.write("r/backend-prod-eu.hcl");
  tree.write("r/backend-prod-blue.hcl");
  tree.write("r/backend-production.hcl");
  tree.write("r/prod.hcl");  // not a backend name outside backend/
  Findings findings;
  auto specs = discover({tree.dir() / "r"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "prod root=r origin=var-file tier=production workspace=default\n"
            "  var r/prod.tfvars\n"
            "  backend r/backend-prod.hcl\n"
            "  backend r/backend-prod-blue.hcl\n"
            "prod-eu root=r origin=var-file tier=production workspace=default\n"
            "  var r/prod-eu.tfvars\n"
            "  backend r/backend-prod-eu.hcl\n");
}

TEST(EnvDiscoveryTest, TfvarsFolderPerEnvironment) {
  TempTree tree;
  tree.write("r/main.tf");
  tree.write("r/envs/dev/terraform.tfvars");
  tree.write("r/envs/dev/app.tfvars");
  tree.write("r/envs/dev/backend.hcl");
  tree.write("r/envs/prod/terraform.tfvars");
  tree.write("r/envs/prod/prod.s3.tfbackend");
  tree.write("r/envs/module/main.tf");  // a module folder, not an environment
  tree.write("r/envs/module/x.tfvars");
  tree.mkdir("r/envs/empty");
  Findings findings;
  auto specs = discover({tree.dir() / "r"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "dev root=r origin=var-file tier=development workspace=default\n"
            "  var r/envs/dev/terraform.tfvars\n"
            "  var r/envs/dev/app.tfvars\n"
            "  backend r/envs/dev/backend.hcl\n"
            "prod root=r origin=var-file tier=production workspace=default\n"
            "  var r/envs/prod/terraform.tfvars\n"
            "  backend r/envs/prod/prod.s3.tfbackend\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, DuplicateNamesAreDroppedWithAFinding) {
  TempTree tree;
  tree.write("r/main.tf");
  tree.write("r/dev.tfvars");
  tree.write("r/vars/dev.tfvars");
  tree.write("r/vars/dev.tfvars.json");
  tree.write("r/env-qa", "TF_VAR_a=1\n");
  tree.write("r/deployments/env-qa", "TF_VAR_a=2\n");
  Findings findings;
  auto specs = discover({tree.dir() / "r"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "dev root=r origin=var-file tier=development workspace=default\n"
            "  var r/dev.tfvars\n"
            "qa root=r origin=env-file tier=development workspace=default\n"
            "  env r/env-qa\n");
  EXPECT_EQ(describeFindings(findings),
            "invalid-config warning [dev] Duplicate environment name\n"
            "invalid-config warning [dev] Duplicate environment name\n"
            "invalid-config warning [qa] Duplicate environment name\n");
  ASSERT_EQ(findings.size(), 3u);
  ASSERT_NE(findings[0].location.file, nullptr);
  EXPECT_EQ(findings[0].location.file->path(), (tree.dir() / "r/vars/dev.tfvars").generic_string());
  EXPECT_EQ(findings[2].location.file->path(),
            (tree.dir() / "r/deployments/env-qa").generic_string());
}

TEST(EnvDiscoveryTest, SortedByRootThenNameAndRootsOnce) {
  TempTree tree;
  tree.write("b/main.tf");
  tree.write("a/main.tf");
  tree.write("a/zeta.tfvars");
  tree.write("a/alpha.tfvars");
  Findings findings;
  auto specs = discover(
      {tree.dir() / "b", tree.dir() / "a", tree.dir() / "a/", tree.dir() / "b/../a"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "alpha root=a origin=var-file tier=production workspace=default\n"
            "  var a/alpha.tfvars\n"
            "zeta root=a origin=var-file tier=production workspace=default\n"
            "  var a/zeta.tfvars\n"
            "b root=b origin=directory tier=production workspace=default\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, SymlinkLoopsAndSymlinkedFiles) {
  TempTree tree;
  tree.write("r/main.tf");
  tree.write("real/prod.tfvars");
  std::error_code ec;
  fs::create_directories(tree.dir() / "r/vars");
  fs::create_symlink(tree.dir() / "real/prod.tfvars", tree.dir() / "r/vars/prod.tfvars", ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_directory_symlink(tree.dir() / "r", tree.dir() / "r/vars/loop", ec);
  fs::create_directory_symlink(tree.dir() / "r/deployments", tree.dir() / "r/deployments", ec);
  fs::create_directory_symlink(tree.dir() / "r/env", tree.dir() / "r/env", ec);  // self loop
  tree.write("r/vars/loop2/placeholder");
  Findings findings;
  auto specs = discover({tree.dir() / "r"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "prod root=r origin=var-file tier=production workspace=default\n"
            "  var r/vars/prod.tfvars\n");
}

TEST(EnvDiscoveryTest, RootSpelledThroughSymlinksIsOneRoot) {
  // Canonical spellings are memoised per folder: a symbolic link on the
  // way, or as the folder itself, still leads to the one folder.
  TempTree tree;
  tree.write("a/main.tf");
  tree.write("a/envs/dev.tfvars");
  std::error_code ec;
  fs::create_directory_symlink(tree.dir() / "a", tree.dir() / "link", ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_directory_symlink(tree.dir(), tree.dir() / "a/up", ec);
  ASSERT_FALSE(ec) << ec.message();
  Findings findings;
  auto specs = discover({tree.dir() / "a", tree.dir() / "link", tree.dir() / "link/", tree.dir() / "a/up/link"},
                        findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "dev root=a origin=var-file tier=development workspace=default\n"
            "  var a/envs/dev.tfvars\n");
  EXPECT_EQ(describeFindings(findings), "");
}

TEST(EnvDiscoveryTest, MissingRootIsItsDirectory) {
  // The loader only gives existing roots; a vanished one is still named.
  TempTree tree;
  Findings findings;
  auto specs = discover({tree.dir() / "gone"}, findings);
  EXPECT_EQ(describe(specs, tree.dir()),
            "gone root=gone origin=directory tier=production workspace=default\n");
}

}  // namespace
}  // namespace tfguard::loader
