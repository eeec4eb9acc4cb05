#pragma once
// Discovery and loading (SPEC §1): walks the scanned paths, classifies
// files, parses every configuration file once (in parallel), builds each
// module's model, finds the root modules and resolves module sources.
// Files read later (tfvars, env files, backend configs, templates) go
// through the same cache, so a file shared by environments is parsed once.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "diag/finding.h"
#include "model/model.h"
#include "settings/settings.h"
#include "syntax/ast.h"

namespace tfguard::loader {

enum class FileKind : uint8_t {
  kConfig,      ///< .tf
  kConfigJson,  ///< .tf.json
  kVars,        ///< .tfvars
  kVarsJson,    ///< .tfvars.json
  kTest,        ///< .tftest.hcl (parsed, not evaluated)
  kHcl,         ///< other .hcl (backend configs, .tfguard.hcl)
  kStateFile,   ///< .tfstate, .tfstate.backup (never read; rules report them)
  kOther,
};
FileKind classifyFile(const std::filesystem::path& path);

struct LoadOptions {
  unsigned jobs = 0;  ///< parser threads; 0 = one per core for a large tree, one for a small one
  /// File contents that replace what is on disk (an editor's unsaved
  /// buffer, `--stdin-filename`), by path; a file that does not exist on
  /// disk yet is added to its directory.
  std::map<std::filesystem::path, std::string> overlays;
  /// The previous load of the same tree (the language server's last
  /// check): a file whose text is unchanged is not parsed again and a
  /// module whose files are all unchanged not built again — the new
  /// project shares those objects, so what was evaluated from them (an
  /// EvaluationCache kept between checks) still points at the same ones.
  std::shared_ptr<const class Project> previous;
};

/// Where a module call's source leads.
struct ModuleSource {
  enum class Kind : uint8_t { kLocal, kInstalled, kUnresolved } kind = Kind::kUnresolved;
  std::filesystem::path dir;  ///< kLocal, kInstalled
  std::string note;           ///< kUnresolved: why
};

class Project {
 public:
  /// What tells a file on disk unchanged without reading it.
  struct FileStamp {
    uint64_t device = 0, inode = 0, size = 0;
    int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
  };

  /// Scans `paths` (directories or files; a file stands for its directory).
  static std::shared_ptr<Project> load(std::span<const std::filesystem::path> paths,
                                       const settings::Settings& settings, LoadOptions options = {});

  /// File reads (file(), templatefile(), var files) stay inside this
  /// directory: the config file's directory, else the enclosing git
  /// repository, else the scanned path.
  const std::filesystem::path& confinementRoot() const { return confinement_root_; }
  /// Root modules: directories with configuration files that no scanned
  /// module calls through a local source. Sorted.
  std::span<const std::filesystem::path> rootModules() const { return roots_; }
  /// Every module directory found by the scan. Sorted.
  std::span<const std::filesystem::path> moduleDirs() const { return module_dirs_; }
  /// Every state file seen (for the state-file-in-repo rule).
  std::span<const std::filesystem::path> stateFiles() const { return state_files_; }

  /// The module in `dir` (absolute, normalised), loading it on first use
  /// (a module outside the scanned paths); null when it has no configuration files.
  const model::Module* module(const std::filesystem::path& dir);

  /// A file parsed once: native, JSON or template by `syntax`; null when it
  /// cannot be read (then *error, when given, says why) or lies outside the
  /// confinement root.
  const syntax::ParsedFile* parsedFile(const std::filesystem::path& path, syntax::FileSyntax syntax,
                                       std::string* error);
  /// The text of a file inside the confinement root.
  std::shared_ptr<const SourceFile> sourceFile(const std::filesystem::path& path, std::string* error);

  /// Resolves `source` of a module call in `caller_dir`; `key` is the call's
  /// module path as modules.json names it ("vpc", "app.vpc"), `root_dir` the
  /// root module whose .terraform/modules/modules.json lists installed modules.
  ModuleSource resolveModuleSource(const std::filesystem::path& root_dir, const std::string& key,
                                   const std::filesystem::path& caller_dir, const std::string& source);

  /// A source file the project has read, by its display path (provenance
  /// steps name files by display path); null when unknown.
  std::shared_ptr<const SourceFile> sourceFileByPath(const std::string& display_path) const;
  /// Makes a file read elsewhere (an env file) known to sourceFileByPath.
  void registerSource(std::shared_ptr<const SourceFile> source);
  /// Keeps a parsed fragment (a TF_VAR_ value parsed as HCL) alive as long as the project.
  void keepAlive(std::shared_ptr<syntax::ParsedFile> file) {
    std::lock_guard lock(mutex_);
    fragments_.push_back(std::move(file));
  }

