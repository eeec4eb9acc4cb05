// Environment discovery (SPEC §3): which evaluations of which root module to
// run. Only names and files are decided here; the evaluator reads them.
//
// Decisions where the spec is silent (docs/environments.md tells users):
//   - Paths in an `environment` block (var_files, env_file, backend_config)
//     are tried relative to the environment's root first, then relative to
//     the config file's directory: Terraform users write `-var-file` paths
//     relative to the root they run in, tfguard's config is relative to
//     itself, and both readings are common.
//   - A var file a config block lists that Terraform loads anyway
//     (terraform.tfvars, *.auto.tfvars) keeps its auto-load place and is not
//     repeated.
//   - A root inside environments/ (envs/, ...) that has per-environment
//     tfvars or env files under other names than its own is deployed
//     several times: those win over the layout rule (b), whose folder name
//     is then a coincidence. Under its own name they join the layout
//     environment (envs/dev with vars/dev.tfvars).
//   - Per-environment tfvars (rule c) and env files (rule d) of one root are
//     merged by name: vars/prod.tfvars and deployments/env-prod make one
//     environment `prod` with both; names found only one way still count.
//   - tfvars named common/shared/global/base/defaults beside per-environment
//     tfvars are loaded by every environment of that folder, before its own
//     file (the `-var-file=common.tfvars -var-file=prod.tfvars` habit).
//   - A folder `vars/NAME/` (or tfvars/, env/, envs/, environments/) under a
//     root that holds tfvars and no .tf files is environment NAME with all
//     its tfvars, and its backend files (backend.hcl, *.tfbackend).
//   - Several backend files matching one environment are all kept, exact
//     names (backend-prod.hcl) before variants (backend-prod-eu.hcl), as
//     `terraform init` merges repeated -backend-config.
//   - A root with one environment (layout or directory) also takes
//     backend.hcl / backend.tfbackend / backend.tfvars from its directory.
//
// Walks are one directory level at a time at fixed places around each root
// (never recursive), so symlink loops cannot trap them; listings are sorted
// for determinism and capped.
#include "loader/environments.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace tfguard::loader {
namespace fs = std::filesystem;

namespace {

/// A folder with more entries than this is not a configuration folder; the
/// rest of it is not looked at.
constexpr size_t kMaxListing = 10000;
/// Env files are small; a bigger file is not one (and is not read).
constexpr uintmax_t kMaxEnvFileBytes = 1 << 20;

/// The folders under a root that hold per-environment tfvars.
constexpr std::array<std::string_view, 5> kTfvarsFolders = {"vars", "tfvars", "env", "envs",
                                                            "environments"};
/// Parents that make their subdirectories environments (rule b).
constexpr std::array<std::string_view, 5> kLayoutFolders = {"environments", "envs", "env", "live",
                                                            "stages"};

struct DirEntry {
  std::string name;
  bool is_dir = false;
  bool is_file = false;  ///< a regular file, or a symlink to one
};

/// The entries of one directory sorted by name; empty when it is not a
/// readable directory.
std::vector<DirEntry> listDirectory(const fs::path& dir) {
  std::vector<DirEntry> entries;
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return entries;
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec || entries.size() >= kMaxListing) break;
    DirEntry entry;
    entry.name = it->path().filename().string();
    std::error_code status_ec;
    fs::file_status status = it->status(status_ec);  // follows a symlink, one step of a listing
    entry.is_dir = !status_ec && fs::is_directory(status);
    entry.is_file = !status_ec && fs::is_regular_file(status);
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

/// Lexically normal, without a trailing separator ("a/b/" → "a/b", "" → ".").
fs::path cleanPath(const fs::path& path) {
  fs::path normal = path.lexically_normal();
  if (normal.empty()) return ".";
  if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
  return normal;
}

/// weakly_canonical as pathKey needs it, for the many folders one discovery
/// asks about: a directory's canonical path is its parent's plus its name
/// unless it is a symbolic link, so each new directory costs one lstat
/// instead of one per component of its path (10,000-file trees have
/// thousands of candidate folders). Lives for one discoverEnvironments().
class CanonicalFolders {
 public:
  CanonicalFolders() { active() = this; }
  ~CanonicalFolders() { active() = nullptr; }
  CanonicalFolders(const CanonicalFolders&) = delete;
  CanonicalFolders& operator=(const CanonicalFolders&) = delete;

