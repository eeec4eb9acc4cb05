#include "loader/project.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <system_error>

#include "base/parallel.h"
#include "syntax/parser.h"

namespace tfguard::loader {
namespace fs = std::filesystem;

namespace {

constexpr uintmax_t kMaxFileBytes = 512u << 20;  // larger files are reported, not read

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// open/fstat/read: an ifstream allocates a buffer and a locale per file,
// a noticeable part of loading 10,000 small files.
std::optional<std::string> readWholeFile(const fs::path& path, std::string* error, struct stat* stat_out = nullptr) {
  // O_NONBLOCK: a FIFO named main.tf must not block the open (regular
  // files, the only ones read, ignore it).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    int e = errno;
    *error = e == ENOENT ? "" : std::generic_category().message(e);  // "Permission denied", ...
    return std::nullopt;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *error = S_ISDIR(st.st_mode) ? std::generic_category().message(EISDIR) : "the file cannot be read";
    return std::nullopt;
  }
  if (stat_out != nullptr) *stat_out = st;
  auto size = static_cast<uintmax_t>(st.st_size);
  if (size > kMaxFileBytes) {
    *error = fmt::format("the file is {} bytes; tfguard reads files up to {} bytes", size, kMaxFileBytes);
    return std::nullopt;
  }
  std::string text;
  text.resize(static_cast<size_t>(size));
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = "the file cannot be read";
      return std::nullopt;
    }
    if (n == 0) break;  // the file shrank while read
    done += static_cast<size_t>(n);
  }
  text.resize(done);
  return text;
}

Project::FileStamp stampOf(const struct stat& st) {
  return {static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

int64_t nowNs() {
  struct timespec ts {};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// How a configuration file (.tf, .tf.json) is parsed (parseByName's choice).
syntax::FileSyntax configSyntax(const fs::path& path) {
  return endsWith(path.native(), ".json") ? syntax::FileSyntax::kJson : syntax::FileSyntax::kNative;
}

// Absolute and lexically normal, without a trailing separator ("m/./" and
// "m" must be the same key).
fs::path normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = (p.is_absolute() ? p : fs::absolute(p, ec)).lexically_normal();
  if (abs.has_parent_path() && !abs.has_filename() && abs != abs.root_path()) abs = abs.parent_path();
  return abs;
}

bool isLocalSource(std::string_view s) { return s.starts_with("./") || s.starts_with("../") || s == "." || s == ".."; }

fs::path findGitRoot(const fs::path& start) {
  std::error_code ec;
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p;
    if (p == p.parent_path()) break;
  }
  return {};
}

}  // namespace

FileKind classifyFile(const fs::path& path) {
  std::string name = path.filename().string();
  if (endsWith(name, ".tf.json")) return FileKind::kConfigJson;
  if (endsWith(name, ".tf")) return FileKind::kConfig;
  if (endsWith(name, ".tfvars.json")) return FileKind::kVarsJson;
  if (endsWith(name, ".tfvars")) return FileKind::kVars;
  if (endsWith(name, ".tftest.hcl")) return FileKind::kTest;
  if (endsWith(name, ".hcl") || endsWith(name, ".tfbackend")) return FileKind::kHcl;
  if (endsWith(name, ".tfstate") || endsWith(name, ".tfstate.backup")) return FileKind::kStateFile;
  return FileKind::kOther;
}

