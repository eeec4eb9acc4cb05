// Minimal conversion: identity and `any`. The full cty rules replace this.
#include "eval/convert.h"

namespace tfguard::eval {

std::optional<Value> convert(const Value& value, const Type& want, std::string* error) {
  if (want.isDynamic() || value.type() == want) return value;
  if (value.isNull()) return Value::null(want).withMarksOf(value);
  if (!value.isKnown()) return Value::unknown(want, {value.references().begin(), value.references().end()}).withMarksOf(value);
  if (error) *error = want.toString() + " required";
  return std::nullopt;
}

std::optional<Type> unify(std::span<const Type> types) {
  if (types.empty()) return Type::dynamic();
  for (const Type& t : types)
    if (!(t == types[0])) return std::nullopt;
  return types[0];
}

}  // namespace tfguard::eval
