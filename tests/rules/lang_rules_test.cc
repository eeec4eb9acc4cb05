// The Terraform language rules of project scope (src/rules/lang/): their
// metadata, their documented examples (the bad one fails, the good one
// passes) and their messages. The fixtures under testdata/rules/<id>/ run
// through the engine in rule_fixtures_test.cc.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "loader/project.h"
#include "rules/registry.h"
#include "settings/settings.h"

namespace tfguard::rules {
namespace {

namespace fs = std::filesystem;

/// A ProjectContext over a loaded project that keeps what is reported.
class FakeProjectContext final : public ProjectContext {
 public:
  explicit FakeProjectContext(loader::Project& project) : project_(project) {
    for (const fs::path& dir : project.moduleDirs())
      if (const model::Module* m = project.module(dir)) modules_.push_back(m);
    for (const fs::path& dir : project.rootModules())
      if (const model::Module* m = project.module(dir)) roots_.insert(m);
  }

  std::span<const fs::path> rootModules() const override { return project_.rootModules(); }
  std::vector<const model::Module*> modules() const override { return modules_; }
  bool isRootModule(const model::Module& module) const override { return roots_.contains(&module); }
  std::span<const fs::path> stateFiles() const override { return project_.stateFiles(); }
  std::vector<const syntax::ParsedFile*> parsedFiles() const override { return project_.parsedFiles(); }
  const std::vector<EnvFileView>& envFiles() const override { return env_files_; }
  Location fileLocation(const fs::path& /*path*/) const override { return {}; }
  std::optional<eval::Value> param(std::string_view /*name*/) const override { return std::nullopt; }
  void report(RuleFinding finding) override { findings.push_back(std::move(finding)); }

  std::vector<RuleFinding> findings;

 private:
  loader::Project& project_;
  std::vector<const model::Module*> modules_;
  std::set<const model::Module*> roots_;
  std::vector<EnvFileView> env_files_;
};

/// Writes `files` into a fresh directory, loads it and runs `rule` once.
class ProjectRunner {
 public:
  std::vector<RuleFinding> run(const Rule& rule, const std::map<std::string, std::string>& files) {
    dir_ = fs::temp_directory_path() /
           ("tfguard-lang-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" + std::to_string(++runs_));
    fs::remove_all(dir_);
    for (const auto& [rel, text] : files) {
      fs::create_directories((dir_ / rel).parent_path());
      std::ofstream(dir_ / rel, std::ios::binary) << text;
    }
    settings_ = std::make_unique<settings::Settings>();
    settings_->dir = dir_;
    std::vector<fs::path> paths{dir_};
    project_ = loader::Project::load(paths, *settings_);
    FakeProjectContext ctx(*project_);
    rule.checkProject(ctx);
    return std::move(ctx.findings);
  }

  ~ProjectRunner() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

