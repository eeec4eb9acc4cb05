// Load + evaluate benchmark (issue: "3 environments × 50 modules × 20
// resources under 100 ms on one core"). Generates the tree (deterministic)
// unless it exists, then times each phase of a single-threaded run and
// prints the median of N runs:
//
//   tfguard_eval_bench [--dir DIR] [--envs 3] [--modules 50] [--resources 20] [--runs 5]
//
// Phases: load (walk + parse + model, one thread), environments
// (discovery), evaluate (every environment, every module instance).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "generated_tree.h"
#include "engine/engine.h"
#include "eval/environment_eval.h"
#include "loader/environments.h"
#include "loader/project.h"
#include "rules/rule.h"
#include "settings/settings.h"

namespace fs = std::filesystem;
using namespace tfguard;

namespace {

double ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir;
  int envs = 3, modules = 50, resources = 20, runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--dir") dir = argv[i + 1];
    else if (a == "--envs") envs = std::atoi(argv[i + 1]);
    else if (a == "--modules") modules = std::atoi(argv[i + 1]);
    else if (a == "--resources") resources = std::atoi(argv[i + 1]);
    else if (a == "--runs") runs = std::atoi(argv[i + 1]);
  }
  if (dir.empty()) dir = fs::temp_directory_path() / fmt::format("tfguard-eval-{}x{}x{}", envs, modules, resources);
  bench::ensureGeneratedTree(dir, envs, modules, resources);
  std::vector<double> load_ms, envs_ms, eval_ms, total_ms;
  size_t instances = 0, module_instances = 0, findings = 0;
  for (int run = 0; run < runs; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    settings::Settings settings;
    settings.dir = dir;
    std::vector<fs::path> paths{dir};
    auto project = loader::Project::load(paths, settings, {.jobs = 1});
    auto t1 = std::chrono::steady_clock::now();
    Findings f = project->findings();
    auto specs = loader::discoverEnvironments(project->rootModules(), settings, f);
    auto t2 = std::chrono::steady_clock::now();
    instances = module_instances = 0;
    findings = f.size();
    for (const auto& spec : specs) {
      eval::EvaluatedEnvironment env = eval::evaluateEnvironment(*project, spec);
      findings += env.findings.size();
      std::vector<const eval::ModuleInstance*> stack{env.root.get()};
      while (!stack.empty()) {
        const eval::ModuleInstance* m = stack.back();
        stack.pop_back();
        ++module_instances;
        instances += m->resources.size();
        for (const auto& c : m->children) stack.push_back(c.get());
      }
    }
    auto t3 = std::chrono::steady_clock::now();
    load_ms.push_back(ms(t1 - t0));
    envs_ms.push_back(ms(t2 - t1));
    eval_ms.push_back(ms(t3 - t2));
    total_ms.push_back(ms(t3 - t0));
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  fmt::print("tree: {} ({} environments x {} modules x {} resources)\n", dir.string(), envs, modules, resources);
  fmt::print("evaluated: {} module instances, {} resource instances, {} findings\n", module_instances, instances, findings);
  fmt::print("median of {} runs, one thread:\n", runs);
  fmt::print("  load (walk, parse, model)   {:8.1f} ms\n", median(load_ms));
  fmt::print("  environments (discovery)    {:8.1f} ms\n", median(envs_ms));
  fmt::print("  evaluate (all environments) {:8.1f} ms\n", median(eval_ms));
  fmt::print("  total                       {:8.1f} ms   (target < 100 ms: {})\n", median(total_ms),
             median(total_ms) < 100 ? "met" : "NOT met");

  // The whole `tfguard check` (engine::runCheck, one parser thread): with
  // every rule, and without the policies (the issue: the policy catalog
  // must not cost more than 2x the check without it).
  std::vector<std::string> policy_ids;
  for (const rules::Rule* r : engine::RuleCatalog::builtin().rules())
    if (r->meta().source != "builtin") policy_ids.emplace_back(r->meta().id);
  struct CheckTimes {
    std::vector<double> total;
    std::map<std::string, std::vector<double>> phases;
    size_t findings = 0;
  };
  // Interleaved, so that a busy machine slows both alike.
  CheckTimes with, without;
  auto timeOne = [&](CheckTimes& t, const std::vector<std::string>& disable) {
    settings::Settings settings;
    settings.dir = dir;
    engine::CheckOptions options;
    options.paths = {dir};
    options.jobs = 1;
    options.fail_on = "never";
    options.disable = disable;
    auto t0 = std::chrono::steady_clock::now();
    engine::CheckResult r = engine::runCheck(options, settings);
    t.total.push_back(ms(std::chrono::steady_clock::now() - t0));
    for (const auto& [name, ms_] : r.phase_ms) t.phases[name].push_back(ms_);
    t.findings = r.report.findings.size();
  };
  for (int run = 0; run < runs; ++run) {
    timeOne(without, policy_ids);
    timeOne(with, {});
  }
  fmt::print("full check, every rule ({} findings), median of {} runs, one thread:\n", with.findings, runs);
  for (const char* name : {"catalog", "load", "environments", "evaluate", "rules", "report"})
    if (with.phases.count(name))
      fmt::print("  {:<28}{:8.1f} ms   (without policies {:6.1f} ms)\n", name, median(with.phases[name]),
                 median(without.phases[name]));
  fmt::print("  total                       {:8.1f} ms   (target < 150 ms: {})\n", median(with.total),
             median(with.total) < 150 ? "met" : "NOT met");
  double ratio = median(with.total) / std::max(median(without.total), 1e-9);
  fmt::print("  without the {} policies       {:8.1f} ms ({} findings)\n", policy_ids.size(), median(without.total),
             without.findings);
  fmt::print("  policy catalog cost ratio    {:8.2f}x  (target <= 2x: {})\n", ratio, ratio <= 2.0 ? "met" : "NOT met");
  return 0;
}
