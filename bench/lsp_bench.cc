// The language server's on-save latency (SPEC: "one file checked in its
// module and environment context in < 20 ms"): in the generated tree of
// generated_tree.h, a module file is open in the server; each run edits
// it (a comment line added or removed, so that its diagnostics move and
// are published again) and saves it, and the time from didSave to the
// publishDiagnostics being written is measured, as the server does it
// (lsp::Server, the engine's default threads). Prints the median and the
// median of each check phase:
//
//   tfguard_lsp_bench [--dir DIR] [--envs 3] [--modules 50] [--resources 20] [--runs 11]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "generated_tree.h"
#include "lsp/server.h"

namespace fs = std::filesystem;
using namespace tfguard;
using nlohmann::json;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir;
  int envs = 3, modules = 50, resources = 20, runs = 11;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--dir") dir = argv[i + 1];
    else if (a == "--envs") envs = std::atoi(argv[i + 1]);
    else if (a == "--modules") modules = std::atoi(argv[i + 1]);
    else if (a == "--resources") resources = std::atoi(argv[i + 1]);
    else if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
  }
  if (dir.empty()) dir = fs::temp_directory_path() / fmt::format("tfguard-eval-{}x{}x{}", envs, modules, resources);
  bench::ensureGeneratedTree(dir, envs, modules, resources);
  dir = fs::absolute(dir).lexically_normal();

  using Clock = lsp::Clock;
  std::map<std::string, std::vector<double>> phases;
  size_t published = 0, diagnostics = 0;
  Clock::time_point checked_at, published_at;
  double engine_ms = 0;
  lsp::ServerOptions options;
  options.on_check = [&](const engine::CheckResult& r) {
    for (const auto& [name, ms] : r.phase_ms) phases[name].push_back(ms);
    checked_at = Clock::now();
    engine_ms = r.report.summary.duration_ms;
  };
  lsp::Server server(
      [&](const json& m) {
        if (m.value("method", "") != "textDocument/publishDiagnostics") return;
        ++published;
        published_at = Clock::now();
        diagnostics = m["params"]["diagnostics"].size();
      },
      options);
  auto send = [&](const json& message) {
    server.handleFrames({lsp::Frame{message.dump(), {}}}, Clock::now());
    server.runDue(Clock::now());
  };
  auto notify = [&](const char* method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  };
  send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
        {"params", {{"rootUri", lsp::uriFromPath(dir)}, {"capabilities", json::object()},
                    {"initializationOptions", {{"debounceMs", 10000}}}}}});  // only didSave checks
  fs::path file = dir / "modules/m0/main.tf";
  std::string uri = lsp::uriFromPath(file);
  std::string text = readFile(file);

  auto t0 = Clock::now();
  notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "terraform"}, {"version", 1}, {"text", text}}}});
  double first_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  phases.clear();

  std::vector<double> save_ms, before_ms, engine_total_ms, after_ms, freed_ms;
  size_t published_before = published;
  for (int run = 0; run < runs; ++run) {
    std::string edited = run % 2 == 0 ? "# edited\n" + text : text;
    notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", run + 2}}},
                                      {"contentChanges", {{{"text", edited}}}}});
    auto start = Clock::now();
    notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
    auto end = Clock::now();
    // The user sees the diagnostics when the last publishDiagnostics is
    // written; freeing the check's model comes after it.
    save_ms.push_back(std::chrono::duration<double, std::milli>(published_at - start).count());
    double until_result = std::chrono::duration<double, std::milli>(checked_at - start).count();
    engine_total_ms.push_back(engine_ms);
    before_ms.push_back(until_result - engine_ms);
    after_ms.push_back(std::chrono::duration<double, std::milli>(published_at - checked_at).count());
    freed_ms.push_back(std::chrono::duration<double, std::milli>(end - published_at).count());
  }
  double m = median(save_ms);
  fmt::print("tree: {} ({} environments x {} modules x {} resources)\n", dir.string(), envs, modules, resources);
  fmt::print("language server, {} open: didOpen (first, full check) {:.1f} ms; {} diagnostics in the file\n",
             file.lexically_relative(dir).generic_string(), first_ms, diagnostics);
  fmt::print("on-save re-check (didSave -> publishDiagnostics), median of {} runs ({} published):\n", runs,
             published - published_before);
  fmt::print("  engine::runCheck              {:8.1f} ms, of which:\n", median(engine_total_ms));
  for (const char* name : {"load", "environments", "evaluate", "rules", "report"})
    if (phases.count(name)) fmt::print("    {:<26}{:8.1f} ms\n", name, median(phases[name]));
  fmt::print("  settings check, model freed   {:8.1f} ms\n", median(before_ms));
  fmt::print("  merge + publish               {:8.1f} ms\n", median(after_ms));
  fmt::print("  total                       {:8.1f} ms   (target < 20 ms: {})\n", m, m < 20 ? "met" : "NOT met");
  fmt::print("  then: the check's model freed {:8.1f} ms (after the diagnostics are out)\n", median(freed_ms));
  return 0;
}
