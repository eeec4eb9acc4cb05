// env-isolation (SPEC §6): environments of one project must not share
// state, read each other's state, hard-code the same cloud ids or create
// resources under the same account-unique names; a production environment
// must not keep its state in a local file.
//
// Every environment passed to checkAcross() is treated as one project.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "eval/expr_eval.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace tfguard::rules {
namespace {

namespace fs = std::filesystem;
using eval::Value;

constexpr std::string_view kId = "env-isolation";

// ---------------------------------------------------------------- helpers

Location locAt(const syntax::ParsedFile* file, ByteRange range) { return {file ? file->source : nullptr, range}; }
Location attrLocation(const eval::EvaluatedAttr& attr) { return locAt(attr.file, attr.range); }
Location modelAttrLocation(const model::Attr& attr, const syntax::ParsedFile* fallback) {
  return locAt(attr.file ? attr.file : fallback, attr.range);
}
bool sameLocation(const Location& a, const Location& b) {
  return a.file == b.file && a.range == b.range;
}

/// A string read from a value: absent (missing or null), unknown, or known.
struct Str {
  enum class State : uint8_t { kAbsent, kUnknown, kKnown } state = State::kAbsent;
  std::string text;
  bool sensitive = false;
  bool known() const { return state == State::kKnown; }
  bool unknown() const { return state == State::kUnknown; }
  bool absent() const { return state == State::kAbsent; }
};

Str fromValue(const Value* v) {
  Str s;
  if (v == nullptr || (v->isKnown() && v->isNull())) return s;
  if (!v->isKnown() || v->type().kind() != eval::TypeKind::kString) {
    s.state = Str::State::kUnknown;
    return s;
  }
  s.state = Str::State::kKnown;
  s.text = v->asString();
  s.sensitive = v->sensitive();
  return s;
}

Str readString(const Value& object, std::string_view key) {
  if (!object.isKnown()) return {Str::State::kUnknown, {}, false};
  if (object.isNull()) return {};
  return fromValue(object.get(key));
}

/// The value of a model expression that can only be a constant (backend
/// nested blocks), or `var.NAME` / `local.NAME` of the root module.
Value evalSimple(const syntax::Expr& expr, const syntax::ParsedFile& file, const eval::ModuleInstance* root) {
  if (expr.kind == syntax::ExprKind::kScopeTraversal && root != nullptr) {
    const auto& t = static_cast<const syntax::ScopeTraversalExpr&>(expr);
    if (t.steps.size() == 1 && t.steps[0].kind == syntax::StepKind::kAttr) {
      if (t.root == "var") {
        for (const auto& v : root->variables)
          if (v.name == t.steps[0].name) return v.value;
        return Value::unknown();
      }
      if (t.root == "local") {
        for (const auto& [name, v] : root->locals)
          if (name == t.steps[0].name) return v;
        return Value::unknown();
      }
    }
  }
  eval::EvalDiagnostics diags;
  Value v = eval::evalConstant(expr, file, diags);
  if (!diags.empty()) return Value::unknown();
  return v;
}

Str modelString(const model::Content& content, std::string_view name, const eval::ModuleInstance* root) {
  const model::Attr* a = content.attr(name);
  if (a == nullptr || a->expr == nullptr) return {};
  const syntax::ParsedFile* f = a->file ? a->file : content.file;
  if (f == nullptr) return {Str::State::kUnknown, {}, false};
  Value v = evalSimple(*a->expr, *f, root);
  return fromValue(&v);
}

std::string shown(const Str& s) { return s.sensitive ? std::string("(sensitive)") : s.text; }

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

/// "dev", or "dev (terraform/network)" when another environment has the same name.
std::vector<std::string> displayNames(std::span<const EnvironmentView> envs) {
  std::map<std::string, int> count;
  for (const auto& e : envs) ++count[e.environment->spec->name];
  std::vector<std::string> out;
  for (const auto& e : envs) {
    const std::string& name = e.environment->spec->name;
    if (count[name] > 1 && e.environment->root)
      out.push_back(fmt::format("{} ({})", name, e.environment->root->dir));
    else
      out.push_back(name);
  }
  return out;
}

Location firstFileStart(const eval::EvaluatedEnvironment& env) {
  if (env.root && env.root->module && !env.root->module->files.empty())
    return {env.root->module->files.front()->source, {0, 0}};
  return {};
}

// ---------------------------------------------------------- state locations

/// Where a backend keeps one workspace's state.
struct StateLocation {
  enum class State : uint8_t { kNotCompared, kUndecided, kKnown } state = State::kNotCompared;
  std::string type;
  std::string id;       ///< compared; may hold sensitive parts
  std::string display;  ///< printed; never a sensitive value
  std::string why;      ///< kUndecided: what is not known
};

struct Workspaces {
  Str name;
  Str prefix;
  bool tags = false;  ///< cloud workspaces selected by tags: the name is the CLI's choice
};

StateLocation undecided(std::string type, std::string why) {
  StateLocation l;
  l.state = StateLocation::State::kUndecided;
  l.type = std::move(type);
  l.why = std::move(why);
  return l;
}

/// The first of `parts` that is not known, as "the s3 backend's key is not set".
std::optional<std::string> missingPart(std::string_view type,
                                       std::initializer_list<std::pair<std::string_view, const Str*>> parts) {
  for (const auto& [name, s] : parts) {
    if (s->absent()) return fmt::format("the {} backend's {} is not set (given at init?)", type, name);
    if (s->unknown()) return fmt::format("the {} backend's {} is not known", type, name);
  }
  return std::nullopt;
}

/// `root_dir`: the directory `terraform` runs in (local paths are relative
/// to it), as a real path for comparison and as a display path.
StateLocation stateLocation(const std::string& type, const Value& config, const Workspaces& ws,
                            const std::string& workspace, const fs::path& root_dir, const std::string& root_display) {
  StateLocation l;
  l.type = type;
  bool def = workspace == "default";
  auto known = [&](std::string id, std::string display) {
    l.state = StateLocation::State::kKnown;
    l.id = type + "|" + std::move(id);
    l.display = std::move(display);
    return l;
  };
  if (type == "s3") {
    Str bucket = readString(config, "bucket"), key = readString(config, "key");
    if (auto why = missingPart(type, {{"bucket", &bucket}, {"key", &key}})) return undecided(type, *why);
    std::string path = key.text, shown_path = shown(key);
    if (!def) {
      Str prefix = readString(config, "workspace_key_prefix");
      if (prefix.unknown()) return undecided(type, "the s3 backend's workspace_key_prefix is not known");
      std::string p = prefix.known() ? prefix.text : "env:";
      std::string sp = prefix.known() ? shown(prefix) : "env:";
      path = p + "/" + workspace + "/" + path;
      shown_path = sp + "/" + workspace + "/" + shown_path;
    }
    return known(bucket.text + "/" + path, fmt::format("s3://{}/{}", shown(bucket), shown_path));
  }
  if (type == "gcs") {
    Str bucket = readString(config, "bucket"), prefix = readString(config, "prefix");
    if (auto why = missingPart(type, {{"bucket", &bucket}})) return undecided(type, *why);
    if (prefix.unknown()) return undecided(type, "the gcs backend's prefix is not known");
    std::string p = prefix.known() ? prefix.text : "", sp = prefix.known() ? shown(prefix) : "";
    while (!p.empty() && p.back() == '/') p.pop_back();
    while (!sp.empty() && sp.back() == '/') sp.pop_back();
    std::string object = (p.empty() ? "" : p + "/") + workspace + ".tfstate";
    std::string sobject = (sp.empty() ? "" : sp + "/") + workspace + ".tfstate";
    return known(bucket.text + "/" + object, fmt::format("gs://{}/{}", shown(bucket), sobject));
  }
  if (type == "azurerm") {
    Str account = readString(config, "storage_account_name"), container = readString(config, "container_name"),
        key = readString(config, "key");
    if (auto why = missingPart(type, {{"storage_account_name", &account}, {"container_name", &container}, {"key", &key}}))
      return undecided(type, *why);
    std::string suffix = def ? "" : "env:" + workspace;
    return known(account.text + "/" + container.text + "/" + key.text + suffix,
                 fmt::format("azurerm://{}/{}/{}{}", shown(account), shown(container), shown(key), suffix));
  }
  if (type == "local") {
    Str path = readString(config, "path"), dir = readString(config, "workspace_dir");
    if (path.unknown()) return undecided(type, "the local backend's path is not known");
    if (dir.unknown()) return undecided(type, "the local backend's workspace_dir is not known");
    std::string rel;
    if (def)
      rel = path.known() ? path.text : "terraform.tfstate";
    else
      rel = (dir.known() ? dir.text : "terraform.tfstate.d") + "/" + workspace + "/terraform.tfstate";
    fs::path real = fs::path(rel).is_absolute() ? fs::path(rel) : root_dir / rel;
    fs::path disp = fs::path(rel).is_absolute() ? fs::path(rel) : fs::path(root_display) / rel;
    return known(real.lexically_normal().generic_string(), disp.lexically_normal().generic_string());
  }
  if (type == "remote" || type == "cloud") {
    Str org = readString(config, "organization"), host = readString(config, "hostname");
    if (auto why = missingPart(type, {{"organization", &org}})) return undecided(type, *why);
    if (host.unknown()) return undecided(type, fmt::format("the {} backend's hostname is not known", type));
    std::string h = host.known() ? host.text : "app.terraform.io";
    std::string name;
    if (ws.name.known()) {
      name = ws.name.text;
    } else if (ws.prefix.known()) {
      name = ws.prefix.text + workspace;
    } else if (ws.name.unknown() || ws.prefix.unknown()) {
      return undecided(type, fmt::format("the {} backend's workspace name is not known", type));
    } else {
      return undecided(type, fmt::format("the {} backend's workspace is chosen at run time", type));
    }
    return known(h + "/" + org.text + "/" + name, fmt::format("{}/{}/{}", h, shown(org), name));
  }
  if (type == "consul") {
    Str address = readString(config, "address"), path = readString(config, "path");
    if (auto why = missingPart(type, {{"path", &path}})) return undecided(type, *why);
    if (address.unknown()) return undecided(type, "the consul backend's address is not known");
    std::string a = address.known() ? shown(address) : "localhost:8500";
    std::string p = path.text + (def ? "" : "-env:" + workspace);
    return known((address.known() ? address.text : a) + "/" + p, fmt::format("consul://{}/{}", a, shown(path)));
  }
  if (type == "http") {
    Str address = readString(config, "address");
    if (auto why = missingPart(type, {{"address", &address}})) return undecided(type, *why);
    return known(address.text, shown(address));
  }
  return l;  // other backends are not compared
}

/// The `workspaces` of a remote/cloud backend block (the evaluated backend
/// config holds arguments only).
Workspaces backendWorkspaces(const eval::EvaluatedEnvironment& env) {
  Workspaces ws;
  if (!env.backend || env.backend->decl == nullptr) return ws;
  for (const model::NestedBlock* b : env.backend->decl->content.blocksOfType("workspaces")) {
    ws.name = modelString(b->content, "name", nullptr);
    ws.prefix = modelString(b->content, "prefix", nullptr);
    ws.tags = b->content.attr("tags") != nullptr;
  }
  return ws;
}

Workspaces valueWorkspaces(const Value& config) {
  Workspaces ws;
  if (!config.isKnown() || config.isNull()) return ws;
  const Value* w = config.get("workspaces");
  if (w == nullptr || (w->isKnown() && w->isNull())) return ws;
  if (!w->isKnown()) {
    ws.name.state = Str::State::kUnknown;
    return ws;
  }
  ws.name = fromValue(w->get("name"));
  ws.prefix = fromValue(w->get("prefix"));
  return ws;
}

/// An environment's own state: its backend, or the implicit local backend.
struct EnvState {
  StateLocation where;
  Location at;  ///< the attribute that decides it, else the backend block header
  Location block;  ///< the backend block header, else the terraform block, else the first file
};

EnvState envState(const eval::EvaluatedEnvironment& env) {
  EnvState s;
  const std::string root_display = env.root ? env.root->dir : env.spec->root.generic_string();
  if (env.backend) {
    const eval::BackendConfig& b = *env.backend;
    s.where = stateLocation(b.type, b.config, backendWorkspaces(env), env.spec->workspace, env.spec->root, root_display);
    if (b.decl != nullptr) {
      s.block = b.decl->decl.location();
      s.at = s.block;
      for (std::string_view key : {"key", "prefix", "path", "workspaces"}) {
        if (const model::Attr* a = b.decl->content.attr(key)) {
          s.at = modelAttrLocation(*a, b.decl->content.file);
          break;
        }
      }
    }
  } else {
    s.where = stateLocation("local", Value::object({}), {}, env.spec->workspace, env.spec->root, root_display);
    s.block = firstFileStart(env);
    if (env.root && env.root->module && !env.root->module->terraform.blocks.empty())
      s.block = env.root->module->terraform.blocks.front().location();
    s.at = s.block;
  }
  return s;
}

// ------------------------------------------------------------- cloud ids

constexpr std::string_view kIdPrefixes[] = {
    "eipalloc-", "eipassoc-", "sg-",  "subnet-", "vpc-", "vpce-", "i-",   "igw-", "eigw-", "nat-", "rtb-",
    "eni-",      "vol-",      "snap-", "pcx-",   "tgw-", "acl-",  "lt-",  "fs-",
};

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool isWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}