namespace {

std::vector<std::string_view> splitSegments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) slash = s.size();
    if (slash > start) out.push_back(s.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// One path segment against `*` and `?` (neither crosses '/').
bool segmentMatch(std::string_view pat, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pat.size() && (pat[p] == '?' || pat[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

}  // namespace

bool globMatch(std::string_view pattern, std::string_view text) {
  // Segment-wise, `**` matching any number of segments: a DP over
  // (pattern segment, text segment), linear in their product.
  auto ps = splitSegments(pattern), ts = splitSegments(text);
  std::vector<std::vector<char>> ok(ps.size() + 1, std::vector<char>(ts.size() + 1, 0));
  ok[ps.size()][ts.size()] = 1;
  for (size_t i = ps.size(); i-- > 0;) {
    for (size_t j = ts.size() + 1; j-- > 0;) {
      if (ps[i] == "**") {
        ok[i][j] = ok[i + 1][j] || (j < ts.size() && ok[i][j + 1]);
      } else {
        ok[i][j] = j < ts.size() && segmentMatch(ps[i], ts[j]) && ok[i + 1][j + 1];
      }
    }
  }
  return ok[0][0];
}

namespace {
/// A module's files in the order Terraform reads them.
void sortByFileName(std::vector<std::shared_ptr<syntax::ParsedFile>>& files) {
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return fs::path(a->source->path()).filename() < fs::path(b->source->path()).filename();
  });
}
}  // namespace

std::shared_ptr<Project> Project::load(std::span<const fs::path> paths, const settings::Settings& settings,
                                       LoadOptions options) {
  std::shared_ptr<Project> project(new Project());
  project->previous_ = std::move(options.previous);
  project->started_ns_ = nowNs();
  std::error_code ec;
  project->cwd_ = fs::current_path(ec).lexically_normal();
  project->exclude_ = settings.exclude;
  for (const auto& [path, text] : options.overlays) project->overlays_[normal(path)] = text;

  std::vector<fs::path> starts;
  for (const fs::path& p : paths) {
    fs::path n = normal(p);
    if (fs::is_regular_file(n, ec)) n = n.parent_path();
    starts.push_back(n);
  }
  if (starts.empty()) starts.push_back(project->cwd_);
  if (!settings.file.empty()) {
    project->confinement_root_ = normal(settings.dir);
  } else if (fs::path git = findGitRoot(starts[0]); !git.empty()) {
    project->confinement_root_ = git;
  } else {
    project->confinement_root_ = starts[0];
  }
  // A scanned path outside the confinement root widens it: the user asked for it.
  for (const fs::path& s : starts) {
    if (!project->inside(s)) project->confinement_root_ = s.root_path();
  }

  // ---- walk
  std::set<fs::path> config_files;
  for (const fs::path& start : starts) {
    auto consider = [&](const fs::path& file) {
      FileKind kind = classifyFile(file);
      if (kind == FileKind::kConfig || kind == FileKind::kConfigJson) config_files.insert(file);
      if (kind == FileKind::kStateFile) project->state_files_.push_back(file);
    };
    fs::recursive_directory_iterator it(start, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      project->findings_.push_back({"syntax", Severity::kError, "Cannot read directory",
                                    fmt::format("tfguard cannot read {}: {}.", project->displayPath(start), ec.message()),
                                    {}, {}, {}});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      bool is_dir = it->is_directory(ec);
      bool excluded = false;
      if (!project->exclude_.empty()) {
        std::string rel = p.lexically_relative(project->confinement_root_).generic_string();
        excluded = std::any_of(project->exclude_.begin(), project->exclude_.end(),
                               [&](const std::string& g) { return globMatch(g, rel); });
      }
      if (is_dir) {
        if (name == ".terraform" || name == ".git" || excluded) it.disable_recursion_pending();
        continue;
      }
      if (excluded) continue;
      if (it->is_regular_file(ec)) {
        consider(p);
      } else if (ec) {
        // A configuration file whose type cannot be read (a symlink loop,
        // a.tf -> b.tf -> a.tf) is read anyway, so that the read error is a
        // finding at the file instead of a file silently missing.
        if (FileKind kind = classifyFile(p); kind == FileKind::kConfig || kind == FileKind::kConfigJson)
          config_files.insert(p);
        ec.clear();
      }
    }
  }
  std::sort(project->state_files_.begin(), project->state_files_.end());
  for (const auto& [path, text] : project->overlays_) {
    FileKind kind = classifyFile(path);
    bool scanned = std::any_of(starts.begin(), starts.end(), [&](const fs::path& s) {
      fs::path rel = path.lexically_relative(s);
      return !rel.empty() && *rel.begin() != "..";
    });
    if (scanned && (kind == FileKind::kConfig || kind == FileKind::kConfigJson)) config_files.insert(path);
  }

  // ---- parse in parallel
  std::vector<fs::path> files(config_files.begin(), config_files.end());
  std::vector<std::shared_ptr<syntax::ParsedFile>> parsed(files.size());
  std::vector<std::string> read_errors(files.size());
  std::vector<std::optional<FileStamp>> stamps(files.size());
  // Unless the number of threads is given, a second thread is started from
  // a few hundred files only: its start and the fresh heap it fills cost
  // more than parsing 150 files (a 3 x 50 module tree loads in 8.0 ms on
  // one thread, 10.8 ms on two; 1,000 files in 40.9 and 31.9 ms).
  constexpr size_t kFilesForThreads = 256;
  unsigned jobs = options.jobs == 0 && files.size() < kFilesForThreads ? 1 : effectiveJobs(options.jobs);
  parallelFor(files.size(), jobs, [&](size_t i) {
    // Unchanged on disk since the previous load read it: not read again.
    if ((parsed[i] = project->previousUnchanged(files[i], &stamps[i]))) return;
    std::string error;
    auto text = project->readText(files[i], &error, &stamps[i]);
    if (text && (parsed[i] = project->previousParse(files[i], *text, configSyntax(files[i])))) return;
    auto source = std::make_shared<SourceFile>(project->displayPath(files[i]), text ? std::move(*text) : "");
    if (!text) read_errors[i] = error.empty() ? "the file does not exist" : error;
    parsed[i] = std::make_shared<syntax::ParsedFile>(syntax::parseByName(std::move(source)));
  });

  // ---- modules, in directory order
  std::map<fs::path, std::vector<std::shared_ptr<syntax::ParsedFile>>> by_dir;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!read_errors[i].empty()) {
      project->findings_.push_back({"syntax", Severity::kError, "Cannot read file",
                                    fmt::format("tfguard cannot read {}: {}.", project->displayPath(files[i]), read_errors[i]),
                                    {parsed[i]->source, {}}, {}, {}});
    }
    project->files_[files[i]] = parsed[i];
    if (stamps[i]) project->stamps_[files[i]] = *stamps[i];
    by_dir[files[i].parent_path()].push_back(parsed[i]);
  }
  // The models are built in parallel too, then added in directory order.
  std::vector<std::pair<fs::path, std::vector<std::shared_ptr<syntax::ParsedFile>>>> dirs(
      std::make_move_iterator(by_dir.begin()), std::make_move_iterator(by_dir.end()));
  std::vector<std::shared_ptr<const model::Module>> built(dirs.size());
  parallelFor(dirs.size(), jobs, [&](size_t i) {
    sortByFileName(dirs[i].second);
    if ((built[i] = project->previousModule(dirs[i].first, dirs[i].second))) return;
    std::vector<const syntax::ParsedFile*> ptrs;
    for (const auto& f : dirs[i].second) ptrs.push_back(f.get());
    built[i] = model::buildModule(project->displayPath(dirs[i].first), ptrs);
  });
  std::set<fs::path> called;
  for (size_t i = 0; i < dirs.size(); ++i) {
    const fs::path& dir = dirs[i].first;
    project->module_dirs_.push_back(dir);
    const model::Module* m = project->addModule(dir, dirs[i].second, std::move(built[i]));
    for (const model::ModuleCall& call : m->module_calls)
      if (isLocalSource(call.source)) called.insert(normal(dir / call.source));  // "../../" ends in a separator
  }
  for (const fs::path& dir : project->module_dirs_)
    if (!called.count(dir)) project->roots_.push_back(dir);
  return project;
}

