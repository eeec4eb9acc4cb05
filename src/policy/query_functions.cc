#include "policy/query_functions.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "eval/cidr.h"
#include "rules/rule_helpers.h"

namespace tfguard::policy {
namespace {

using eval::FunctionResult;
using eval::TypeKind;
using eval::Value;

// Sorted (binary search).
constexpr std::string_view kQueryFunctions[] = {"address",    "cidr_contains", "cidr_is_public", "iam_statements",
                                                "is_known",   "is_set",        "matches",        "port_in_range",
                                                "references", "referrers",     "refers_to",      "resources"};

bool isString(const Value& v) { return v.isKnown() && !v.isNull() && v.type().kind() == TypeKind::kString; }

FunctionResult arity(std::string_view name, std::span<const Value> args, size_t want) {
  if (args.size() == want) return {};
  return FunctionResult::fail(fmt::format("{} takes {} argument(s), {} given", name, want, args.size()));
}

/// The address an instance object stands for (self, an element of resources()).
std::optional<std::string> addressOf(const Value& target) {
  if (!target.isKnown() || target.isNull() || target.type().kind() != TypeKind::kObject) return std::nullopt;
  if (target.references().empty()) return std::nullopt;
  return target.references()[0];
}

/// A reference split at its dots, keeping [keys] (which may hold dots) with their segment.
std::vector<std::string_view> segmentsOf(std::string_view ref) {
  std::vector<std::string_view> segs;
  size_t start = 0;
  bool quoted = false;
  int depth = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    char c = ref[i];
    if (c == '"' && (i == 0 || ref[i - 1] != '\\')) quoted = !quoted;
    if (quoted) continue;
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (c == '.' && depth == 0) {
      segs.push_back(ref.substr(start, i - start));
      start = i + 1;
    }
  }
  segs.push_back(ref.substr(start));
  return segs;
}

/// "module.a[0].aws_x.y[1].id" -> "module.a[0].aws_x.y[1]" when the
/// resource part is of `type` ("data.T" for data sources); else empty.
std::string instanceOfType(std::string_view ref, std::string_view type) {
  std::vector<std::string_view> segs = segmentsOf(ref);
  size_t i = 0;
  while (i + 1 < segs.size() && segs[i] == "module") i += 2;
  bool data = type.starts_with("data.");
  std::string_view want = data ? type.substr(5) : type;
  if (data) {
    if (i >= segs.size() || segs[i] != "data") return {};
    ++i;
  }
  if (i + 1 >= segs.size() || segs[i] != want) return {};
  size_t end = static_cast<size_t>(segs[i + 1].data() + segs[i + 1].size() - ref.data());
  return std::string(ref.substr(0, end));
}

/// Whether `value` or anything inside it refers to the instance at
/// `address` (rules::allReferences without collecting: this runs for every
/// pair of instances some policies compare).
bool refersTo(const Value& value, std::string_view address, int depth = 0) {
  if (depth > 64) return false;
  for (const std::string& ref : value.references())
    if (rules::matchReference(ref, address).matches) return true;
  if (!value.isKnown() || value.isNull()) return false;
  switch (value.type().kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple:
      for (const Value& e : value.elements())
        if (refersTo(e, address, depth + 1)) return true;
      return false;
    case TypeKind::kMap:
    case TypeKind::kObject:
      for (const auto& [k, v] : value.attributes())
        if (refersTo(v, address, depth + 1)) return true;
      return false;
    default: return false;
  }
}

std::optional<eval::cidr::Prefix> cidrArg(const Value& v) {
  if (!isString(v)) return std::nullopt;
  return eval::cidr::parsePrefixOrAddress(v.asString());
}

std::optional<long long> portArg(const Value& v) {
  if (v.isNull()) return -1;
  return rules::knownInt(v);
}

// ---- IAM documents

Value strings(const Value& v) {
  if (!v.isKnown()) return v;
  if (v.isNull()) return Value::tuple({});
  if (v.type().kind() == TypeKind::kString) return Value::tuple({v});
  if (v.type().kind() == TypeKind::kList || v.type().kind() == TypeKind::kSet || v.type().kind() == TypeKind::kTuple)
    return Value::tuple(std::vector<Value>(v.elements().begin(), v.elements().end()));
  return Value::tuple({v});
}

const Value* field(const Value& object, std::string_view name) {
  if (!object.isKnown() || object.isNull()) return nullptr;
  const Value* v = object.get(name);
  return v != nullptr && !v->isNull() ? v : nullptr;
}

Value statementObject(Value sid, Value effect, Value actions, Value not_actions, Value resources,
                      Value not_resources, Value principals, Value conditions) {
  return Value::object({{"sid", std::move(sid)},
                        {"effect", std::move(effect)},
                        {"actions", std::move(actions)},
                        {"not_actions", std::move(not_actions)},
                        {"resources", std::move(resources)},
                        {"not_resources", std::move(not_resources)},
                        {"principals", std::move(principals)},
                        {"conditions", std::move(conditions)}});
}

// A statement of a JSON document: {"Effect": "Allow", "Action": ..., "Principal": {"AWS": [...]}}.
Value jsonStatement(const Value& s) {
  auto get = [&](std::string_view name) { const Value* v = field(s, name); return v ? *v : Value::null(); };
  std::vector<Value> principals;
  Value principal = get("Principal");
  if (isString(principal)) {
    principals.push_back(principal);
  } else if (principal.isKnown() && !principal.isNull() &&
             (principal.type().kind() == TypeKind::kObject || principal.type().kind() == TypeKind::kMap)) {
    for (const auto& [kind, ids] : principal.attributes()) {
      Value list = strings(ids);
      if (!list.isKnown()) {
        principals.push_back(Value::unknown());
        continue;
      }
      for (const Value& id : list.elements())
        principals.push_back(isString(id) ? Value::string(kind + ":" + id.asString()) : Value::unknown());
    }
  }
  std::vector<Value> conditions;
  Value condition = get("Condition");
  if (condition.isKnown() && !condition.isNull())
    for (const auto& [op, keys] : condition.attributes())
      for (const auto& [key, v] : keys.isKnown() && !keys.isNull() ? keys.attributes() : std::span<const Value::Attribute>{})
        conditions.push_back(Value::string(op + ":" + key));
  Value effect = get("Effect");
  return statementObject(get("Sid"), effect.isNull() ? Value::string("Allow") : effect, strings(get("Action")),
                         strings(get("NotAction")), strings(get("Resource")), strings(get("NotResource")),
                         Value::tuple(std::move(principals)), Value::tuple(std::move(conditions)));
}

// A `statement` block of data "aws_iam_policy_document".
Value documentStatement(const Value& s) {
  auto get = [&](std::string_view name) { const Value* v = field(s, name); return v ? *v : Value::null(); };
  std::vector<Value> principals;
  Value blocks = get("principals");
  if (blocks.isKnown() && !blocks.isNull())
    for (const Value& p : blocks.elements()) {
      Value type = field(p, "type") ? *field(p, "type") : Value::null();
      Value ids = strings(field(p, "identifiers") ? *field(p, "identifiers") : Value::null());
      if (!ids.isKnown() || !isString(type)) {
        principals.push_back(Value::unknown());
        continue;
      }
      for (const Value& id : ids.elements()) {
        bool everyone = isString(id) && id.asString() == "*" && type.asString() == "*";
        principals.push_back(everyone ? id : isString(id) ? Value::string(type.asString() + ":" + id.asString())
                                                          : Value::unknown());
      }
    }
  std::vector<Value> conditions;
  Value conds = get("condition");
  if (conds.isKnown() && !conds.isNull())
    for (const Value& c : conds.elements()) {
      const Value* test = field(c, "test");
      const Value* variable = field(c, "variable");
      conditions.push_back(test && variable && isString(*test) && isString(*variable)
                               ? Value::string(test->asString() + ":" + variable->asString())
                               : Value::unknown());
    }
  Value effect = get("effect");
  return statementObject(get("sid"), effect.isNull() ? Value::string("Allow") : effect, strings(get("actions")),
                         strings(get("not_actions")), strings(get("resources")), strings(get("not_resources")),
                         Value::tuple(std::move(principals)), Value::tuple(std::move(conditions)));
}

// ---- regular expressions, compiled once per pattern

std::shared_ptr<const RE2> compiled(const std::string& pattern, std::string* error) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const RE2>> cache;
  std::shared_ptr<const RE2> re;
  {
    std::lock_guard lock(mutex);
    auto it = cache.find(pattern);
    if (it == cache.end()) {
      RE2::Options options;
      options.set_log_errors(false);
      if (cache.size() > 10000) cache.clear();  // bounded: patterns may be built from values
      it = cache.emplace(pattern, std::make_shared<const RE2>(pattern, options)).first;
    }
    re = it->second;
  }
  if (!re->ok()) {
    *error = fmt::format("invalid regular expression \"{}\": {}", pattern, re->error());
    return nullptr;
  }
  return re;
}

}  // namespace