  /// Lets go of LoadOptions::previous (files and modules read from now on
  /// are read afresh): once the check has evaluated, so that projects do
  /// not chain every earlier load.
  void releasePrevious();

  /// How paths are printed: relative to the working directory when inside it.
  std::string displayPath(const std::filesystem::path& path) const;

  /// Every file parsed so far (configuration, var files, templates, backend
  /// configs), sorted by path: where suppression comments are read.
  std::vector<const syntax::ParsedFile*> parsedFiles() const;

  /// Syntax errors of every parsed file (rule "syntax") and the models' findings.
  /// Not to be read while environments are evaluated (which may add to it).
  const Findings& findings() const { return findings_; }

 private:
  Project() = default;
  const model::Module* buildModule(const std::filesystem::path& dir,
                                   std::vector<std::shared_ptr<syntax::ParsedFile>> files);
  /// Adds a built module with its files' syntax findings and its own.
  const model::Module* addModule(const std::filesystem::path& dir,
                                 std::span<const std::shared_ptr<syntax::ParsedFile>> files,
                                 std::shared_ptr<const model::Module> module);
  void addSyntaxFindings(const syntax::ParsedFile& file);
  bool inside(const std::filesystem::path& path) const;
  ModuleSource resolveModuleSourceOnce(const std::filesystem::path& root_dir, const std::string& key,
                                       const std::filesystem::path& caller_dir, const std::string& source);
  /// The previous load's parse of `path` when its text is `text` (same
  /// display path, same syntax); null otherwise.
  std::shared_ptr<syntax::ParsedFile> previousParse(const std::filesystem::path& path, std::string_view text,
                                                     syntax::FileSyntax syntax) const;
  /// The previous load's model of `dir` when it was built from exactly `files`.
  std::shared_ptr<const model::Module> previousModule(const std::filesystem::path& dir,
                                                      std::span<const std::shared_ptr<syntax::ParsedFile>> files) const;
  /// The text of a file: an overlay, else the disk (then *stamp, when
  /// given, is set if the file is old enough to be recognised by it).
  std::optional<std::string> readText(const std::filesystem::path& path, std::string* error,
                                      std::optional<FileStamp>* stamp = nullptr) const;
  /// The previous load's parse of `path` (normal) when the file on disk has
  /// the stamp it had then (and no overlay replaces it); sets *stamp.
  std::shared_ptr<syntax::ParsedFile> previousUnchanged(const std::filesystem::path& path,
                                                        std::optional<FileStamp>* stamp) const;

  std::filesystem::path confinement_root_;
  std::filesystem::path canonical_root_;  ///< confinement_root_ with symlinks resolved, on first use
  std::filesystem::path cwd_;
  std::vector<std::filesystem::path> roots_;
  std::vector<std::filesystem::path> module_dirs_;
  std::vector<std::filesystem::path> state_files_;
  std::vector<std::string> exclude_;
  std::map<std::filesystem::path, std::string> overlays_;
  std::map<std::filesystem::path, std::shared_ptr<const model::Module>> modules_;
  std::map<std::filesystem::path, std::shared_ptr<syntax::ParsedFile>> files_;
  std::map<std::filesystem::path, std::shared_ptr<const SourceFile>> sources_;
  std::map<std::string, std::shared_ptr<const SourceFile>, std::less<>> by_display_;
  std::vector<std::shared_ptr<syntax::ParsedFile>> fragments_;
  std::map<std::filesystem::path, std::optional<std::map<std::string, std::filesystem::path>>> installed_;
  std::map<std::string, ModuleSource, std::less<>> resolved_;  ///< resolveModuleSource's answers
  /// The stamps of configuration files read from disk (those old enough).
  std::map<std::filesystem::path, FileStamp> stamps_;
  int64_t started_ns_ = 0;  ///< when the load began (CLOCK_REALTIME)
  Findings findings_;
  std::shared_ptr<const Project> previous_;  ///< LoadOptions::previous, until releasePrevious()
  // Environments are evaluated in parallel and read files, modules and
  // installed-module lists on first use: every lookup and first read holds
  // this (recursive: parsedFile() reads through sourceFile()).
  mutable std::recursive_mutex mutex_;
};

/// Whether `relative` (a path relative to the scan root, '/'-separated)
/// matches the glob `pattern` (`*`, `?`, `**` for any number of directories).
bool globMatch(std::string_view pattern, std::string_view relative);

}  // namespace tfguard::loader
