#include "eval/functions.h"

#include <algorithm>
#include <fmt/format.h>

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

}  // namespace

std::span<const FunctionSpec> allFunctions() { return table(); }

const FunctionSpec* findFunction(std::string_view name) {
  const auto& t = table();
  auto it = std::lower_bound(t.begin(), t.end(), name,
                             [](const FunctionSpec& f, std::string_view n) { return f.name < n; });
  return it != t.end() && it->name == name ? &*it : nullptr;
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
  std::vector<Value> converted;
  converted.reserve(args.size());
  bool sensitive = false;
  bool unknown = false;
  std::vector<std::string> references;
  for (size_t i = 0; i < args.size(); ++i) {
    const FunctionParam& param = i < fixed ? spec.params[i] : *spec.variadic;
    const Value& arg = args[i];
    sensitive = sensitive || arg.sensitive();
    if (arg.isNull() && !param.allow_null) {
      return FunctionResult::fail(fmt::format("Invalid value for \"{}\" parameter: argument must not be null.",
                                              param.name),
                                  static_cast<int>(i));
    }
    if (!arg.isWhollyKnown() && !param.allow_unknown) {
      unknown = true;
      references.insert(references.end(), arg.references().begin(), arg.references().end());
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
  if (unknown) {
    Value result = Value::unknown(spec.unknown_result, std::move(references));
    return {sensitive ? result.markedSensitive() : result, {}, -1};
  }
  FunctionResult result = spec.impl(converted, ctx);
  if (result.ok() && sensitive) result.value = result.value.markedSensitive();
  return result;
}

}  // namespace tfguard::eval
