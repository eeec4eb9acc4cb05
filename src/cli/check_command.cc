#include "cli/check_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/settings_errors.h"
#include "engine/engine.h"
#include "engine/rule_docs.h"
#include "report/report.h"
#include "rules/registry.h"

namespace tfguard::cli {
namespace {

struct CheckFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string config;
  std::vector<std::string> envs;
  std::string fail_on;
  std::string baseline, write_baseline;
  std::vector<std::string> enable, disable, only;
  std::string color = "auto";
  unsigned jobs = 0;
  bool quiet = false;
  bool stats = false;
  bool show_undecided = false;
  std::string stdin_filename;
  std::vector<std::string> policy_dirs;
  std::vector<std::string> changed;
};
CheckFlags g_flags;
CLI::Option* g_changed = nullptr;  // --changed was given, possibly without files

// With --changed, pre-commit puts the hook's `args` between the flag and the
// file names (`--changed --fail-on error a.tf`), so every argument that is not
// a directory is a changed file, wherever it stands; directories are PATHs.
void splitChangedArguments(std::vector<std::string>& paths, std::vector<std::string>& changed) {
  std::vector<std::string> all = std::move(paths);
  all.insert(all.end(), changed.begin(), changed.end());
  paths.clear();
  changed.clear();
  for (std::string& arg : all) {
    std::error_code ec;
    if (arg.empty()) continue;
    (std::filesystem::is_directory(arg, ec) ? paths : changed).push_back(std::move(arg));
  }
}

struct RulesFlags {
  std::string format = "text";
  std::string config;
  std::vector<std::string> policy_dirs;
  std::string write_docs;
  std::string explain_id;
};
RulesFlags g_rules;


}  // namespace

void registerCheckCommand(CLI::App& app, CLI::App* check) {
  // The flags live on the main app (check is the default command); `check`
  // falls through to them.
  check->fallthrough();
  check->add_option("path", g_flags.paths, "directories or files to check (default .)");
  app.add_option("path", g_flags.paths, "directories or files to check (runs `check`)");
  app.add_option("-f,--format", g_flags.format, "text, json, sarif, github, checkstyle, junit or codequality")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "checkstyle", "junit", "codequality"}));
  app.add_option("-o,--output", g_flags.output, "write the report to FILE instead of stdout");
  app.add_option("-c,--config", g_flags.config, "the config file (default: nearest .tfguard.hcl upward)");
  app.add_option("-e,--env", g_flags.envs, "only these environments (repeatable)")
      ->allow_extra_args(false);  // `--only ID PATH`: PATH is not a second ID
  app.add_option("--fail-on", g_flags.fail_on, "exit 1 when a finding at/above this remains: error, warning (default), note, never")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  app.add_option("--baseline", g_flags.baseline, "hide findings whose fingerprint is in FILE");
  app.add_option("--write-baseline", g_flags.write_baseline, "write the fingerprints of all current findings to FILE and exit 0");
  app.add_option("--enable", g_flags.enable, "enable a rule (repeatable)")
      ->allow_extra_args(false);  // `--only ID PATH`: PATH is not a second ID
  app.add_option("--disable", g_flags.disable, "disable a rule (repeatable)")
      ->allow_extra_args(false);  // `--only ID PATH`: PATH is not a second ID
  app.add_option("--only", g_flags.only, "run only these rules (repeatable)")
      ->allow_extra_args(false);  // `--only ID PATH`: PATH is not a second ID
  app.add_option("--color", g_flags.color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("-j,--jobs", g_flags.jobs,
                 "threads that read, parse, evaluate and check (default: the number of cores, one for a small check); the output is the same for any number");
  app.add_flag("-q,--quiet", g_flags.quiet, "print nothing but findings (no summary)");
  app.add_flag("--stats", g_flags.stats, "print the time of each phase to stderr");
  app.add_flag("--show-undecided", g_flags.show_undecided, "list checks whose values stay unknown as notes");
  app.add_option("--policy-dir", g_flags.policy_dirs, "load the policies in this folder too (repeatable)")
      ->allow_extra_args(false);  // `--only ID PATH`: PATH is not a second ID
  // Takes every argument after it, as pre-commit appends the file names:
  // `tfguard check --changed a.tf b.tfvars`.
  g_changed = app.add_option("--changed", g_flags.changed,
                             "check only the environments these files affect, and report their findings (pre-commit)")
                  ->expected(0, CLI::detail::expected_max_vector_size);
  app.add_option("--stdin-filename", g_flags.stdin_filename,
                 "read this file's content from stdin (an editor's unsaved buffer) and report only its findings");
}

