// Collection functions: length, concat, merge, lookup, element, index, keys,
// values, contains, distinct, flatten, coalesce, coalescelist, compact,
// zipmap, range, slice, sort, reverse, setunion, setintersection,
// setproduct, setsubtract, chunklist, one, alltrue, anytrue, sum, transpose,
// matchkeys.
//
// Semantics, result types and messages follow Terraform (cty's stdlib as of
// go-cty 1.18 and Terraform's internal/lang/funcs), including:
//   - unknowns: cty only short-circuits on an argument that is itself
//     unknown; a known collection with unknown elements still gives a
//     (partially) known result where Terraform gives one (concat, element,
//     lookup, length, flatten, reverse, slice, ...). Those parameters are
//     declared allow_unknown and handled here.
//   - marks: functions whose cty parameters are not AllowMarked take every
//     nested mark of their arguments onto the result ("deep" below); the
//     others keep element marks in place and callFunction carries the
//     arguments' own marks onto the result ("shallow").
//   - bounds: range() stops at Terraform's 1024 elements; setproduct()
//     refuses results over kMaxProductElements; distinct/matchkeys/
//     setintersection/setsubtract compare through hashed keys, never
//     quadratically.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/utf8.h"
#include "eval/convert.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace {

/// Terraform's own limit on range() results (cty RangeFunc).
constexpr size_t kMaxRangeElements = 1024;
/// Our limit on setproduct() results (Terraform has none; each element is a
/// tuple, so this keeps hostile input to some tens of megabytes).
constexpr size_t kMaxProductElements = 100000;
/// Nesting depth flatten() follows before giving up.
constexpr int kMaxFlattenDepth = 1000;

// ---------------------------------------------------------------------------
// Results, errors, unknowns and marks

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

// An error about one argument ("Invalid function argument" in Terraform).
FunctionResult argError(std::string_view param, size_t index, std::string_view message) {
  return FunctionResult::fail(fmt::format("Invalid value for \"{}\" parameter: {}.", param, message),
                              static_cast<int>(index));
}

// An error about the call as a whole ("Error in function call").
FunctionResult callError(std::string_view function, std::string_view message) {
  return FunctionResult::fail(fmt::format("Call to function \"{}\" failed: {}.", function, message));
}

// What cty says when a number does not fit a Go int (gocty.FromCtyValue).
constexpr std::string_view kWholeNumber =
    "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

void gatherReferences(const Value& v, std::vector<std::string>& out) {
  if (!v.isKnown()) {
    out.insert(out.end(), v.references().begin(), v.references().end());
    return;
  }
  for (const Value& e : v.elements()) gatherReferences(e, out);
  for (const auto& [k, e] : v.attributes()) gatherReferences(e, out);
}

/// An unknown result of `type`, standing for everything the arguments refer to.
Value unknownOf(Type type, std::span<const Value> from) {
  std::vector<std::string> refs;
  for (const Value& v : from) gatherReferences(v, refs);
  return Value::unknown(std::move(type), std::move(refs));
}

FunctionResult unknownResult(Type type, std::span<const Value> from) {
  return ok(unknownOf(std::move(type), from));
}

bool anySensitive(const Value& v) {
  if (v.sensitive()) return true;
  for (const Value& e : v.elements())
    if (anySensitive(e)) return true;
  for (const auto& [k, e] : v.attributes())
    if (anySensitive(e)) return true;
  return false;
}

using Impl = FunctionResult (*)(std::span<const Value> args);

// The arguments' nested marks go onto the result (non-AllowMarked in cty).
template <Impl F>
FunctionResult deep(std::span<const Value> args, FunctionContext&) {
  FunctionResult r = F(args);
  if (r.ok() && !r.value.sensitive() &&
      std::any_of(args.begin(), args.end(), [](const Value& a) { return anySensitive(a); })) {
    r.value = r.value.markedSensitive();
  }
  return r;
}

// Element marks stay where they are (AllowMarked in cty).
template <Impl F>
FunctionResult shallow(std::span<const Value> args, FunctionContext&) {
  return F(args);
}

/// An argument of not-yet-known type: cty returns an unknown without
/// checking anything (the parameter does not AllowDynamicType).
bool hasDynamicType(std::span<const Value> args) {
  return std::any_of(args.begin(), args.end(),
                     [](const Value& a) { return a.type().isDynamic(); });
}

bool anyShallowUnknown(std::span<const Value> args) {
  return std::any_of(args.begin(), args.end(), [](const Value& a) { return !a.isKnown(); });
}

// ---------------------------------------------------------------------------
// Types

bool isSequence(const Type& t) {
  return t.kind() == TypeKind::kList || t.kind() == TypeKind::kSet ||
         t.kind() == TypeKind::kTuple;
}

/// Converts `v` to `want` (Terraform's implicit conversion).
std::optional<Value> convertTo(const Value& v, const Type& want, std::string* error) {
  if (v.type() == want || want.isDynamic()) return v;
  return convert(v, want, error);
}

/// The length of a collection as cty's Length() knows it: a set whose
/// unknown elements may still coalesce has no known length.
std::optional<size_t> knownLength(const Value& v) {
  if (v.type().kind() == TypeKind::kTuple) return v.type().tupleElements().size();
  if (v.type().kind() == TypeKind::kObject) return v.type().attributes().size();
  if (!v.isKnown()) return std::nullopt;
  if (v.type().kind() == TypeKind::kSet && v.length() > 1 && !v.isWhollyKnown())
    return std::nullopt;
  return v.length();
}

// ---------------------------------------------------------------------------
// Equality, as cty's Value.Equals: true, false, or unknown.

enum class Tri { kFalse, kTrue, kUnknown };

bool hasWhollyKnownType(const Value& v) {
  if (v.isNull()) return true;
  if (!v.isKnown()) return !v.type().hasDynamic();
  for (const Value& e : v.elements())
    if (!hasWhollyKnownType(e)) return false;
  for (const auto& [k, e] : v.attributes())
    if (!hasWhollyKnownType(e)) return false;
  return true;
}

/// Whether values of these types could turn out equal once `any` parts are known.
bool couldConform(const Type& a, const Type& b) {
  if (a.isDynamic() || b.isDynamic()) return true;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap: return couldConform(a.element(), b.element());
    case TypeKind::kTuple: {
      auto x = a.tupleElements(), y = b.tupleElements();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!couldConform(x[i], y[i])) return false;
      return true;
    }
    case TypeKind::kObject: {
      auto x = a.attributes(), y = b.attributes();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (x[i].name != y[i].name || !couldConform(x[i].type, y[i].type)) return false;
      return true;
    }
    default: return true;
  }
}

Tri equals(const Value& a, const Value& b) {
  if (!a.isKnown() && !b.isKnown()) return Tri::kUnknown;
  if (a.isKnown() != b.isKnown()) {
    const Value& known = a.isKnown() ? a : b;
    const Value& unknown = a.isKnown() ? b : a;
    if (known.isNull() || unknown.type().hasDynamic()) return Tri::kUnknown;
    return known.type() == unknown.type() ? Tri::kUnknown : Tri::kFalse;
  }
  if (a.isNull() || b.isNull()) return a.isNull() && b.isNull() ? Tri::kTrue : Tri::kFalse;
  if (!hasWhollyKnownType(a) || !hasWhollyKnownType(b))
    return couldConform(a.type(), b.type()) ? Tri::kUnknown : Tri::kFalse;
  if (!(a.type() == b.type())) return Tri::kFalse;
  switch (a.type().kind()) {
    case TypeKind::kBool: return a.asBool() == b.asBool() ? Tri::kTrue : Tri::kFalse;
    case TypeKind::kNumber: return a.asNumber() == b.asNumber() ? Tri::kTrue : Tri::kFalse;
    case TypeKind::kString: return a.asString() == b.asString() ? Tri::kTrue : Tri::kFalse;
    case TypeKind::kList:
    case TypeKind::kTuple: {
      auto x = a.elements(), y = b.elements();
      if (x.size() != y.size()) return Tri::kFalse;
      for (size_t i = 0; i < x.size(); ++i) {
        Tri t = equals(x[i], y[i]);
        if (t != Tri::kTrue) return t;
      }
      return Tri::kTrue;
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      auto x = a.attributes(), y = b.attributes();
      if (x.size() != y.size()) return Tri::kFalse;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].first != y[i].first) return Tri::kFalse;
        Tri t = equals(x[i].second, y[i].second);
        if (t != Tri::kTrue) return t;
      }
      return Tri::kTrue;
    }
    case TypeKind::kSet: {
      if (!a.isWhollyKnown() || !b.isWhollyKnown()) return Tri::kUnknown;
      return a.rawEquals(b) ? Tri::kTrue : Tri::kFalse;
    }
    case TypeKind::kDynamic: return Tri::kUnknown;
  }
  return Tri::kFalse;
}

/// A byte string equal for two wholly known values exactly when cty's
/// Equals says they are equal (given values of one collection's type), so
/// membership can be hashed instead of compared pairwise.
void appendKey(const Value& v, std::string& out) {
  if (v.isNull()) {
    out += 'n';
    return;
  }
  switch (v.type().kind()) {
    case TypeKind::kBool: out += v.asBool() ? 't' : 'f'; break;
    case TypeKind::kNumber: {
      long double x = v.asNumber().value();
      if (x == 0) x = 0;  // -0 == 0
      char buf[64];
      std::snprintf(buf, sizeof buf, "#%La;", x);
      out += buf;
      break;
    }
    case TypeKind::kString:
      out += 's';
      out += std::to_string(v.asString().size());
      out += ':';
      out += v.asString();
      break;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple:
      out += '[';
      for (const Value& e : v.elements()) appendKey(e, out);
      out += ']';
      break;
    case TypeKind::kMap:
    case TypeKind::kObject:
      out += '{';
      for (const auto& [k, e] : v.attributes()) {
        out += std::to_string(k.size());
        out += ':';
        out += k;
        appendKey(e, out);
      }
      out += '}';
      break;
    case TypeKind::kDynamic: out += '?'; break;
  }
}

std::string keyOf(const Value& v) {
  std::string key;
  appendKey(v, key);
  return key;
}

// ---------------------------------------------------------------------------
// Grapheme clusters (length of a string), per Unicode 15.0 UAX #29 as the
// go-textseg v15 package Terraform uses segments them.

enum GraphemeProp : uint8_t {
  kOther, kCr, kLf, kCn, kEx, kPp, kSm, kL, kV, kT, kLv, kLvt, kRi, kZj, kEp
};

struct PropRange {
  char32_t lo, hi;
  GraphemeProp prop;
};