/// ARN delimiters inside policy documents and lists.
bool arnEnd(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ',' || c == ']' ||
         c == '[' || c == '}' || c == '{' || c == '<' || c == '>' || c == ';';
}

/// Whether an ARN names one resource of one account (not AWS-managed, not a wildcard).
bool flaggedArn(std::string_view arn) {
  // arn:partition:service:region:account:resource
  std::vector<std::string_view> fields;
  size_t pos = 0;
  for (int i = 0; i < 5; ++i) {
    size_t colon = arn.find(':', pos);
    if (colon == std::string_view::npos) return false;
    fields.push_back(arn.substr(pos, colon - pos));
    pos = colon + 1;
  }
  std::string_view account = fields[4], resource = arn.substr(pos);
  if (fields[2].empty() || resource.empty() || resource == "*") return false;
  if (account == "aws") return false;  // AWS-managed policies and the like
  if (account.find('*') != std::string_view::npos) return false;
  return true;
}

/// Cloud ids in a string: whole words like `sg-0123abcd` (8 or 17 hex
/// digits) and ARNs.
// Whether an id or ARN can start with `c`: most words cannot, and are
// passed over without comparing every prefix (this rule reads every string
// of every environment).
bool canStartId(char c) {
  static const auto table = [] {
    std::array<bool, 256> t{};
    for (std::string_view prefix : kIdPrefixes) t[static_cast<unsigned char>(prefix[0])] = true;
    t['a'] = true;  // arn:
    return t;
  }();
  return table[static_cast<unsigned char>(c)];
}

