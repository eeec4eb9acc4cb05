// Discovery and loading: file classes, excludes, root modules, module sources.
#include "loader/project.h"

#include <gtest/gtest.h>

#include <fstream>

namespace tfguard::loader {
namespace {

namespace fs = std::filesystem;

TEST(GlobMatch, SegmentsAndDoubleStar) {
  EXPECT_TRUE(globMatch("**/examples/**", "modules/vpc/examples"));
  EXPECT_TRUE(globMatch("**/examples/**", "examples/simple/main.tf"));
  EXPECT_TRUE(globMatch("**/examples/**", "examples"));
  EXPECT_FALSE(globMatch("**/examples/**", "modules/examples2"));
  EXPECT_TRUE(globMatch("legacy/*", "legacy/old"));
  EXPECT_FALSE(globMatch("legacy/*", "legacy/old/main.tf"));
  EXPECT_TRUE(globMatch("*.tf", "main.tf"));
  EXPECT_FALSE(globMatch("*.tf", "dir/main.tf"));
  EXPECT_TRUE(globMatch("**/*.tf", "dir/sub/main.tf"));
  EXPECT_TRUE(globMatch("env?/x", "env1/x"));
  EXPECT_FALSE(globMatch("env?/x", "env/x"));
}

TEST(ClassifyFile, ByName) {
  EXPECT_EQ(classifyFile("a/main.tf"), FileKind::kConfig);
  EXPECT_EQ(classifyFile("main.tf.json"), FileKind::kConfigJson);
  EXPECT_EQ(classifyFile("prod.tfvars"), FileKind::kVars);
  EXPECT_EQ(classifyFile("prod.tfvars.json"), FileKind::kVarsJson);
  EXPECT_EQ(classifyFile("x.tftest.hcl"), FileKind::kTest);
  EXPECT_EQ(classifyFile("backend-prod.hcl"), FileKind::kHcl);
  EXPECT_EQ(classifyFile("prod.s3.tfbackend"), FileKind::kHcl);
  EXPECT_EQ(classifyFile("terraform.tfstate"), FileKind::kStateFile);
  EXPECT_EQ(classifyFile("terraform.tfstate.backup"), FileKind::kStateFile);
  EXPECT_EQ(classifyFile("user-data.sh"), FileKind::kOther);
}

class ProjectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tfguard-project-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / ".git");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  std::vector<std::string> rel(std::span<const fs::path> paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) out.push_back(p.lexically_relative(dir_).generic_string());
    return out;
  }
  fs::path dir_;
};

TEST_F(ProjectTest, RootsAreModulesNoOneCalls) {
  write("modules/web/main.tf", "variable \"x\" {}\n");
  write("environments/dev/main.tf", "module \"web\" {\n  source = \"../../modules/web\"\n}\n");
  write("environments/prod/main.tf", "module \"web\" {\n  source = \"../../modules/web/\"\n}\n");
  write("environments/prod/.terraform/modules/x/main.tf", "resource \"a\" \"b\" {}\n");
  write("legacy/old/main.tf", "resource \"a\" \"b\" {}\n");
  write("state/terraform.tfstate", "{}");
  settings::Settings settings;
  settings.dir = dir_;
  settings.file = dir_ / ".tfguard.hcl";
  settings.exclude = {"legacy/**"};
  std::vector<fs::path> paths{dir_};
  auto project = Project::load(paths, settings);
  EXPECT_EQ(rel(project->rootModules()), (std::vector<std::string>{"environments/dev", "environments/prod"}));
  EXPECT_EQ(rel(project->moduleDirs()),
            (std::vector<std::string>{"environments/dev", "environments/prod", "modules/web"}));
  EXPECT_EQ(rel(project->stateFiles()), std::vector<std::string>{"state/terraform.tfstate"});
  EXPECT_TRUE(project->findings().empty());
}

