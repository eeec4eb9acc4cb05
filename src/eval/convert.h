#pragma once
// Terraform's type conversion (cty convert): the implicit conversions that
// apply to variable values, function arguments and operators.
#include <optional>
#include <string>

#include "eval/value.h"

namespace tfguard::eval {

/// Converts `value` to `want`: string<->number<->bool where Terraform allows,
/// tuple->list/set, object->map/object, list<->set, element conversion,
/// `any` unification, optional() attributes (missing -> null, then defaults
/// are the caller's business). Unknowns convert to unknowns of the wanted
/// type; marks are kept. On failure returns nullopt and sets `error` to a
/// Terraform-style message ("a number is required").
std::optional<Value> convert(const Value& value, const Type& want, std::string* error);

/// The single type that all `types` convert to (for list literals, concat,
/// conditional results), or nullopt when there is none.
std::optional<Type> unify(std::span<const Type> types);

}  // namespace tfguard::eval
