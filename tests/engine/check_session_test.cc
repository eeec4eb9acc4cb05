// engine::CheckSession (the language server's checks of one tree): a check
// that reuses the last load and the evaluated module instances finds
// exactly what a fresh check finds, after edits of a module, of a template
// it reads and of an environment's inputs; what is unchanged is reused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "eval/environment_eval.h"
#include "loader/environments.h"
#include "loader/project.h"
#include "temp_repository.h"

namespace tfguard::engine {
namespace {

namespace fs = std::filesystem;

class CheckSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Two environments call `web` (which renders a template into user data)
    // and `net` (a security group open to var.cidrs).
    write("modules/web/main.tf",
          "variable \"name\" {\n  type = string\n}\n"
          "resource \"aws_instance\" \"app\" {\n  ami           = \"ami-12345678\"\n"
          "  instance_type = \"t3.small\"\n"
          "  user_data     = templatefile(\"${path.module}/boot.sh\", { name = var.name })\n}\n");
    write("modules/web/boot.sh", "#!/bin/bash\ndocker run -d --restart always --name ${name} nginx\n");
    write("modules/net/main.tf",
          "variable \"cidrs\" {\n  type = list(string)\n}\n"
          "resource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n"
          "    protocol    = \"tcp\"\n    cidr_blocks = var.cidrs\n  }\n}\n");
    for (const char* env : {"dev", "prod"}) {
      write(std::string("environments/") + env + "/main.tf",
            "variable \"cidrs\" {\n  type = list(string)\n}\n"
            "module \"web\" {\n  source = \"../../modules/web\"\n  name   = \"app\"\n}\n"
            "module \"net\" {\n  source = \"../../modules/net\"\n  cidrs  = var.cidrs\n}\n");
    }
    write("environments/dev/terraform.tfvars", "cidrs = [\"10.0.0.0/8\"]\n");
    write("environments/prod/terraform.tfvars", "cidrs = [\"10.1.0.0/16\"]\n");
  }
  void write(const std::string& rel, const std::string& text) { repo_.write(rel, text); }

  CheckResult check(CheckSession* session, std::vector<fs::path> changed = {}) {
    CheckOptions options;
    options.paths = {"."};
    options.today = "2026-06-01";
    options.jobs = 2;  // parallel load and evaluation with a session (make test-tsan runs these)
    options.only = {"ssh-admin-cidr", "user-data-restart-policy", "missing-required-variable", "syntax"};
    options.changed_files = std::move(changed);
    options.session = session;
    settings::Settings settings;
    settings.dir = repo_.dir();
    CheckResult r = runCheck(options, settings);
    EXPECT_NE(r.exit_code, 2) << r.error;
    return r;
  }
  /// "RULE [ENV] FILE:LINE message" per finding.
  static std::vector<std::string> found(const CheckResult& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.report.findings)
      out.push_back(f.rule + " [" + f.environment + "] " + (f.location.file ? f.location.file->path() : "") + ":" +
                    (f.location.file ? std::to_string(f.location.file->lines().position(f.location.range.begin).line)
                                     : "") +
                    " " + f.detail);
    return out;
  }
  /// A session check and a fresh one of the tree as it is now: the same findings.
  std::vector<std::string> expectSameAsFresh(std::vector<fs::path> changed = {}) {
    std::vector<std::string> with_session = found(check(&session_, changed));
    std::vector<std::string> fresh = found(check(nullptr, changed));
    EXPECT_EQ(with_session, fresh);
    return with_session;
  }
  static bool mentions(const std::vector<std::string>& findings, std::string_view text) {
    for (const std::string& f : findings)
      if (f.find(text) != std::string::npos) return true;
    return false;
  }

  test_support::TempRepository repo_{"check-session"};
  CheckSession session_;
};

TEST_F(CheckSessionTest, ASecondCheckReusesEveryUnchangedModuleInstance) {
  CheckResult first = check(&session_);
  EXPECT_EQ(first.module_instances_reused, 0u);
  EXPECT_EQ(first.module_instances_evaluated, 4u);  // web and net in dev and prod
  CheckResult second = check(&session_);
  EXPECT_EQ(second.module_instances_reused, 4u);
  EXPECT_EQ(second.module_instances_evaluated, 0u);
  EXPECT_EQ(found(first), found(second));

  // An edit of net re-evaluates net's instances, not web's.
  write("modules/net/main.tf",
        "variable \"cidrs\" {\n  type = list(string)\n}\n"
        "resource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n"
        "    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n");
  CheckResult third = check(&session_, {"modules/net/main.tf"});
  EXPECT_EQ(third.module_instances_reused, 2u);
  EXPECT_EQ(third.module_instances_evaluated, 2u);
}

