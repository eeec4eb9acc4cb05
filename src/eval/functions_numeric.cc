// Numeric functions: min, max, abs, ceil, floor, pow, log, signum, parseint.
//
// Semantics and messages follow Terraform (cty's stdlib plus Terraform's own
// log and pow). Numbers are long doubles here where cty has 512-bit floats;
// log and pow compute in double precision exactly as Terraform does
// (math.Log / math.Pow on float64), so their results print the same.
#include <cfloat>
#include <cmath>
#include <fmt/format.h>

#include "eval/convert.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace {

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

// An error about one argument ("Invalid function argument" in Terraform).
FunctionResult argError(std::string_view param, int index, std::string_view message) {
  return FunctionResult::fail(fmt::format("Invalid value for \"{}\" parameter: {}.", param, message),
                              index);
}

// An error about the call as a whole ("Error in function call").
FunctionResult callError(std::string_view function, std::string_view message) {
  return FunctionResult::fail(fmt::format("Call to function \"{}\" failed: {}.", function, message));
}

// What cty says when a number does not fit a Go int (gocty.FromCtyValue).
constexpr std::string_view kWholeNumber =
    "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

/// The number as a double, as gocty.FromCtyValue gives Terraform's log/pow a
/// float64: out-of-range values are an error rather than an infinity.
std::optional<double> toDouble(const Number& n, std::string* error) {
  long double v = n.value();
  if (std::isfinite(v) && std::fabs(v) > static_cast<long double>(DBL_MAX)) {
    *error = fmt::format("value must be between {:f} and {:f} inclusive", -DBL_MAX, DBL_MAX);
    return std::nullopt;
  }
  return static_cast<double>(v);
}

/// cty has no negative zero in integer results (big.Int); neither do we.
Number normalizeZero(long double v) { return Number(v == 0 ? 0.0L : v); }

FunctionResult minImpl(std::span<const Value> args, FunctionContext&) {
  if (args.empty()) return callError("min", "must pass at least one number");
  size_t best = 0;
  for (size_t i = 1; i < args.size(); ++i)
    if (args[i].asNumber() < args[best].asNumber()) best = i;
  return ok(args[best]);
}

FunctionResult maxImpl(std::span<const Value> args, FunctionContext&) {
  if (args.empty()) return callError("max", "must pass at least one number");
  size_t best = 0;
  for (size_t i = 1; i < args.size(); ++i)
    if (args[i].asNumber() > args[best].asNumber()) best = i;
  return ok(args[best]);
}

FunctionResult absImpl(std::span<const Value> args, FunctionContext&) {
  return ok(Value::number(Number(std::fabs(args[0].asNumber().value()))));
}

FunctionResult ceilImpl(std::span<const Value> args, FunctionContext&) {
  long double v = args[0].asNumber().value();
  if (std::isinf(v)) return ok(args[0]);
  return ok(Value::number(normalizeZero(std::ceil(v))));
}

FunctionResult floorImpl(std::span<const Value> args, FunctionContext&) {
  long double v = args[0].asNumber().value();
  if (std::isinf(v)) return ok(args[0]);
  return ok(Value::number(normalizeZero(std::floor(v))));
}

FunctionResult logImpl(std::span<const Value> args, FunctionContext&) {
  std::string error;
  auto num = toDouble(args[0].asNumber(), &error);
  if (!num) return callError("log", error);
  auto base = toDouble(args[1].asNumber(), &error);
  if (!base) return callError("log", error);
  double result = std::log(*num) / std::log(*base);
  if (std::isnan(result)) return callError("log", "result is not a number");
  return ok(Value::number(Number(static_cast<long double>(result))));
}

FunctionResult powImpl(std::span<const Value> args, FunctionContext&) {
  std::string error;
  auto num = toDouble(args[0].asNumber(), &error);
  if (!num) return callError("pow", error);
  auto power = toDouble(args[1].asNumber(), &error);
  if (!power) return callError("pow", error);
  double result = std::pow(*num, *power);
  if (std::isnan(result)) return callError("pow", "result is not a number");
  return ok(Value::number(Number(static_cast<long double>(result))));
}

