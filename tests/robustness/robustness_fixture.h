#pragma once
// Shared fixture of the hostile-input tests: a temporary tree (with .git, so
// that it is its own confinement root) checked through engine::runCheck as
// `tfguard check .` would. Every test puts an ordinary environment next to
// the hostile one ("sentinel/", whose only finding is a known eval-error) and
// asserts that it is still checked: a hostile file must never take the rest
// of the tree down with it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "settings/settings.h"
#include "temp_repository.h"

namespace tfguard::robustness {

namespace fs = std::filesystem;

// Sanitizer builds run 5-20 times slower: sizes and time budgets depend on it.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

/// Upper bound on one check of a hostile tree: generous (CI machines are
/// shared, and ctest runs two tests at once on two cores: the 200 MB file
/// takes 3 s alone and over 10 s beside a build), but a hang or an
/// exponential blow-up goes far past it.
inline constexpr double kTimeBudgetSeconds = kSanitized ? 90.0 : 30.0;

class HostileTree : public ::testing::Test {
 protected:
  void SetUp() override {
    // The ordinary neighbour: one known finding.
    write("sentinel/main.tf", "locals {\n  broken = tonumber(\"not a number\")\n}\n\noutput \"o\" {\n  value = local.broken\n}\n");
  }

  void write(const std::string& rel, std::string_view text) { repo_.write(rel, text); }

  engine::CheckResult check(engine::CheckOptions options = {}) {
    settings::Settings settings;
    settings.dir = dir_;
    if (options.paths.empty()) options.paths = {"."};
    if (options.today.empty()) options.today = "2026-06-01";
    auto start = std::chrono::steady_clock::now();
    engine::CheckResult result = engine::runCheck(options, settings);
    elapsed_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(elapsed_, kTimeBudgetSeconds) << "the check took " << elapsed_ << " s";
    EXPECT_NE(result.exit_code, 2) << result.error;
    return result;
  }

  /// Findings in files under `prefix` (a display path prefix, e.g. "hostile/").
  static std::vector<const Finding*> findingsIn(const engine::CheckResult& r, std::string_view prefix) {
    std::vector<const Finding*> out;
    for (const Finding& f : r.report.findings)
      if (f.location.file && f.location.file->path().starts_with(prefix)) out.push_back(&f);
    return out;
  }
  static bool hasFinding(const engine::CheckResult& r, std::string_view rule, std::string_view prefix,
                         std::string_view text = {}) {
    for (const Finding* f : findingsIn(r, prefix))
      if (f->rule == rule && (text.empty() || f->summary.find(text) != std::string::npos ||
                              f->detail.find(text) != std::string::npos))
        return true;
    return false;
  }
  static std::string describe(const engine::CheckResult& r, size_t max = 20) {
    std::string out;
    size_t n = 0;
    for (const Finding& f : r.report.findings) {
      if (++n > max) {
        out += "... " + std::to_string(r.report.findings.size()) + " in all\n";
        break;
      }
      out += (f.location.file ? f.location.file->path() : std::string("<nowhere>")) + ":" +
             std::to_string(f.location.range.begin) + " [" + f.rule + "] " + f.summary + ": " +
             f.detail.substr(0, 300) + "\n";
    }
    return out;
  }
  /// The sentinel environment was checked: its finding is there.
  void expectSentinel(const engine::CheckResult& r) {
    EXPECT_TRUE(hasFinding(r, "eval-error", "sentinel/main.tf"))
        << "the ordinary environment next to the hostile one was not checked:\n" << describe(r);
  }
  /// A finding in `file` whose location is inside that file (not a bare
  /// message), with `text` in its summary or detail.
  void expectLocatedFinding(const engine::CheckResult& r, std::string_view file, std::string_view text) {
    bool found = false;
    for (const Finding* f : findingsIn(r, file))
      if (f->summary.find(text) != std::string::npos || f->detail.find(text) != std::string::npos) found = true;
    EXPECT_TRUE(found) << "no finding located in " << file << " mentioning \"" << text << "\":\n" << describe(r);
  }

  test_support::TempRepository repo_{"robust"};
  const fs::path& dir_ = repo_.dir();
  double elapsed_ = 0;
};

}  // namespace tfguard::robustness
