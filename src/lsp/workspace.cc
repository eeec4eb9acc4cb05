// Checking: which directory a file is checked in, when (debounce), the
// check itself with the open buffers as overlays, merging a partial
// result into what is known, and publishing diagnostics for open files.
#include <fmt/format.h>

#include <algorithm>

#include "engine/engine.h"
#include "lsp/server.h"
#include "lsp/server_internal.h"

namespace tfguard::lsp {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path gitRoot(const fs::path& start) {
  std::error_code ec;
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p;
    if (p == p.parent_path()) break;
  }
  return {};
}

int lspSeverity(Severity severity) {
  switch (severity) {
    case Severity::kError: return 1;
    case Severity::kWarning: return 2;
    case Severity::kNote: return 3;
  }
  return 3;
}

}  // namespace

bool isInside(const fs::path& path, const fs::path& dir) {
  auto p = path.begin();
  for (auto d = dir.begin(); d != dir.end(); ++d, ++p) {
    if (d->empty() && std::next(d) == dir.end()) break;  // "dir/" ends in an empty element
    if (p == path.end() || *p != *d) return false;
  }
  return true;
}

fs::path absoluteFindingPath(const SourceFile& file) {
  fs::path p(file.path());
  if (p.is_absolute()) return p.lexically_normal();
  std::error_code ec;
  return (fs::current_path(ec) / p).lexically_normal();
}

LspRange Server::PositionMapper::range(const SourceFile& file, ByteRange range) {
  auto it = tables_.find(&file);
  if (it == tables_.end()) it = tables_.emplace(&file, LineTable(file.text())).first;
  return {it->second.positionAt(range.begin, encoding_), it->second.positionAt(range.end, encoding_)};
}

Server::Workspace& Server::workspaceOf(const fs::path& file) {
  auto known = root_of_.find(file);
  fs::path root;
  if (known != root_of_.end()) {
    root = known->second;
  } else {
    fs::path folder;
    for (const fs::path& f : workspace_folders_)
      if (isInside(file, f) && std::distance(f.begin(), f.end()) > std::distance(folder.begin(), folder.end())) folder = f;
    if (folder.empty()) folder = gitRoot(file.parent_path());
    if (folder.empty()) folder = file.parent_path();
    root = folder;
    if (auto config = settings::findSettingsFile(file.parent_path()); config && isInside(config->parent_path(), folder))
      root = config->parent_path().lexically_normal();
    root_of_[file] = root;
  }
  std::unique_ptr<Workspace>& ws = workspaces_[root];
  if (!ws) {
    ws = std::make_unique<Workspace>();
    ws->root = root;
  }
  return *ws;
}

void Server::schedule(const fs::path& file, Clock::time_point now, Clock::duration delay) {
  Workspace& ws = workspaceOf(file);
  ws.pending_files.insert(file);
  if (!ws.pending_since) ws.pending_since = now;
  if (delay <= Clock::duration::zero()) {
    ws.due = ws.due ? std::min(*ws.due, now) : now;
    ws.due_now = true;
  } else if (!ws.due_now) {
    // Typing postpones the check, but never by more than a second past
    // the first change.
    Clock::time_point latest = *ws.pending_since + std::max<Clock::duration>(std::chrono::seconds(1), delay);
    ws.due = std::min(now + delay, latest);
  }
}

std::optional<Clock::time_point> Server::nextDeadline() const {
  std::optional<Clock::time_point> next;
  for (const auto& [root, ws] : workspaces_)
    if (ws->due && (!next || *ws->due < *next)) next = ws->due;
  return next;
}

void Server::runDue(Clock::time_point now) {
  for (auto& [root, ws] : workspaces_)
    if (ws->due && *ws->due <= now) check(*ws);
}

void Server::flushFor(const fs::path& file) {
  Workspace& ws = workspaceOf(file);
  if (ws.due) check(ws);
}

void Server::endOfInput() { exit_requested_ = true; }