const model::Module* Project::buildModule(const fs::path& dir, std::vector<std::shared_ptr<syntax::ParsedFile>> files) {
  sortByFileName(files);
  if (auto reused = previousModule(dir, files)) return addModule(dir, files, std::move(reused));
  std::vector<const syntax::ParsedFile*> ptrs;
  for (const auto& f : files) ptrs.push_back(f.get());
  return addModule(dir, files, model::buildModule(displayPath(dir), ptrs));
}

const model::Module* Project::addModule(const fs::path& dir, std::span<const std::shared_ptr<syntax::ParsedFile>> files,
                                        std::shared_ptr<const model::Module> m) {
  for (const auto& f : files) addSyntaxFindings(*f);
  for (const Finding& f : m->findings) findings_.push_back(f);
  const model::Module* out = m.get();
  modules_[dir] = std::move(m);
  return out;
}

std::shared_ptr<syntax::ParsedFile> Project::previousParse(const fs::path& path, std::string_view text,
                                                           syntax::FileSyntax syntax) const {
  if (!previous_) return nullptr;
  auto it = previous_->files_.find(path);
  if (it == previous_->files_.end()) return nullptr;
  const syntax::ParsedFile& old = *it->second;
  if (old.syntax != syntax || old.source->text() != text || old.source->path() != displayPath(path)) return nullptr;
  return it->second;
}