  static CanonicalFolders*& active() {
    thread_local CanonicalFolders* current = nullptr;
    return current;
  }

  /// Null when the fast way does not apply (then weakly_canonical decides).
  std::optional<fs::path> canonical(const fs::path& absolute, int depth = 0) {
    if (depth > 256 || !absolute.is_absolute()) return std::nullopt;
    for (const fs::path& part : absolute)
      if (part == "..") return std::nullopt;  // "link/.." is not lexical
    fs::path normal = cleanPath(absolute);
    if (normal == normal.root_path()) return normal;
    std::string key = normal.native();
    if (auto it = known_.find(key); it != known_.end()) return it->second;
    std::optional<fs::path> parent = canonical(normal.parent_path(), depth + 1);
    if (!parent) return std::nullopt;
    fs::path joined = *parent / normal.filename();
    std::error_code ec;
    fs::file_status st = fs::symlink_status(joined, ec);
    if (!ec && fs::is_symlink(st)) {
      joined = fs::weakly_canonical(joined, ec);
      if (ec) return std::nullopt;
    }
    known_.emplace(std::move(key), joined);
    return joined;
  }

 private:
  std::unordered_map<std::string, fs::path> known_;
};

/// A key under which two spellings of one directory compare equal.
std::string pathKey(const fs::path& path) {
  std::error_code ec;
  if (CanonicalFolders* folders = CanonicalFolders::active()) {
    fs::path absolute = fs::absolute(path, ec);
    if (!ec)
      if (std::optional<fs::path> canonical = folders->canonical(absolute)) return cleanPath(*canonical).generic_string();
  }
  fs::path canonical = fs::weakly_canonical(path, ec);
  if (ec) {
    canonical = fs::absolute(path, ec);
    if (ec) canonical = path;
  }
  return cleanPath(canonical).generic_string();
}

bool isRegularFile(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool isDirectory(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

/// The name a root is known by: its directory's name ("." resolved).
std::string directoryName(const fs::path& root) {
  std::string name = cleanPath(root).filename().string();
  if (name.empty() || name == "." || name == "..") {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(root, ec), ec);
    name = cleanPath(absolute).filename().string();
  }
  return name.empty() ? std::string("root") : name;
}

std::vector<fs::path> autoLoadedFrom(const fs::path& root, const std::vector<DirEntry>& entries) {
  std::vector<fs::path> files;
  for (std::string_view fixed : {"terraform.tfvars", "terraform.tfvars.json"}) {
    for (const DirEntry& entry : entries)
      if (entry.is_file && entry.name == fixed) files.push_back(cleanPath(root / entry.name));
  }
  // One lexical order for both suffixes, as Terraform reads the directory.
  for (const DirEntry& entry : entries) {
    std::string_view name = entry.name;
    if (entry.is_file && (name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json")))
      files.push_back(cleanPath(root / entry.name));
  }
  return files;
}

/// File stems that are documentation or templates, not environments.
bool isTemplateName(std::string_view name) {
  std::string lower = lowerAscii(name);
  for (std::string_view word : {"example", "sample", "template", "tmpl", "tpl", "dist"})
    if (lower == word || lower.ends_with(fmt::format(".{}", word)) ||
        lower.ends_with(fmt::format("-{}", word)) || lower.ends_with(fmt::format("_{}", word)))
      return true;
  return false;
}

/// tfvars every environment of a folder loads before its own.
bool isSharedVarsName(std::string_view stem) {
  std::string lower = lowerAscii(stem);
  for (std::string_view word : {"common", "shared", "global", "globals", "base", "defaults"})
    if (lower == word) return true;
  return false;
}

/// Partial backend configs written as tfvars (backend.tfvars, backend-prod.tfvars).
bool isBackendStem(std::string_view stem) {
  std::string lower = lowerAscii(stem);
  return lower == "backend" || lower.starts_with("backend-") || lower.starts_with("backend_") ||
         lower.ends_with(".backend");
}

/// NAME of NAME.tfvars / NAME.tfvars.json, or nullopt.
std::optional<std::string> tfvarsStem(std::string_view file_name) {
  for (std::string_view suffix : {".tfvars.json", ".tfvars"}) {
    if (file_name.ends_with(suffix) && file_name.size() > suffix.size())
      return std::string(file_name.substr(0, file_name.size() - suffix.size()));
  }
  return std::nullopt;
}

/// The environment a per-environment tfvars file is for, or nullopt when
/// Terraform loads it anyway or it is not one environment's.
std::optional<std::string> perEnvironmentTfvarsName(std::string_view file_name) {
  std::optional<std::string> stem = tfvarsStem(file_name);
  if (!stem || *stem == "terraform" || stem->ends_with(".auto") || isTemplateName(*stem) ||
      isBackendStem(*stem) || isSharedVarsName(*stem))
    return std::nullopt;
  return stem;
}

/// The environment a shell env file is for (env-NAME, NAME.env, .env.NAME),
/// or nullopt.
std::optional<std::string> envFileName(std::string_view file_name) {
  std::string_view name;
  if (file_name.starts_with("env-")) {
    name = file_name.substr(4);
  } else if (file_name.starts_with(".env.")) {
    name = file_name.substr(5);
  } else if (file_name.ends_with(".env") && !file_name.starts_with(".")) {
    name = file_name.substr(0, file_name.size() - 4);
  } else {
    return std::nullopt;
  }
  // "env-prod.bak", ".env.prod.example", "env-prod~": copies, not environments.
  if (name.empty() || name.find('.') != std::string_view::npos || name.ends_with("~") ||
      isTemplateName(name))
    return std::nullopt;
  return std::string(name);
}

/// Whether the file is a shell env file with at least one TF_VAR_ assignment.
bool hasTfVarAssignment(const fs::path& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec || size > kMaxEnvFileBytes) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string text(static_cast<size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<size_t>(in.gcount()));
  Findings ignored;  // the evaluator parses the file again and reports its errors
  for (const EnvFileEntry& entry : parseEnvFile(text, nullptr, ignored))
    if (entry.is_tf_var) return true;
  return false;
}

/// How well a file name matches environment `env` as a partial backend
/// config: 0 exact (backend-prod.hcl, prod.backend.hcl, prod.s3.tfbackend,
/// backend/prod.hcl), 1 a variant (backend-prod-eu.hcl), nullopt none.
std::optional<int> backendMatch(std::string_view file_name, std::string_view env,
                                bool in_backend_folder, const std::set<std::string>& env_names) {
  std::string_view stem;
  bool tfbackend = false;
  if (file_name.ends_with(".tfbackend")) {
    stem = file_name.substr(0, file_name.size() - 10);
    tfbackend = true;
  } else if (file_name.ends_with(".hcl")) {
    stem = file_name.substr(0, file_name.size() - 4);
  } else if (file_name.ends_with(".tfvars")) {
    stem = file_name.substr(0, file_name.size() - 7);
  } else {
    return std::nullopt;
  }
  if (stem.empty() || isTemplateName(stem)) return std::nullopt;
  auto named = [&](std::string_view text) {
    return text == env || (text.starts_with(env) && text.size() > env.size() &&
                           text[env.size()] == '.' && tfbackend);  // prod.s3.tfbackend
  };
  if (in_backend_folder && !file_name.ends_with(".tfvars") && named(stem)) return 0;
  if (tfbackend && named(stem)) return 0;
  if (stem.size() == env.size() + 8 && stem.starts_with(env) && stem.ends_with(".backend"))
    return 0;  // prod.backend.hcl
  if (stem.starts_with("backend-") || stem.starts_with("backend_")) {
    std::string_view rest = stem.substr(8);
    if (rest == env) return 0;
    if (rest.size() > env.size() + 1 && rest.starts_with(env) &&
        (rest[env.size()] == '-' || rest[env.size()] == '_') &&
        !env_names.contains(std::string(rest)))
      return 1;
  }
  return std::nullopt;
}

/// A file found for an environment name, and where.
struct NamedFile {
  std::string env;
  fs::path path;
};

/// Where one root's environment files are looked for, each directory once.
class RootPlaces {
 public:
  explicit RootPlaces(fs::path root) : root_(std::move(root)), parent_(cleanPath(root_ / "..")) {}

  const fs::path& root() const { return root_; }

  /// Folders that hold shell env files: the root, its deployments/ and
  /// env/, and the deployments/ and env/ beside it.
  std::vector<fs::path> envFileFolders() const {
    return unique(
        {root_, root_ / "deployments", root_ / "env", parent_ / "deployments", parent_ / "env"});
  }

  /// Folders that hold partial backend files by environment name, and
  /// backend/ folders whose files are named after the environment.
  std::vector<std::pair<fs::path, bool>> backendFolders() const {
    std::vector<fs::path> plain = {root_,
                                   root_ / "deployments",
                                   root_ / "env",
                                   root_ / "envs",
                                   root_ / "environments",
                                   root_ / "vars",
                                   root_ / "tfvars",
                                   parent_ / "deployments",
                                   parent_ / "env"};
    std::vector<fs::path> backend;
    for (const fs::path& base : {root_, root_ / "deployments", parent_, parent_ / "deployments"}) {
      backend.push_back(base / "backend");
      backend.push_back(base / "backends");
    }
    std::vector<std::pair<fs::path, bool>> folders;
    for (const fs::path& folder : unique(plain)) folders.emplace_back(folder, false);
    for (const fs::path& folder : unique(backend)) folders.emplace_back(folder, true);
    return folders;
  }

  /// A cached sorted listing.
  const std::vector<DirEntry>& list(const fs::path& folder) {
    auto [it, inserted] = listings_.try_emplace(folder.generic_string());
    if (inserted) it->second = listDirectory(folder);
    return it->second;
  }

 private:
  std::vector<fs::path> unique(std::vector<fs::path> folders) const {
    std::vector<fs::path> out;
    std::set<std::string> seen;
    for (fs::path& folder : folders) {
      folder = cleanPath(folder);
      // Most candidates do not exist: one stat, not a canonical path each.
      if (!isDirectory(folder)) continue;
      if (seen.insert(pathKey(folder)).second) out.push_back(std::move(folder));
    }
    return out;
  }

  fs::path root_;
  fs::path parent_;
  std::map<std::string, std::vector<DirEntry>> listings_;
};

Location fileLocation(const fs::path& path) {
  // The file is only named, not read: an empty text places the finding at
  // the file itself.
  return {std::make_shared<SourceFile>(path.generic_string(), std::string()), {}};
}

Finding configFinding(const settings::EnvironmentConfig& config, std::string summary,
                      std::string detail) {
  Finding finding;
  finding.rule = "invalid-config";
  finding.severity = Severity::kError;
  finding.summary = std::move(summary);
  finding.detail = std::move(detail);
  finding.location = config.location;
  finding.environment = config.name;
  return finding;
}

Finding duplicateFinding(std::string_view env, const fs::path& root, const fs::path& kept,
                         const fs::path& dropped) {
  Finding finding;
  finding.rule = "invalid-config";
  finding.severity = Severity::kWarning;
  finding.summary = "Duplicate environment name";
  finding.detail = fmt::format(
      "Root `{}` already has an environment `{}` (from `{}`); `{}` names it again and is ignored. "
      "Rename one of them, or declare the environments in .tfguard.hcl.",
      root.generic_string(), env, kept.generic_string(), dropped.generic_string());
  finding.location = fileLocation(dropped);
  finding.environment = std::string(env);
  return finding;
}

/// Discovers the environments of one root that no config block names.
class RootDiscovery {
 public:
  RootDiscovery(const fs::path& root, Findings& findings) : places_(root), findings_(findings) {}

  std::vector<EnvironmentSpec> discover() {
    const fs::path& root = places_.root();
    auto_files_ = autoLoadedFrom(root, places_.list(root));

    // c and d: per-environment tfvars and env files, merged by name.
    std::vector<EnvironmentSpec> specs = findTfvarsEnvironments();
    std::vector<NamedFile> env_files = findEnvFiles();
    for (const NamedFile& file : env_files) {
      if (std::none_of(specs.begin(), specs.end(),
                       [&](const EnvironmentSpec& s) { return s.name == file.env; }))
        specs.push_back(makeSpec(file.env, EnvironmentOrigin::kEnvFile));
    }

    // b. A root directly inside environments/, envs/, ...: one environment
    // named after it, with what c and d found under that name. When they
    // found other names the root is deployed several times and the folder
    // name is a coincidence (a root `envs/api` with vars/dev.tfvars and
    // vars/prod.tfvars), so they win.
    std::string parent_name = lowerAscii(directoryName(cleanPath(root / "..")));
    if (std::find(kLayoutFolders.begin(), kLayoutFolders.end(), parent_name) !=
        kLayoutFolders.end()) {
      std::string name = directoryName(root);
      if (std::all_of(specs.begin(), specs.end(),
                      [&](const EnvironmentSpec& s) { return s.name == name; })) {
        if (specs.empty()) specs.push_back(makeSpec(name, EnvironmentOrigin::kLayout));
        specs[0].origin = EnvironmentOrigin::kLayout;
        addSingleRootBackend(specs[0]);
        attachNamedFiles(specs, env_files);
        return specs;
      }
    }
    if (!specs.empty()) {
      attachNamedFiles(specs, env_files);
      return specs;
    }

    // e. The root alone.
    specs = {makeSpec(directoryName(root), EnvironmentOrigin::kDirectory)};
    addSingleRootBackend(specs[0]);
    attachNamedFiles(specs, {});
    return specs;
  }

 private:
  EnvironmentSpec makeSpec(std::string name, EnvironmentOrigin origin) const {
    EnvironmentSpec spec;
    spec.tier = inferTier(name).value_or(Tier::kProduction);
    spec.name = std::move(name);
    spec.root = places_.root();
    spec.origin = origin;
    spec.var_files = auto_files_;
    return spec;
  }

  /// NAME.tfvars beside the root or in its tfvars folders, and tfvars-only
  /// subfolders of those folders.
  std::vector<EnvironmentSpec> findTfvarsEnvironments() {
    const fs::path& root = places_.root();
    std::vector<EnvironmentSpec> specs;
    std::map<std::string, fs::path> origin_of;  // name → the file or folder that made it
    auto add = [&](EnvironmentSpec spec, const fs::path& from) {
      auto [it, inserted] = origin_of.try_emplace(spec.name, from);
      if (!inserted) {
        findings_.push_back(duplicateFinding(spec.name, root, it->second, from));
        return;
      }
      specs.push_back(std::move(spec));
    };

    std::vector<fs::path> folders = {root};
    for (std::string_view folder : kTfvarsFolders) folders.push_back(root / folder);
    for (const fs::path& folder : folders) {
      const std::vector<DirEntry>& entries = places_.list(folder);
      std::vector<fs::path> shared;
      for (const DirEntry& entry : entries) {
        std::optional<std::string> stem = entry.is_file ? tfvarsStem(entry.name) : std::nullopt;
        if (stem && isSharedVarsName(*stem)) shared.push_back(cleanPath(folder / entry.name));
      }
      for (const DirEntry& entry : entries) {
        if (!entry.is_file) continue;
        std::optional<std::string> name = perEnvironmentTfvarsName(entry.name);
        if (!name) continue;
        fs::path file = cleanPath(folder / entry.name);
        EnvironmentSpec spec = makeSpec(*name, EnvironmentOrigin::kVarFile);
        spec.var_files.insert(spec.var_files.end(), shared.begin(), shared.end());
        spec.var_files.push_back(file);
        add(std::move(spec), file);
      }
      if (folder == root) continue;
      for (const DirEntry& entry : entries) {
        if (!entry.is_dir || isTemplateName(entry.name)) continue;
        if (std::optional<EnvironmentSpec> spec = tfvarsFolderEnvironment(folder / entry.name))
          add(std::move(*spec), cleanPath(folder / entry.name));
      }
    }
    return specs;
  }

  /// vars/NAME/ with tfvars and no .tf files: environment NAME.
  std::optional<EnvironmentSpec> tfvarsFolderEnvironment(const fs::path& folder) {
    std::vector<fs::path> var_files, backend;
    for (const DirEntry& entry : listDirectory(folder)) {
      if (!entry.is_file) continue;
      std::string_view name = entry.name;
      if (name.ends_with(".tf") || name.ends_with(".tf.json")) return std::nullopt;  // a module
      fs::path file = cleanPath(folder / entry.name);
      std::optional<std::string> stem = tfvarsStem(name);
      if (stem && isBackendStem(*stem)) {
        backend.push_back(file);
      } else if (stem && !isTemplateName(*stem)) {
        var_files.push_back(file);
      } else if (name.ends_with(".tfbackend") ||
                 (name.ends_with(".hcl") && lowerAscii(name).starts_with("backend"))) {
        backend.push_back(file);
      }
    }
    if (var_files.empty()) return std::nullopt;
    // terraform.tfvars of the folder first (it is the folder's main file), then lexical.
    std::stable_partition(var_files.begin(), var_files.end(), [](const fs::path& p) {
      return p.filename() == "terraform.tfvars" || p.filename() == "terraform.tfvars.json";
    });
    EnvironmentSpec spec =
        makeSpec(cleanPath(folder).filename().string(), EnvironmentOrigin::kVarFile);
    spec.var_files.insert(spec.var_files.end(), var_files.begin(), var_files.end());
    spec.backend_config = std::move(backend);
    return spec;
  }

  /// env-NAME, NAME.env, .env.NAME with TF_VAR_ lines, first place wins.
  std::vector<NamedFile> findEnvFiles() {
    std::vector<NamedFile> files;
    for (const fs::path& folder : places_.envFileFolders()) {
      for (const DirEntry& entry : places_.list(folder)) {
        if (!entry.is_file) continue;
        std::optional<std::string> name = envFileName(entry.name);
        if (!name) continue;
        fs::path path = cleanPath(folder / entry.name);
        if (!hasTfVarAssignment(path)) continue;
        auto same = std::find_if(files.begin(), files.end(),
                                 [&](const NamedFile& f) { return f.env == *name; });
        if (same != files.end()) {
          findings_.push_back(duplicateFinding(*name, places_.root(), same->path, path));
          continue;
        }
        files.push_back({std::move(*name), std::move(path)});
      }
    }
    return files;
  }

  void addSingleRootBackend(EnvironmentSpec& spec) {
    for (const DirEntry& entry : places_.list(places_.root())) {
      if (entry.is_file && (entry.name == "backend.hcl" || entry.name == "backend.tfbackend" ||
                            entry.name == "backend.tfvars"))
        spec.backend_config.push_back(cleanPath(places_.root() / entry.name));
    }
  }

  /// Gives each environment its env file and backend files by name.
  void attachNamedFiles(std::span<EnvironmentSpec> specs, const std::vector<NamedFile>& env_files) {
    std::set<std::string> names;
    for (const EnvironmentSpec& spec : specs) names.insert(spec.name);
    for (EnvironmentSpec& spec : specs) {
      for (const NamedFile& file : env_files)
        if (file.env == spec.name) spec.env_file = file.path;
      std::vector<std::pair<int, fs::path>> matches;
      for (const auto& [folder, is_backend_folder] : places_.backendFolders()) {
        for (const DirEntry& entry : places_.list(folder)) {
          if (!entry.is_file) continue;
          if (std::optional<int> rank =
                  backendMatch(entry.name, spec.name, is_backend_folder, names))
            matches.emplace_back(*rank, cleanPath(folder / entry.name));
        }
      }
      std::stable_sort(matches.begin(), matches.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto& [rank, path] : matches) {
        if (std::find(spec.backend_config.begin(), spec.backend_config.end(), path) ==
            spec.backend_config.end())
          spec.backend_config.push_back(std::move(path));
      }
    }
  }

  RootPlaces places_;
  Findings& findings_;
  std::vector<fs::path> auto_files_;
};

/// A path written in a config block: relative to the root if it exists
/// there, else relative to the config directory; nullopt if neither.
std::optional<fs::path> resolveConfigPath(const std::string& written, const fs::path& root,
                                          const fs::path& config_dir,
                                          std::vector<fs::path>& tried) {
  fs::path path(written);
  if (path.is_absolute()) {
    tried.push_back(cleanPath(path));
  } else {
    tried.push_back(cleanPath(root / path));
    tried.push_back(cleanPath(config_dir / path));
  }
  for (const fs::path& candidate : tried)
    if (isRegularFile(candidate)) return candidate;
  return std::nullopt;
}

std::string describeTried(const std::vector<fs::path>& tried) {
  std::string text;
  for (size_t i = 0; i < tried.size(); ++i) {
    if (i > 0) text += i + 1 == tried.size() ? " or " : ", ";
    text += fmt::format("`{}`", tried[i].generic_string());
  }
  return text;
}

}  // namespace

std::string_view tierName(Tier tier) {
  switch (tier) {
    case Tier::kProduction:
      return "production";
    case Tier::kStaging:
      return "staging";
    case Tier::kDevelopment:
      return "development";
  }
  return "production";
}

std::optional<Tier> parseTier(std::string_view name) {
  if (name == "production") return Tier::kProduction;
  if (name == "staging") return Tier::kStaging;
  if (name == "development") return Tier::kDevelopment;
  return std::nullopt;
}

namespace {

std::optional<Tier> tierOfWord(std::string_view lower_word) {
  static constexpr std::pair<std::string_view, Tier> kWords[] = {
      {"prod", Tier::kProduction},     {"production", Tier::kProduction},
      {"prd", Tier::kProduction},      {"live", Tier::kProduction},
      {"main", Tier::kProduction},     {"stage", Tier::kStaging},
      {"staging", Tier::kStaging},     {"stg", Tier::kStaging},
      {"uat", Tier::kStaging},         {"preprod", Tier::kStaging},
      {"dev", Tier::kDevelopment},     {"development", Tier::kDevelopment},
      {"sandbox", Tier::kDevelopment}, {"test", Tier::kDevelopment},
      {"qa", Tier::kDevelopment},      {"demo", Tier::kDevelopment},
  };
  for (const auto& [word, tier] : kWords)
    if (word == lower_word) return tier;
  return std::nullopt;
}

}  // namespace

std::optional<Tier> inferTier(std::string_view name) {
  std::string lower = lowerAscii(name);
  if (std::optional<Tier> whole = tierOfWord(lower)) return whole;
  // Word by word; when words disagree ("dev-to-prod") the strictest tier
  // wins, as production is the safe default for what is unclear.
  std::optional<Tier> found;
  size_t start = 0;
  while (start <= lower.size()) {
    size_t end = lower.find_first_of("-_.", start);
    if (end == std::string::npos) end = lower.size();
    if (std::optional<Tier> tier = tierOfWord(std::string_view(lower).substr(start, end - start)))
      if (!found || static_cast<int>(*tier) < static_cast<int>(*found)) found = tier;
    start = end + 1;
  }
  return found;
}

std::vector<fs::path> autoLoadedVarFiles(const fs::path& root) {
  return autoLoadedFrom(cleanPath(root), listDirectory(root));
}

std::vector<EnvironmentSpec> discoverEnvironments(std::span<const fs::path> root_modules,
                                                  const settings::Settings& settings,
                                                  Findings& findings) {
  CanonicalFolders canonical_folders;
  // The loader's roots, each once, under their cleaned spelling.
  std::vector<fs::path> roots;
  std::map<std::string, fs::path> root_by_key;
  for (const fs::path& root : root_modules) {
    fs::path clean = cleanPath(root);
    if (root_by_key.try_emplace(pathKey(clean), clean).second) roots.push_back(clean);
  }

  std::vector<EnvironmentSpec> specs;
  std::set<std::string> configured_roots;
  // a. Config blocks.
  const fs::path config_dir = settings.dir.empty() ? fs::path(".") : settings.dir;
  for (const settings::EnvironmentConfig& config : settings.environments) {
    if (config.root.empty()) {
      findings.push_back(configFinding(
          config, "Environment without root",
          fmt::format("`environment \"{}\"` needs `root`, the directory of its root module.",
                      config.name)));
      continue;
    }
    fs::path root = fs::path(config.root).is_absolute() ? cleanPath(config.root)
                                                        : cleanPath(config_dir / config.root);
    if (!isDirectory(root)) {
      findings.push_back(configFinding(
          config, "Environment root not found",
          fmt::format("The root `{}` of `environment \"{}\"` is not a directory (`{}`).",
                      config.root, config.name, root.generic_string())));
      continue;
    }
    std::string key = pathKey(root);
    if (auto it = root_by_key.find(key); it != root_by_key.end()) root = it->second;
    configured_roots.insert(key);

    EnvironmentSpec spec;
    spec.name = config.name;
    spec.root = root;
    spec.origin = EnvironmentOrigin::kConfig;
    spec.config = &config;
    spec.workspace = config.workspace.empty() ? std::string("default") : config.workspace;
    if (!config.tier.empty()) {
      if (std::optional<Tier> tier = parseTier(config.tier)) {
        spec.tier = *tier;
        spec.tier_explicit = true;
      } else {
        findings.push_back(configFinding(
            config, "Unknown tier",
            fmt::format("`tier = \"{}\"` in `environment \"{}\"` is not one of \"production\", "
                        "\"staging\", \"development\"; the tier is inferred from the name.",
                        config.tier, config.name)));
      }
    }
    if (!spec.tier_explicit) spec.tier = inferTier(spec.name).value_or(Tier::kProduction);

    spec.var_files = autoLoadedVarFiles(root);
    auto resolve = [&](const std::string& written,
                       std::string_view what) -> std::optional<fs::path> {
      std::vector<fs::path> tried;
      std::optional<fs::path> path = resolveConfigPath(written, root, config_dir, tried);
      if (!path)
        findings.push_back(configFinding(
            config, fmt::format("{} not found", what),
            fmt::format("`environment \"{}\"` names the {} `{}`, which is not a file: tried {}.",
                        config.name, lowerAscii(what), written, describeTried(tried))));
      return path;
    };
    for (const std::string& written : config.var_files) {
      std::optional<fs::path> path = resolve(written, "Var file");
      if (!path) continue;
      std::string path_key = pathKey(*path);
      if (std::none_of(spec.var_files.begin(), spec.var_files.end(),
                       [&](const fs::path& p) { return pathKey(p) == path_key; }))
        spec.var_files.push_back(std::move(*path));
    }
    if (!config.env_file.empty()) spec.env_file = resolve(config.env_file, "Env file");
    for (const std::string& written : config.backend_config)
      if (std::optional<fs::path> path = resolve(written, "Backend config file"))
        spec.backend_config.push_back(std::move(*path));
    specs.push_back(std::move(spec));
  }

  // b–e. Roots no config block names.
  for (const fs::path& root : roots) {
    if (configured_roots.contains(pathKey(root))) continue;
    std::vector<EnvironmentSpec> found = RootDiscovery(root, findings).discover();
    std::move(found.begin(), found.end(), std::back_inserter(specs));
  }

  // Names unique per root: the first wins (config blocks come first).
  std::vector<EnvironmentSpec> unique;
  std::map<std::pair<std::string, std::string>, size_t> seen;
  for (EnvironmentSpec& spec : specs) {
    auto [it, inserted] = seen.try_emplace({pathKey(spec.root), spec.name}, unique.size());
    if (inserted) {
      unique.push_back(std::move(spec));
      continue;
    }
    if (spec.config != nullptr) {
      findings.push_back(configFinding(
          *spec.config, "Duplicate environment",
          fmt::format("Another `environment \"{}\"` block already uses root `{}`; this one is "
                      "ignored.",
                      spec.name, spec.root.generic_string())));
    } else {
      findings.push_back(
          duplicateFinding(spec.name, spec.root, unique[it->second].root, spec.root));
    }
  }
  std::stable_sort(unique.begin(), unique.end(),
                   [](const EnvironmentSpec& a, const EnvironmentSpec& b) {
                     if (a.root != b.root) return a.root < b.root;
                     return a.name < b.name;
                   });
  return unique;
}

}  // namespace tfguard::loader