/// Appends the cloud ids in `s` (views into it) to `out`.
void findIds(std::string_view s, std::vector<std::string_view>& out) {
  if (s.find('-') == std::string_view::npos && s.find("arn:") == std::string_view::npos) return;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((i > 0 && isWordChar(s[i - 1])) || !canStartId(s[i])) continue;
    if (s.compare(i, 4, "arn:") == 0 && s.compare(i, 7, "arn:aws") == 0) {
      size_t j = i;
      while (j < s.size() && !arnEnd(s[j])) ++j;
      std::string_view arn = s.substr(i, j - i);
      while (!arn.empty() && (arn.back() == '.' || arn.back() == ')')) arn.remove_suffix(1);
      if (flaggedArn(arn)) out.push_back(arn);
      i = j;
      continue;
    }
    for (std::string_view prefix : kIdPrefixes) {
      if (s.compare(i, prefix.size(), prefix) != 0) continue;
      size_t j = i + prefix.size();
      size_t k = j;
      while (k < s.size() && isHex(s[k])) ++k;
      size_t n = k - j;
      if ((n == 8 || n == 17) && (k == s.size() || !isWordChar(s[k]))) {
        out.push_back(s.substr(i, k - i));
        i = k - 1;
      }
      break;
    }
  }
}

// Views into the strings of `v`, which outlives them.
void collectStrings(const Value& v, std::vector<std::string_view>& out, int depth = 0) {
  if (depth > 64 || !v.isKnown() || v.isNull() || v.sensitive()) return;
  switch (v.type().kind()) {
    case eval::TypeKind::kString: findIds(v.asString(), out); return;
    case eval::TypeKind::kList:
    case eval::TypeKind::kSet:
    case eval::TypeKind::kTuple:
      for (const Value& e : v.elements()) collectStrings(e, out, depth + 1);
      return;
    case eval::TypeKind::kMap:
    case eval::TypeKind::kObject:
      for (const auto& [k, e] : v.attributes()) collectStrings(e, out, depth + 1);
      return;
    default:
      return;
  }
}

