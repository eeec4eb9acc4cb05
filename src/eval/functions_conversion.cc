// Type conversion and sensitivity functions: tostring, tonumber, tobool,
// tolist, toset, tomap, type, sensitive, nonsensitive, issensitive.
// (try and can evaluate their arguments lazily: the evaluator has them.)
//
// The to* functions follow Terraform's MakeToFunc: the argument is taken
// as it is (any type, null allowed, unknown allowed) and converted here, so
// that the messages can speak of an explicit conversion ("cannot convert
// \"no\" to bool; ...") rather than an argument type mismatch.
#include <fmt/format.h>

#include "eval/convert.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace {

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

FunctionResult argError(std::string_view message) {
  return FunctionResult::fail(fmt::format("Invalid value for \"v\" parameter: {}.", message), 0);
}

FunctionResult convertTo(const Value& v, const Type& want) {
  const Type& got = v.type();
  if (got == want) return ok(v);
  if (!canConvert(got, want)) {
    if (got.kind() == TypeKind::kTuple && want.kind() == TypeKind::kTuple)
      return argError("incompatible tuple type for conversion: " + mismatchMessage(got, want));
    if (got.kind() == TypeKind::kObject && want.kind() == TypeKind::kObject)
      return argError("incompatible object type for conversion: " + mismatchMessage(got, want));
    return argError(fmt::format("cannot convert {} to {}", friendlyTypeName(got), friendlyTypeName(want, true)));
  }
  // Unknowns convert to unknowns of the wanted type (with what is known of
  // their type: tolist(unknown list of string) is a list of string).
  std::string error;
  auto r = convert(v, want, &error);
  if (r) return ok(std::move(*r));
  if (v.sensitive()) {
    // Say nothing about the value itself.
    return argError(fmt::format("cannot convert this sensitive {} to {}", friendlyTypeName(got),
                                friendlyTypeName(want, true)));
  }
  if (got.kind() == TypeKind::kString && want.kind() == TypeKind::kBool) {
    return argError(fmt::format("cannot convert {} to bool; only the strings \"true\" or \"false\" are allowed",
                                quoteGoString(v.asString())));
  }
  if (got.kind() == TypeKind::kString && want.kind() == TypeKind::kNumber) {
    return argError(fmt::format(
        "cannot convert {} to number; given string must be a decimal representation of a number",
        quoteGoString(v.asString())));
  }
  return argError(fmt::format("cannot convert {} to {}", friendlyTypeName(got), friendlyTypeName(want, true)));
}

FunctionResult toString(std::span<const Value> args, FunctionContext&) { return convertTo(args[0], Type::string()); }
FunctionResult toNumber(std::span<const Value> args, FunctionContext&) { return convertTo(args[0], Type::number()); }
FunctionResult toBool(std::span<const Value> args, FunctionContext&) { return convertTo(args[0], Type::boolean()); }
FunctionResult toList(std::span<const Value> args, FunctionContext&) {
  return convertTo(args[0], Type::list(Type::dynamic()));
}
FunctionResult toSet(std::span<const Value> args, FunctionContext&) {
  return convertTo(args[0], Type::set(Type::dynamic()));
}
FunctionResult toMap(std::span<const Value> args, FunctionContext&) {
  return convertTo(args[0], Type::map(Type::dynamic()));
}

// Terraform's type() returns a type for the console to print; here its
// spelling as a type constraint ("list(string)", "object({a=number})").
FunctionResult typeOf(std::span<const Value> args, FunctionContext&) {
  return ok(Value::string(args[0].type().toString()));
}

FunctionResult sensitive(std::span<const Value> args, FunctionContext&) { return ok(args[0].markedSensitive()); }

// The mark comes off the value itself; nested values keep theirs (as
// Terraform's Unmark, which is shallow).
FunctionResult nonsensitive(std::span<const Value> args, FunctionContext&) {
  return ok(args[0].markedSensitive(false));
}

FunctionResult isSensitive(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.sensitive()) return ok(Value::boolean(true));
  if (!v.isKnown()) return ok(Value::unknown(Type::boolean(), {v.references().begin(), v.references().end()}));
  return ok(Value::boolean(false));
}

/// The one parameter of these functions: anything, null and unknown included.
std::vector<FunctionParam> anyValue(std::string_view name) {
  return {FunctionParam{name, Type::dynamic(), /*allow_null=*/true, /*allow_unknown=*/true}};
}

std::vector<FunctionSpec> build() {
  return {
      {"issensitive", anyValue("value"), std::nullopt, Type::boolean(), isSensitive, true},
      {"nonsensitive", anyValue("value"), std::nullopt, Type::dynamic(), nonsensitive, true},
      {"sensitive", anyValue("value"), std::nullopt, Type::dynamic(), sensitive, true},
      {"tobool", anyValue("v"), std::nullopt, Type::boolean(), toBool},
      {"tolist", anyValue("v"), std::nullopt, Type::list(Type::dynamic()), toList},
      {"tomap", anyValue("v"), std::nullopt, Type::map(Type::dynamic()), toMap},
      {"tonumber", anyValue("v"), std::nullopt, Type::number(), toNumber},
      {"toset", anyValue("v"), std::nullopt, Type::set(Type::dynamic()), toSet},
      {"tostring", anyValue("v"), std::nullopt, Type::string(), toString},
      {"type", anyValue("value"), std::nullopt, Type::string(), typeOf},
  };
}

}  // namespace

std::span<const FunctionSpec> conversionFunctions() {
  static const std::vector<FunctionSpec> specs = build();
  return specs;
}

}  // namespace tfguard::eval
