#pragma once
// Small helpers rules share: reading evaluated values defensively (a rule
// never crashes on a null, an unknown, a value of the wrong type, and never
// prints a sensitive value), CIDRs and port ranges, references to resource
// instances, base64, and related locations. Everything here is generic: no
// rule-specific policy.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eval/cidr.h"
#include "eval/environment_eval.h"
#include "eval/value.h"
#include "rules/rule.h"

namespace tfguard::rules {

// ---- Values ---------------------------------------------------------------

/// A known, non-null string, or a number / bool as Terraform converts it to a
/// string ("22", "true"). nullopt for null, unknown and structural values.
std::optional<std::string> knownString(const eval::Value& value);
/// A known, non-null integer: a whole number, or a string that reads as one
/// ("22"). nullopt otherwise (unknown, null, fractional, not a number).
std::optional<long long> knownInt(const eval::Value& value);
/// True when the value is null (an attribute written as `= null` is not set).
bool isNullValue(const eval::Value& value);
/// The attribute `name` of `block` when it is present and not null (it may
/// be unknown: "set, known at apply").
const eval::EvaluatedAttr* setAttr(const eval::EvaluatedBlock& block, std::string_view name);
/// A value for a message: a string as it is, "(sensitive)" for a sensitive
/// value, "(unknown)" for an unknown one, else the compact debug text.
std::string displayValue(const eval::Value& value);
/// `text` cut to at most `max` characters (UTF-8 safe), "..." appended when cut.
std::string shorten(std::string_view text, size_t max);
/// "a, b and c"-free plain join: "a, b, c".
std::string joinStrings(std::span<const std::string> items, std::string_view separator = ", ");
/// The references of every unknown inside `value` (and of known values that
/// stand for a resource instance, e.g. an output exporting a whole resource),
/// deduplicated, sorted.
std::vector<std::string> allReferences(const eval::Value& value);
/// True if `value` or anything nested in it is sensitive.
bool anySensitive(const eval::Value& value);

// ---- References to resource instances -------------------------------------

/// How a reference ("module.a.aws_eip.this[0].allocation_id") relates to a
/// resource instance address ("module.a.aws_eip.this[0]").
struct ReferenceMatch {
  bool matches = false;
  /// The attribute after the instance ("allocation_id"); empty when the
  /// reference is the whole instance.
  std::string attribute;
};
/// A reference names `address` when it is the address itself or the address
/// followed by ".attr..."; an instance key in the reference may also be
/// absent, "[?]" or "[*]" (unknown / splat), and an instance whose own key is
/// unknown ("[?]") matches every key.
ReferenceMatch matchReference(std::string_view reference, std::string_view address);
/// `address` without its trailing instance key: "aws_eip.x[0]" -> "aws_eip.x".
std::string_view withoutInstanceKey(std::string_view address);

// ---- Networks ---------------------------------------------------------------

/// Parses a CIDR ("10.0.0.0/8", "2001:db8::/32"); a bare address is a
/// single-address prefix. nullopt when it is not one.
std::optional<eval::cidr::Prefix> parseCidr(std::string_view text);
/// True when `inner` lies wholly inside one of `outer`.
bool cidrWithinAny(const eval::cidr::Prefix& inner, std::span<const eval::cidr::Prefix> outer);

/// An inclusive port range.
struct PortRange {
  long long from = 0;
  long long to = 0;
  bool contains(long long port) const { return from <= port && port <= to; }
};

// ---- Text -------------------------------------------------------------------

/// Decodes standard base64 (RFC 4648, padding optional, whitespace and line
/// breaks ignored). nullopt when `text` is not base64.
std::optional<std::string> decodeBase64(std::string_view text);
/// True if `text` looks like base64 data rather than text: only base64
/// characters (and line breaks), at least 4 of them, a multiple of 4 once
/// padded, and it decodes.
bool looksLikeBase64(std::string_view text);
/// True when `text` is valid UTF-8 without NUL bytes (decoded user data
/// that is a script rather than, say, gzip).
bool isPlainText(std::string_view text);
/// ASCII lower case.
std::string asciiLower(std::string_view text);

// ---- EC2 user data ------------------------------------------------------------

/// The user data of an EC2 instance, launch template or launch configuration
/// as one environment renders it.
struct UserDataText {
  enum class State : uint8_t {
    kText,     ///< `text` is the script (decoded when it was base64)
    kUnknown,  ///< the value is known only at apply (`attr->value` tells what it depends on)
    kNotText,  ///< decoded, it is not text (`not_text` says why: gzip, binary)
  };
  State state = State::kText;
  const eval::EvaluatedAttr* attr = nullptr;  ///< user_data or user_data_base64
  std::string text;
  std::string not_text;  ///< "is gzip-compressed" / "is not text"
  /// The value is (or contains) a sensitive value: never print `text`.
  bool sensitive = false;
};

/// The user data of `instance` when it is a managed aws_instance,
/// aws_launch_template or aws_launch_configuration: `user_data` (decoded
/// when it is base64 text, as base64encode(...) gives and launch templates
/// require), then `user_data_base64` (always decoded; not on launch
/// templates). Attributes that are unset, null or not strings (numbers and
/// bools read as their text) are left out. Other resources: empty.
std::vector<UserDataText> userDataOf(const eval::ResourceInstance& instance);

// ---- Related locations ------------------------------------------------------

/// Appends `more` to `related`, skipping places already there.
void appendRelated(std::vector<RelatedLocation>& related, std::vector<RelatedLocation> more);

}  // namespace tfguard::rules