struct IdUse {
  size_t env;
  std::string_view id;  ///< into the attribute's value
  const eval::ResourceInstance* resource;
  const eval::EvaluatedAttr* attr;
  std::string path;
  size_t order = 0;  ///< of the instance, among all environments'
};

// Every environment's instances are walked for every check: nothing is
// allocated for the (most) attributes without an id. `prefix` is the
// nested-block path so far, restored on return.
void collectIds(size_t env, const eval::ResourceInstance& r, const eval::EvaluatedBlock& block, std::string& prefix,
                std::vector<std::string_view>& scratch, std::vector<IdUse>& out) {
  for (const eval::EvaluatedAttr& a : block.attrs) {
    scratch.clear();
    collectStrings(a.value, scratch);
    for (size_t i = 0; i < scratch.size(); ++i)
      if (std::find(scratch.begin(), scratch.begin() + static_cast<ptrdiff_t>(i), scratch[i]) ==
          scratch.begin() + static_cast<ptrdiff_t>(i))
        out.push_back({env, scratch[i], &r, &a, prefix + a.name});
  }
  for (size_t b = 0; b < block.blocks.size(); ++b) {
    const std::string& type = block.blocks[b].type;
    size_t index = 0;
    for (size_t e = 0; e < b; ++e) index += block.blocks[e].type == type;
    size_t length = prefix.size();
    fmt::format_to(std::back_inserter(prefix), "{}[{}].", type, index);
    collectIds(env, r, block.blocks[b], prefix, scratch, out);
    prefix.resize(length);
  }
}

// ------------------------------------------------------------ unique names

enum class NameScope : uint8_t { kGlobal, kAccount, kRegional };

struct UniqueName {
  std::string_view type;
  std::string_view attr;
  NameScope scope;
};

constexpr UniqueName kUniqueNames[] = {
    {"aws_s3_bucket", "bucket", NameScope::kGlobal},
    {"aws_iam_role", "name", NameScope::kAccount},
    {"aws_iam_user", "name", NameScope::kAccount},
    {"aws_iam_group", "name", NameScope::kAccount},
    {"aws_iam_policy", "name", NameScope::kAccount},
    {"aws_iam_instance_profile", "name", NameScope::kAccount},
    {"aws_lambda_function", "function_name", NameScope::kRegional},
    {"aws_dynamodb_table", "name", NameScope::kRegional},
    {"aws_sqs_queue", "name", NameScope::kRegional},
    {"aws_sns_topic", "name", NameScope::kRegional},
    {"aws_db_instance", "identifier", NameScope::kRegional},
    {"aws_rds_cluster", "cluster_identifier", NameScope::kRegional},
    {"aws_ecr_repository", "name", NameScope::kRegional},
    {"aws_cloudwatch_log_group", "name", NameScope::kRegional},
    {"aws_ecs_cluster", "name", NameScope::kRegional},
    {"aws_eks_cluster", "name", NameScope::kRegional},
    {"aws_lb", "name", NameScope::kRegional},
    {"aws_alb", "name", NameScope::kRegional},
    {"aws_lb_target_group", "name", NameScope::kRegional},
    {"aws_secretsmanager_secret", "name", NameScope::kRegional},
    {"aws_ssm_parameter", "name", NameScope::kRegional},
    {"aws_kms_alias", "name", NameScope::kRegional},
    {"aws_elasticache_replication_group", "replication_group_id", NameScope::kRegional},
    {"aws_elasticache_cluster", "cluster_id", NameScope::kRegional},
    {"aws_kinesis_stream", "name", NameScope::kRegional},
    {"aws_sfn_state_machine", "name", NameScope::kRegional},
    {"aws_key_pair", "key_name", NameScope::kRegional},
};

const UniqueName* uniqueName(std::string_view type) {
  for (const UniqueName& u : kUniqueNames)
    if (u.type == type) return &u;
  return nullptr;
}

/// What the AWS provider configuration tells about account and region.
struct AwsTarget {
  Str region;
  bool accounts_unknown = false;
  std::set<std::string> accounts;  ///< allowed_account_ids and the assumed role's account
};

std::string arnAccount(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  size_t end = arn.find(':', pos);
  return end == std::string::npos ? std::string() : arn.substr(pos, end - pos);
}

AwsTarget awsTarget(const eval::EvaluatedEnvironment& env, std::string_view alias) {
  AwsTarget t;
  if (!env.root || env.root->module == nullptr) return t;
  const model::Provider* p = env.root->module->provider("aws", alias);
  if (p == nullptr) return t;
  const eval::ModuleInstance* root = env.root.get();
  t.region = modelString(p->content, "region", root);
  if (const model::Attr* a = p->content.attr("allowed_account_ids"); a != nullptr && a->expr != nullptr) {
    const syntax::ParsedFile* f = a->file ? a->file : p->content.file;
    Value v = f ? evalSimple(*a->expr, *f, root) : Value::unknown();
    if (!v.isWhollyKnown()) {
      t.accounts_unknown = true;
    } else if (!v.isNull()) {
      for (const Value& e : v.elements())
        if (e.type().kind() == eval::TypeKind::kString) t.accounts.insert(e.asString());
    }
  }
  for (const model::NestedBlock* b : p->content.blocksOfType("assume_role")) {
    Str arn = modelString(b->content, "role_arn", root);
    if (arn.unknown()) t.accounts_unknown = true;
    if (arn.known()) {
      std::string account = arnAccount(arn.text);
      if (!account.empty()) t.accounts.insert(account);
    }
  }
  return t;
}