int runCheckCommand() {
  namespace fs = std::filesystem;
  bool changed_only = g_changed != nullptr && g_changed->count() > 0;
  if (changed_only) splitChangedArguments(g_flags.paths, g_flags.changed);
  std::vector<fs::path> paths;
  for (const auto& p : g_flags.paths) paths.emplace_back(p);
  if (paths.empty()) paths.emplace_back(".");
  for (const fs::path& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      std::fprintf(stderr, "tfguard: error: %s does not exist\n", p.string().c_str());
      return 2;
    }
  }
  auto settings = loadSettingsOrReport(g_flags.config, paths[0]);
  if (!settings) return 2;

  engine::CheckOptions options;
  options.paths = paths;
  options.environments = g_flags.envs;
  options.enable = g_flags.enable;
  options.disable = g_flags.disable;
  options.only = g_flags.only;
  options.fail_on = g_flags.fail_on;
  options.baseline_file = g_flags.baseline;
  options.write_baseline_file = g_flags.write_baseline;
  options.jobs = g_flags.jobs;
  options.policy_dirs = g_flags.policy_dirs;
  options.changed_only = changed_only;
  for (const std::string& f : g_flags.changed) options.changed_files.emplace_back(f);
  if (!g_flags.stdin_filename.empty()) {
    std::string buffer((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    options.overlays[fs::absolute(g_flags.stdin_filename).lexically_normal()] = std::move(buffer);
    options.only_file = g_flags.stdin_filename;
  }
  // The result and its model are left to the process's exit, not freed:
  // freeing them is a tenth of a large check. Under the sanitizers they
  // are freed (the leak checker must see everything freed that should be).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  auto owned = std::make_unique<engine::CheckResult>(engine::runCheck(options, *settings));
  engine::CheckResult& result = *owned;
#else
  engine::CheckResult& result = *new engine::CheckResult(engine::runCheck(options, *settings));
#endif
  if (result.exit_code == 2) {
    std::fprintf(stderr, "tfguard: error: %s\n", result.error.c_str());
    return 2;
  }
  if (!g_flags.write_baseline.empty()) {
    std::fprintf(stderr, "tfguard: wrote %zu fingerprints to %s\n",
                 result.report.findings.size() - result.report.summary.suppressed, g_flags.write_baseline.c_str());
    return 0;
  }

  report::PrintOptions print_options;
  print_options.show_undecided = g_flags.show_undecided;
  bool to_terminal = g_flags.output.empty();
  print_options.color = g_flags.format == "text" &&
                        report::shouldUseColor(g_flags.color, to_terminal ? STDOUT_FILENO : -1);
  auto printer = report::makePrinter(g_flags.format, print_options);
  if (!printer) {
    std::fprintf(stderr, "tfguard: error: unknown format %s\n", g_flags.format.c_str());
    return 2;
  }
  const double duration_ms = result.report.summary.duration_ms;  // --stats, also with -q
  if (g_flags.quiet) result.report.summary = {};
  std::ostringstream out;
  if (result.affected_environments == 0u && result.report.findings.empty() && g_flags.format == "text" &&
      !g_flags.quiet) {
    // --changed, and the change touches nothing that is checked: say so rather than "0 environments".
    out << "no environment is affected by the changed files\n";
  } else {
    printer->print(result.report, out);
  }
  std::string text = out.str();
  if (g_flags.quiet && g_flags.format == "text") {
    // Drop the summary line printers add at the end (the only line of a clean run).
    size_t pos = text.size() >= 2 ? text.rfind('\n', text.size() - 2) : std::string::npos;
    size_t last_line = pos == std::string::npos ? 0 : pos + 1;
    if (text.find(" in ", last_line) != std::string::npos) text.resize(last_line);
  }
  if (to_terminal) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    std::ofstream f(g_flags.output, std::ios::binary);
    if (!f) {
      std::fprintf(stderr, "tfguard: error: cannot write %s\n", g_flags.output.c_str());
      return 2;
    }
    f << text;
  }
  if (g_flags.stats) {
    for (const auto& [name, ms] : result.phase_ms) std::fprintf(stderr, "tfguard: %-13s %8.1f ms\n", name.c_str(), ms);
    if (result.module_instances_reused > 0)
      std::fprintf(stderr, "tfguard: module instances: %zu evaluated, %zu reused (same inputs)\n",
                   result.module_instances_evaluated, result.module_instances_reused);
    std::fprintf(stderr, "tfguard: %-13s %8.1f ms\n", "total", duration_ms);
  }
  return result.exit_code;
}

