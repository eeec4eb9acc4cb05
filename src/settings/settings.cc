// Loading `.tfguard.hcl`: finding it, reading it, parsing it with our own
// parser and handing the tree to the validator (validate.cc).
#include "settings/settings.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "settings/validate.h"
#include "syntax/parser.h"

namespace tfguard::settings {
namespace {

namespace fs = std::filesystem;

Finding fileError(const fs::path& file, std::string summary) {
  Finding finding;
  finding.rule = "invalid-config";
  finding.severity = Severity::kError;
  finding.summary = std::move(summary);
  finding.detail = fmt::format("tfguard reads its settings from {}.", file.string());
  return finding;
}

std::optional<std::string> readWholeFile(const fs::path& file, Findings& errors) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    errors.push_back(
        fileError(file, fmt::format("cannot read {}: it is a directory", file.string())));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    errors.push_back(
        fileError(file, fmt::format("cannot open {}: {}", file.string(), std::strerror(errno))));
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    errors.push_back(fileError(file, fmt::format("cannot read {}", file.string())));
    return std::nullopt;
  }
  return std::move(buffer).str();
}

// The directory relative paths in the file are resolved against.
fs::path directoryOf(const fs::path& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  if (ec) absolute = file;
  fs::path dir = absolute.lexically_normal().parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

}  // namespace

std::optional<fs::path> findSettingsFile(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start.empty() ? fs::path(".") : start, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  // A file (or a path that does not exist yet, like an editor's unsaved
  // buffer) is looked up from its directory.
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    fs::path candidate = dir / kSettingsFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) return std::nullopt;
    dir = std::move(parent);
  }
}

std::optional<Settings> parseSettings(std::string path, std::string text, Findings& errors) {
  fs::path file(path);
  std::string label = file.filename().string();
  if (label.empty()) label = kSettingsFileName;

  auto parsed = std::make_shared<syntax::ParsedFile>(
      syntax::parseConfig(std::make_shared<SourceFile>(std::move(path), std::move(text))));
  Settings settings;
  settings.file = file;
  settings.dir = directoryOf(file);
  settings.parsed = parsed;

  // After a syntax error the recovered tree has holes; checking its schema
  // would only repeat the same problem in other words.
  size_t errors_before = errors.size();
  for (const Diagnostic& diag : parsed->diagnostics) {
    Finding finding;
    finding.rule = "syntax";
    finding.severity = diag.severity;
    finding.summary = diag.summary;
    finding.detail = diag.detail;
    finding.location = {parsed->source, diag.subject.value_or(ByteRange{})};
    errors.push_back(std::move(finding));
  }
  if (hasErrors(parsed->diagnostics)) return std::nullopt;

  validateSettings(*parsed, label, settings, errors);
  for (size_t i = errors_before; i < errors.size(); ++i)
    if (errors[i].severity == Severity::kError) return std::nullopt;
  return settings;
}

std::optional<Settings> loadSettings(const fs::path& file, Findings& errors) {
  std::optional<std::string> text = readWholeFile(file, errors);
  if (!text) return std::nullopt;
  return parseSettings(file.string(), std::move(*text), errors);
}

std::optional<Settings> resolveSettings(const fs::path& config_file, const fs::path& start,
                                        Findings& errors) {
  if (!config_file.empty()) return loadSettings(config_file, errors);
  if (std::optional<fs::path> found = findSettingsFile(start)) return loadSettings(*found, errors);
  Settings defaults;
  std::error_code ec;
  fs::path dir = fs::absolute(start.empty() ? fs::path(".") : start, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  defaults.dir = dir;
  return defaults;
}

std::string formatFinding(const Finding& finding) {
  std::string_view severity = finding.severity == Severity::kError     ? "error"
                              : finding.severity == Severity::kWarning ? "warning"
                                                                       : "note";
  std::string out;
  if (finding.location.file) {
    Position pos = finding.location.file->lines().position(finding.location.range.begin);
    out = fmt::format("{}:{}:{}: {}: {}", finding.location.file->path(), pos.line, pos.column,
                      severity, finding.summary);
  } else {
    out = fmt::format("tfguard: {}: {}", severity, finding.summary);
  }
  if (!finding.detail.empty()) out += fmt::format("\n  {}", finding.detail);
  return out;
}

StarterWriteResult writeStarterSettings(const fs::path& dir, bool force) {
  StarterWriteResult result;
  result.file = dir / kSettingsFileName;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    result.error = fmt::format("{} is not a directory", dir.string());
    return result;
  }
  if (fs::exists(fs::symlink_status(result.file, ec))) {
    if (!force || fs::is_directory(result.file, ec)) {
      result.already_exists = !force;
      result.error = force ? fmt::format("{} is a directory", result.file.string())
                           : fmt::format("{} already exists; use --force to overwrite it",
                                         result.file.string());
      return result;
    }
  }
  std::string text = starterSettings();
  std::ofstream out(result.file, std::ios::binary | std::ios::trunc);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (out) out.close();
  if (!out) {
    result.error = fmt::format("cannot write {}: {}", result.file.string(), std::strerror(errno));
    return result;
  }
  result.written = true;
  return result;
}

}  // namespace tfguard::settings