// Grapheme_Cluster_Break (Unicode 15.0) and Extended_Pictographic, except
// CR, LF and the Hangul syllables (LV, LVT), which are computed.
// kCn Control, kEx Extend, kPp Prepend, kSm SpacingMark, kRi
// Regional_Indicator, kZj ZWJ, kEp Extended_Pictographic.
// clang-format off
constexpr PropRange kGraphemeProps[] = {
    {0x0,0x9,kCn}, {0xB,0xC,kCn}, {0xE,0x1F,kCn}, {0x7F,0x9F,kCn}, {0xA9,0xA9,kEp}, {0xAD,0xAD,kCn},
    {0xAE,0xAE,kEp}, {0x300,0x36F,kEx}, {0x483,0x489,kEx}, {0x591,0x5BD,kEx}, {0x5BF,0x5BF,kEx},
    {0x5C1,0x5C2,kEx}, {0x5C4,0x5C5,kEx}, {0x5C7,0x5C7,kEx}, {0x600,0x605,kPp}, {0x610,0x61A,kEx},
    {0x61C,0x61C,kCn}, {0x64B,0x65F,kEx}, {0x670,0x670,kEx}, {0x6D6,0x6DC,kEx}, {0x6DD,0x6DD,kPp},
    {0x6DF,0x6E4,kEx}, {0x6E7,0x6E8,kEx}, {0x6EA,0x6ED,kEx}, {0x70F,0x70F,kPp}, {0x711,0x711,kEx},
    {0x730,0x74A,kEx}, {0x7A6,0x7B0,kEx}, {0x7EB,0x7F3,kEx}, {0x7FD,0x7FD,kEx}, {0x816,0x819,kEx},
    {0x81B,0x823,kEx}, {0x825,0x827,kEx}, {0x829,0x82D,kEx}, {0x859,0x85B,kEx}, {0x890,0x891,kPp},
    {0x898,0x89F,kEx}, {0x8CA,0x8E1,kEx}, {0x8E2,0x8E2,kPp}, {0x8E3,0x902,kEx}, {0x903,0x903,kSm},
    {0x93A,0x93A,kEx}, {0x93B,0x93B,kSm}, {0x93C,0x93C,kEx}, {0x93E,0x940,kSm}, {0x941,0x948,kEx},
    {0x949,0x94C,kSm}, {0x94D,0x94D,kEx}, {0x94E,0x94F,kSm}, {0x951,0x957,kEx}, {0x962,0x963,kEx},
    {0x981,0x981,kEx}, {0x982,0x983,kSm}, {0x9BC,0x9BC,kEx}, {0x9BE,0x9BE,kEx}, {0x9BF,0x9C0,kSm},
    {0x9C1,0x9C4,kEx}, {0x9C7,0x9C8,kSm}, {0x9CB,0x9CC,kSm}, {0x9CD,0x9CD,kEx}, {0x9D7,0x9D7,kEx},
    {0x9E2,0x9E3,kEx}, {0x9FE,0x9FE,kEx}, {0xA01,0xA02,kEx}, {0xA03,0xA03,kSm}, {0xA3C,0xA3C,kEx},
    {0xA3E,0xA40,kSm}, {0xA41,0xA42,kEx}, {0xA47,0xA48,kEx}, {0xA4B,0xA4D,kEx}, {0xA51,0xA51,kEx},
    {0xA70,0xA71,kEx}, {0xA75,0xA75,kEx}, {0xA81,0xA82,kEx}, {0xA83,0xA83,kSm}, {0xABC,0xABC,kEx},
    {0xABE,0xAC0,kSm}, {0xAC1,0xAC5,kEx}, {0xAC7,0xAC8,kEx}, {0xAC9,0xAC9,kSm}, {0xACB,0xACC,kSm},
    {0xACD,0xACD,kEx}, {0xAE2,0xAE3,kEx}, {0xAFA,0xAFF,kEx}, {0xB01,0xB01,kEx}, {0xB02,0xB03,kSm},
    {0xB3C,0xB3C,kEx}, {0xB3E,0xB3F,kEx}, {0xB40,0xB40,kSm}, {0xB41,0xB44,kEx}, {0xB47,0xB48,kSm},
    {0xB4B,0xB4C,kSm}, {0xB4D,0xB4D,kEx}, {0xB55,0xB57,kEx}, {0xB62,0xB63,kEx}, {0xB82,0xB82,kEx},
    {0xBBE,0xBBE,kEx}, {0xBBF,0xBBF,kSm}, {0xBC0,0xBC0,kEx}, {0xBC1,0xBC2,kSm}, {0xBC6,0xBC8,kSm},
    {0xBCA,0xBCC,kSm}, {0xBCD,0xBCD,kEx}, {0xBD7,0xBD7,kEx}, {0xC00,0xC00,kEx}, {0xC01,0xC03,kSm},
    {0xC04,0xC04,kEx}, {0xC3C,0xC3C,kEx}, {0xC3E,0xC40,kEx}, {0xC41,0xC44,kSm}, {0xC46,0xC48,kEx},
    {0xC4A,0xC4D,kEx}, {0xC55,0xC56,kEx}, {0xC62,0xC63,kEx}, {0xC81,0xC81,kEx}, {0xC82,0xC83,kSm},
    {0xCBC,0xCBC,kEx}, {0xCBE,0xCBE,kSm}, {0xCBF,0xCBF,kEx}, {0xCC0,0xCC1,kSm}, {0xCC2,0xCC2,kEx},
    {0xCC3,0xCC4,kSm}, {0xCC6,0xCC6,kEx}, {0xCC7,0xCC8,kSm}, {0xCCA,0xCCB,kSm}, {0xCCC,0xCCD,kEx},
    {0xCD5,0xCD6,kEx}, {0xCE2,0xCE3,kEx}, {0xCF3,0xCF3,kSm}, {0xD00,0xD01,kEx}, {0xD02,0xD03,kSm},
    {0xD3B,0xD3C,kEx}, {0xD3E,0xD3E,kEx}, {0xD3F,0xD40,kSm}, {0xD41,0xD44,kEx}, {0xD46,0xD48,kSm},
    {0xD4A,0xD4C,kSm}, {0xD4D,0xD4D,kEx}, {0xD4E,0xD4E,kPp}, {0xD57,0xD57,kEx}, {0xD62,0xD63,kEx},
    {0xD81,0xD81,kEx}, {0xD82,0xD83,kSm}, {0xDCA,0xDCA,kEx}, {0xDCF,0xDCF,kEx}, {0xDD0,0xDD1,kSm},
    {0xDD2,0xDD4,kEx}, {0xDD6,0xDD6,kEx}, {0xDD8,0xDDE,kSm}, {0xDDF,0xDDF,kEx}, {0xDF2,0xDF3,kSm},
    {0xE31,0xE31,kEx}, {0xE33,0xE33,kSm}, {0xE34,0xE3A,kEx}, {0xE47,0xE4E,kEx}, {0xEB1,0xEB1,kEx},
    {0xEB3,0xEB3,kSm}, {0xEB4,0xEBC,kEx}, {0xEC8,0xECE,kEx}, {0xF18,0xF19,kEx}, {0xF35,0xF35,kEx},
    {0xF37,0xF37,kEx}, {0xF39,0xF39,kEx}, {0xF3E,0xF3F,kSm}, {0xF71,0xF7E,kEx}, {0xF7F,0xF7F,kSm},
    {0xF80,0xF84,kEx}, {0xF86,0xF87,kEx}, {0xF8D,0xF97,kEx}, {0xF99,0xFBC,kEx}, {0xFC6,0xFC6,kEx},
    {0x102D,0x1030,kEx}, {0x1031,0x1031,kSm}, {0x1032,0x1037,kEx}, {0x1039,0x103A,kEx},
    {0x103B,0x103C,kSm}, {0x103D,0x103E,kEx}, {0x1056,0x1057,kSm}, {0x1058,0x1059,kEx},
    {0x105E,0x1060,kEx}, {0x1071,0x1074,kEx}, {0x1082,0x1082,kEx}, {0x1084,0x1084,kSm},
    {0x1085,0x1086,kEx}, {0x108D,0x108D,kEx}, {0x109D,0x109D,kEx}, {0x1100,0x115F,kL},
    {0x1160,0x11A7,kV}, {0x11A8,0x11FF,kT}, {0x135D,0x135F,kEx}, {0x1712,0x1714,kEx},
    {0x1715,0x1715,kSm}, {0x1732,0x1733,kEx}, {0x1734,0x1734,kSm}, {0x1752,0x1753,kEx},
    {0x1772,0x1773,kEx}, {0x17B4,0x17B5,kEx}, {0x17B6,0x17B6,kSm}, {0x17B7,0x17BD,kEx},
    {0x17BE,0x17C5,kSm}, {0x17C6,0x17C6,kEx}, {0x17C7,0x17C8,kSm}, {0x17C9,0x17D3,kEx},
    {0x17DD,0x17DD,kEx}, {0x180B,0x180D,kEx}, {0x180E,0x180E,kCn}, {0x180F,0x180F,kEx},
    {0x1885,0x1886,kEx}, {0x18A9,0x18A9,kEx}, {0x1920,0x1922,kEx}, {0x1923,0x1926,kSm},
    {0x1927,0x1928,kEx}, {0x1929,0x192B,kSm}, {0x1930,0x1931,kSm}, {0x1932,0x1932,kEx},
    {0x1933,0x1938,kSm}, {0x1939,0x193B,kEx}, {0x1A17,0x1A18,kEx}, {0x1A19,0x1A1A,kSm},
    {0x1A1B,0x1A1B,kEx}, {0x1A55,0x1A55,kSm}, {0x1A56,0x1A56,kEx}, {0x1A57,0x1A57,kSm},
    {0x1A58,0x1A5E,kEx}, {0x1A60,0x1A60,kEx}, {0x1A62,0x1A62,kEx}, {0x1A65,0x1A6C,kEx},
    {0x1A6D,0x1A72,kSm}, {0x1A73,0x1A7C,kEx}, {0x1A7F,0x1A7F,kEx}, {0x1AB0,0x1ACE,kEx},
    {0x1B00,0x1B03,kEx}, {0x1B04,0x1B04,kSm}, {0x1B34,0x1B3A,kEx}, {0x1B3B,0x1B3B,kSm},
    {0x1B3C,0x1B3C,kEx}, {0x1B3D,0x1B41,kSm}, {0x1B42,0x1B42,kEx}, {0x1B43,0x1B44,kSm},
    {0x1B6B,0x1B73,kEx}, {0x1B80,0x1B81,kEx}, {0x1B82,0x1B82,kSm}, {0x1BA1,0x1BA1,kSm},
    {0x1BA2,0x1BA5,kEx}, {0x1BA6,0x1BA7,kSm}, {0x1BA8,0x1BA9,kEx}, {0x1BAA,0x1BAA,kSm},
    {0x1BAB,0x1BAD,kEx}, {0x1BE6,0x1BE6,kEx}, {0x1BE7,0x1BE7,kSm}, {0x1BE8,0x1BE9,kEx},
    {0x1BEA,0x1BEC,kSm}, {0x1BED,0x1BED,kEx}, {0x1BEE,0x1BEE,kSm}, {0x1BEF,0x1BF1,kEx},
    {0x1BF2,0x1BF3,kSm}, {0x1C24,0x1C2B,kSm}, {0x1C2C,0x1C33,kEx}, {0x1C34,0x1C35,kSm},
    {0x1C36,0x1C37,kEx}, {0x1CD0,0x1CD2,kEx}, {0x1CD4,0x1CE0,kEx}, {0x1CE1,0x1CE1,kSm},
    {0x1CE2,0x1CE8,kEx}, {0x1CED,0x1CED,kEx}, {0x1CF4,0x1CF4,kEx}, {0x1CF7,0x1CF7,kSm},
    {0x1CF8,0x1CF9,kEx}, {0x1DC0,0x1DFF,kEx}, {0x200B,0x200B,kCn}, {0x200C,0x200C,kEx},
    {0x200D,0x200D,kZj}, {0x200E,0x200F,kCn}, {0x2028,0x202E,kCn}, {0x203C,0x203C,kEp},
    {0x2049,0x2049,kEp}, {0x2060,0x206F,kCn}, {0x20D0,0x20F0,kEx}, {0x2122,0x2122,kEp},
    {0x2139,0x2139,kEp}, {0x2194,0x2199,kEp}, {0x21A9,0x21AA,kEp}, {0x231A,0x231B,kEp},
    {0x2328,0x2328,kEp}, {0x2388,0x2388,kEp}, {0x23CF,0x23CF,kEp}, {0x23E9,0x23F3,kEp},
    {0x23F8,0x23FA,kEp}, {0x24C2,0x24C2,kEp}, {0x25AA,0x25AB,kEp}, {0x25B6,0x25B6,kEp},
    {0x25C0,0x25C0,kEp}, {0x25FB,0x25FE,kEp}, {0x2600,0x2605,kEp}, {0x2607,0x2612,kEp},
    {0x2614,0x2685,kEp}, {0x2690,0x2705,kEp}, {0x2708,0x2712,kEp}, {0x2714,0x2714,kEp},
    {0x2716,0x2716,kEp}, {0x271D,0x271D,kEp}, {0x2721,0x2721,kEp}, {0x2728,0x2728,kEp},
    {0x2733,0x2734,kEp}, {0x2744,0x2744,kEp}, {0x2747,0x2747,kEp}, {0x274C,0x274C,kEp},
    {0x274E,0x274E,kEp}, {0x2753,0x2755,kEp}, {0x2757,0x2757,kEp}, {0x2763,0x2767,kEp},
    {0x2795,0x2797,kEp}, {0x27A1,0x27A1,kEp}, {0x27B0,0x27B0,kEp}, {0x27BF,0x27BF,kEp},
    {0x2934,0x2935,kEp}, {0x2B05,0x2B07,kEp}, {0x2B1B,0x2B1C,kEp}, {0x2B50,0x2B50,kEp},
    {0x2B55,0x2B55,kEp}, {0x2CEF,0x2CF1,kEx}, {0x2D7F,0x2D7F,kEx}, {0x2DE0,0x2DFF,kEx},
    {0x302A,0x302F,kEx}, {0x3030,0x3030,kEp}, {0x303D,0x303D,kEp}, {0x3099,0x309A,kEx},
    {0x3297,0x3297,kEp}, {0x3299,0x3299,kEp}, {0xA66F,0xA672,kEx}, {0xA674,0xA67D,kEx},
    {0xA69E,0xA69F,kEx}, {0xA6F0,0xA6F1,kEx}, {0xA802,0xA802,kEx}, {0xA806,0xA806,kEx},
    {0xA80B,0xA80B,kEx}, {0xA823,0xA824,kSm}, {0xA825,0xA826,kEx}, {0xA827,0xA827,kSm},
    {0xA82C,0xA82C,kEx}, {0xA880,0xA881,kSm}, {0xA8B4,0xA8C3,kSm}, {0xA8C4,0xA8C5,kEx},
    {0xA8E0,0xA8F1,kEx}, {0xA8FF,0xA8FF,kEx}, {0xA926,0xA92D,kEx}, {0xA947,0xA951,kEx},
    {0xA952,0xA953,kSm}, {0xA960,0xA97C,kL}, {0xA980,0xA982,kEx}, {0xA983,0xA983,kSm},
    {0xA9B3,0xA9B3,kEx}, {0xA9B4,0xA9B5,kSm}, {0xA9B6,0xA9B9,kEx}, {0xA9BA,0xA9BB,kSm},
    {0xA9BC,0xA9BD,kEx}, {0xA9BE,0xA9C0,kSm}, {0xA9E5,0xA9E5,kEx}, {0xAA29,0xAA2E,kEx},
    {0xAA2F,0xAA30,kSm}, {0xAA31,0xAA32,kEx}, {0xAA33,0xAA34,kSm}, {0xAA35,0xAA36,kEx},
    {0xAA43,0xAA43,kEx}, {0xAA4C,0xAA4C,kEx}, {0xAA4D,0xAA4D,kSm}, {0xAA7C,0xAA7C,kEx},
    {0xAAB0,0xAAB0,kEx}, {0xAAB2,0xAAB4,kEx}, {0xAAB7,0xAAB8,kEx}, {0xAABE,0xAABF,kEx},
    {0xAAC1,0xAAC1,kEx}, {0xAAEB,0xAAEB,kSm}, {0xAAEC,0xAAED,kEx}, {0xAAEE,0xAAEF,kSm},
    {0xAAF5,0xAAF5,kSm}, {0xAAF6,0xAAF6,kEx}, {0xABE3,0xABE4,kSm}, {0xABE5,0xABE5,kEx},
    {0xABE6,0xABE7,kSm}, {0xABE8,0xABE8,kEx}, {0xABE9,0xABEA,kSm}, {0xABEC,0xABEC,kSm},
    {0xABED,0xABED,kEx}, {0xD7B0,0xD7C6,kV}, {0xD7CB,0xD7FB,kT}, {0xFB1E,0xFB1E,kEx},
    {0xFE00,0xFE0F,kEx}, {0xFE20,0xFE2F,kEx}, {0xFEFF,0xFEFF,kCn}, {0xFF9E,0xFF9F,kEx},
    {0xFFF0,0xFFFB,kCn}, {0x101FD,0x101FD,kEx}, {0x102E0,0x102E0,kEx}, {0x10376,0x1037A,kEx},
    {0x10A01,0x10A03,kEx}, {0x10A05,0x10A06,kEx}, {0x10A0C,0x10A0F,kEx}, {0x10A38,0x10A3A,kEx},
    {0x10A3F,0x10A3F,kEx}, {0x10AE5,0x10AE6,kEx}, {0x10D24,0x10D27,kEx}, {0x10EAB,0x10EAC,kEx},
    {0x10EFD,0x10EFF,kEx}, {0x10F46,0x10F50,kEx}, {0x10F82,0x10F85,kEx}, {0x11000,0x11000,kSm},
    {0x11001,0x11001,kEx}, {0x11002,0x11002,kSm}, {0x11038,0x11046,kEx}, {0x11070,0x11070,kEx},
    {0x11073,0x11074,kEx}, {0x1107F,0x11081,kEx}, {0x11082,0x11082,kSm}, {0x110B0,0x110B2,kSm},
    {0x110B3,0x110B6,kEx}, {0x110B7,0x110B8,kSm}, {0x110B9,0x110BA,kEx}, {0x110BD,0x110BD,kPp},
    {0x110C2,0x110C2,kEx}, {0x110CD,0x110CD,kPp}, {0x11100,0x11102,kEx}, {0x11127,0x1112B,kEx},
    {0x1112C,0x1112C,kSm}, {0x1112D,0x11134,kEx}, {0x11145,0x11146,kSm}, {0x11173,0x11173,kEx},
    {0x11180,0x11181,kEx}, {0x11182,0x11182,kSm}, {0x111B3,0x111B5,kSm}, {0x111B6,0x111BE,kEx},
    {0x111BF,0x111C0,kSm}, {0x111C2,0x111C3,kPp}, {0x111C9,0x111CC,kEx}, {0x111CE,0x111CE,kSm},
    {0x111CF,0x111CF,kEx}, {0x1122C,0x1122E,kSm}, {0x1122F,0x11231,kEx}, {0x11232,0x11233,kSm},
    {0x11234,0x11234,kEx}, {0x11235,0x11235,kSm}, {0x11236,0x11237,kEx}, {0x1123E,0x1123E,kEx},
    {0x11241,0x11241,kEx}, {0x112DF,0x112DF,kEx}, {0x112E0,0x112E2,kSm}, {0x112E3,0x112EA,kEx},
    {0x11300,0x11301,kEx}, {0x11302,0x11303,kSm}, {0x1133B,0x1133C,kEx}, {0x1133E,0x1133E,kEx},
    {0x1133F,0x1133F,kSm}, {0x11340,0x11340,kEx}, {0x11341,0x11344,kSm}, {0x11347,0x11348,kSm},
    {0x1134B,0x1134D,kSm}, {0x11357,0x11357,kEx}, {0x11362,0x11363,kSm}, {0x11366,0x1136C,kEx},
    {0x11370,0x11374,kEx}, {0x11435,0x11437,kSm}, {0x11438,0x1143F,kEx}, {0x11440,0x11441,kSm},
    {0x11442,0x11444,kEx}, {0x11445,0x11445,kSm}, {0x11446,0x11446,kEx}, {0x1145E,0x1145E,kEx},
    {0x114B0,0x114B0,kEx}, {0x114B1,0x114B2,kSm}, {0x114B3,0x114B8,kEx}, {0x114B9,0x114B9,kSm},
    {0x114BA,0x114BA,kEx}, {0x114BB,0x114BC,kSm}, {0x114BD,0x114BD,kEx}, {0x114BE,0x114BE,kSm},
    {0x114BF,0x114C0,kEx}, {0x114C1,0x114C1,kSm}, {0x114C2,0x114C3,kEx}, {0x115AF,0x115AF,kEx},
    {0x115B0,0x115B1,kSm}, {0x115B2,0x115B5,kEx}, {0x115B8,0x115BB,kSm}, {0x115BC,0x115BD,kEx},
    {0x115BE,0x115BE,kSm}, {0x115BF,0x115C0,kEx}, {0x115DC,0x115DD,kEx}, {0x11630,0x11632,kSm},
    {0x11633,0x1163A,kEx}, {0x1163B,0x1163C,kSm}, {0x1163D,0x1163D,kEx}, {0x1163E,0x1163E,kSm},
    {0x1163F,0x11640,kEx}, {0x116AB,0x116AB,kEx}, {0x116AC,0x116AC,kSm}, {0x116AD,0x116AD,kEx},
    {0x116AE,0x116AF,kSm}, {0x116B0,0x116B5,kEx}, {0x116B6,0x116B6,kSm}, {0x116B7,0x116B7,kEx},
    {0x1171D,0x1171F,kEx}, {0x11722,0x11725,kEx}, {0x11726,0x11726,kSm}, {0x11727,0x1172B,kEx},
    {0x1182C,0x1182E,kSm}, {0x1182F,0x11837,kEx}, {0x11838,0x11838,kSm}, {0x11839,0x1183A,kEx},
    {0x11930,0x11930,kEx}, {0x11931,0x11935,kSm}, {0x11937,0x11938,kSm}, {0x1193B,0x1193C,kEx},
    {0x1193D,0x1193D,kSm}, {0x1193E,0x1193E,kEx}, {0x1193F,0x1193F,kPp}, {0x11940,0x11940,kSm},
    {0x11941,0x11941,kPp}, {0x11942,0x11942,kSm}, {0x11943,0x11943,kEx}, {0x119D1,0x119D3,kSm},
    {0x119D4,0x119D7,kEx}, {0x119DA,0x119DB,kEx}, {0x119DC,0x119DF,kSm}, {0x119E0,0x119E0,kEx},
    {0x119E4,0x119E4,kSm}, {0x11A01,0x11A0A,kEx}, {0x11A33,0x11A38,kEx}, {0x11A39,0x11A39,kSm},
    {0x11A3A,0x11A3A,kPp}, {0x11A3B,0x11A3E,kEx}, {0x11A47,0x11A47,kEx}, {0x11A51,0x11A56,kEx},
    {0x11A57,0x11A58,kSm}, {0x11A59,0x11A5B,kEx}, {0x11A84,0x11A89,kPp}, {0x11A8A,0x11A96,kEx},
    {0x11A97,0x11A97,kSm}, {0x11A98,0x11A99,kEx}, {0x11C2F,0x11C2F,kSm}, {0x11C30,0x11C36,kEx},
    {0x11C38,0x11C3D,kEx}, {0x11C3E,0x11C3E,kSm}, {0x11C3F,0x11C3F,kEx}, {0x11C92,0x11CA7,kEx},
    {0x11CA9,0x11CA9,kSm}, {0x11CAA,0x11CB0,kEx}, {0x11CB1,0x11CB1,kSm}, {0x11CB2,0x11CB3,kEx},
    {0x11CB4,0x11CB4,kSm}, {0x11CB5,0x11CB6,kEx}, {0x11D31,0x11D36,kEx}, {0x11D3A,0x11D3A,kEx},
    {0x11D3C,0x11D3D,kEx}, {0x11D3F,0x11D45,kEx}, {0x11D46,0x11D46,kPp}, {0x11D47,0x11D47,kEx},
    {0x11D8A,0x11D8E,kSm}, {0x11D90,0x11D91,kEx}, {0x11D93,0x11D94,kSm}, {0x11D95,0x11D95,kEx},
    {0x11D96,0x11D96,kSm}, {0x11D97,0x11D97,kEx}, {0x11EF3,0x11EF4,kEx}, {0x11EF5,0x11EF6,kSm},
    {0x11F00,0x11F01,kEx}, {0x11F02,0x11F02,kPp}, {0x11F03,0x11F03,kSm}, {0x11F34,0x11F35,kSm},
    {0x11F36,0x11F3A,kEx}, {0x11F3E,0x11F3F,kSm}, {0x11F40,0x11F40,kEx}, {0x11F41,0x11F41,kSm},
    {0x11F42,0x11F42,kEx}, {0x13430,0x1343F,kCn}, {0x13440,0x13440,kEx}, {0x13447,0x13455,kEx},
    {0x16AF0,0x16AF4,kEx}, {0x16B30,0x16B36,kEx}, {0x16F4F,0x16F4F,kEx}, {0x16F51,0x16F87,kSm},
    {0x16F8F,0x16F92,kEx}, {0x16FE4,0x16FE4,kEx}, {0x16FF0,0x16FF1,kSm}, {0x1BC9D,0x1BC9E,kEx},
    {0x1BCA0,0x1BCA3,kCn}, {0x1CF00,0x1CF2D,kEx}, {0x1CF30,0x1CF46,kEx}, {0x1D165,0x1D165,kEx},
    {0x1D166,0x1D166,kSm}, {0x1D167,0x1D169,kEx}, {0x1D16D,0x1D16D,kSm}, {0x1D16E,0x1D172,kEx},
    {0x1D173,0x1D17A,kCn}, {0x1D17B,0x1D182,kEx}, {0x1D185,0x1D18B,kEx}, {0x1D1AA,0x1D1AD,kEx},
    {0x1D242,0x1D244,kEx}, {0x1DA00,0x1DA36,kEx}, {0x1DA3B,0x1DA6C,kEx}, {0x1DA75,0x1DA75,kEx},
    {0x1DA84,0x1DA84,kEx}, {0x1DA9B,0x1DA9F,kEx}, {0x1DAA1,0x1DAAF,kEx}, {0x1E000,0x1E006,kEx},
    {0x1E008,0x1E018,kEx}, {0x1E01B,0x1E021,kEx}, {0x1E023,0x1E024,kEx}, {0x1E026,0x1E02A,kEx},
    {0x1E08F,0x1E08F,kEx}, {0x1E130,0x1E136,kEx}, {0x1E2AE,0x1E2AE,kEx}, {0x1E2EC,0x1E2EF,kEx},
    {0x1E4EC,0x1E4EF,kEx}, {0x1E8D0,0x1E8D6,kEx}, {0x1E944,0x1E94A,kEx}, {0x1F000,0x1F0FF,kEp},
    {0x1F10D,0x1F10F,kEp}, {0x1F12F,0x1F12F,kEp}, {0x1F16C,0x1F171,kEp}, {0x1F17E,0x1F17F,kEp},
    {0x1F18E,0x1F18E,kEp}, {0x1F191,0x1F19A,kEp}, {0x1F1AD,0x1F1E5,kEp}, {0x1F1E6,0x1F1FF,kRi},
    {0x1F201,0x1F20F,kEp}, {0x1F21A,0x1F21A,kEp}, {0x1F22F,0x1F22F,kEp}, {0x1F232,0x1F23A,kEp},
    {0x1F23C,0x1F23F,kEp}, {0x1F249,0x1F3FA,kEp}, {0x1F3FB,0x1F3FF,kEx}, {0x1F400,0x1F53D,kEp},
    {0x1F546,0x1F64F,kEp}, {0x1F680,0x1F6FF,kEp}, {0x1F774,0x1F77F,kEp}, {0x1F7D5,0x1F7FF,kEp},
    {0x1F80C,0x1F80F,kEp}, {0x1F848,0x1F84F,kEp}, {0x1F85A,0x1F85F,kEp}, {0x1F888,0x1F88F,kEp},
    {0x1F8AE,0x1F8FF,kEp}, {0x1F90C,0x1F93A,kEp}, {0x1F93C,0x1F945,kEp}, {0x1F947,0x1FAFF,kEp},
    {0x1FC00,0x1FFFD,kEp}, {0xE0000,0xE001F,kCn}, {0xE0020,0xE007F,kEx}, {0xE0080,0xE00FF,kCn},
    {0xE0100,0xE01EF,kEx}, {0xE01F0,0xE0FFF,kCn},
};
// clang-format on