bool Server::reloadSettings(Workspace& ws) {
  std::optional<fs::path> file = settings::findSettingsFile(ws.root);
  std::error_code ec;
  fs::file_time_type mtime = file ? fs::last_write_time(*file, ec) : fs::file_time_type{};
  if (ws.settings && ws.settings_file == file.value_or(fs::path()) && ws.settings_mtime == mtime) return true;
  Findings errors;
  std::optional<settings::Settings> loaded = settings::resolveSettings(file.value_or(fs::path()), ws.root, errors);
  std::vector<std::string> problems;
  for (const Finding& e : errors) problems.push_back(settings::formatFinding(e));
  std::shared_ptr<const engine::RuleCatalog> catalog;
  if (loaded) catalog = engine::RuleCatalog::load(*loaded, {}, &problems);
  if (!problems.empty()) {
    showMessage(1, fmt::format("tfguard: the settings cannot be used: {}", fmt::join(problems, "; ")));
    return false;
  }
  ws.settings = std::move(loaded);
  ws.settings_file = file.value_or(fs::path());
  ws.settings_mtime = mtime;
  ws.catalog = std::move(catalog);
  ws.session = std::make_unique<engine::CheckSession>();
  ws.had_full_check = false;
  return true;
}

void Server::check(Workspace& ws) {
  std::vector<fs::path> changed(ws.pending_files.begin(), ws.pending_files.end());
  ws.pending_files.clear();
  ws.due.reset();
  ws.due_now = false;
  ws.pending_since.reset();
  if (!reloadSettings(ws)) return;
  engine::CheckOptions options;
  options.paths = {ws.root};
  options.jobs = options_.jobs;
  options.today = options_.today;
  options.fail_on = "never";
  options.session = ws.session.get();
  for (const auto& [uri, doc] : documents_.documents()) {
    if (doc.path.empty() || !isInside(doc.path, ws.root)) continue;
    options.overlays[doc.path] = doc.text;
    ws.checked_version[uri] = doc.version;
  }
  bool full = !ws.had_full_check;
  if (!full) options.changed_files = changed;
  engine::CheckResult result;
  try {
    result = engine::runCheck(options, *ws.settings);
  } catch (const std::exception& e) {  // a bug; the editor keeps the last diagnostics
    log(fmt::format("internal error while checking {}: {}", ws.root.string(), e.what()));
    return;
  }
  if (options_.on_check) options_.on_check(result);
  if (result.exit_code == 2) {
    showMessage(1, "tfguard: " + result.error);
    return;
  }
  last_shown_error_.clear();
  mergeResult(ws, result, full, changed);
  publish(ws);
}

void Server::mergeResult(Workspace& ws, engine::CheckResult& result, bool full,
                         const std::vector<fs::path>& changed) {
  std::set<fs::path> open;
  for (const auto& [uri, doc] : documents_.documents())
    if (!doc.path.empty() && isInside(doc.path, ws.root)) open.insert(doc.path);
  // Thousands of findings live in a few hundred files: each file's path is
  // made absolute once.
  std::map<const SourceFile*, std::optional<fs::path>> open_path_of;
  std::vector<StoredFinding> found;
  for (Finding& f : result.report.findings) {
    if (f.suppressed || !f.location.file) continue;
    auto [it, added] = open_path_of.try_emplace(f.location.file.get());
    if (added) {
      fs::path path = absoluteFindingPath(*f.location.file);
      if (open.count(path)) it->second = std::move(path);
    }
    if (it->second) found.push_back({std::move(f), *it->second});
  }
  std::set<std::string> checked(result.report.environments.begin(), result.report.environments.end());
  // A partial check of every known environment, each whole, is a full one.
  if (!full && ws.had_full_check && result.focus.empty() &&
      std::includes(checked.begin(), checked.end(), ws.known_environments.begin(), ws.known_environments.end()))
    full = true;
  if (full) {
    ws.findings = std::move(found);
    ws.known_environments = std::move(checked);
    ws.had_full_check = true;
  } else {
    // A partial check replaces its environments' findings — of an
    // environment checked only in the changed modules' part, the findings
    // in that part. Findings of no environment (syntax, language rules)
    // depend on their own file and module: they are replaced in the changed
    // files' modules and in the files the result has findings in.
    std::set<fs::path> refreshed_files, refreshed_dirs;
    for (const StoredFinding& s : found) refreshed_files.insert(s.path);
    for (const fs::path& c : changed) refreshed_dirs.insert(c.parent_path());
    std::map<std::string_view, const engine::CheckFocus*> focus_of;
    for (const engine::CheckFocus& f : result.focus) focus_of.emplace(f.environment, &f);
    std::erase_if(ws.findings, [&](const StoredFinding& s) {
      if (!s.finding.environment.empty()) {
        if (!checked.count(s.finding.environment)) return false;
        auto focus = focus_of.find(s.finding.environment);
        return focus == focus_of.end() || focus->second->covers(s.finding);
      }
      return refreshed_files.count(s.path) > 0 || refreshed_dirs.count(s.path.parent_path()) > 0;
    });
    for (StoredFinding& s : found) ws.findings.push_back(std::move(s));
    ws.known_environments.insert(checked.begin(), checked.end());
  }
  for (const report::RuleInfo& rule : result.report.rules) ws.help_uri[rule.id] = rule.help_uri;
}