 private:
  fs::path dir_;
  int runs_ = 0;
  std::unique_ptr<settings::Settings> settings_;
  std::shared_ptr<loader::Project> project_;
};

std::vector<std::string> messages(const std::vector<RuleFinding>& findings) {
  std::vector<std::string> out;
  for (const RuleFinding& f : findings) out.push_back(f.message);
  return out;
}

struct Expected {
  std::string_view id;
  Severity severity;
};

const std::vector<Expected> kLangRules = {
    {"deprecated-interpolation", Severity::kNote}, {"module-source-pinned", Severity::kWarning},
    {"provider-version", Severity::kNote},         {"required-version", Severity::kNote},
    {"unused-declaration", Severity::kNote},       {"variable-type", Severity::kNote},
};

TEST(LangRules, MetadataIsComplete) {
  for (const Expected& want : kLangRules) {
    SCOPED_TRACE(std::string(want.id));
    const Rule* rule = findRule(want.id);
    ASSERT_NE(rule, nullptr);
    const RuleMeta& meta = rule->meta();
    EXPECT_EQ(meta.id, want.id);
    EXPECT_EQ(meta.default_severity, want.severity);
    EXPECT_EQ(meta.scope, RuleScope::kProject);
    EXPECT_EQ(meta.tags, std::vector<std::string_view>{"terraform"});
    EXPECT_FALSE(meta.summary.empty());
    EXPECT_EQ(meta.summary.find('\n'), std::string_view::npos);
    EXPECT_NE(meta.description.find("## What fails"), std::string_view::npos);
    EXPECT_NE(meta.description.find("## Why"), std::string_view::npos);
    EXPECT_TRUE(meta.bad_example.ends_with("\n"));
    EXPECT_TRUE(meta.good_example.ends_with("\n"));
    EXPECT_FALSE(meta.why_cpp.empty());
  }
}

TEST(LangRules, BadExampleFailsAndGoodExamplePasses) {
  for (const Expected& want : kLangRules) {
    SCOPED_TRACE(std::string(want.id));
    const Rule* rule = findRule(want.id);
    ASSERT_NE(rule, nullptr);
    ProjectRunner runner;
    EXPECT_FALSE(runner.run(*rule, {{"main.tf", std::string(rule->meta().bad_example)}}).empty());
    EXPECT_EQ(messages(runner.run(*rule, {{"main.tf", std::string(rule->meta().good_example)}})),
              std::vector<std::string>{});
  }
}

TEST(LangRules, Messages) {
  ProjectRunner runner;
  auto unused = runner.run(*makeUnusedDeclarationRule(),
                           {{"main.tf", "variable \"region\" {}\nlocals {\n  a = 1\n}\ndata \"aws_ami\" \"x\" {}\n"}});
  EXPECT_EQ(messages(unused), (std::vector<std::string>{"variable \"region\" is declared but never used",
                                                        "local value \"a\" is declared but never used",
                                                        "data source \"aws_ami\" \"x\" is declared but never used"}));

  auto pinned = runner.run(*makeModuleSourcePinnedRule(),
                           {{"main.tf", "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git\"\n}\n"}});
  EXPECT_EQ(messages(pinned),
            std::vector<std::string>{
                "module \"vpc\" source \"git::https://example.com/vpc.git\" is not pinned to a ref (add ?ref=v1.2.0)"});

  auto interpolation =
      runner.run(*makeDeprecatedInterpolationRule(), {{"main.tf", "locals {\n  a = \"${var.ami}\"\n}\n"}});
  EXPECT_EQ(messages(interpolation),
            std::vector<std::string>{"interpolation-only expression \"${var.ami}\": write var.ami"});

  auto typed = runner.run(*makeVariableTypeRule(), {{"main.tf", "variable \"n\" {\n  default = 3\n}\n"}});
  EXPECT_EQ(messages(typed),
            std::vector<std::string>{"variable \"n\" has no type (its default suggests type = number)"});

  auto provider = runner.run(
      *makeProviderVersionRule(),
      {{"main.tf", "terraform {\n  required_providers {\n    random = \"hashicorp/random\"\n  }\n}\n"}});
  EXPECT_EQ(messages(provider), std::vector<std::string>{"required provider \"random\" = \"hashicorp/random\" has no "
                                                         "version constraint (the string is a source address)"});
}

TEST(LangRules, RequiredVersionPointsAtTheFirstLineWithoutATerraformBlock) {
  ProjectRunner runner;
  auto findings = runner.run(*makeRequiredVersionRule(), {{"b.tf", "locals {\n  b = 1\n}\n"},
                                                          {"a.tf", "# the app\nlocals {\n  a = 1\n}\n"}});
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_TRUE(findings[0].at.file);
  EXPECT_TRUE(findings[0].at.file->path().ends_with("a.tf")) << findings[0].at.file->path();
  EXPECT_EQ(findings[0].at.range.begin, 0u);
  EXPECT_EQ(findings[0].at.range.end, 9u);  // "# the app"
}

}  // namespace
}  // namespace tfguard::rules