GraphemeProp graphemeProp(char32_t cp) {
  if (cp == '\r') return kCr;
  if (cp == '\n') return kLf;
  if (cp == 0xFFFD) return kCn;  // go-textseg: the replacement character stands alone
  if (cp >= 0xAC00 && cp <= 0xD7A3) return (cp - 0xAC00) % 28 == 0 ? kLv : kLvt;
  auto it = std::upper_bound(std::begin(kGraphemeProps), std::end(kGraphemeProps), cp,
                             [](char32_t c, const PropRange& r) { return c < r.lo; });
  if (it == std::begin(kGraphemeProps)) return kOther;
  --it;
  return cp <= it->hi ? it->prop : kOther;
}

size_t graphemeCount(std::string_view s) {
  size_t count = 0;
  GraphemeProp prev = kOther;
  bool first = true;
  size_t ri_run = 0;       // regional indicators ending at prev
  int emoji_state = 0;     // 1: after ExtPict Extend*; 2: ... then ZWJ
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    int len = utf8::decode(s, i, &cp);
    GraphemeProp cur;
    if (len <= 0) {
      len = 1;
      cur = kCn;  // an invalid byte stands alone
    } else {
      cur = graphemeProp(cp);
    }
    i += static_cast<size_t>(len);
    bool join;
    if (first) {
      join = false;
    } else if (prev == kCr && cur == kLf) {
      join = true;  // GB3
    } else if (prev == kCn || prev == kCr || prev == kLf || cur == kCn || cur == kCr ||
               cur == kLf) {
      join = false;  // GB4, GB5
    } else if (prev == kL && (cur == kL || cur == kV || cur == kLv || cur == kLvt)) {
      join = true;  // GB6
    } else if ((prev == kLv || prev == kV) && (cur == kV || cur == kT)) {
      join = true;  // GB7
    } else if ((prev == kLvt || prev == kT) && cur == kT) {
      join = true;  // GB8
    } else if (cur == kEx || cur == kZj || cur == kSm || prev == kPp) {
      join = true;  // GB9, GB9a, GB9b
    } else if (prev == kZj && cur == kEp && emoji_state == 2) {
      join = true;  // GB11
    } else if (prev == kRi && cur == kRi && ri_run % 2 == 1) {
      join = true;  // GB12, GB13
    } else {
      join = false;  // GB999
    }
    if (!join) ++count;
    first = false;
    ri_run = cur == kRi ? ri_run + 1 : 0;
    if (cur == kEp) {
      emoji_state = 1;
    } else if (cur == kEx && emoji_state == 1) {
      emoji_state = 1;
    } else if (cur == kZj && emoji_state == 1) {
      emoji_state = 2;
    } else {
      emoji_state = 0;
    }
    prev = cur;
  }
  return count;
}