std::vector<Server::Group> Server::groupsOf(const Workspace& ws, const fs::path& file) const {
  std::vector<const Finding*> here;
  for (const StoredFinding& s : ws.findings)
    if (s.path == file) here.push_back(&s.finding);
  auto key = [](const Finding* f) {
    return std::tie(f->location.range.begin, f->location.range.end, f->rule, f->summary, f->environment);
  };
  std::sort(here.begin(), here.end(), [&](const Finding* a, const Finding* b) { return key(a) < key(b); });
  std::vector<Group> groups;
  for (const Finding* f : here) {
    bool same = !groups.empty() && groups.back().first().location.range == f->location.range &&
                groups.back().first().rule == f->rule && groups.back().first().summary == f->summary;
    if (!same) groups.emplace_back();
    Group& g = groups.back();
    if (g.members.empty() || static_cast<int>(f->severity) < static_cast<int>(g.severity)) g.severity = f->severity;
    g.members.push_back(f);
    if (!f->environment.empty() &&
        std::find(g.environments.begin(), g.environments.end(), f->environment) == g.environments.end())
      g.environments.push_back(f->environment);
  }
  return groups;
}

json Server::diagnosticOf(const Workspace& ws, const Group& group, PositionMapper& positions) const {
  const Finding& f = group.first();
  std::string message = f.summary;
  if (!group.environments.empty()) message += fmt::format(" [{}]", fmt::join(group.environments, ", "));
  json diagnostic = {{"range", toJson(positions.range(*f.location.file, f.location.range))},
                     {"severity", lspSeverity(group.severity)},
                     {"code", f.rule},
                     {"source", "tfguard"},
                     {"message", message}};
  if (auto it = ws.help_uri.find(f.rule); it != ws.help_uri.end() && !it->second.empty())
    diagnostic["codeDescription"] = {{"href", it->second}};
  json related = json::array();
  for (const Finding* member : group.members) {
    for (const RelatedLocation& r : member->related) {
      if (!r.location.file) continue;
      std::string text = r.message;
      if (group.environments.size() > 1 && !member->environment.empty()) text += " (" + member->environment + ")";
      json info = {{"location",
                    {{"uri", uriFromPath(absoluteFindingPath(*r.location.file))},
                     {"range", toJson(positions.range(*r.location.file, r.location.range))}}},
                   {"message", text}};
      if (std::find(related.begin(), related.end(), info) == related.end()) related.push_back(std::move(info));
    }
  }
  if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
  return diagnostic;
}

void Server::publish(Workspace& ws) {
  PositionMapper positions(encoding_);
  for (const auto& [uri, doc] : documents_.documents()) {
    if (doc.path.empty() || !isInside(doc.path, ws.root)) continue;
    json diagnostics = json::array();
    for (const Group& g : groupsOf(ws, doc.path)) diagnostics.push_back(diagnosticOf(ws, g, positions));
    auto last = ws.published.find(uri);
    if (last != ws.published.end() && last->second == diagnostics) continue;
    json params = {{"uri", uri}, {"diagnostics", diagnostics}};
    if (auto v = ws.checked_version.find(uri); v != ws.checked_version.end()) params["version"] = v->second;
    send_(makeNotification("textDocument/publishDiagnostics", std::move(params)));
    ws.published[uri] = std::move(diagnostics);
  }
}

void Server::forget(const std::string& uri, const fs::path& path, Clock::time_point now) {
  send_(makeNotification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
  if (path.empty()) return;
  Workspace& ws = workspaceOf(path);
  ws.published.erase(uri);
  ws.checked_version.erase(uri);
  std::erase_if(ws.findings, [&](const StoredFinding& s) { return s.path == path; });
  bool others_open = std::any_of(documents_.documents().begin(), documents_.documents().end(), [&](const auto& d) {
    return !d.second.path.empty() && isInside(d.second.path, ws.root);
  });
  if (others_open) schedule(path, now, {});
}

}  // namespace tfguard::lsp