std::shared_ptr<const model::Module> Project::previousModule(
    const fs::path& dir, std::span<const std::shared_ptr<syntax::ParsedFile>> files) const {
  if (!previous_) return nullptr;
  auto it = previous_->modules_.find(dir);
  if (it == previous_->modules_.end() || !it->second || it->second->files.size() != files.size()) return nullptr;
  for (size_t i = 0; i < files.size(); ++i)
    if (it->second->files[i] != files[i].get()) return nullptr;
  return it->second;
}

void Project::releasePrevious() {
  std::lock_guard lock(mutex_);
  previous_.reset();
}

void Project::addSyntaxFindings(const syntax::ParsedFile& file) {
  registerSource(file.source);
  // A binary file named .tf has an error every few bytes (26,000 for a
  // 100 KB executable): the first ones say enough, the rest is one finding.
  constexpr size_t kMaxSyntaxFindingsPerFile = 100;
  size_t shown = 0;
  for (const Diagnostic& d : file.diagnostics) {
    if (shown == kMaxSyntaxFindingsPerFile) {
      findings_.push_back({"syntax", Severity::kError, "Too many syntax errors",
                           fmt::format("{} has {} syntax errors; tfguard reports the first {}. Is it a text file?",
                                       file.source->path(), file.diagnostics.size(), kMaxSyntaxFindingsPerFile),
                           {file.source, d.subject.value_or(ByteRange{})}, {}, {}});
      break;
    }
    ++shown;
    findings_.push_back({"syntax", d.severity, d.summary, d.detail, {file.source, d.subject.value_or(ByteRange{})},
                         {}, {}});
  }
}

std::optional<std::string> Project::readText(const fs::path& path, std::string* error,
                                             std::optional<FileStamp>* stamp) const {
  if (!overlays_.empty()) {
    // Callers mostly pass normal paths already (normal() is not cheap).
    auto it = overlays_.find(path);
    if (it == overlays_.end()) it = overlays_.find(normal(path));
    if (it != overlays_.end()) return it->second;
  }
  struct stat st {};
  auto text = readWholeFile(path, error, stamp ? &st : nullptr);
  // A file modified in the same clock tick as it was read could change again
  // without its time changing: only a file older than that is recognised
  // by its stamp ("racy git").
  constexpr int64_t kSettledNs = 2'000'000'000;
  if (text && stamp != nullptr) {
    FileStamp s = stampOf(st);
    if (s.mtime_ns < started_ns_ - kSettledNs) *stamp = s;
  }
  return text;
}

std::shared_ptr<syntax::ParsedFile> Project::previousUnchanged(const fs::path& path,
                                                               std::optional<FileStamp>* stamp) const {
  if (!previous_ || overlays_.count(path)) return nullptr;
  auto known = previous_->stamps_.find(path);
  if (known == previous_->stamps_.end()) return nullptr;
  auto file = previous_->files_.find(path);
  if (file == previous_->files_.end()) return nullptr;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !(stampOf(st) == known->second)) return nullptr;
  if (file->second->source->path() != displayPath(path)) return nullptr;
  *stamp = known->second;
  return file->second;
}

bool Project::inside(const fs::path& path) const {
  fs::path rel = path.lexically_normal().lexically_relative(confinement_root_);
  return !rel.empty() && *rel.begin() != "..";
}