// ---------------------------------------------------------------------------
// length, keys, values, lookup, element, index, contains

FunctionResult lengthImpl(std::span<const Value> args) {
  const Value& v = args[0];
  const Type& t = v.type();
  switch (t.kind()) {
    case TypeKind::kDynamic: return unknownResult(Type::number(), args);
    case TypeKind::kTuple:
    case TypeKind::kObject: return ok(Value::number(static_cast<long long>(*knownLength(v))));
    case TypeKind::kString:
      if (!v.isKnown()) return unknownResult(Type::number(), args);
      return ok(Value::number(static_cast<long long>(graphemeCount(v.asString()))));
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap: {
      auto n = knownLength(v);
      if (!n) return unknownResult(Type::number(), args);
      return ok(Value::number(static_cast<long long>(*n)));
    }
    default:
      return callError("length",
                       "argument must be a string, a collection type, or a structural type");
  }
}

FunctionResult keysImpl(std::span<const Value> args) {
  const Value& m = args[0];
  if (m.type().isDynamic()) return unknownResult(Type::dynamic(), args);
  if (m.type().kind() == TypeKind::kObject) {
    // Known from the type alone, even when the object is unknown.
    std::vector<Value> keys;
    keys.reserve(m.type().attributes().size());
    for (const ObjectAttribute& a : m.type().attributes()) keys.push_back(Value::string(a.name));
    return ok(Value::tuple(std::move(keys)));
  }
  if (m.type().kind() != TypeKind::kMap) {
    return argError("inputMap", 0, "must have map or object type");
  }
  if (!m.isKnown()) return unknownResult(Type::list(Type::string()), args);
  std::vector<Value> keys;
  keys.reserve(m.length());
  for (const auto& [k, v] : m.attributes()) keys.push_back(Value::string(k));
  return ok(Value::list(std::move(keys), Type::string()));
}