FunctionResult signumImpl(std::span<const Value> args, FunctionContext&) {
  auto n = args[0].asNumber().toInt();
  if (!n) return callError("signum", kWholeNumber);
  return ok(Value::number(*n < 0 ? -1 : (*n > 0 ? 1 : 0)));
}

/// Digit value as Go's big.Int SetString reads it for `base` (2..62): for
/// bases up to 36 letters are case-insensitive; above, 'A'..'Z' are 36..61.
int digitValue(char c, int base) {
  int d = 99;
  if (c >= '0' && c <= '9') {
    d = c - '0';
  } else if (c >= 'a' && c <= 'z') {
    d = c - 'a' + 10;
  } else if (c >= 'A' && c <= 'Z') {
    d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
  }
  return d < base ? d : -1;
}

FunctionResult parseintImpl(std::span<const Value> args, FunctionContext&) {
  const Value& num = args[0];
  const Value& base_arg = args[1];
  // An argument of unknown type: Terraform cannot check it yet.
  if (num.type().isDynamic()) {
    return ok(Value::unknown(Type::number(), {num.references().begin(), num.references().end()}));
  }
  if (num.type().kind() != TypeKind::kString) {
    return argError("number", 0,
                    "first argument must be a string, not " + friendlyTypeName(num.type()));
  }
  if (!num.isKnown() || !base_arg.isKnown()) {
    std::vector<std::string> refs(num.references().begin(), num.references().end());
    refs.insert(refs.end(), base_arg.references().begin(), base_arg.references().end());
    return ok(Value::unknown(Type::number(), std::move(refs)));
  }
  auto base = base_arg.asNumber().toInt();
  if (!base) return argError("base", 1, kWholeNumber);
  if (*base < 2 || *base > 62) {
    return argError("base", 1, "base must be a whole number between 2 and 62 inclusive");
  }
  const std::string& text = num.asString();
  auto cannotParse = [&](std::string_view why) {
    std::string shown = num.sensitive() ? "(sensitive value)" : quoteGoString(text);
    return argError("number", 0,
                    fmt::format("cannot parse {} as a base {} integer{}", shown, *base, why));
  };
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i == text.size()) return cannotParse("");
  long double value = 0;
  for (; i < text.size(); ++i) {
    int d = digitValue(text[i], static_cast<int>(*base));
    if (d < 0) return cannotParse("");
    value = value * static_cast<long double>(*base) + d;
  }
  // Terraform's integers are unbounded; ours are long doubles.
  if (!std::isfinite(value)) return cannotParse(": the number is too large");
  return ok(Value::number(normalizeZero(negative ? -value : value)));
}

const std::vector<FunctionSpec>& specs() {
  static const std::vector<FunctionSpec> all = [] {
    const Type number = Type::number();
    std::vector<FunctionSpec> v;
    v.push_back({"abs", {{"num", number}}, std::nullopt, number, absImpl});
    v.push_back({"ceil", {{"num", number}}, std::nullopt, number, ceilImpl});
    v.push_back({"floor", {{"num", number}}, std::nullopt, number, floorImpl});
    v.push_back({"log", {{"num", number}, {"base", number}}, std::nullopt, number, logImpl});
    v.push_back({"max", {}, FunctionParam{"numbers", number}, number, maxImpl});
    v.push_back({"min", {}, FunctionParam{"numbers", number}, number, minImpl});
    v.push_back({"parseint",
                 {{"number", Type::dynamic(), false, true}, {"base", number, false, true}},
                 std::nullopt, number, parseintImpl});
    v.push_back({"pow", {{"num", number}, {"power", number}}, std::nullopt, number, powImpl});
    v.push_back({"signum", {{"num", number}}, std::nullopt, number, signumImpl});
    return v;
  }();
  return all;
}

}  // namespace

std::span<const FunctionSpec> numericFunctions() { return specs(); }

}  // namespace tfguard::eval
