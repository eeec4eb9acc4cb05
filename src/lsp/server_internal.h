#pragma once
// What the server's source files share: a workspace's state (its settings,
// the findings placed in open files, the pending check) and the readers of
// untrusted JSON parameters, which return nothing instead of throwing.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lsp/server.h"
#include "settings/settings.h"

namespace tfguard::lsp {

/// A finding placed in an open file, with that file's absolute path.
struct StoredFinding {
  Finding finding;
  std::filesystem::path path;
};

/// One directory that is checked as a whole: the directory of the
/// .tfguard.hcl nearest to the files (when it lies inside the editor's
/// workspace folder), else the workspace folder, else the file's git root
/// or directory.
struct Server::Workspace {
  std::filesystem::path root;

  // The settings, reloaded when the config file changes on disk.
  std::optional<settings::Settings> settings;
  std::filesystem::path settings_file;
  std::filesystem::file_time_type settings_mtime{};
  std::shared_ptr<const engine::RuleCatalog> catalog;  ///< for hover docs and suppression ids
  std::map<std::string, std::string, std::less<>> help_uri;  ///< rule id → documentation URL
  /// Parsed files and evaluated module instances kept between checks; a
  /// new one with new settings.
  std::unique_ptr<engine::CheckSession> session = std::make_unique<engine::CheckSession>();

  // What the last checks found. A check with changed_files reports only the
  // environments it checked; the others keep their findings.
  bool had_full_check = false;
  std::set<std::string> known_environments;
  std::vector<StoredFinding> findings;  ///< only those placed in open documents

  // The pending check.
  std::set<std::filesystem::path> pending_files;
  std::optional<Clock::time_point> due;
  bool due_now = false;  ///< asked for right away (didOpen, didSave): typing does not postpone it
  std::optional<Clock::time_point> pending_since;

  std::map<std::string, nlohmann::json> published;  ///< uri → the diagnostics last sent
  std::map<std::string, int64_t> checked_version;   ///< uri → the version the findings are of
};

/// Findings at the same place with the same rule and message, from
/// several environments: one diagnostic.
struct Server::Group {
  std::vector<const Finding*> members;  ///< sorted by environment
  std::vector<std::string> environments;
  Severity severity = Severity::kNote;
  const Finding& first() const { return *members.front(); }
};

/// Byte ranges of checked files → LSP ranges, one line table per file.
class Server::PositionMapper {
 public:
  explicit PositionMapper(PositionEncoding encoding) : encoding_(encoding) {}
  LspRange range(const SourceFile& file, ByteRange range);

 private:
  PositionEncoding encoding_;
  std::map<const SourceFile*, LineTable> tables_;
};

namespace params {

/// obj[key] when obj is an object that has it; else null.
const nlohmann::json* member(const nlohmann::json& obj, std::string_view key);
std::optional<std::string> string(const nlohmann::json& obj, std::string_view key);
std::optional<int64_t> integer(const nlohmann::json& obj, std::string_view key);
std::optional<LspPosition> position(const nlohmann::json& value);
std::optional<LspRange> range(const nlohmann::json& value);
/// params.textDocument.uri
std::optional<std::string> documentUri(const nlohmann::json& p);

}  // namespace params

nlohmann::json toJson(LspPosition position);
nlohmann::json toJson(LspRange range);

/// Whether `path` is `dir` or lies under it (both absolute and normalised).
bool isInside(const std::filesystem::path& path, const std::filesystem::path& dir);

/// The absolute path of a finding's file (display paths are relative to
/// the working directory).
std::filesystem::path absoluteFindingPath(const SourceFile& file);

}  // namespace tfguard::lsp