FunctionResult valuesImpl(std::span<const Value> args) {
  const Value& m = args[0];
  const Type& t = m.type();
  if (t.isDynamic()) return unknownResult(Type::dynamic(), args);
  if (t.kind() == TypeKind::kMap) {
    if (!m.isKnown()) return unknownResult(Type::list(t.element()), args);
    std::vector<Value> values;
    values.reserve(m.length());
    for (const auto& [k, v] : m.attributes()) values.push_back(v);
    return ok(Value::list(std::move(values), t.element()));
  }
  if (t.kind() == TypeKind::kObject) {
    if (!m.isKnown()) {
      std::vector<Type> types;
      for (const ObjectAttribute& a : t.attributes()) types.push_back(a.type);
      return unknownResult(Type::tuple(std::move(types)), args);
    }
    std::vector<Value> values;
    values.reserve(m.length());
    for (const auto& [k, v] : m.attributes()) values.push_back(v);
    return ok(Value::tuple(std::move(values)));
  }
  return callError("values", "values() requires a map as the first argument");
}

FunctionResult lookupImpl(std::span<const Value> args) {
  if (args.size() > 3) {
    return callError("lookup",
                     fmt::format("lookup() takes two or three arguments, got {}", args.size()));
  }
  const Value& map = args[0];
  const Value& key = args[1];
  const Value* fallback = args.size() == 3 ? &args[2] : nullptr;
  if (map.type().isDynamic()) return unknownResult(Type::dynamic(), args.first(2));
  const Type& t = map.type();
  Type result;
  if (t.kind() == TypeKind::kObject) {
    if (!key.isKnown()) return unknownResult(Type::dynamic(), args.first(2));
    if (const ObjectAttribute* a = t.attribute(key.asString())) {
      result = a->type;
    } else if (fallback) {
      result = fallback->type();
    } else {
      return argError("inputMap", 0,
                      "the given object has no attribute " +
                          (key.sensitive() ? std::string("(sensitive value)")
                                           : quoteGoString(key.asString())));
    }
  } else if (t.kind() == TypeKind::kMap) {
    if (fallback) {
      std::string error;
      if (!convertTo(*fallback, t.element(), &error)) {
        return argError("default", 2, "the default value must have the same type as the map elements");
      }
    }
    result = t.element();
  } else {
    return argError("inputMap", 0, "lookup() requires a map as the first argument");
  }
  if (!map.isKnown() || !key.isKnown()) return unknownResult(result, args.first(2));
  if (const Value* found = map.get(key.asString())) return ok(*found);
  if (fallback) {
    std::string error;
    auto converted = convertTo(*fallback, result, &error);
    if (!converted) return callError("lookup", error);
    return ok(*converted);
  }
  return callError("lookup", "lookup failed to find key " +
                                 (key.sensitive() ? std::string("(sensitive value)")
                                                  : quoteGoString(key.asString())));
}

FunctionResult elementImpl(std::span<const Value> args) {
  const Value& list = args[0];
  const Type& t = list.type();
  if (t.isDynamic()) return unknownResult(Type::dynamic(), args);
  if (t.kind() != TypeKind::kList && t.kind() != TypeKind::kTuple) {
    return callError("element", "cannot read elements from " + friendlyTypeName(t));
  }
  auto index = args[1].asNumber().toInt();
  if (!index) return callError("element", fmt::format("invalid index: {}", kWholeNumber));
  Type result = t.element();
  if (t.kind() == TypeKind::kTuple) {
    auto types = t.tupleElements();
    if (types.empty()) return callError("element", "cannot use element function with an empty list");
    long long n = static_cast<long long>(types.size());
    long long i = *index % n;
    if (i < 0) i += n;
    result = types[static_cast<size_t>(i)];
  }
  if (!list.isKnown()) return unknownResult(result, args);
  if (list.length() == 0) return callError("element", "cannot use element function with an empty list");
  long long n = static_cast<long long>(list.length());
  long long i = *index % n;
  if (i < 0) i += n;  // Terraform 1.9+: -1 is the last element
  return ok(list.elements()[static_cast<size_t>(i)]);
}

FunctionResult indexImpl(std::span<const Value> args) {
  const Value& list = args[0];
  const Value& value = args[1];
  if (hasDynamicType(args) || anyShallowUnknown(args)) return unknownResult(Type::number(), args);
  if (list.type().kind() != TypeKind::kList && list.type().kind() != TypeKind::kTuple) {
    return callError("index", "argument must be a list or tuple");
  }
  if (list.length() == 0) return callError("index", "cannot search an empty list");
  auto elements = list.elements();
  for (size_t i = 0; i < elements.size(); ++i) {
    Tri eq = equals(elements[i], value);
    if (eq == Tri::kUnknown) return unknownResult(Type::number(), args);
    if (eq == Tri::kTrue) return ok(Value::number(static_cast<long long>(i)));
  }
  return callError("index", "item not found");
}

FunctionResult containsImpl(std::span<const Value> args) {
  const Value& list = args[0];
  const Value& value = args[1];
  if (hasDynamicType(args) || anyShallowUnknown(args)) return unknownResult(Type::boolean(), args);
  if (!isSequence(list.type())) return callError("contains", "argument must be list, tuple, or set");
  bool unknown = false;
  for (const Value& e : list.elements()) {
    Tri eq = equals(value, e);
    if (eq == Tri::kTrue) return ok(Value::boolean(true));
    if (eq == Tri::kUnknown) unknown = true;
  }
  if (unknown) return unknownResult(Type::boolean(), args);
  return ok(Value::boolean(false));
}

// ---------------------------------------------------------------------------
// concat, merge, flatten, coalesce, coalescelist

FunctionResult concatImpl(std::span<const Value> args) {
  if (args.empty()) return callError("concat", "at least one argument is required");
  if (hasDynamicType(args)) return unknownResult(Type::dynamic(), args);
  // All lists of a common element type: a list.
  bool all_lists = std::all_of(args.begin(), args.end(), [](const Value& a) {
    return a.type().kind() == TypeKind::kList;
  });
  if (all_lists) {
    std::vector<Type> types;
    types.reserve(args.size());
    for (const Value& a : args) types.push_back(a.type());
    if (auto common = unify(types)) {
      if (anyShallowUnknown(args)) return unknownResult(*common, args);
      size_t total = 0;
      for (const Value& a : args) total += a.length();
      std::vector<Value> out;
      out.reserve(total);
      for (size_t i = 0; i < args.size(); ++i) {
        std::string error;
        auto converted = convertTo(args[i], *common, &error);
        if (!converted) return argError("seqs", i, error);
        out.insert(out.end(), converted->elements().begin(), converted->elements().end());
      }
      return ok(Value::list(std::move(out), common->element()));
    }
  }
  // Otherwise a tuple of all the elements.
  std::vector<Type> types;
  for (size_t i = 0; i < args.size(); ++i) {
    const Value& a = args[i];
    if (a.type().kind() == TypeKind::kTuple) {
      types.insert(types.end(), a.type().tupleElements().begin(), a.type().tupleElements().end());
    } else if (a.type().kind() == TypeKind::kList) {
      if (!a.isKnown()) return unknownResult(Type::dynamic(), args);
      types.insert(types.end(), a.length(), a.type().element());
    } else {
      return argError("seqs", i, "all arguments must be lists or tuples; got " + friendlyTypeName(a.type()));
    }
  }
  if (anyShallowUnknown(args)) return unknownResult(Type::tuple(std::move(types)), args);
  std::vector<Value> out;
  out.reserve(types.size());
  for (const Value& a : args) out.insert(out.end(), a.elements().begin(), a.elements().end());
  return ok(Value::tuple(std::move(out)));
}