std::string resourceNameOf(std::string_view reference) {
  std::vector<std::string_view> segs = segmentsOf(reference);
  size_t i = 0;
  while (i + 1 < segs.size() && segs[i].substr(0, segs[i].find('[')) == "module") i += 2;
  std::string prefix;
  if (i < segs.size() && segs[i] == "data") {
    prefix = "data.";
    ++i;
  }
  if (i + 1 >= segs.size()) return {};
  std::string_view type = segs[i], name = segs[i + 1].substr(0, segs[i + 1].find('['));
  if (type.find('[') != std::string_view::npos || type == "var" || type == "local" || type == "each" ||
      type == "count" || type == "path" || type == "terraform" || type == "self")
    return {};
  return prefix + std::string(type) + "." + std::string(name);
}

Value iamStatements(const Value& document, std::string* error) {
  if (!document.isKnown()) return Value::unknown();
  if (document.isNull()) return Value::tuple({});
  Value doc = document;
  if (doc.type().kind() == TypeKind::kString) {
    const eval::FunctionSpec* decode = eval::findFunction("jsondecode");
    eval::FunctionContext ctx;
    Value arg = doc;
    FunctionResult r = eval::callFunction(*decode, {&arg, 1}, ctx);
    if (!r.ok()) {
      *error = "the policy document is not valid JSON: " + r.error;
      return Value::unknown();
    }
    doc = r.value;
  }
  if (!doc.isKnown()) return Value::unknown();
  if (doc.isNull()) return Value::tuple({});
  std::vector<Value> out;
  if (const Value* statements = field(doc, "Statement")) {
    if (!statements->isKnown()) return Value::unknown();
    if (statements->type().kind() == TypeKind::kObject || statements->type().kind() == TypeKind::kMap)
      out.push_back(jsonStatement(*statements));
    else
      for (const Value& s : statements->elements()) out.push_back(s.isKnown() ? jsonStatement(s) : Value::unknown());
  } else if (const Value* blocks = field(doc, "statement")) {
    if (!blocks->isKnown()) return Value::unknown();
    for (const Value& s : blocks->elements()) out.push_back(s.isKnown() ? documentStatement(s) : Value::unknown());
  } else if (doc.type().kind() != TypeKind::kObject && doc.type().kind() != TypeKind::kMap) {
    *error = "iam_statements expects a policy document (a JSON string, an object or an aws_iam_policy_document)";
    return Value::unknown();
  }
  return Value::tuple(std::move(out));
}