void registerRulesCommands(CLI::App& app) {
  CLI::App* rules = app.add_subcommand("rules", "list every rule: id, severity, summary, source");
  rules->add_option("-f,--format", g_rules.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  rules->add_option("-c,--config", g_rules.config, "the config file (default: nearest .tfguard.hcl upward)");
  rules->add_option("--policy-dir", g_rules.policy_dirs, "load the policies in this folder too (repeatable)")
      ->allow_extra_args(false);  // `--only ID PATH`: PATH is not a second ID
  rules->add_option("--write-docs", g_rules.write_docs,
                    "write docs/rules: one Markdown page per built-in rule and the catalog (make docs)");
  CLI::App* explain = app.add_subcommand("explain", "print a rule's documentation with a bad and a good example");
  explain->add_option("rule", g_rules.explain_id, "the rule id")->required();
  explain->add_option("-c,--config", g_rules.config, "the config file (default: nearest .tfguard.hcl upward)");
  explain->add_option("--policy-dir", g_rules.policy_dirs, "load the policies in this folder too (repeatable)")
      ->allow_extra_args(false);  // `--only ID PATH`: PATH is not a second ID
}

namespace {

// The rules of this directory's configuration: built-in ones plus the
// policy folders of .tfguard.hcl and --policy-dir.
std::shared_ptr<const engine::RuleCatalog> loadCatalog() {
  auto settings = loadSettingsOrReport(g_rules.config, ".");
  if (!settings) return nullptr;
  std::vector<std::string> errors;
  auto catalog = engine::RuleCatalog::load(*settings, g_rules.policy_dirs, &errors);
  for (const std::string& e : errors) std::fprintf(stderr, "tfguard: error: %s\n", e.c_str());
  return errors.empty() ? catalog : nullptr;
}

}  // namespace

int runRulesCommand() {
  if (!g_rules.write_docs.empty()) {
    std::string error;
    if (!engine::writeRuleDocs(engine::RuleCatalog::builtin(), g_rules.write_docs, &error)) {
      std::fprintf(stderr, "tfguard: error: %s\n", error.c_str());
      return 2;
    }
    return 0;
  }
  auto catalog = loadCatalog();
  if (!catalog) return 2;
  if (g_rules.format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const rules::Rule* r : catalog->rules()) {
      const rules::RuleMeta& m = r->meta();
      nlohmann::ordered_json j;
      j["id"] = m.id;
      j["severity"] = engine::severityName(m.default_severity);
      if (m.development_severity) j["development_severity"] = engine::severityName(*m.development_severity);
      if (m.production_severity) j["production_severity"] = engine::severityName(*m.production_severity);
      j["enabled_by_default"] = !m.disabled_by_default;
      j["summary"] = m.summary;
      j["source"] = m.source;
      j["tags"] = std::vector<std::string>(m.tags.begin(), m.tags.end());
      nlohmann::ordered_json params = nlohmann::ordered_json::array();
      for (const auto& p : m.params)
        params.push_back({{"name", p.name}, {"default", p.default_text}, {"description", p.description}});
      j["params"] = std::move(params);
      out.push_back(std::move(j));
    }
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
  }
  size_t width = 0, source_width = 0;
  for (const rules::Rule* r : catalog->rules()) {
    width = std::max(width, r->meta().id.size());
    source_width = std::max(source_width, r->meta().source.size());
  }
  for (const rules::Rule* r : catalog->rules()) {
    const rules::RuleMeta& m = r->meta();
    std::string severity = engine::severityName(m.default_severity);
    if (m.disabled_by_default) severity += "(off)";
    std::printf("%-*s  %-12s  %-*s  %s\n", static_cast<int>(width), std::string(m.id).c_str(), severity.c_str(),
                static_cast<int>(source_width), std::string(m.source).c_str(), std::string(m.summary).c_str());
  }
  return 0;
}

int runExplainCommand() {
  auto catalog = loadCatalog();
  if (!catalog) return 2;
  const rules::Rule* r = catalog->find(g_rules.explain_id);
  if (r == nullptr) {
    std::fprintf(stderr, "tfguard: error: no rule \"%s\" (tfguard rules lists them)\n", g_rules.explain_id.c_str());
    return 2;
  }
  std::string text = engine::ruleMarkdown(r->meta());
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace tfguard::cli