const model::Module* Project::module(const fs::path& dir_in) {
  std::lock_guard lock(mutex_);
  // Most callers pass a normal path already (normal() is not cheap).
  if (auto it = modules_.find(dir_in); it != modules_.end()) return it->second.get();
  fs::path dir = normal(dir_in);
  if (auto it = modules_.find(dir); it != modules_.end()) return it->second.get();
  std::error_code ec;
  std::vector<std::shared_ptr<syntax::ParsedFile>> found;
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    FileKind kind = classifyFile(it->path());
    if ((kind == FileKind::kConfig || kind == FileKind::kConfigJson) && it->is_regular_file(ec)) paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    // A file parsed before (the tree models point into it) is reused, never replaced.
    if (auto it = files_.find(normal(p)); it != files_.end()) {
      found.push_back(it->second);
      continue;
    }
    std::string error;
    auto text = readText(p, &error);
    std::shared_ptr<syntax::ParsedFile> parsed;
    if (text) parsed = previousParse(normal(p), *text, configSyntax(p));
    if (!parsed) {
      auto source = std::make_shared<SourceFile>(displayPath(p), text ? std::move(*text) : "");
      parsed = std::make_shared<syntax::ParsedFile>(syntax::parseByName(std::move(source)));
    }
    files_[normal(p)] = parsed;
    found.push_back(std::move(parsed));
  }
  if (found.empty()) {
    modules_[dir] = nullptr;
    return nullptr;
  }
  return buildModule(dir, std::move(found));
}

std::shared_ptr<const SourceFile> Project::sourceFileByPath(const std::string& display_path) const {
  std::lock_guard lock(mutex_);
  auto it = by_display_.find(display_path);
  return it == by_display_.end() ? nullptr : it->second;
}

void Project::registerSource(std::shared_ptr<const SourceFile> source) {
  std::lock_guard lock(mutex_);
  if (source) by_display_[source->path()] = std::move(source);
}

std::shared_ptr<const SourceFile> Project::sourceFile(const fs::path& path_in, std::string* error) {
  std::lock_guard lock(mutex_);
  fs::path path = normal(path_in);
  if (auto it = sources_.find(path); it != sources_.end()) return it->second;
  if (auto it = files_.find(path); it != files_.end()) return it->second->source;
  if (!inside(path)) {
    *error = fmt::format("{} is outside the scanned tree ({}); tfguard does not read it", displayPath(path),
                         displayPath(confinement_root_));
    return nullptr;
  }
  // The check above is lexical: a symlink inside the tree (to a file, or a
  // directory on the way) may lead out of it. What is read is where the
  // links lead, so that must be inside too.
  if (std::error_code ec; true) {
    fs::path target = fs::weakly_canonical(path, ec);
    if (!ec) {
      if (canonical_root_.empty()) canonical_root_ = fs::weakly_canonical(confinement_root_, ec);
      fs::path rel = target.lexically_relative(canonical_root_);
      if (!ec && (rel.empty() || *rel.begin() == "..")) {
        *error = fmt::format("{} leads through a symbolic link to {}, outside the scanned tree ({}); tfguard does not read it",
                             displayPath(path), target.string(), displayPath(confinement_root_));
        return nullptr;
      }
    }
  }
  std::string read_error;
  auto text = readText(path, &read_error);
  if (!text) {
    *error = read_error.empty() ? fmt::format("no file exists at {}", displayPath(path)) : read_error;
    return nullptr;
  }
  std::shared_ptr<const SourceFile> source;
  if (previous_) {
    // The same text as last time: the same object (what was evaluated from
    // it is recognised by it).
    auto it = previous_->sources_.find(path);
    if (it != previous_->sources_.end() && it->second->text() == *text && it->second->path() == displayPath(path))
      source = it->second;
  }
  if (!source) source = std::make_shared<const SourceFile>(displayPath(path), std::move(*text));
  sources_[path] = source;
  registerSource(source);
  return source;
}

