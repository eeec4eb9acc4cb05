#pragma once
// Running a cross-environment rule on a fixture tree without the engine:
// load, discover and evaluate every environment, give each a small
// RuleContext that collects what the rule reports, call checkAcross.
// Shared by the env-isolation and env-drift tests.
#include <map>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "eval/environment_eval.h"
#include "loader/environments.h"
#include "loader/project.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace tfguard::rules {
namespace {

namespace fs = std::filesystem;

class FakeContext final : public RuleContext {
 public:
  FakeContext(loader::Project& project, const eval::EvaluatedEnvironment& env) : project_(project), env_(env) {
    collect(*env.root);
  }
  const eval::EvaluatedEnvironment& environment() const override { return env_; }
  loader::Tier tier() const override { return env_.spec->tier; }
  std::span<const eval::ResourceInstance* const> allResources() const override { return all_; }
  std::vector<const eval::ResourceInstance*> resources(std::string_view type) const override {
    std::vector<const eval::ResourceInstance*> out;
    for (const auto* r : all_)
      if (r->decl && r->decl->type == type) out.push_back(r);
    return out;
  }
  const eval::ModuleInstance* moduleOf(const eval::ResourceInstance&) const override { return env_.root.get(); }
  std::optional<eval::Value> param(std::string_view) const override { return std::nullopt; }
  std::vector<RelatedLocation> provenanceOf(const eval::Value& value) const override {
    std::vector<RelatedLocation> out;
    for (const auto& step : value.provenance()) {
      // Member by member: GCC 12 warns (-Wmaybe-uninitialized, wrongly) on
      // the nested temporaries of push_back({{file, range}, note}).
      RelatedLocation& related = out.emplace_back();
      related.location.file = project_.sourceFileByPath(step.file);
      related.location.range = step.range;
      related.message = step.note;
    }
    return out;
  }
  std::shared_ptr<void>& sharedState(std::string_view key) override { return shared_[std::string(key)]; }
  void report(RuleFinding finding) override { reported.push_back(std::move(finding)); }
  void undecided(RuleFinding finding) override { undecided_.push_back(std::move(finding)); }

  std::vector<RuleFinding> reported;
  std::vector<RuleFinding> undecided_;

 private:
  void collect(const eval::ModuleInstance& m) {
    for (const auto& r : m.resources) all_.push_back(&r);
    for (const auto& c : m.children) collect(*c);
  }
  loader::Project& project_;
  const eval::EvaluatedEnvironment& env_;
  std::vector<const eval::ResourceInstance*> all_;
  std::map<std::string, std::shared_ptr<void>> shared_;
};

/// "environment: file:line: message" for every reported finding, sorted.
struct RuleRun {
  std::vector<std::string> findings;
  std::vector<std::string> undecided;
  std::vector<std::string> related;  ///< "environment: file:line: message" of related locations
};

std::string where(const Location& at, const fs::path& base) {
  if (!at.file) return "(nowhere)";
  // Display paths are relative to the working directory when inside it.
  std::string path = fs::absolute(at.file->path()).lexically_normal().lexically_relative(base).generic_string();
  return path + ":" + std::to_string(at.file->lines().position(at.range.begin).line);
}

RuleRun runRule(const Rule& rule, const std::string& fixture) {
  fs::path dir = fs::path(TFGUARD_TESTDATA) / "rules" / fixture;
  settings::Settings settings;
  settings.dir = dir;
  std::vector<fs::path> paths{dir};
  auto project = loader::Project::load(paths, settings);
  Findings discovery;
  auto specs = loader::discoverEnvironments(project->rootModules(), settings, discovery);
  std::vector<eval::EvaluatedEnvironment> envs;
  for (const auto& spec : specs) envs.push_back(eval::evaluateEnvironment(*project, spec));
  std::vector<std::unique_ptr<FakeContext>> contexts;
  std::vector<EnvironmentView> views;
  for (const auto& env : envs) {
    contexts.push_back(std::make_unique<FakeContext>(*project, env));
    views.push_back({&env, contexts.back().get()});
  }
  rule.checkAcross(views);
  RuleRun run;
  for (size_t i = 0; i < envs.size(); ++i) {
    const std::string& name = envs[i].spec->name;
    for (const auto& f : contexts[i]->reported) {
      run.findings.push_back(name + ": " + where(f.at, dir) + ": " + f.message);
      for (const auto& r : f.related) run.related.push_back(name + ": " + where(r.location, dir) + ": " + r.message);
    }
    for (const auto& f : contexts[i]->undecided_) run.undecided.push_back(name + ": " + where(f.at, dir) + ": " + f.message);
  }
  std::sort(run.findings.begin(), run.findings.end());
  std::sort(run.undecided.begin(), run.undecided.end());
  return run;
}

using V = std::vector<std::string>;

}  // namespace
}  // namespace tfguard::rules