TEST_F(CheckSessionTest, AModuleEditIsSeenAsAFreshCheckSeesIt) {
  std::vector<std::string> before = expectSameAsFresh();
  EXPECT_FALSE(mentions(before, "0.0.0.0/0"));
  write("modules/net/main.tf",
        "variable \"cidrs\" {\n  type = list(string)\n}\n"
        "resource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n"
        "    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n");
  std::vector<std::string> open = expectSameAsFresh({"modules/net/main.tf"});
  EXPECT_TRUE(mentions(open, "0.0.0.0/0"));
  // And back: the instances evaluated before the edit are valid again only
  // because the text is the same, which is checked, not assumed.
  write("modules/net/main.tf",
        "variable \"cidrs\" {\n  type = list(string)\n}\n"
        "resource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n"
        "    protocol    = \"tcp\"\n    cidr_blocks = var.cidrs\n  }\n}\n");
  EXPECT_EQ(expectSameAsFresh({"modules/net/main.tf"}), before);
}

TEST_F(CheckSessionTest, AnEditedTemplateIsReadAgain) {
  std::vector<std::string> before = expectSameAsFresh();
  EXPECT_FALSE(mentions(before, "restart"));
  // Only the template changes; the module's .tf files and inputs do not.
  write("modules/web/boot.sh", "#!/bin/bash\ndocker run -d --name ${name} nginx\n");
  std::vector<std::string> after = expectSameAsFresh();
  EXPECT_TRUE(mentions(after, "restart")) << ::testing::PrintToString(after);
}

TEST_F(CheckSessionTest, ChangedInputsAreEvaluatedAgain) {
  expectSameAsFresh();
  write("environments/prod/terraform.tfvars", "cidrs = [\"0.0.0.0/0\"]\n");
  std::vector<std::string> after = expectSameAsFresh({"environments/prod/terraform.tfvars"});
  EXPECT_TRUE(mentions(after, "[prod]")) << ::testing::PrintToString(after);
  EXPECT_TRUE(mentions(after, "0.0.0.0/0"));
}

TEST_F(CheckSessionTest, ASyntaxErrorInAReusedTemplateIsStillReported) {
  write("modules/web/boot.sh", "#!/bin/bash\necho ${name\n");
  std::vector<std::string> first = expectSameAsFresh();
  ASSERT_TRUE(mentions(first, "syntax")) << ::testing::PrintToString(first);
  // The template is unchanged: web's instances are reused, and the
  // template's syntax error comes with them.
  std::vector<std::string> second = expectSameAsFresh();
  EXPECT_EQ(first, second);
}

/// A load of the working directory, after `previous` when given.
std::shared_ptr<loader::Project> loadTree(std::shared_ptr<const loader::Project> previous = nullptr) {
  settings::Settings settings;
  std::vector<fs::path> paths{"."};
  loader::LoadOptions options;
  options.previous = std::move(previous);
  return loader::Project::load(paths, settings, options);
}

TEST(ProjectReuse, UnchangedFilesAndModulesAreSharedWithThePreviousLoad) {
  test_support::TempRepository repo("project-reuse");
  repo.write("a/main.tf", "variable \"x\" {}\n");
  repo.write("b/main.tf", "variable \"y\" {}\n");
  repo.write("b/extra.tf", "locals {\n  z = 1\n}\n");
  std::shared_ptr<loader::Project> first = loadTree();
  repo.write("b/extra.tf", "locals {\n  z = 2\n}\n");
  std::shared_ptr<loader::Project> second = loadTree(first);
  fs::path a = fs::current_path() / "a", b = fs::current_path() / "b";
  EXPECT_EQ(second->module(a), first->module(a));  // a: nothing changed
  const model::Module* b1 = first->module(b);
  const model::Module* b2 = second->module(b);
  EXPECT_NE(b1, b2);  // b: one of its files changed, so its model is new
  ASSERT_EQ(b2->files.size(), 2u);
  ASSERT_EQ(b1->files.size(), 2u);
  EXPECT_NE(b1->files[0], b2->files[0]);  // extra.tf, edited
  EXPECT_EQ(b1->files[1], b2->files[1]);  // main.tf, the same
}