/// The alias of `provider = aws.west`, or "".
std::string providerAlias(const eval::ResourceInstance& r) {
  if (r.decl == nullptr || r.decl->provider == nullptr || r.decl->provider->expr == nullptr) return {};
  const syntax::Expr& e = *r.decl->provider->expr;
  if (e.kind != syntax::ExprKind::kScopeTraversal) return {};
  const auto& t = static_cast<const syntax::ScopeTraversalExpr&>(e);
  if (t.steps.size() == 1 && t.steps[0].kind == syntax::StepKind::kAttr) return std::string(t.steps[0].name);
  return {};
}

enum class Tri : uint8_t { kNo, kYes, kUnknown };

Tri sameAccount(const AwsTarget& a, const AwsTarget& b) {
  if (!a.accounts.empty() && !b.accounts.empty()) {
    bool overlap = std::any_of(a.accounts.begin(), a.accounts.end(), [&](const std::string& x) { return b.accounts.contains(x); });
    if (!overlap) return Tri::kNo;
  }
  if (a.accounts_unknown || b.accounts_unknown) return Tri::kUnknown;
  return Tri::kYes;
}

Tri sameRegion(const AwsTarget& a, const AwsTarget& b) {
  if (a.region.known() && b.region.known()) return a.region.text == b.region.text ? Tri::kYes : Tri::kNo;
  if (a.region.unknown() || b.region.unknown()) return Tri::kUnknown;
  return Tri::kYes;  // unset: the same AWS_REGION of the deploying shell, as far as we can tell
}

Tri collide(NameScope scope, const AwsTarget& a, const AwsTarget& b) {
  if (scope == NameScope::kGlobal) return Tri::kYes;
  Tri account = sameAccount(a, b);
  if (account == Tri::kNo) return Tri::kNo;
  Tri region = scope == NameScope::kRegional ? sameRegion(a, b) : Tri::kYes;
  if (region == Tri::kNo) return Tri::kNo;
  return account == Tri::kUnknown || region == Tri::kUnknown ? Tri::kUnknown : Tri::kYes;
}

// ------------------------------------------------------------------ rule

class EnvIsolationRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void checkAcross(std::span<const EnvironmentView> envs) const override {
    std::vector<std::string> names = displayNames(envs);
    std::vector<EnvState> states;
    states.reserve(envs.size());
    for (const auto& e : envs) states.push_back(envState(*e.environment));
    checkSharedState(envs, names, states);
    checkRemoteStateReads(envs, names, states);
    checkLiteralIds(envs, names);
    checkNames(envs, names);
    checkProductionLocal(envs, names);
  }

 private:
  // a. two environments share one state location.
  static void checkSharedState(std::span<const EnvironmentView> envs, const std::vector<std::string>& names,
                               const std::vector<EnvState>& states) {
    // Environments by backend type and by known state location: comparing
    // every pair was quadratic in the environments (1,000 in a large tree).
    std::map<std::string_view, size_t> with_type;
    std::map<std::string_view, std::vector<size_t>> with_id;
    for (size_t j = 0; j < envs.size(); ++j) {
      ++with_type[states[j].where.type];
      if (states[j].where.state == StateLocation::State::kKnown) with_id[states[j].where.id].push_back(j);
    }
    for (size_t i = 0; i < envs.size(); ++i) {
      const StateLocation& w = states[i].where;
      if (w.state == StateLocation::State::kUndecided) {
        bool same_type = with_type[w.type] > 1;  // another environment's backend is of this type
        if (!same_type) continue;
        RuleFinding f;
        f.message = fmt::format("cannot tell whether environment {} shares its state location: {}", names[i], w.why);
        f.at = states[i].at;
        envs[i].context->undecided(std::move(f));
        continue;
      }
      if (w.state != StateLocation::State::kKnown) continue;
      const std::vector<size_t>& group = with_id[w.id];
      if (group.size() < 2) continue;
      std::vector<std::string> group_names;
      for (size_t j : group) group_names.push_back(names[j]);
      RuleFinding f;
      f.message = fmt::format("environments {} share the state location {}", joinNames(group_names), w.display);
      if (!envs[i].environment->backend)
        f.detail = fmt::format("Environment {} declares no backend: Terraform keeps its state in {}.", names[i], w.display);
      f.at = states[i].at;
      for (size_t j : group) {
        if (j == i || sameLocation(states[j].at, f.at)) continue;
        f.related.push_back({states[j].at, fmt::format("the state of environment {}", names[j])});
      }
      envs[i].context->report(std::move(f));
    }
  }

  // b. one environment reads another's state.
  static void checkRemoteStateReads(std::span<const EnvironmentView> envs, const std::vector<std::string>& names,
                                    const std::vector<EnvState>& states) {
    for (size_t i = 0; i < envs.size(); ++i) {
      const eval::EvaluatedEnvironment& env = *envs[i].environment;
      RuleContext& ctx = *envs[i].context;
      for (const eval::ResourceInstance* r : ctx.allResources()) {
        if (r->decl == nullptr || r->decl->mode != model::ResourceMode::kData || r->decl->type != "terraform_remote_state")
          continue;
        const eval::EvaluatedAttr* backend = r->body.attr("backend");
        const eval::EvaluatedAttr* config = r->body.attr("config");
        const eval::EvaluatedAttr* workspace = r->body.attr("workspace");
        Location at = config ? attrLocation(*config) : r->decl->decl.location();
        Str type = fromValue(backend ? &backend->value : nullptr);
        if (!type.known()) continue;  // the backend argument is required; unknown: see below
        Value cfg = config ? config->value : Value::object({});
        Str ws = fromValue(workspace ? &workspace->value : nullptr);
        StateLocation read;
        if (ws.unknown()) {
          read = undecided(type.text, "its workspace is not known");
        } else {
          std::string root_display = env.root ? env.root->dir : env.spec->root.generic_string();
          read = stateLocation(type.text, cfg, valueWorkspaces(cfg), ws.known() ? ws.text : "default", env.spec->root,
                               root_display);
        }
        if (read.state == StateLocation::State::kNotCompared) continue;
        bool other_same_type = false;
        for (size_t j = 0; j < envs.size(); ++j)
          other_same_type = other_same_type || (j != i && states[j].where.type == read.type);
        if (read.state == StateLocation::State::kUndecided) {
          if (!other_same_type) continue;
          RuleFinding f;
          f.message = fmt::format("cannot tell whose state {} reads: {}", r->address, read.why);
          f.at = at;
          f.resource = r->address;
          f.attribute_path = config ? "config" : "";
          ctx.undecided(std::move(f));
          continue;
        }
        for (size_t j = 0; j < envs.size(); ++j) {
          if (j == i || states[j].where.state != StateLocation::State::kKnown || states[j].where.id != read.id) continue;
          // The same-named environment of another stack (app/dev reading
          // network/dev) is the usual layering, not a leak between environments.
          if (envs[j].environment->spec->name == env.spec->name) continue;
          RuleFinding f;
          f.message = fmt::format("environment {} reads the state of environment {} ({})", names[i], names[j], read.display);
          f.at = at;
          f.resource = r->address;
          f.attribute_path = config ? "config" : "";
          f.related.push_back({states[j].at, fmt::format("the state of environment {}", names[j])});
          ctx.report(std::move(f));
        }
      }
    }
  }

  // c. the same literal cloud id in two environments.
  static void checkLiteralIds(std::span<const EnvironmentView> envs, const std::vector<std::string>& names) {
    // Ids of the instances findings are reported on first: in a --changed
    // check that is one module's part, and the other instances matter only
    // where they use one of its ids (most often none: nothing more to walk).
    std::vector<IdUse> uses;
    std::string prefix;
    std::vector<std::string_view> scratch;
    bool all_reported = true;
    // Walks the managed instances, reported or not; `order` keeps the uses
    // of both walks in the one order of the instances.
    auto walk = [&](bool reported, std::vector<IdUse>& out) {
      size_t order = 0;
      for (size_t i = 0; i < envs.size(); ++i)
        for (const eval::ResourceInstance* r : envs[i].context->allResources()) {
          if (r->decl == nullptr || r->decl->mode != model::ResourceMode::kManaged) continue;
          ++order;
          if (envs[i].context->reports(*r) != reported) {
            all_reported = false;
            continue;
          }
          size_t first = out.size();
          collectIds(i, *r, r->body, prefix, scratch, out);
          for (size_t k = first; k < out.size(); ++k) out[k].order = order;
        }
    };
    walk(true, uses);
    if (uses.empty()) return;
    if (!all_reported) {
      std::set<std::string_view> reported_ids;
      for (const IdUse& u : uses) reported_ids.insert(u.id);
      std::vector<IdUse> others;
      walk(false, others);
      for (IdUse& u : others)
        if (reported_ids.count(u.id) > 0) uses.push_back(std::move(u));
      std::stable_sort(uses.begin(), uses.end(), [](const IdUse& a, const IdUse& b) { return a.order < b.order; });
    }
    std::map<std::string_view, std::vector<const IdUse*>> by_id;
    for (const IdUse& u : uses) by_id[u.id].push_back(&u);
    for (const auto& [id, list] : by_id) {
      std::set<size_t> env_set;
      for (const IdUse* u : list) env_set.insert(u->env);
      if (env_set.size() < 2) continue;
      std::vector<std::string> env_names;
      for (size_t e : env_set) env_names.push_back(names[e]);
      for (const IdUse* u : list) {
        if (!envs[u->env].context->reports(*u->resource)) continue;
        RuleFinding f;
        f.message = fmt::format("the literal id {} is used in environments {}", id, joinNames(env_names));
        f.at = attrLocation(*u->attr);
        f.resource = u->resource->address;
        f.attribute_path = u->path;
        f.related = envs[u->env].context->provenanceOf(u->attr->value);
        std::set<size_t> done{u->env};
        for (const IdUse* o : list) {
          if (!done.insert(o->env).second) continue;
          Location other = attrLocation(*o->attr);
          if (sameLocation(other, f.at)) continue;
          f.related.push_back({other, fmt::format("{} in environment {}", o->resource->address, names[o->env])});
        }
        envs[u->env].context->report(std::move(f));
      }
    }
  }

  // d. equal account-unique names in two environments.
  static void checkNames(std::span<const EnvironmentView> envs, const std::vector<std::string>& names) {
    struct NameUse {
      size_t env;
      const eval::ResourceInstance* resource;
      const eval::EvaluatedAttr* attr;
      const UniqueName* kind;
      const AwsTarget* target;  ///< into `targets`
      Str name;
    };
    std::vector<NameUse> uses;
    std::vector<std::map<std::string, AwsTarget>> targets(envs.size());  // by provider alias
    bool any_reported = false;
    for (size_t i = 0; i < envs.size(); ++i) {
      for (const eval::ResourceInstance* r : envs[i].context->allResources()) {
        if (r->decl == nullptr || r->decl->mode != model::ResourceMode::kManaged) continue;
        const UniqueName* u = uniqueName(r->decl->type);
        if (u == nullptr) continue;
        const eval::EvaluatedAttr* a = r->body.attr(u->attr);
        if (a == nullptr) continue;
        Str name = fromValue(&a->value);
        if (name.absent() || name.sensitive) continue;
        std::string alias = providerAlias(*r);
        auto it = targets[i].find(alias);
        if (it == targets[i].end()) it = targets[i].emplace(alias, awsTarget(*envs[i].environment, alias)).first;
        uses.push_back({i, r, a, u, &it->second, std::move(name)});
        any_reported = any_reported || envs[i].context->reports(*r);
      }
    }
    if (!any_reported) return;
    // Uses by kind, and by kind and known name: comparing every use with
    // every other was quadratic in the named resources of all environments.
    std::map<const UniqueName*, std::vector<size_t>> of_kind;
    std::map<std::pair<const UniqueName*, std::string_view>, std::vector<size_t>> same_name;
    for (size_t k = 0; k < uses.size(); ++k) {
      of_kind[uses[k].kind].push_back(k);
      if (uses[k].name.known()) same_name[{uses[k].kind, uses[k].name.text}].push_back(k);
    }
    for (const NameUse& u : uses) {
      if (!envs[u.env].context->reports(*u.resource)) continue;
      std::vector<const NameUse*> hits;
      bool maybe = false;
      if (u.name.unknown()) {
        // An unknown name may be any other environment's it could collide with.
        for (size_t k : of_kind[u.kind]) {
          const NameUse& o = uses[k];
          if (o.env != u.env && collide(u.kind->scope, *u.target, *o.target) != Tri::kNo) {
            maybe = true;
            break;
          }
        }
      } else {
        for (size_t k : same_name[{u.kind, u.name.text}]) {
          const NameUse& o = uses[k];
          if (o.env == u.env) continue;
          Tri c = collide(u.kind->scope, *u.target, *o.target);
          if (c == Tri::kYes) hits.push_back(&o);
          if (c == Tri::kUnknown) maybe = true;
        }
      }
      RuleFinding f;
      f.at = attrLocation(*u.attr);
      f.resource = u.resource->address;
      f.attribute_path = std::string(u.kind->attr);
      if (hits.empty()) {
        if (!maybe) continue;
        f.message = u.name.unknown()
                        ? fmt::format("cannot tell whether {} {} collides with another environment's: the name is not known",
                                      u.kind->type, u.kind->attr)
                        : fmt::format("cannot tell whether {} {} \"{}\" collides with another environment's: the account "
                                      "or region is not known",
                                      u.kind->type, u.kind->attr, u.name.text);
        envs[u.env].context->undecided(std::move(f));
        continue;
      }
      std::set<size_t> env_set{u.env};
      for (const NameUse* o : hits) env_set.insert(o->env);
      std::vector<std::string> env_names;
      for (size_t e : env_set) env_names.push_back(names[e]);
      f.message = fmt::format("{} {} \"{}\" is the same in environments {} (no environment in the name{})", u.kind->type,
                              u.kind->attr, u.name.text, joinNames(env_names),
                              u.kind->scope == NameScope::kGlobal ? "; bucket names are global" : "");
      f.related = envs[u.env].context->provenanceOf(u.attr->value);
      std::set<size_t> done{u.env};
      for (const NameUse* o : hits) {
        if (!done.insert(o->env).second) continue;
        Location other = attrLocation(*o->attr);
        if (sameLocation(other, f.at)) continue;
        f.related.push_back({other, fmt::format("{} in environment {}", o->resource->address, names[o->env])});
      }
      envs[u.env].context->report(std::move(f));
    }
  }

  // e. a production environment with local state.
  static void checkProductionLocal(std::span<const EnvironmentView> envs, const std::vector<std::string>& names) {
    for (size_t i = 0; i < envs.size(); ++i) {
      const eval::EvaluatedEnvironment& env = *envs[i].environment;
      if (envs[i].context->tier() != loader::Tier::kProduction) continue;
      RuleFinding f;
      if (!env.backend) {
        f.message = fmt::format("production environment {} has no backend: its state is a local file", names[i]);
        f.at = firstFileStart(env);
        if (env.root && env.root->module && !env.root->module->terraform.blocks.empty())
          f.at = env.root->module->terraform.blocks.front().location();
      } else if (env.backend->type == "local") {
        f.message = fmt::format("production environment {} keeps its state in a local backend", names[i]);
        if (env.backend->decl != nullptr) f.at = env.backend->decl->decl.location();
      } else {
        continue;
      }
      envs[i].context->report(std::move(f));
    }
  }

  RuleMeta meta_{
      .id = kId,
      .default_severity = Severity::kError,
      .summary = "Environments must not share state, cloud ids or account-unique names",
      .description = R"md(Environments of one project must be isolated from each other: their own state, their own
resources, their own names. tfguard treats every environment of a run as one project.

## What fails

1. **Two environments share one state location.** The same backend type and the same effective
   location, after merging partial backend files (`-backend-config`) and taking the environment's
   Terraform workspace into account:

   | backend | location |
   | --- | --- |
   | `s3` | `bucket` + `key` (non-default workspace: `workspace_key_prefix` (default `env:`)/workspace/key) |
   | `gcs` | `bucket` + `prefix` + `<workspace>.tfstate` |
   | `azurerm` | `storage_account_name` + `container_name` + `key` (+ `env:<workspace>`) |
   | `local`, or no backend | `path` (default `terraform.tfstate`) relative to the root; `workspace_dir` (default `terraform.tfstate.d`)`/<workspace>/terraform.tfstate` for other workspaces. Two roots are two files; one root deployed as two environments in the same workspace is one file |
   | `remote`, `cloud` | `hostname` + `organization` + `workspaces.name` (or `prefix` + workspace) |
   | `consul` | `address` + `path` |
   | `http` | `address` |

   Other backends are not compared. The finding is reported in every environment of the group, at
   the argument that decides the location (`key`, `prefix`, `path`) when the backend block sets it,
   else at the backend block; the other environments' places are related locations.
2. **One environment reads another's state**: a `data "terraform_remote_state"` whose `backend`,
   `config` and `workspace` point at another environment's state location. Reported in the reading
   environment, at `config`. Reading the state of the **same-named** environment of another root
   (`app/dev` reading `network/dev`) is the usual layering and passes.
3. **The same literal cloud id in two environments**: every known string in the arguments of
   managed resources (nested blocks, lists, maps and JSON documents included) is searched for ids
   `eipalloc-`, `eipassoc-`, `sg-`, `subnet-`, `vpc-`, `vpce-`, `i-`, `igw-`, `eigw-`, `nat-`, `rtb-`,
   `eni-`, `vol-`, `snap-`, `pcx-`, `tgw-`, `acl-`, `lt-`, `fs-` followed by 8 or 17 lower-case hex
   digits, and ARNs (`arn:aws…`) of one resource. Not flagged: AMI ids (`ami-`, shared
   legitimately), AWS-managed ARNs (account `aws`, e.g. `arn:aws:iam::aws:policy/…`), wildcard ARNs,
   sensitive values and data sources. Reported in **every** environment that uses the id, at the
   argument (a literal in a shared module is one place seen by both environments); where the value
   was set (tfvars line, module argument) and the other environment's place are related locations.
4. **Account-unique names that are equal in two environments** ("no environment in the name"):
   `aws_s3_bucket.bucket` (global: always a collision), IAM role/user/group/policy/instance
   profile `name` (per account), and per region: `aws_lambda_function.function_name`,
   `aws_dynamodb_table.name`, `aws_sqs_queue.name`, `aws_sns_topic.name`,
   `aws_db_instance.identifier`, `aws_rds_cluster.cluster_identifier`, `aws_ecr_repository.name`,
   `aws_cloudwatch_log_group.name`, `aws_ecs_cluster.name`, `aws_eks_cluster.name`, `aws_lb`/`aws_alb`
   /`aws_lb_target_group` `name`, `aws_secretsmanager_secret.name`, `aws_ssm_parameter.name`,
   `aws_kms_alias.name`, `aws_elasticache_replication_group.replication_group_id`,
   `aws_elasticache_cluster.cluster_id`, `aws_kinesis_stream.name`, `aws_sfn_state_machine.name`,
   `aws_key_pair.key_name`. (`aws_security_group.name` is per VPC and not checked; sensitive names
   are not compared.) Reported in every environment that uses the name, at the argument.
   *Same account* cannot be known offline: environments are taken to be in the same account unless
   the root module's `provider "aws"` blocks (the resource's `provider = aws.ALIAS`, else the
   default one) show disjoint known accounts (`allowed_account_ids`, the account of
   `assume_role.role_arn`); regional names only collide when the known `region`s are equal (an
   unset region counts as the same). Provider arguments are read as constants, `var.NAME` or
   `local.NAME` of the root module.