bool isQueryFunction(std::string_view name) {
  return std::binary_search(std::begin(kQueryFunctions), std::end(kQueryFunctions), name);
}

FunctionResult callQueryFunction(std::string_view name, std::span<const Value> args, QueryHost& host) {
  auto ok = [](Value v) { return FunctionResult{std::move(v), {}, -1}; };
  if (name == "resources") {
    if (auto r = arity(name, args, 1); !r.ok()) return r;
    if (!isString(args[0])) return FunctionResult::fail("the type must be a known string", 0);
    return ok(host.resources(args[0].asString()));
  }
  if (name == "refers_to") {
    if (auto r = arity(name, args, 2); !r.ok()) return r;
    auto address = addressOf(args[1]);
    if (!address) return FunctionResult::fail("the target must be an instance object (self or an element of resources())", 1);
    if (refersTo(args[0], *address)) return ok(Value::boolean(true));
    // An unknown that stands for nothing in particular could be anything.
    if (!args[0].isKnown() && args[0].references().empty()) return ok(Value::unknown(eval::Type::boolean()));
    return ok(Value::boolean(false));
  }
  if (name == "referrers") {
    if (args.size() != 2 && args.size() != 3)
      return FunctionResult::fail(fmt::format("referrers takes 2 or 3 arguments, {} given", args.size()));
    auto address = addressOf(args[0]);
    if (!address) return FunctionResult::fail("the target must be an instance object (self or an element of resources())", 0);
    if (!isString(args[1])) return FunctionResult::fail("the type must be a known string", 1);
    std::vector<std::string> attributes;
    if (args.size() == 3) {
      Value list = strings(args[2]);
      if (!list.isKnown()) return FunctionResult::fail("the attribute names must be known strings", 2);
      for (const Value& a : list.elements()) {
        if (!isString(a)) return FunctionResult::fail("the attribute names must be known strings", 2);
        attributes.push_back(a.asString());
      }
    }
    return ok(host.referrers(*address, args[1].asString(), attributes));
  }
  if (name == "references") {
    if (auto r = arity(name, args, 2); !r.ok()) return r;
    if (!isString(args[1])) return FunctionResult::fail("the type must be a known string", 1);
    std::vector<std::string> found;
    for (const std::string& ref : rules::allReferences(args[0])) {
      std::string inst = instanceOfType(ref, args[1].asString());
      if (!inst.empty()) found.push_back(std::move(inst));
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::vector<Value> out;
    for (auto& f : found) out.push_back(Value::string(std::move(f)));
    return ok(Value::tuple(std::move(out)));
  }
  if (name == "address") {
    if (auto r = arity(name, args, 1); !r.ok()) return r;
    auto address = addressOf(args[0]);
    if (!address) return FunctionResult::fail("the argument must be an instance object (self or an element of resources())", 0);
    return ok(Value::string(*address));
  }
  if (name == "cidr_contains") {
    if (auto r = arity(name, args, 2); !r.ok()) return r;
    if (!args[0].isKnown() || !args[1].isKnown()) return ok(Value::unknown(eval::Type::boolean()));
    auto outer = cidrArg(args[0]);
    if (!outer) return FunctionResult::fail(fmt::format("{} is not a CIDR", rules::displayValue(args[0])), 0);
    auto inner = cidrArg(args[1]);
    if (!inner) return FunctionResult::fail(fmt::format("{} is not a CIDR or an address", rules::displayValue(args[1])), 1);
    return ok(Value::boolean(outer->contains(*inner)));
  }
  if (name == "cidr_is_public") {
    if (auto r = arity(name, args, 1); !r.ok()) return r;
    if (!args[0].isKnown()) return ok(Value::unknown(eval::Type::boolean()));
    auto prefix = cidrArg(args[0]);
    if (!prefix) return FunctionResult::fail(fmt::format("{} is not a CIDR", rules::displayValue(args[0])), 0);
    return ok(Value::boolean(!eval::cidr::isNonPublic(*prefix)));
  }
  if (name == "port_in_range") {
    if (auto r = arity(name, args, 3); !r.ok()) return r;
    for (const Value& a : args)
      if (!a.isKnown()) return ok(Value::unknown(eval::Type::boolean()));
    auto port = rules::knownInt(args[0]);
    auto from = portArg(args[1]);
    auto to = portArg(args[2]);
    if (!port) return FunctionResult::fail("the port must be a whole number", 0);
    if (!from) return FunctionResult::fail("from must be a whole number", 1);
    if (!to) return FunctionResult::fail("to must be a whole number", 2);
    if (*from == -1 || *to == -1) return ok(Value::boolean(true));
    return ok(Value::boolean(*from <= *port && *port <= *to));
  }
  if (name == "iam_statements") {
    if (auto r = arity(name, args, 1); !r.ok()) return r;
    std::string error;
    Value v = iamStatements(args[0], &error);
    if (!error.empty()) return FunctionResult::fail(error, 0);
    return ok(std::move(v));
  }
  if (name == "is_known") {
    if (auto r = arity(name, args, 1); !r.ok()) return r;
    return ok(Value::boolean(args[0].isWhollyKnown()));
  }
  if (name == "is_set") {
    if (auto r = arity(name, args, 1); !r.ok()) return r;
    // An unknown value is a value (known at apply), unless it stands for nothing at all.
    return ok(Value::boolean(!args[0].isKnown() || !args[0].isNull()));
  }
  if (name == "matches") {
    if (auto r = arity(name, args, 2); !r.ok()) return r;
    if (!args[0].isKnown() || !args[1].isKnown()) return ok(Value::unknown(eval::Type::boolean()));
    if (!isString(args[1])) return FunctionResult::fail("the pattern must be a string", 1);
    auto text = rules::knownString(args[0]);
    if (!text) return args[0].isNull() ? ok(Value::boolean(false)) : FunctionResult::fail("the text must be a string", 0);
    std::string error;
    std::shared_ptr<const RE2> re = compiled(args[1].asString(), &error);
    if (re == nullptr) return FunctionResult::fail(error, 1);
    return ok(Value::boolean(RE2::PartialMatch(*text, *re)));
  }
  return FunctionResult::fail(fmt::format("there is no function named \"{}\"", name));
}

}  // namespace tfguard::policy