FunctionResult mergeImpl(std::span<const Value> args) {
  if (args.empty()) return ok(Value::object({}));
  // Known objects only (merge(local.tags, { Name = ... }), the usual call):
  // an object of the entries, later keys winning, whatever the types are.
  if (std::all_of(args.begin(), args.end(), [](const Value& a) {
        return a.type().kind() == TypeKind::kObject && (a.isNull() || a.isKnown());
      })) {
    size_t count = 0;
    for (const Value& a : args)
      if (!a.isNull()) count += a.attributes().size();
    std::vector<Value::Attribute> entries;
    entries.reserve(count);
    for (const Value& a : args)
      if (!a.isNull())
        for (const auto& entry : a.attributes()) entries.push_back(entry);
    return ok(Value::object(std::move(entries)));
  }
  // The result type, as cty's MergeFunc works it out.
  Type result;
  bool dynamic = false;
  {
    std::map<std::string, Type, std::less<>> attrs;
    Type first;
    bool matching = true;
    bool attrs_known = true;
    for (size_t i = 0; i < args.size(); ++i) {
      const Value& a = args[i];
      Type t = a.type();
      if (t.isDynamic()) {
        dynamic = true;
        break;
      }
      if (t.kind() != TypeKind::kMap && t.kind() != TypeKind::kObject) {
        return callError("merge", fmt::format("arguments must be maps or objects, got \"{}\"",
                                              friendlyTypeName(t)));
      }
      if (t.kind() == TypeKind::kObject) {
        if (a.isNull()) t = Type::object({});  // a null object has no attributes
        for (const ObjectAttribute& attr : t.attributes()) attrs[attr.name] = attr.type;
      } else if (!a.isNull()) {
        if (a.isKnown()) {
          for (const auto& [k, v] : a.attributes()) attrs[k] = t.element();
        } else {
          attrs_known = false;
        }
      }
      if (i == 0) {
        first = t;
      } else if (matching && !(t == first)) {
        matching = false;
      }
    }
    if (!dynamic) {
      if (matching) {
        result = first;
      } else if (!attrs_known) {
        dynamic = true;
      } else {
        std::vector<ObjectAttribute> list;
        list.reserve(attrs.size());
        for (auto& [name, type] : attrs) list.push_back({name, type, false});
        result = Type::object(std::move(list));
      }
    }
  }
  if (anyShallowUnknown(args)) return unknownResult(result, args);
  std::vector<Value::Attribute> entries;
  for (const Value& a : args) {
    if (a.isNull()) continue;
    for (const auto& entry : a.attributes()) entries.push_back(entry);
  }
  // Later keys win (Value::map/object keep the last of duplicate keys).
  if (!dynamic && result.kind() == TypeKind::kMap) {
    return ok(Value::map(std::move(entries), result.element()));
  }
  return ok(Value::object(std::move(entries)));
}

/// Appends the leaves of `seq` to `out`; false when the result cannot be
/// known yet (cty's flattener).
bool flattenInto(const Value& seq, std::vector<Value>& out, int depth, bool* too_deep) {
  if (depth > kMaxFlattenDepth) {
    *too_deep = true;
    return false;
  }
  if (!knownLength(seq)) return false;
  bool known = true;
  for (const Value& e : seq.elements()) {
    if (!e.isKnown() && e.type().isDynamic()) known = false;
    if (!e.isNull() && isSequence(e.type())) {
      if (!e.isKnown()) {
        known = false;
        continue;
      }
      if (!flattenInto(e, out, depth + 1, too_deep)) known = false;
      if (*too_deep) return false;
    } else {
      out.push_back(e);
    }
  }
  return known;
}

FunctionResult flattenImpl(std::span<const Value> args) {
  const Value& list = args[0];
  if (list.type().isDynamic()) return unknownResult(Type::dynamic(), args);
  if (!isSequence(list.type())) {
    // Terraform checks the type only once the value is wholly known.
    if (!list.isWhollyKnown()) return unknownResult(Type::dynamic(), args);
    return callError("flatten", "can only flatten lists, sets and tuples");
  }
  if (!list.isKnown()) return unknownResult(Type::dynamic(), args);
  std::vector<Value> out;
  bool too_deep = false;
  bool known = flattenInto(list, out, 0, &too_deep);
  if (too_deep) return callError("flatten", "the value is nested too deeply to flatten");
  if (!known) return unknownResult(Type::dynamic(), args);
  return ok(Value::tuple(std::move(out)));
}

FunctionResult coalesceImpl(std::span<const Value> args) {
  std::vector<Type> types;
  types.reserve(args.size());
  for (const Value& a : args) types.push_back(a.type());
  auto result = args.empty() ? std::nullopt : unify(types);
  if (!result) return callError("coalesce", "all arguments must have the same type");
  for (const Value& a : args) {
    std::string error;
    auto v = convertTo(a, *result, &error);
    if (!v) continue;  // cty: a failed conversion counts as null
    if (!v->isKnown()) return unknownResult(*result, args);
    if (v->isNull()) continue;
    if (result->kind() == TypeKind::kString && v->asString().empty()) continue;
    return ok(*v);
  }
  return callError("coalesce", "no non-null, non-empty-string arguments");
}

FunctionResult coalescelistImpl(std::span<const Value> args) {
  if (args.empty()) return callError("coalescelist", "at least one argument is required");
  Type result;
  bool typed = true;
  for (const Value& a : args) {
    if (!a.isKnown()) {
      typed = false;
      break;
    }
    if (a.type().kind() != TypeKind::kList && a.type().kind() != TypeKind::kTuple) {
      return callError("coalescelist", "coalescelist arguments must be lists or tuples");
    }
  }
  if (typed && std::all_of(args.begin(), args.end(),
                           [&](const Value& a) { return a.type() == args[0].type(); })) {
    result = args[0].type();
  }
  for (const Value& a : args) {
    if (!a.isKnown()) return unknownResult(result, args);
    if (a.isNull()) continue;
    if (a.length() > 0) return ok(a);
  }
  return callError("coalescelist", "no non-null arguments");
}

// ---------------------------------------------------------------------------
// compact, distinct, sort, reverse, slice, chunklist, one

FunctionResult compactImpl(std::span<const Value> args) {
  const Value& list = args[0];
  if (!list.isWhollyKnown()) return unknownResult(Type::list(Type::string()), args);
  std::vector<Value> out;
  for (const Value& e : list.elements())
    if (!e.isNull() && !e.asString().empty()) out.push_back(e);
  return ok(Value::list(std::move(out), Type::string()));
}

FunctionResult distinctImpl(std::span<const Value> args) {
  const Value& list = args[0];
  if (!list.isWhollyKnown()) return unknownResult(list.type(), args);
  std::unordered_set<std::string> seen;
  std::vector<Value> out;
  for (const Value& e : list.elements())
    if (seen.insert(keyOf(e)).second) out.push_back(e);
  return ok(Value::list(std::move(out), list.type().element()));
}

FunctionResult sortImpl(std::span<const Value> args) {
  const Value& list = args[0];
  if (!list.isWhollyKnown()) return unknownResult(Type::list(Type::string()), args);
  auto elements = list.elements();
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].isNull()) {
      return callError("sort", fmt::format("given list element {} is null; a null string cannot be sorted", i));
    }
  }
  std::vector<Value> out(elements.begin(), elements.end());
  // Byte order, which for UTF-8 is code point order (Go's sort.Strings).
  std::stable_sort(out.begin(), out.end(), [](const Value& a, const Value& b) {
    return a.asString() < b.asString();
  });
  return ok(Value::list(std::move(out), Type::string()));
}

FunctionResult reverseImpl(std::span<const Value> args) {
  const Value& list = args[0];
  const Type& t = list.type();
  if (t.isDynamic()) return unknownResult(Type::dynamic(), args);
  if (t.kind() == TypeKind::kTuple) {
    if (!list.isKnown()) {
      std::vector<Type> types(t.tupleElements().rbegin(), t.tupleElements().rend());
      return unknownResult(Type::tuple(std::move(types)), args);
    }
    return ok(Value::tuple({list.elements().rbegin(), list.elements().rend()}));
  }
  if (t.kind() == TypeKind::kList || t.kind() == TypeKind::kSet) {
    if (!list.isKnown()) return unknownResult(Type::list(t.element()), args);
    return ok(Value::list({list.elements().rbegin(), list.elements().rend()}, t.element()));
  }
  return argError("list", 0, "can only reverse list or tuple values, not " + friendlyTypeName(t));
}

FunctionResult sliceImpl(std::span<const Value> args) {
  const Value& list = args[0];
  const Type& t = list.type();
  if (hasDynamicType(args)) return unknownResult(Type::dynamic(), args);
  if (t.kind() == TypeKind::kSet) {
    return argError("list", 0,
                    "cannot slice a set, because its elements do not have indices; explicitly "
                    "convert to a list if the ordering of the result is not important");
  }
  if (t.kind() != TypeKind::kList && t.kind() != TypeKind::kTuple) {
    return argError("list", 0, "must be a list or tuple value");
  }
  auto length = knownLength(list);
  std::optional<long long> start, end;
  if (args[1].isKnown()) {
    start = args[1].asNumber().toInt();
    if (!start) return argError("start_index", 1, fmt::format("invalid start index: {}", kWholeNumber));
    if (*start < 0) return argError("start_index", 1, "start index must not be less than zero");
    if (length && *start > static_cast<long long>(*length)) {
      return argError("start_index", 1, "start index must not be greater than the length of the list");
    }
  }
  if (args[2].isKnown()) {
    end = args[2].asNumber().toInt();
    if (!end) return argError("end_index", 2, fmt::format("invalid end index: {}", kWholeNumber));
    if (*end < 0) return argError("end_index", 2, "end index must not be less than zero");
    if (length && *end > static_cast<long long>(*length)) {
      return argError("end_index", 2, "end index must not be greater than the length of the list");
    }
  }
  if (start && end && *start > *end) {
    return argError("start_index", 1, "start index must not be greater than end index");
  }
  Type result = t;
  if (t.kind() == TypeKind::kTuple) {
    if (!start || !end) return unknownResult(Type::dynamic(), args);
    auto types = t.tupleElements().subspan(static_cast<size_t>(*start),
                                           static_cast<size_t>(*end - *start));
    result = Type::tuple({types.begin(), types.end()});
  }
  if (!start || !end || !list.isKnown()) return unknownResult(result, args);
  auto part = list.elements().subspan(static_cast<size_t>(*start), static_cast<size_t>(*end - *start));
  if (t.kind() == TypeKind::kTuple) return ok(Value::tuple({part.begin(), part.end()}));
  return ok(Value::list({part.begin(), part.end()}, t.element()));
}

FunctionResult chunklistImpl(std::span<const Value> args) {
  const Value& list = args[0];
  const Type& t = list.type();
  if (!list.isKnown()) return unknownResult(Type::list(t), args);
  auto size = args[1].asNumber().toInt();
  if (!size) return callError("chunklist", fmt::format("invalid size: {}", kWholeNumber));
  if (*size < 0) return callError("chunklist", "the size argument must be positive");
  if (list.length() == 0) return ok(Value::list({}, t));
  // A size of 0 makes one chunk of the whole list.
  if (*size == 0) return ok(Value::list({list}, t));
  auto elements = list.elements();
  size_t step = static_cast<size_t>(*size);
  std::vector<Value> chunks;
  chunks.reserve(elements.size() / step + 1);
  for (size_t i = 0; i < elements.size(); i += step) {
    auto part = elements.subspan(i, std::min(step, elements.size() - i));
    chunks.push_back(Value::list({part.begin(), part.end()}, t.element()));
  }
  return ok(Value::list(std::move(chunks), t));
}