TEST(ProjectReuse, AFileUnchangedOnDiskSinceTheLastLoadIsNotReadAgain) {
  test_support::TempRepository repo("project-stamps");
  repo.write("a/main.tf", "variable \"x\" {}\n");
  repo.write("a/other.tf", "variable \"y\" {}\n");
  // Written an hour ago: old enough to be recognised by size and time (a
  // file written in the same clock tick as it is read never is).
  fs::path main = fs::current_path() / "a/main.tf", other = fs::current_path() / "a/other.tf";
  auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const fs::path& p : {main, other}) fs::last_write_time(p, hour_ago);
  std::shared_ptr<loader::Project> first = loadTree();
  // main.tf: other text of the same size, in place, with the old time put
  // back — what the stamp cannot see, so the previous parse is used (the
  // proof that it was not read). other.tf: rewritten with a new time.
  repo.write("a/main.tf", "variable \"w\" {}\n");
  fs::last_write_time(main, hour_ago);
  repo.write("a/other.tf", "variable \"z\" {}\n");
  std::shared_ptr<loader::Project> second = loadTree(first);
  const model::Module* m = second->module(fs::current_path() / "a");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->variable("x"), nullptr);  // main.tf as the first load read it
  EXPECT_EQ(m->variable("w"), nullptr);
  EXPECT_NE(m->variable("z"), nullptr);  // other.tf read again
  EXPECT_EQ(m->variable("y"), nullptr);
  // A fresh load reads both.
  std::shared_ptr<loader::Project> fresh = loadTree();
  const model::Module* f = fresh->module(fs::current_path() / "a");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->variable("w"), nullptr);
}

TEST(ProjectReuse, AFileWrittenJustNowIsAlwaysReadAgain) {
  test_support::TempRepository repo("project-fresh");
  repo.write("a/main.tf", "variable \"x\" {}\n");
  std::shared_ptr<loader::Project> first = loadTree();
  // The same size, within the same clock tick as likely as not: the stamp
  // of a file this fresh is not trusted, its text is compared.
  repo.write("a/main.tf", "variable \"y\" {}\n");
  std::shared_ptr<loader::Project> second = loadTree(first);
  const model::Module* m = second->module(fs::current_path() / "a");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->variable("y"), nullptr);
}

TEST(EvaluationCacheAcrossLoads, AValidatedEntryLetsTheProjectItCameFromGo) {
  test_support::TempRepository repo("cache-owner");
  repo.write("modules/m/main.tf", "variable \"n\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.n\n}\n");
  repo.write("env/main.tf", "module \"m\" {\n  source = \"../modules/m\"\n  n      = \"x\"\n}\n");
  settings::Settings settings;
  eval::EvaluationCache cache;
  auto evaluateWith = [&](const std::shared_ptr<loader::Project>& project) {
    Findings findings;
    std::vector<loader::EnvironmentSpec> specs = loader::discoverEnvironments(project->rootModules(), settings, findings);
    EXPECT_EQ(specs.size(), 1u);
    eval::EnvironmentOptions options;
    options.cache = &cache;
    cache.beginCheck(project, 8);
    eval::EvaluatedEnvironment env = eval::evaluateEnvironment(*project, specs.at(0), options);
    project->releasePrevious();
    EXPECT_EQ(env.root->children.size(), 1u);
    return env.root->children.at(0)->resources.size();
  };
  std::shared_ptr<loader::Project> first = loadTree();
  EXPECT_EQ(evaluateWith(first), 1u);
  EXPECT_EQ(cache.misses, 1u);
  std::weak_ptr<loader::Project> first_alive = first;
  std::shared_ptr<loader::Project> second = loadTree(first);
  first.reset();
  EXPECT_FALSE(first_alive.expired());  // the cache entry holds it
  EXPECT_EQ(evaluateWith(second), 1u);
  EXPECT_EQ(cache.hits, 1u);
  // The entry was valid against the second project, which holds everything
  // it points at: the first one is gone.
  EXPECT_TRUE(first_alive.expired());
}

}  // namespace
}  // namespace tfguard::engine