5. **A production environment keeps its state locally**: tier `production` with a `local` backend
   (at the backend block) or with no backend (at the first `terraform` block, else the start of the
   root's first file).

A value tfguard cannot know (a backend key given only on the command line, a name built from an
unset variable, a provider region that is not known) gives no finding: the check is listed as
undecided (`--show-undecided`).

## The findings

One message per case above:

```
environments dev and production share the state location s3://acme-terraform-state/app/terraform.tfstate
environment staging reads the state of environment production (s3://acme-terraform-state/app/production/terraform.tfstate)
the literal id sg-0123456789abcdef0 is used in environments dev and production
aws_s3_bucket bucket "acme-app-logs" is the same in environments dev and production (no environment in the name; bucket names are global)
production environment production keeps its state in a local backend
production environment production has no backend: its state is a local file
```

## Why

- A shared state location means the second `terraform apply` overwrites the first environment's
  state: Terraform forgets production's resources, plans to create them again or destroys them.
- Reading production's state from staging couples their lifecycles and copies production's outputs
  (endpoints, sometimes secrets) into a less protected environment.
- A hard-coded `sg-…` or `subnet-…` in two environments means a development change modifies a
  production resource.
- Equal bucket, role or table names make the second environment fail to create the resource, or
  (after an import) manage the first environment's.
- A local state file is lost with the laptop that holds it, cannot be locked and is not shared.

Something shared by design (an artifact bucket every environment reads) is suppressed at the
offending argument, with the reason; `env:NAME` limits the suppression to one environment.

## Compared with other tools

tfsec/Trivy, Checkov and TFLint check one configuration at a time and have no rule that compares
environments.)md",
      .bad_example = R"(# environments/dev/backend.tf
terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "app/terraform.tfstate"
  }
}
# environments/production/backend.tf: the same bucket and key
terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "app/terraform.tfstate"
  }
}
)",
      .good_example = R"(# environments/dev/backend.tf
terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "app/dev/terraform.tfstate"
  }
}
# environments/dev/main.tf: the environment in account-unique names
resource "aws_s3_bucket" "logs" {
  bucket = "acme-app-logs-dev"
}

# environments/production/backend.tf
terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "app/production/terraform.tfstate"
  }
}
# environments/production/main.tf
resource "aws_s3_bucket" "logs" {
  bucket = "acme-app-logs-production"
}
)",
      .scope = RuleScope::kCrossEnvironment,
      .tags = {"security", "reliability"},
      .security_severity = "8.0",
      .why_cpp = "It compares every environment of the run with all the others (state locations, literal ids, "
                 "names); a policy is evaluated in one environment at a time and cannot see the others. It also "
                 "works out each backend type's effective state location, with partial backend files and "
                 "workspaces, and reads the accounts and regions of the `aws` providers.",
  };
};

}  // namespace

std::unique_ptr<Rule> makeEnvIsolationRule() { return std::make_unique<EnvIsolationRule>(); }

}  // namespace tfguard::rules
