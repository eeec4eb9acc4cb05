#pragma once
// Running one rule on a fixture tree without the engine: load, discover the
// environments, evaluate each, and call the rule for every instance of its
// types through a fake RuleContext that collects what it reports.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "eval/environment_eval.h"
#include "loader/environments.h"
#include "loader/project.h"
#include "rules/rule.h"
#include "settings/settings.h"

namespace tfguard::rules::testing {

namespace fs = std::filesystem;

/// What a rule reported in one environment.
struct Reported {
  std::string environment;
  RuleFinding finding;
  bool undecided = false;
  /// file:line of the finding's start, the path relative to the fixture.
  std::string where;
  /// file:line of the header of the resource the finding is about.
  std::string header;
};

class FakeContext final : public RuleContext {
 public:
  FakeContext(const eval::EvaluatedEnvironment& env, std::map<std::string, eval::Value> params,
              std::vector<Reported>& out, fs::path base)
      : env_(env), params_(std::move(params)), out_(out), base_(std::move(base)) {
    if (env_.root) collect(*env_.root);
  }

  const eval::EvaluatedEnvironment& environment() const override { return env_; }
  loader::Tier tier() const override { return env_.spec ? env_.spec->tier : loader::Tier::kProduction; }
  std::span<const eval::ResourceInstance* const> allResources() const override { return all_; }
  std::vector<const eval::ResourceInstance*> resources(std::string_view type) const override {
    std::vector<const eval::ResourceInstance*> out;
    for (const auto* r : all_)
      if (r->decl && r->decl->type == type && r->decl->mode == model::ResourceMode::kManaged) out.push_back(r);
    return out;
  }
  const eval::ModuleInstance* moduleOf(const eval::ResourceInstance& instance) const override {
    auto it = module_of_.find(&instance);
    return it == module_of_.end() ? nullptr : it->second;
  }
  std::optional<eval::Value> param(std::string_view name) const override {
    auto it = params_.find(std::string(name));
    if (it == params_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<RelatedLocation> provenanceOf(const eval::Value& value) const override {
    std::vector<RelatedLocation> out;
    for (const eval::ProvenanceStep& s : value.provenance()) {
      RelatedLocation r;
      r.location.range = s.range;
      r.message = s.note + " @ " + s.file;
      out.push_back(std::move(r));
    }
    return out;
  }
  std::shared_ptr<void>& sharedState(std::string_view key) override { return shared_[std::string(key)]; }
  void report(RuleFinding finding) override { add(std::move(finding), false); }
  void undecided(RuleFinding finding) override { add(std::move(finding), true); }

 private:
  void collect(const eval::ModuleInstance& m) {
    for (const auto& r : m.resources) {
      all_.push_back(&r);
      module_of_[&r] = &m;
    }
    for (const auto& c : m.children)
      if (c) collect(*c);
  }
  std::string whereOf(const Location& at) const {
    if (!at.file) return "";
    fs::path p = at.file->path();
    std::error_code ec;
    fs::path rel = fs::relative(fs::absolute(p, ec), fs::absolute(base_, ec), ec);
    return (rel.empty() ? p : rel).generic_string() + ":" +
           std::to_string(at.file->lines().position(at.range.begin).line);
  }
  void add(RuleFinding finding, bool undecided) {
    Reported r;
    r.environment = env_.spec ? env_.spec->name : "";
    r.where = whereOf(finding.at);
    for (const auto* i : all_)
      if (i->address == finding.resource) r.header = whereOf(headerOf(*i));
    r.finding = std::move(finding);
    r.undecided = undecided;
    out_.push_back(std::move(r));
  }

  const eval::EvaluatedEnvironment& env_;
  std::map<std::string, eval::Value> params_;
  std::vector<Reported>& out_;
  fs::path base_;
  std::vector<const eval::ResourceInstance*> all_;
  std::map<const eval::ResourceInstance*, const eval::ModuleInstance*> module_of_;
  std::map<std::string, std::shared_ptr<void>> shared_;
};

/// Loads `dir`, evaluates every environment, runs `rule` on every instance
/// of its resource types (data instances too: the rule must skip them).
class RuleRunner {
 public:
  std::vector<Reported> run(const Rule& rule, const fs::path& dir, std::map<std::string, eval::Value> params = {}) {
    settings_.push_back(std::make_unique<settings::Settings>());
    settings_.back()->dir = dir;
    std::vector<fs::path> paths{dir};
    projects_.push_back(loader::Project::load(paths, *settings_.back()));
    loader::Project& project = *projects_.back();
    Findings findings;
    specs_.push_back(loader::discoverEnvironments(project.rootModules(), *settings_.back(), findings));
    std::vector<Reported> out;
    for (const auto& spec : specs_.back()) {
      envs_.push_back(eval::evaluateEnvironment(project, spec));
      const eval::EvaluatedEnvironment& env = envs_.back();
      FakeContext ctx(env, params, out, dir);
      for (const eval::ResourceInstance* r : ctx.allResources()) {
        const auto& types = rule.meta().resource_types;
        if (r->decl && std::find(types.begin(), types.end(), r->decl->type) != types.end())
          rule.checkInstance(*r, ctx);
      }
      rule.checkEnvironment(ctx);
    }
    return out;
  }

  std::vector<Reported> runTree(const Rule& rule, const std::map<std::string, std::string>& files,
                                std::map<std::string, eval::Value> params = {}) {
    fs::path dir = fs::temp_directory_path() /
                   ("tfguard-rules-" + std::to_string(::getpid()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
                    std::to_string(trees_.size()));
    fs::remove_all(dir);
    for (const auto& [rel, text] : files) {
      fs::create_directories((dir / rel).parent_path());
      std::ofstream(dir / rel, std::ios::binary) << text;
    }
    trees_.push_back(dir);
    return run(rule, dir, std::move(params));
  }

  ~RuleRunner() {
    for (const auto& d : trees_) {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  }

 private:
  std::vector<std::unique_ptr<settings::Settings>> settings_;
  std::vector<std::shared_ptr<loader::Project>> projects_;
  std::deque<std::vector<loader::EnvironmentSpec>> specs_;
  std::deque<eval::EvaluatedEnvironment> envs_;
  std::vector<fs::path> trees_;
};

/// "file:line" of every `# expect: RULE` marker under `dir` (files relative to `dir`).
inline std::set<std::string> expectedMarkers(const fs::path& dir, const std::string& rule) {
  std::set<std::string> out;
  std::regex marker("(#|//) *expect: *([a-z0-9, -]+)");
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (!std::regex_search(line, m, marker)) continue;
      std::string ids = m[2];
      if (ids.find(rule) == std::string::npos) continue;
      out.insert(fs::relative(e.path(), dir).generic_string() + ":" + std::to_string(n));
    }
  }
  return out;
}

/// "file:line" of the lines right after `# tfguard:ignore RULE` comments:
/// the headers of the blocks they suppress.
inline std::set<std::string> suppressedHeaders(const fs::path& dir, const std::string& rule) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.find("tfguard:ignore " + rule) != std::string::npos)
        out.insert(fs::relative(e.path(), dir).generic_string() + ":" + std::to_string(n + 1));
    }
  }
  return out;
}