const syntax::ParsedFile* Project::parsedFile(const fs::path& path_in, syntax::FileSyntax syntax, std::string* error) {
  std::lock_guard lock(mutex_);
  fs::path path = normal(path_in);
  if (auto it = files_.find(path); it != files_.end()) return it->second.get();
  std::string ignored;
  auto source = sourceFile(path, error ? error : &ignored);
  if (!source) return nullptr;
  std::shared_ptr<syntax::ParsedFile> parsed;
  if (previous_) {
    auto it = previous_->files_.find(path);
    if (it != previous_->files_.end() && it->second->source == source && it->second->syntax == syntax) parsed = it->second;
  }
  if (!parsed) switch (syntax) {
    case syntax::FileSyntax::kNative: parsed = std::make_shared<syntax::ParsedFile>(syntax::parseConfig(source)); break;
    case syntax::FileSyntax::kJson: parsed = std::make_shared<syntax::ParsedFile>(syntax::parseJson(source)); break;
    case syntax::FileSyntax::kTemplate:
      parsed = std::make_shared<syntax::ParsedFile>(syntax::parseTemplateFile(source));
      break;
  }
  addSyntaxFindings(*parsed);
  files_[path] = parsed;
  return parsed.get();
}

ModuleSource Project::resolveModuleSource(const fs::path& root_dir, const std::string& key, const fs::path& caller_dir,
                                          const std::string& source) {
  std::lock_guard lock(mutex_);
  // Every environment's every module call asks (a stat each): answered once.
  std::string memo_key = fmt::format("{}\n{}\n{}\n{}", root_dir.native(), key, caller_dir.native(), source);
  if (auto it = resolved_.find(memo_key); it != resolved_.end()) return it->second;
  ModuleSource resolved = resolveModuleSourceOnce(root_dir, key, caller_dir, source);
  resolved_.emplace(std::move(memo_key), resolved);
  return resolved;
}

ModuleSource Project::resolveModuleSourceOnce(const fs::path& root_dir, const std::string& key,
                                              const fs::path& caller_dir, const std::string& source) {
  std::error_code ec;
  if (isLocalSource(source)) {
    fs::path dir = normal(caller_dir / source);
    if (fs::is_directory(dir, ec)) return {ModuleSource::Kind::kLocal, dir, {}};
    return {ModuleSource::Kind::kUnresolved, {}, fmt::format("the module directory {} does not exist", displayPath(dir))};
  }
  fs::path root = normal(root_dir);
  auto it = installed_.find(root);
  if (it == installed_.end()) {
    std::optional<std::map<std::string, fs::path>> modules;
    std::string error;
    if (auto text = readWholeFile(root / ".terraform" / "modules" / "modules.json", &error)) {
      auto json = nlohmann::json::parse(*text, nullptr, false);
      if (json.is_object() && json.contains("Modules") && json["Modules"].is_array()) {
        modules.emplace();
        for (const auto& m : json["Modules"]) {
          if (!m.is_object() || !m.contains("Key") || !m.contains("Dir") || !m["Key"].is_string() || !m["Dir"].is_string())
            continue;
          (*modules)[m["Key"].get<std::string>()] = normal(root / m["Dir"].get<std::string>());
        }
      }
    }
    it = installed_.emplace(root, std::move(modules)).first;
  }
  if (it->second) {
    if (auto m = it->second->find(key); m != it->second->end() && fs::is_directory(m->second, ec))
      return {ModuleSource::Kind::kInstalled, m->second, {}};
  }
  return {ModuleSource::Kind::kUnresolved, {},
          fmt::format("the module source \"{}\" is not installed in {} (run terraform init to check its contents)",
                      source, displayPath(root / ".terraform" / "modules"))};
}

std::vector<const syntax::ParsedFile*> Project::parsedFiles() const {
  std::lock_guard lock(mutex_);
  std::vector<const syntax::ParsedFile*> out;
  for (const auto& [path, file] : files_) out.push_back(file.get());
  return out;
}

std::string Project::displayPath(const fs::path& path) const {
  fs::path n = path.lexically_normal();
  fs::path rel = n.lexically_relative(cwd_);
  if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  return n.generic_string();
}

}  // namespace tfguard::loader