FunctionResult oneImpl(std::span<const Value> args) {
  const Value& v = args[0];
  const Type& t = v.type();
  constexpr std::string_view kMessage =
      "must be a list, set, or tuple value with either zero or one elements";
  if (t.isDynamic()) return unknownResult(Type::dynamic(), args);
  if (t.kind() == TypeKind::kList || t.kind() == TypeKind::kSet) {
    if (!v.isKnown()) return unknownResult(t.element(), args);
    auto n = knownLength(v);
    if (!n) return unknownResult(t.element(), args);
    if (*n == 0) return ok(Value::null(t.element()));
    if (*n == 1) return ok(v.elements()[0]);
    return argError("list", 0, kMessage);
  }
  if (t.kind() == TypeKind::kTuple) {
    auto types = t.tupleElements();
    if (types.size() <= 1) {
      if (!v.isKnown()) return unknownResult(types.empty() ? Type::dynamic() : types[0], args);
      return ok(types.empty() ? Value() : v.elements()[0]);
    }
  }
  return argError("list", 0, kMessage);
}

// ---------------------------------------------------------------------------
// zipmap, transpose, matchkeys

FunctionResult zipmapImpl(std::span<const Value> args) {
  const Value& keys = args[0];
  const Value& values = args[1];
  const Type& vt = values.type();
  if (vt.isDynamic()) return unknownResult(Type::dynamic(), args);
  Type result;
  if (vt.kind() == TypeKind::kList) {
    result = Type::map(vt.element());
  } else if (vt.kind() == TypeKind::kTuple) {
    if (keys.isWhollyKnown()) {
      auto types = vt.tupleElements();
      if (keys.length() != types.size()) {
        return callError("zipmap", fmt::format("number of keys ({}) does not match number of values ({})",
                                               keys.length(), types.size()));
      }
      std::vector<ObjectAttribute> attrs;
      attrs.reserve(types.size());
      for (size_t i = 0; i < types.size(); ++i) {
        const Value& k = keys.elements()[i];
        if (k.isNull()) {
          return callError("zipmap", fmt::format("keys list has null value at index {}", i));
        }
        attrs.push_back({k.asString(), types[i], false});
      }
      // Duplicate keys: the last one wins, as for the values below.
      std::reverse(attrs.begin(), attrs.end());
      std::stable_sort(attrs.begin(), attrs.end(), [](const ObjectAttribute& a, const ObjectAttribute& b) {
        return a.name < b.name;
      });
      attrs.erase(std::unique(attrs.begin(), attrs.end(),
                              [](const ObjectAttribute& a, const ObjectAttribute& b) {
                                return a.name == b.name;
                              }),
                  attrs.end());
      result = Type::object(std::move(attrs));
    }
  } else {
    return callError("zipmap", "values argument must be a list or tuple value");
  }
  if (anyShallowUnknown(args) || !keys.isWhollyKnown()) return unknownResult(result, args);
  if (keys.length() != values.length()) {
    return callError("zipmap", fmt::format("number of keys ({}) does not match number of values ({})",
                                           keys.length(), values.length()));
  }
  std::vector<Value::Attribute> entries;
  entries.reserve(keys.length());
  auto key_values = keys.elements();
  for (size_t i = 0; i < key_values.size(); ++i) {
    if (key_values[i].isNull()) {
      return callError("zipmap", fmt::format("keys list has null value at index {}", i));
    }
    entries.emplace_back(key_values[i].asString(), values.elements()[i]);
  }
  // Keys cannot carry marks: a sensitive key makes the whole result sensitive.
  bool sensitive_keys = anySensitive(keys);
  Value out = vt.kind() == TypeKind::kList ? Value::map(std::move(entries), vt.element())
                                           : Value::object(std::move(entries));
  return ok(sensitive_keys ? out.markedSensitive() : out);
}

FunctionResult transposeImpl(std::span<const Value> args) {
  const Value& input = args[0];
  const Type result = Type::map(Type::list(Type::string()));
  if (!input.isWhollyKnown()) return unknownResult(result, args);
  std::map<std::string, std::vector<std::string>, std::less<>> swapped;
  for (const auto& [key, list] : input.attributes()) {
    if (list.isNull()) return callError("transpose", "input must not contain null list");
    for (const Value& s : list.elements()) {
      if (s.isNull()) return callError("transpose", "input list must not contain null string");
      if (s.type().kind() != TypeKind::kString) {
        return callError("transpose", "input must be a map of lists of strings");
      }
      swapped[s.asString()].push_back(key);
    }
  }
  std::vector<Value::Attribute> entries;
  entries.reserve(swapped.size());
  for (auto& [key, names] : swapped) {
    std::sort(names.begin(), names.end());
    std::vector<Value> list;
    list.reserve(names.size());
    for (std::string& n : names) list.push_back(Value::string(std::move(n)));
    entries.emplace_back(key, Value::list(std::move(list), Type::string()));
  }
  return ok(Value::map(std::move(entries), Type::list(Type::string())));
}

FunctionResult matchkeysImpl(std::span<const Value> args) {
  const Value& values = args[0];
  std::array<Type, 2> key_types = {args[1].type(), args[2].type()};
  auto common = unify(key_types);
  if (!common) return callError("matchkeys", "keys and searchset must be of the same type");
  const Type& result = values.type();
  if (anyShallowUnknown(args)) return unknownResult(result, args);
  if (values.length() != args[1].length()) {
    return callError("matchkeys", "length of keys and values should be equal");
  }
  std::string error;
  auto keys = convertTo(args[1], *common, &error);
  if (!keys) return argError("keys", 1, error);
  auto searchset = convertTo(args[2], *common, &error);
  if (!searchset) return argError("searchset", 2, error);
  if (searchset->length() == 0) return ok(Value::list({}, result.element()));
  if (!values.isWhollyKnown() || !keys->isWhollyKnown()) return unknownResult(result, args);
  // Terraform compares each key with the search values in order and gives
  // up (an empty list) at the first comparison it cannot decide, i.e. at the
  // first search value that is not wholly known.
  auto search = searchset->elements();
  size_t decidable = 0;
  std::unordered_set<std::string> wanted;
  for (; decidable < search.size() && search[decidable].isWhollyKnown(); ++decidable)
    wanted.insert(keyOf(search[decidable]));
  std::vector<Value> out;
  auto key_values = keys->elements();
  for (size_t i = 0; i < key_values.size(); ++i) {
    if (wanted.count(keyOf(key_values[i]))) {
      out.push_back(values.elements()[i]);
    } else if (decidable < search.size()) {
      return ok(Value::list({}, result.element()));
    }
  }
  return ok(Value::list(std::move(out), result.element()));
}

// ---------------------------------------------------------------------------
// range, setproduct, set operations

FunctionResult rangeImpl(std::span<const Value> args) {
  Number start, end, step;
  switch (args.size()) {
    case 1:
      end = args[0].asNumber();
      step = Number::fromInt(end.value() < 0 ? -1 : 1);
      break;
    case 2:
      start = args[0].asNumber();
      end = args[1].asNumber();
      step = Number::fromInt(end < start ? -1 : 1);
      break;
    case 3:
      start = args[0].asNumber();
      end = args[1].asNumber();
      step = args[2].asNumber();
      break;
    default: return callError("range", "must have one, two, or three arguments");
  }
  if (step.value() == 0) return argError("params", 2, "step must not be zero");
  bool down = step.value() < 0;
  if (down && end > start) {
    return argError("params", 1, "end must be less than start when step is negative");
  }
  if (!down && end < start) {
    return argError("params", 1, "end must be greater than start when step is positive");
  }
  std::vector<Value> out;
  for (long double n = start.value(); down ? n > end.value() : n < end.value(); n += step.value()) {
    if (out.size() >= kMaxRangeElements) {
      return callError("range",
                       "more than 1024 values were generated; either decrease the difference "
                       "between start and end or use a smaller step");
    }
    out.push_back(Value::number(Number(n)));
  }
  return ok(Value::list(std::move(out), Type::number()));
}

FunctionResult setproductImpl(std::span<const Value> args) {
  if (args.size() < 2) return callError("setproduct", "at least two arguments are required");
  if (hasDynamicType(args)) return unknownResult(Type::dynamic(), args);
  std::vector<Type> element_types;
  element_types.reserve(args.size());
  size_t lists = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const Type& t = args[i].type();
    if (t.kind() == TypeKind::kSet) {
      element_types.push_back(t.element());
    } else if (t.kind() == TypeKind::kList) {
      element_types.push_back(t.element());
      ++lists;
    } else if (t.kind() == TypeKind::kTuple) {
      if (t.tupleElements().empty()) {
        element_types.push_back(Type::dynamic());
      } else {
        auto common = unify(t.tupleElements());
        if (!common) return argError("sets", i, "all elements must be of the same type");
        element_types.push_back(*common);
      }
      ++lists;
    } else {
      return argError("sets", i, "a set or a list is required");
    }
  }
  Type tuple_type = Type::tuple(element_types);
  bool as_list = lists == args.size();
  Type result = as_list ? Type::list(tuple_type) : Type::set(tuple_type);
  for (const Value& a : args)
    if (!knownLength(a) || !a.isKnown()) return unknownResult(result, args);
  auto empty = [&] {
    return ok(as_list ? Value::list({}, tuple_type) : Value::set({}, tuple_type));
  };
  size_t total = 1;
  for (const Value& a : args)
    if (a.length() == 0) return empty();
  for (const Value& a : args) {
    if (total > kMaxProductElements / a.length()) {
      return callError("setproduct",
                       fmt::format("the result would have more than {} elements, which "
                                   "tfguard does not evaluate",
                                   kMaxProductElements));
    }
    total *= a.length();
  }
  // Elements converted to the common element type of each argument.
  std::vector<std::vector<Value>> columns(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    columns[i].reserve(args[i].length());
    for (const Value& e : args[i].elements()) {
      std::string error;
      auto converted = convertTo(e, element_types[i], &error);
      if (!converted) return argError("sets", i, error);
      columns[i].push_back(std::move(*converted));
    }
  }
  std::vector<Value> product;
  product.reserve(total);
  std::vector<size_t> at(args.size(), 0);
  for (size_t n = 0; n < total; ++n) {
    std::vector<Value> row;
    row.reserve(args.size());
    for (size_t i = 0; i < args.size(); ++i) row.push_back(columns[i][at[i]]);
    product.push_back(Value::tuple(std::move(row)));
    for (size_t i = args.size(); i-- > 0;) {
      if (++at[i] < columns[i].size()) break;
      at[i] = 0;
    }
  }
  return ok(as_list ? Value::list(std::move(product), tuple_type)
                    : Value::set(std::move(product), tuple_type));
}