/// "file:line" of the findings that count: not undecided, not in a block
/// suppressed by a `# tfguard:ignore RULE` comment on the line before it
/// (the engine's suppression, approximated for resource blocks).
inline std::set<std::string> findingLines(const std::vector<Reported>& reported, const std::set<std::string>& suppressed) {
  std::set<std::string> out;
  for (const auto& r : reported)
    if (!r.undecided && !suppressed.contains(r.header)) out.insert(r.where);
  return out;
}

/// Every fixture of `rule` (testdata/rules/RULE/*/) gives findings exactly
/// on the lines marked `# expect: RULE`.
inline void expectFixturesMatchMarkers(const Rule& rule, const std::string& id,
                                       const std::map<std::string, std::map<std::string, eval::Value>>& params = {}) {
  fs::path root = fs::path(TFGUARD_TESTDATA) / "rules" / id;
  int fixtures = 0;
  for (const auto& e : fs::directory_iterator(root)) {
    if (!e.is_directory()) continue;
    ++fixtures;
    std::string name = e.path().filename().string();
    RuleRunner runner;
    auto it = params.find(name);
    std::vector<Reported> reported = runner.run(rule, e.path(), it == params.end() ? std::map<std::string, eval::Value>{} : it->second);
    std::set<std::string> want = expectedMarkers(e.path(), id);
    std::set<std::string> got = findingLines(reported, suppressedHeaders(e.path(), id));
    std::string dumped;
    for (const auto& r : reported)
      dumped += (r.undecided ? "  undecided " : "  finding ") + r.environment + " " + r.where + " " + r.finding.message + "\n";
    EXPECT_EQ(want, got) << "fixture " << name << "\n" << dumped;
  }
  EXPECT_GT(fixtures, 0);
}

inline std::string dump(const std::vector<Reported>& reported) {
  std::string s;
  for (const auto& r : reported)
    s += (r.undecided ? "  undecided " : "  finding ") + r.environment + " " + r.where + " " + r.finding.resource +
         " [" + r.finding.attribute_path + "] " + r.finding.message + "\n";
  return s;
}

inline fs::path fixture(const std::string& rule, const std::string& name) {
  return fs::path(TFGUARD_TESTDATA) / "rules" / rule / name;
}

}  // namespace tfguard::rules::testing
