#include "eval/functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "eval/convert.h"

namespace tfguard::eval {
namespace {

std::vector<FunctionSpec> buildTable() {
  std::vector<FunctionSpec> all;
  for (auto family : {stringFunctions, collectionFunctions, numericFunctions, encodingFunctions,
                      filesystemFunctions, hashFunctions, networkFunctions, conversionFunctions,
                      timeFunctions}) {
    for (const FunctionSpec& f : family()) all.push_back(f);
  }
  std::sort(all.begin(), all.end(),
            [](const FunctionSpec& a, const FunctionSpec& b) { return a.name < b.name; });
  return all;
}

const std::vector<FunctionSpec>& table() {
  static const std::vector<FunctionSpec> t = buildTable();
  return t;
}

// Marks anywhere inside a value: a sensitive element makes the whole
// result sensitive, and an unknown element's references are the result's.
void collectMarks(const Value& v, bool* sensitive, std::vector<std::string>* references,
                  int depth = 0) {
  *sensitive = *sensitive || v.sensitive();
  if (!v.isKnown()) references->insert(references->end(), v.references().begin(), v.references().end());
  if (v.isWhollyKnown() && !v.containsSensitive()) return;  // nothing inside to collect
  if (depth > 64) return;  // values are bounded by the evaluator; stay safe anyway
  for (const Value& e : v.elements()) collectMarks(e, sensitive, references, depth + 1);
  for (const auto& [k, e] : v.attributes()) collectMarks(e, sensitive, references, depth + 1);
}

}  // namespace

std::span<const FunctionSpec> allFunctions() { return table(); }

const FunctionSpec* findFunction(std::string_view name) {
  // Every call expression looks its function up: a hash instead of a
  // binary search over a hundred names.
  static const std::unordered_map<std::string_view, const FunctionSpec*> by_name = [] {
    std::unordered_map<std::string_view, const FunctionSpec*> m;
    for (const FunctionSpec& f : table()) m.emplace(f.name, &f);
    return m;
  }();
  auto it = by_name.find(name);
  return it != by_name.end() ? it->second : nullptr;
}

FunctionResult callFunction(const FunctionSpec& spec, std::span<const Value> args,
                            FunctionContext& ctx) {
  size_t fixed = spec.params.size();
  if (args.size() < fixed || (!spec.variadic && args.size() > fixed)) {
    return FunctionResult::fail(
        spec.variadic ? fmt::format("Function \"{}\" expects at least {} argument(s).", spec.name, fixed)
                      : fmt::format("Function \"{}\" expects {} argument(s); {} given.", spec.name,
                                    fixed, args.size()));
  }
  SmallValueList converted;
  bool sensitive = false;
  bool unknown = false;
  std::vector<std::string> references;
  for (size_t i = 0; i < args.size(); ++i) {
    const FunctionParam& param = i < fixed ? spec.params[i] : *spec.variadic;
    const Value& arg = args[i];
    std::vector<std::string> arg_references;
    collectMarks(arg, &sensitive, &arg_references);
    if (arg.isNull() && !param.allow_null) {
      return FunctionResult::fail(fmt::format("Invalid value for \"{}\" parameter: argument must not be null.",
                                              param.name),
                                  static_cast<int>(i));
    }
    if (!arg.isWhollyKnown() && !param.allow_unknown) {
      unknown = true;
      references.insert(references.end(), arg_references.begin(), arg_references.end());
      continue;
    }
    std::string error;
    auto v = convert(arg, param.type, &error);
    if (!v) {
      return FunctionResult::fail(fmt::format("Invalid value for \"{}\" parameter: {}.", param.name, error),
                                  static_cast<int>(i));
    }
    converted.push_back(std::move(*v));
  }
  if (spec.handles_marks) sensitive = false;
  if (unknown) {
    Value result = Value::unknown(spec.unknown_result, std::move(references));
    return {sensitive ? result.markedSensitive() : result, {}, -1};
  }
  FunctionResult result = spec.impl(converted.span(), ctx);
  if (result.ok() && sensitive) result.value = result.value.markedSensitive();
  return result;
}

}  // namespace tfguard::eval
