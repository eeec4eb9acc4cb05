#include "engine/changed_files.h"

#include <algorithm>
#include <map>
#include <set>

namespace tfguard::engine {
namespace fs = std::filesystem;

namespace {

// Absolute and lexically normal, without a trailing separator, as the
// loader keys directories.
fs::path normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = (p.is_absolute() ? p : fs::absolute(p, ec)).lexically_normal();
  if (abs.has_parent_path() && !abs.has_filename() && abs != abs.root_path()) abs = abs.parent_path();
  return abs;
}

bool isUnder(const fs::path& path, const fs::path& dir) {
  if (dir.empty()) return false;
  fs::path rel = path.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

bool isLocalSource(std::string_view s) { return s.starts_with("./") || s.starts_with("../") || s == "." || s == ".."; }

// ROOT for a path ROOT/.terraform/...; empty when the path is not inside a .terraform folder.
fs::path dotTerraformOwner(const fs::path& path) {
  fs::path owner;
  for (const fs::path& part : path) {
    if (part == ".terraform") return owner;
    owner /= part;
  }
  return {};
}

// Module directory → the module directories that call it through a local source.
std::map<fs::path, std::vector<fs::path>> callersByModule(loader::Project& project) {
  std::map<fs::path, std::vector<fs::path>> callers;
  for (const fs::path& dir : project.moduleDirs()) {
    const model::Module* m = project.module(dir);
    if (m == nullptr) continue;
    for (const model::ModuleCall& call : m->module_calls)
      if (isLocalSource(call.source)) callers[normal(dir / call.source)].push_back(dir);
  }
  return callers;
}

// The modules whose configuration names `file` (a template, a script read by
// file()): its file name appears in their text. Paths built at run time
// ("${var.kind}.tpl") are not seen; a full check still covers them.
std::vector<fs::path> modulesNaming(loader::Project& project, const fs::path& file) {
  std::vector<fs::path> out;
  const std::string name = file.filename().string();
  if (name.empty()) return out;
  for (const fs::path& dir : project.moduleDirs()) {
    const model::Module* m = project.module(dir);
    if (m == nullptr) continue;
    bool names = std::any_of(m->files.begin(), m->files.end(), [&](const syntax::ParsedFile* f) {
      return f->source && f->source->text().find(name) != std::string_view::npos;
    });
    if (names) out.push_back(dir);
  }
  return out;
}

bool readsFile(const loader::EnvironmentSpec& env, const fs::path& file) {
  auto same = [&](const fs::path& p) { return normal(p) == file; };
  return std::any_of(env.var_files.begin(), env.var_files.end(), same) || (env.env_file && same(*env.env_file)) ||
         std::any_of(env.backend_config.begin(), env.backend_config.end(), same);
}

}  // namespace

size_t ChangeImpact::affectedCount() const { return static_cast<size_t>(std::count(affected.begin(), affected.end(), true)); }

bool ChangeImpact::isChanged(const fs::path& path) const { return std::binary_search(files.begin(), files.end(), path); }

ChangeImpact affectedEnvironments(loader::Project& project, std::span<const loader::EnvironmentSpec> envs,
                                  std::span<const fs::path> changed, const RunInputs& inputs) {
  ChangeImpact impact;
  impact.affected.assign(envs.size(), false);
  impact.whole.assign(envs.size(), false);
  for (const fs::path& p : changed) impact.files.push_back(normal(p));
  std::sort(impact.files.begin(), impact.files.end());
  impact.files.erase(std::unique(impact.files.begin(), impact.files.end()), impact.files.end());

  const fs::path config = inputs.config_file.empty() ? fs::path() : normal(inputs.config_file);
  std::set<fs::path> modules;  // changed module directories, then everything that calls them
  std::set<fs::path> roots;    // roots whose .terraform folder changed
  for (const fs::path& file : impact.files) {
    bool policy = std::any_of(inputs.policy_dirs.begin(), inputs.policy_dirs.end(),
                              [&](const fs::path& d) { return isUnder(file, normal(d)); });
    if ((!config.empty() && file == config) || policy) {
      impact.everything = true;
      impact.affected.assign(envs.size(), true);
      impact.whole.assign(envs.size(), true);
      return impact;
    }
    if (!isUnder(file, project.confinementRoot())) continue;  // tfguard never reads it
    if (fs::path owner = dotTerraformOwner(file); !owner.empty()) {
      roots.insert(owner);
      continue;
    }
    loader::FileKind kind = loader::classifyFile(file);
    if (kind == loader::FileKind::kConfig || kind == loader::FileKind::kConfigJson) {
      modules.insert(file.parent_path());
      continue;
    }
    bool read = false;
    for (size_t i = 0; i < envs.size(); ++i) {
      if (!readsFile(envs[i], file)) continue;
      impact.affected[i] = impact.whole[i] = true;
      read = true;
    }
    if (read) continue;
    for (fs::path& dir : modulesNaming(project, file)) modules.insert(std::move(dir));
  }
  impact.modules.assign(modules.begin(), modules.end());
  std::map<fs::path, std::vector<fs::path>> callers;
  if (!modules.empty()) callers = callersByModule(project);
  // Upwards through the calls: a module's callers are affected too.
  std::vector<fs::path> pending(modules.begin(), modules.end());
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    auto it = callers.find(dir);
    if (it == callers.end()) continue;
    for (const fs::path& caller : it->second)
      if (modules.insert(caller).second) pending.push_back(caller);
  }
  for (size_t i = 0; i < envs.size(); ++i) {
    fs::path root = normal(envs[i].root);
    if (modules.count(root) || roots.count(root)) impact.affected[i] = true;
    if (std::binary_search(impact.modules.begin(), impact.modules.end(), root) || roots.count(root))
      impact.whole[i] = true;
  }
  return impact;
}

}  // namespace tfguard::engine