enum class SetOp { kUnion, kIntersection, kSubtract };

/// The element type the set operations unify to (cty setOperationReturnType).
std::optional<Type> setElementType(std::span<const Value> args) {
  std::vector<Type> types;
  for (const Value& a : args) {
    const Type& e = a.type().element();
    // Empty sets of unknown element type convert to anything.
    if (a.isKnown() && a.length() == 0 && e.isDynamic()) continue;
    types.push_back(e);
  }
  if (types.empty()) return Type::dynamic();
  return unify(types);
}

template <SetOp Op>
FunctionResult setOperation(std::span<const Value> args, std::string_view name,
                            std::string_view first_param, std::string_view other_param) {
  auto element = setElementType(args);
  if (!element) return callError(name, "given sets must all have compatible element types");
  Type result = Type::set(*element);
  if (anyShallowUnknown(args)) return unknownResult(result, args);
  std::vector<Value> sets;
  sets.reserve(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    std::string error;
    auto converted = convertTo(args[i], result, &error);
    if (!converted) return argError(i == 0 ? first_param : other_param, i, error);
    // Only a union can be computed with unknown elements: they might turn
    // out equal to others and change what the other operations keep.
    if (Op != SetOp::kUnion && !converted->isWhollyKnown()) return unknownResult(result, args);
    sets.push_back(std::move(*converted));
  }
  std::vector<Value> out;
  if constexpr (Op == SetOp::kUnion) {
    size_t total = 0;
    for (const Value& s : sets) total += s.length();
    out.reserve(total);
    for (const Value& s : sets) out.insert(out.end(), s.elements().begin(), s.elements().end());
  } else if constexpr (Op == SetOp::kIntersection) {
    // Keep the elements of the first set that every other set has.
    std::unordered_map<std::string, size_t> counts;
    for (const Value& e : sets[0].elements()) counts.emplace(keyOf(e), 0);
    for (size_t i = 1; i < sets.size(); ++i) {
      for (const Value& e : sets[i].elements()) {
        auto it = counts.find(keyOf(e));
        if (it != counts.end() && it->second == i - 1) it->second = i;
      }
    }
    for (const Value& e : sets[0].elements())
      if (counts[keyOf(e)] == sets.size() - 1) out.push_back(e);
  } else {
    std::unordered_set<std::string> remove;
    for (const Value& e : sets[1].elements()) remove.insert(keyOf(e));
    for (const Value& e : sets[0].elements())
      if (!remove.count(keyOf(e))) out.push_back(e);
  }
  return ok(Value::set(std::move(out), *element));
}

FunctionResult setunionImpl(std::span<const Value> args) {
  return setOperation<SetOp::kUnion>(args, "setunion", "first_set", "other_sets");
}
FunctionResult setintersectionImpl(std::span<const Value> args) {
  return setOperation<SetOp::kIntersection>(args, "setintersection", "first_set", "other_sets");
}
FunctionResult setsubtractImpl(std::span<const Value> args) {
  return setOperation<SetOp::kSubtract>(args, "setsubtract", "a", "b");
}

// ---------------------------------------------------------------------------
// alltrue, anytrue, sum

FunctionResult alltrueImpl(std::span<const Value> args) {
  const Value& list = args[0];
  if (!list.isKnown()) return unknownResult(Type::boolean(), args);
  for (const Value& e : list.elements()) {
    if (!e.isKnown()) return unknownResult(Type::boolean(), args);
    if (e.isNull() || !e.asBool()) return ok(Value::boolean(false));
  }
  return ok(Value::boolean(true));
}

FunctionResult anytrueImpl(std::span<const Value> args) {
  const Value& list = args[0];
  if (!list.isKnown()) return unknownResult(Type::boolean(), args);
  bool unknown = false;
  for (const Value& e : list.elements()) {
    if (!e.isKnown()) {
      unknown = true;
    } else if (!e.isNull() && e.asBool()) {
      return ok(Value::boolean(true));
    }
  }
  if (unknown) return unknownResult(Type::boolean(), args);
  return ok(Value::boolean(false));
}

FunctionResult sumImpl(std::span<const Value> args) {
  const Value& list = args[0];
  const Type& t = list.type();
  if (t.isDynamic() || !list.isKnown()) return unknownResult(Type::number(), args);
  if (!isSequence(t) && t.kind() != TypeKind::kMap && t.kind() != TypeKind::kObject) {
    return argError("list", 0, "cannot sum noniterable");
  }
  if (list.length() == 0) return argError("list", 0, "cannot sum an empty list");
  if (!isSequence(t)) {
    return argError("list", 0, "argument must be list, set, or tuple. Received " + friendlyTypeName(t));
  }
  if (!list.isWhollyKnown()) return unknownResult(Type::number(), args);
  long double total = 0;
  for (const Value& e : list.elements()) {
    constexpr std::string_view kNumbers = "argument must be list, set, or tuple of number values";
    if (e.isNull()) return argError("list", 0, kNumbers);
    std::string error;
    auto n = convertTo(e, Type::number(), &error);
    if (!n) return argError("list", 0, kNumbers);
    total += n->asNumber().value();
    if (std::isnan(total)) return callError("sum", "can't compute sum of opposing infinities");
  }
  return ok(Value::number(Number(total)));
}

// ---------------------------------------------------------------------------
// The table

const std::vector<FunctionSpec>& specs() {
  static const std::vector<FunctionSpec> all = [] {
    const Type any = Type::dynamic();
    const Type number = Type::number();
    const Type list_any = Type::list(any);
    const Type set_any = Type::set(any);
    const Type list_string = Type::list(Type::string());
    constexpr bool kNull = true;     // allow_null
    constexpr bool kUnknown = true;  // allow_unknown
    std::vector<FunctionSpec> v;
    v.push_back({"alltrue", {{"list", Type::list(Type::boolean()), false, kUnknown}}, std::nullopt,
                 Type::boolean(), deep<alltrueImpl>});
    v.push_back({"anytrue", {{"list", Type::list(Type::boolean()), false, kUnknown}}, std::nullopt,
                 Type::boolean(), deep<anytrueImpl>});
    v.push_back({"chunklist", {{"list", list_any, false, kUnknown}, {"size", number}}, std::nullopt,
                 any, shallow<chunklistImpl>});
    v.push_back({"coalesce", {}, FunctionParam{"vals", any, kNull, kUnknown}, any,
                 deep<coalesceImpl>});
    v.push_back({"coalescelist", {}, FunctionParam{"vals", any, kNull, kUnknown}, any,
                 deep<coalescelistImpl>});
    v.push_back({"compact", {{"list", list_string, false, kUnknown}}, std::nullopt, list_string,
                 deep<compactImpl>});
    v.push_back({"concat", {}, FunctionParam{"seqs", any, false, kUnknown}, any,
                 shallow<concatImpl>});
    v.push_back({"contains", {{"list", any, false, kUnknown}, {"value", any, kNull, kUnknown}},
                 std::nullopt, Type::boolean(), deep<containsImpl>});
    v.push_back({"distinct", {{"list", list_any, false, kUnknown}}, std::nullopt, any,
                 deep<distinctImpl>});
    v.push_back({"element", {{"list", any, false, kUnknown}, {"index", number}}, std::nullopt, any,
                 shallow<elementImpl>});
    v.push_back({"flatten", {{"list", any, false, kUnknown}}, std::nullopt, any,
                 shallow<flattenImpl>});
    v.push_back({"index", {{"list", any, false, kUnknown}, {"value", any, false, kUnknown}},
                 std::nullopt, number, deep<indexImpl>});
    v.push_back({"keys", {{"inputMap", any, false, kUnknown}}, std::nullopt, any,
                 shallow<keysImpl>});
    v.push_back({"length", {{"value", any, false, kUnknown}}, std::nullopt, number,
                 shallow<lengthImpl>});
    v.push_back({"lookup",
                 {{"inputMap", any, false, kUnknown}, {"key", Type::string(), false, kUnknown}},
                 FunctionParam{"default", any, kNull, kUnknown}, any, shallow<lookupImpl>});
    v.push_back({"matchkeys",
                 {{"values", list_any, false, kUnknown},
                  {"keys", list_any, false, kUnknown},
                  {"searchset", list_any, false, kUnknown}},
                 std::nullopt, any, deep<matchkeysImpl>});
    v.push_back({"merge", {}, FunctionParam{"maps", any, kNull, kUnknown}, any,
                 shallow<mergeImpl>});
    v.push_back({"one", {{"list", any, false, kUnknown}}, std::nullopt, any, deep<oneImpl>});
    v.push_back({"range", {}, FunctionParam{"params", number}, Type::list(number),
                 deep<rangeImpl>});
    v.push_back({"reverse", {{"list", any, false, kUnknown}}, std::nullopt, any,
                 shallow<reverseImpl>});
    v.push_back({"setintersection", {{"first_set", set_any, false, kUnknown}},
                 FunctionParam{"other_sets", set_any, false, kUnknown}, any,
                 deep<setintersectionImpl>});
    v.push_back({"setproduct", {}, FunctionParam{"sets", any, false, kUnknown}, any,
                 shallow<setproductImpl>});
    v.push_back({"setsubtract",
                 {{"a", set_any, false, kUnknown}, {"b", set_any, false, kUnknown}}, std::nullopt,
                 any, deep<setsubtractImpl>});
    v.push_back({"setunion", {{"first_set", set_any, false, kUnknown}},
                 FunctionParam{"other_sets", set_any, false, kUnknown}, any, deep<setunionImpl>});
    v.push_back({"slice",
                 {{"list", any, false, kUnknown},
                  {"start_index", number, false, kUnknown},
                  {"end_index", number, false, kUnknown}},
                 std::nullopt, any, shallow<sliceImpl>});
    v.push_back({"sort", {{"list", list_string, false, kUnknown}}, std::nullopt, list_string,
                 deep<sortImpl>});
    v.push_back({"sum", {{"list", any, false, kUnknown}}, std::nullopt, number, deep<sumImpl>});
    v.push_back({"transpose", {{"values", Type::map(list_string), false, kUnknown}}, std::nullopt,
                 Type::map(list_string), deep<transposeImpl>});
    v.push_back({"values", {{"mapping", any, false, kUnknown}}, std::nullopt, any,
                 shallow<valuesImpl>});
    v.push_back({"zipmap", {{"keys", list_string, false, kUnknown}, {"values", any, false, kUnknown}},
                 std::nullopt, any, shallow<zipmapImpl>});
    return v;
  }();
  return all;
}

}  // namespace

std::span<const FunctionSpec> collectionFunctions() { return specs(); }

}  // namespace tfguard::eval
