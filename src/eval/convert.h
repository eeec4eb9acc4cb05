#pragma once
// Terraform's type conversion (cty convert): the implicit conversions that
// apply to variable values, function arguments and operators.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "eval/value.h"

namespace tfguard::eval {

/// Converts `value` to `want`: string<->number<->bool where Terraform allows,
/// tuple->list/set, object->map/object, list<->set, element conversion,
/// `any` unification, optional() attributes (missing -> null, then defaults
/// are the caller's business). Unknowns convert to unknowns of the wanted
/// type; marks are kept. On failure returns nullopt and sets `error` to a
/// Terraform-style message ("a number is required"). Like Terraform, the
/// message does not say where in a nested value the failure is; when
/// `error_path` is given it receives that place in Terraform's path syntax
/// (".tags[\"Name\"]", "[0].port"; empty for the value itself).
std::optional<Value> convert(const Value& value, const Type& want, std::string* error,
                             std::string* error_path = nullptr);

/// The single type that all `types` convert to (for list literals, concat,
/// conditional results), or nullopt when there is none. An empty span gives
/// `any`. `unsafe` = true is cty's UnifyUnsafe, which HCL and Terraform use
/// for conditionals and the collection functions (it may pick a type some
/// values then fail to convert to, e.g. number for ["1", 2]); false is
/// cty's Unify.
std::optional<Type> unify(std::span<const Type> types, bool unsafe = true);

/// Whether a conversion from `from` to `want` exists at the type level
/// (cty GetConversionUnsafe / GetConversion); values may still fail to
/// convert (string "abc" to number).
bool canConvert(const Type& from, const Type& want, bool unsafe = true);

/// cty's MismatchMessage: why `got` does not conform to `want`
/// ("number required, but have bool", "attribute \"a\" is required").
std::string mismatchMessage(const Type& got, const Type& want);

/// cty's FriendlyName ("list of string", "object", "dynamic"), or with
/// `for_constraint` FriendlyNameForConstraint ("any type", "list of any
/// single type").
std::string friendlyTypeName(const Type& type, bool for_constraint = false);

/// `type` without optional() markers, deeply (cty WithoutOptionalAttributesDeep).
Type withoutOptionalAttributes(const Type& type);

/// Go's strconv.Quote, for messages that quote user strings as Terraform does.
std::string quoteGoString(std::string_view s);

}  // namespace tfguard::eval