TEST_F(ProjectTest, ModuleSourcesLocalInstalledUnresolved) {
  write("root/main.tf", "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n");
  write("root/.terraform/modules/modules.json",
        R"({"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.0.0","Dir":".terraform/modules/vpc"}]})");
  write("root/.terraform/modules/vpc/main.tf", "output \"vpc_id\" {\n  value = \"vpc-1\"\n}\n");
  write("shared/net/main.tf", "");
  settings::Settings settings;
  std::vector<fs::path> paths{dir_};
  auto project = Project::load(paths, settings);
  fs::path root = dir_ / "root";
  ModuleSource installed = project->resolveModuleSource(root, "vpc", root, "terraform-aws-modules/vpc/aws");
  EXPECT_EQ(installed.kind, ModuleSource::Kind::kInstalled);
  EXPECT_EQ(installed.dir, root / ".terraform/modules/vpc");
  ASSERT_NE(project->module(installed.dir), nullptr);
  EXPECT_EQ(project->module(installed.dir)->outputs.size(), 1u);

  ModuleSource local = project->resolveModuleSource(root, "net", root, "../shared/net");
  EXPECT_EQ(local.kind, ModuleSource::Kind::kLocal);
  EXPECT_EQ(local.dir, dir_ / "shared/net");

  ModuleSource missing = project->resolveModuleSource(root, "x", root, "./nope");
  EXPECT_EQ(missing.kind, ModuleSource::Kind::kUnresolved);
  EXPECT_NE(missing.note.find("does not exist"), std::string::npos);

  ModuleSource remote = project->resolveModuleSource(root, "other", root, "git::https://example.com/m.git?ref=v1");
  EXPECT_EQ(remote.kind, ModuleSource::Kind::kUnresolved);
  EXPECT_NE(remote.note.find("not installed"), std::string::npos);
}

TEST_F(ProjectTest, ASourceEndingInASeparatorIsACall) {
  // The terraform-aws-modules idiom: examples call the repository's root module as "../../".
  write("main.tf", "variable \"x\" {}\n");
  write("examples/complete/main.tf", "module \"this\" {\n  source = \"../../\"\n  x      = 1\n}\n");
  write("examples/other/main.tf", "module \"this\" {\n  source = \"../..\"\n  x      = 1\n}\n");
  settings::Settings settings;
  settings.dir = dir_;
  std::vector<fs::path> paths{dir_};
  auto project = Project::load(paths, settings);
  EXPECT_EQ(rel(project->rootModules()), (std::vector<std::string>{"examples/complete", "examples/other"}));
}

TEST_F(ProjectTest, ReadsStayInsideTheConfinementRoot) {
  write("a/main.tf", "");
  settings::Settings settings;
  std::vector<fs::path> paths{dir_ / "a"};
  auto project = Project::load(paths, settings);
  EXPECT_EQ(project->confinementRoot(), dir_);  // the enclosing git repository
  std::string error;
  EXPECT_EQ(project->sourceFile("/etc/hostname", &error), nullptr);
  EXPECT_NE(error.find("outside the scanned tree"), std::string::npos) << error;
  EXPECT_EQ(project->sourceFile(dir_ / "a/none.sh", &error), nullptr);
  EXPECT_NE(error.find("no file exists"), std::string::npos) << error;
  // A file shared by several environments is read and parsed once.
  write("a/x.tfvars", "a = 1\n");
  auto* f1 = project->parsedFile(dir_ / "a/x.tfvars", syntax::FileSyntax::kNative, &error);
  auto* f2 = project->parsedFile(dir_ / "a/./x.tfvars", syntax::FileSyntax::kNative, &error);
  EXPECT_NE(f1, nullptr);
  EXPECT_EQ(f1, f2);
}

TEST_F(ProjectTest, SyntaxErrorsAreFindingsAndTheRestIsLoaded) {
  write("a/bad.tf", "resource \"x\" \"y\" {\n  a = \n}\n");
  write("a/good.tf", "resource \"x\" \"z\" {}\n");
  settings::Settings settings;
  std::vector<fs::path> paths{dir_};
  auto project = Project::load(paths, settings);
  ASSERT_FALSE(project->findings().empty());
  EXPECT_EQ(project->findings()[0].rule, "syntax");
  const model::Module* m = project->module(dir_ / "a");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->resource(model::ResourceMode::kManaged, "x", "z"), nullptr);
}

}  // namespace
}  // namespace tfguard::loader
