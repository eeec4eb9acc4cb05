#include "inspect/inspect.h"

#include <algorithm>

#include "eval/number.h"
#include "loader/environments.h"
#include "loader/project.h"

namespace tfguard::inspect {
using json = nlohmann::ordered_json;
namespace {


json position(const SourceFile& file, uint32_t offset) {
  Position p = file.lines().position(offset);
  return json{{"line", p.line}, {"column", p.column}};
}

json rangeJson(const syntax::ParsedFile* file, ByteRange range) {
  return locationToJson({file ? file->source : nullptr, range});
}

json attrsJson(const std::vector<eval::EvaluatedAttr>& attrs) {
  json out = json::object();
  for (const auto& a : attrs) out[a.name] = valueToJson(a.value);
  return out;
}

json blockJson(const eval::EvaluatedBlock& b, int depth = 0) {
  json j;
  j["type"] = b.type;
  if (!b.labels.empty()) j["labels"] = b.labels;
  if (b.from_dynamic) j["dynamic"] = true;
  j["location"] = rangeJson(b.file, b.range);
  j["attributes"] = attrsJson(b.attrs);
  json blocks = json::array();
  if (depth < 32)
    for (const auto& nb : b.blocks) blocks.push_back(blockJson(nb, depth + 1));
  j["blocks"] = std::move(blocks);
  return j;
}

json provenanceJson(const eval::Value& v, const loader::Project& project) {
  json out = json::array();
  for (const eval::ProvenanceStep& p : v.provenance()) {
    auto src = project.sourceFileByPath(p.file);
    json step = locationToJson({src, p.range});
    if (step.is_null()) step = json{{"file", p.file}};
    step["note"] = p.note;
    out.push_back(std::move(step));
  }
  return out;
}

void addModule(const eval::ModuleInstance& m, const loader::Project& project, json& modules, json& resources) {
  json mj;
  mj["path"] = m.path;
  mj["dir"] = m.dir;
  if (m.call != nullptr) {
    mj["source"] = m.call->source;
    mj["call"] = locationToJson(m.call->decl.location());
  }
  if (!m.unresolved.empty()) mj["unresolved"] = m.unresolved;
  json vars = json::object();
  for (const auto& v : m.variables) {
    json vj;
    vj["value"] = valueToJson(v.value);
    vj["set_by"] = v.set_by;
    if (v.value.sensitive()) vj["sensitive"] = true;
    vj["provenance"] = provenanceJson(v.value, project);
    vars[v.name] = std::move(vj);
  }
  mj["variables"] = std::move(vars);
  json locals = json::object();
  for (const auto& [name, v] : m.locals) locals[name] = valueToJson(v);
  mj["locals"] = std::move(locals);
  json outputs = json::object();
  for (const auto& [name, v] : m.outputs) outputs[name] = valueToJson(v);
  mj["outputs"] = std::move(outputs);
  modules.push_back(std::move(mj));

  for (const auto& r : m.resources) {
    json rj;
    rj["address"] = r.address;
    rj["mode"] = r.decl->mode == model::ResourceMode::kData ? "data" : "managed";
    rj["type"] = r.decl->type;
    rj["name"] = r.decl->name;
    rj["module"] = m.path;
    switch (r.key.kind) {
      case eval::InstanceKey::Kind::kNone: break;
      case eval::InstanceKey::Kind::kIndex: rj["index"] = r.key.index; break;
      case eval::InstanceKey::Kind::kString: rj["key"] = r.key.key; break;
      case eval::InstanceKey::Kind::kUnknown: rj["key"] = json{{"unknown", true}}; break;
    }
    rj["location"] = locationToJson(r.decl->decl.location());
    rj["attributes"] = attrsJson(r.body.attrs);
    json blocks = json::array();
    for (const auto& b : r.body.blocks) blocks.push_back(blockJson(b));
    rj["blocks"] = std::move(blocks);
    resources.push_back(std::move(rj));
  }
  for (const auto& c : m.children) addModule(*c, project, modules, resources);
}

}  // namespace

json valueToJson(const eval::Value& v) {
  if (v.sensitive()) return json{{"sensitive", true}};
  if (!v.isKnown()) {
    auto refs = v.references();
    if (refs.size() == 1) return json{{"unknown", refs[0]}};
    if (refs.empty()) return json{{"unknown", true}};
    return json{{"unknown", std::vector<std::string>(refs.begin(), refs.end())}};
  }
  if (v.isNull()) return nullptr;
  switch (v.type().kind()) {
    case eval::TypeKind::kBool: return v.asBool();
    case eval::TypeKind::kNumber: {
      const eval::Number& n = v.asNumber();
      if (auto i = n.toInt()) return *i;
      if (!n.isFinite()) return n.toString();
      return json::parse(n.toString(), nullptr, false).is_number() ? json::parse(n.toString()) : json(n.toString());
    }
    case eval::TypeKind::kString: return v.asString();
    case eval::TypeKind::kList:
    case eval::TypeKind::kSet:
    case eval::TypeKind::kTuple: {
      json out = json::array();
      for (const auto& e : v.elements()) out.push_back(valueToJson(e));
      return out;
    }
    case eval::TypeKind::kMap:
    case eval::TypeKind::kObject: {
      json out = json::object();
      for (const auto& [k, e] : v.attributes()) out[k] = valueToJson(e);
      return out;
    }
    case eval::TypeKind::kDynamic: return nullptr;
  }
  return nullptr;
}

json locationToJson(const Location& loc) {
  if (!loc.file) return nullptr;
  return json{{"file", loc.file->path()},
              {"start", position(*loc.file, loc.range.begin)},
              {"end", position(*loc.file, loc.range.end)}};
}

json findingToJson(const Finding& f) {
  json j;
  j["rule"] = f.rule;
  j["severity"] = f.severity == Severity::kError ? "error" : f.severity == Severity::kWarning ? "warning" : "note";
  j["summary"] = f.summary;
  j["detail"] = f.detail;
  j["location"] = locationToJson(f.location);
  if (!f.environment.empty()) j["environment"] = f.environment;
  if (!f.related.empty()) {
    json rel = json::array();
    for (const auto& r : f.related) {
      json rj = locationToJson(r.location);
      if (rj.is_null()) rj = json::object();
      rj["message"] = r.message;
      rel.push_back(std::move(rj));
    }
    j["related"] = std::move(rel);
  }
  return j;
}

json environmentToJson(const eval::EvaluatedEnvironment& env, const loader::Project& project) {
  json j;
  const loader::EnvironmentSpec& spec = *env.spec;
  j["name"] = spec.name;
  j["root"] = project.displayPath(spec.root);
  j["tier"] = loader::tierName(spec.tier);
  j["workspace"] = spec.workspace;
  static constexpr const char* kOrigins[] = {"config", "layout", "var-file", "env-file", "directory"};
  j["origin"] = kOrigins[static_cast<int>(spec.origin)];
  json files = json::array();
  for (const auto& f : spec.var_files) files.push_back(project.displayPath(f));
  j["var_files"] = std::move(files);
  j["env_file"] = spec.env_file ? json(project.displayPath(*spec.env_file)) : json(nullptr);
  if (env.backend) {
    json b;
    b["type"] = env.backend->type;
    b["config"] = valueToJson(env.backend->config);
    b["files"] = env.backend->files;
    b["location"] = env.backend->decl ? locationToJson(env.backend->decl->decl.location()) : json(nullptr);
    j["backend"] = std::move(b);
  } else {
    j["backend"] = nullptr;
  }
  json modules = json::array(), resources = json::array();
  if (env.root) addModule(*env.root, project, modules, resources);
  // The root module's variables are the environment's.
  if (!modules.empty()) {
    j["variables"] = modules[0]["variables"];
    modules[0].erase("variables");
  }
  j["modules"] = std::move(modules);
  j["resources"] = std::move(resources);
  json findings = json::array();
  for (const auto& f : env.findings) findings.push_back(findingToJson(f));
  j["findings"] = std::move(findings);
  return j;
}

}  // namespace tfguard::inspect

namespace tfguard::inspect {

nlohmann::ordered_json inspectTree(std::span<const std::filesystem::path> paths, const settings::Settings& settings,
                                   const std::vector<std::string>& only, bool* matched) {
  auto project = loader::Project::load(paths, settings);
  Findings findings = project->findings();
  std::vector<loader::EnvironmentSpec> envs = loader::discoverEnvironments(project->rootModules(), settings, findings);
  json out;
  out["version"] = 1;
  out["environments"] = json::array();
  *matched = false;
  eval::EvaluationCache cache;
  eval::EnvironmentOptions options;
  options.cache = &cache;
  for (const loader::EnvironmentSpec& env : envs) {
    if (!only.empty() && std::find(only.begin(), only.end(), env.name) == only.end()) continue;
    *matched = true;
    eval::EvaluatedEnvironment evaluated = eval::evaluateEnvironment(*project, env, options);
    out["environments"].push_back(environmentToJson(evaluated, *project));
  }
  // Findings of the tree as a whole (syntax, model, discovery); each
  // environment lists its own.
  out["findings"] = json::array();
  for (const Finding& f : findings) out["findings"].push_back(findingToJson(f));
  return out;
}

}  // namespace tfguard::inspect
