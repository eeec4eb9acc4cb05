// Terraform's type conversion and unification, following cty's convert
// package (v1.18): the same rules, the same choices between candidate
// types and the same messages. Conversions are checked at the type level
// first (canConvert, as cty's GetConversionUnsafe) and then applied to the
// value, where some still fail ("abc" to number, a map missing a required
// attribute).
#include "eval/convert.h"

#include <algorithm>
#include <fmt/format.h>

#include "base/utf8.h"

namespace tfguard::eval {
namespace {

bool isList(const Type& t) { return t.kind() == TypeKind::kList; }
bool isSet(const Type& t) { return t.kind() == TypeKind::kSet; }
bool isMap(const Type& t) { return t.kind() == TypeKind::kMap; }
bool isTuple(const Type& t) { return t.kind() == TypeKind::kTuple; }
bool isObject(const Type& t) { return t.kind() == TypeKind::kObject; }

std::vector<std::string> refsOf(const Value& v) {
  return {v.references().begin(), v.references().end()};
}

bool hasOptional(const Type& t) {
  switch (t.kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap: return hasOptional(t.element());
    case TypeKind::kTuple:
      return std::any_of(t.tupleElements().begin(), t.tupleElements().end(),
                         [](const Type& e) { return hasOptional(e); });
    case TypeKind::kObject:
      return std::any_of(t.attributes().begin(), t.attributes().end(),
                         [](const ObjectAttribute& a) { return a.optional || hasOptional(a.type); });
    default: return false;
  }
}

Type stripOptional(const Type& t);

Type stripOptionalDeep(const Type& t) {
  switch (t.kind()) {
    case TypeKind::kList: return Type::list(stripOptional(t.element()));
    case TypeKind::kSet: return Type::set(stripOptional(t.element()));
    case TypeKind::kMap: return Type::map(stripOptional(t.element()));
    case TypeKind::kTuple: {
      std::vector<Type> elems;
      elems.reserve(t.tupleElements().size());
      for (const Type& e : t.tupleElements()) elems.push_back(stripOptional(e));
      return Type::tuple(std::move(elems));
    }
    case TypeKind::kObject: {
      std::vector<ObjectAttribute> attrs;
      attrs.reserve(t.attributes().size());
      for (const ObjectAttribute& a : t.attributes()) attrs.push_back({a.name, stripOptional(a.type), false});
      return Type::object(std::move(attrs));
    }
    default: return t;
  }
}

/// `t` without optional() markers; `t` itself (shared) when it has none.
Type stripOptional(const Type& t) { return hasOptional(t) ? stripOptionalDeep(t) : t; }

// ---------------------------------------------------------------------------
// Unification (cty convert/unify.go, sort_types.go, compare_types.go)

bool conversionExists(const Type& in, const Type& out, bool unsafe);

/// Distinct types in first-seen order: unification only depends on which
/// types occur, and a tuple of ten thousand strings must not cost n².
std::vector<Type> distinctTypes(std::span<const Type> types) {
  std::vector<Type> out;
  for (const Type& t : types) {
    if (std::none_of(out.begin(), out.end(), [&](const Type& o) { return o == t; })) out.push_back(t);
  }
  return out;
}

std::optional<Type> unifyImpl(std::span<const Type> types, bool unsafe);

/// Which of two types is preferable as a unification result: -1 for a,
/// 1 for b, 0 when neither (cty compareTypes).
int compareTypes(const Type& a0, const Type& b0) {
  if (a0.isDynamic() || b0.isDynamic()) {
    if (!a0.isDynamic()) return -1;
    if (!b0.isDynamic()) return 1;
    return 0;
  }
  if (a0.isPrimitive() && b0.isPrimitive()) {
    bool as = a0.kind() == TypeKind::kString, bs = b0.kind() == TypeKind::kString;
    if (as || bs) {
      if (!as) return 1;
      if (!bs) return -1;
      return 0;
    }
  }
  if ((isList(a0) && isList(b0)) || (isSet(a0) && isSet(b0)) || (isMap(a0) && isMap(b0))) {
    return compareTypes(a0.element(), b0.element());
  }
  const Type* a = &a0;
  const Type* b = &b0;
  int swap = 1;
  if ((isTuple(*a) && isList(*b)) || (isObject(*a) && isMap(*b)) || (isSet(*a) && isTuple(*b)) ||
      (isSet(*a) && isList(*b))) {
    std::swap(a, b);
    swap = -1;
  }
  if (isSet(*b) && (isTuple(*a) || isList(*a))) return -1 * swap;
  if (isList(*a) && isTuple(*b)) return -1 * swap;
  if (isMap(*a) && isObject(*b)) return -1 * swap;
  auto verdict = [swap](bool a_super, bool b_super) {
    if (a_super && b_super) return 0;
    if (a_super) return -1 * swap;
    if (b_super) return 1 * swap;
    return 0;
  };
  if (isObject(*a) && isObject(*b)) {
    auto aa = a->attributes();
    if (aa.size() != b->attributes().size()) return 0;
    bool a_super = false, b_super = false;
    for (const ObjectAttribute& attr : aa) {
      const ObjectAttribute* other = b->attribute(attr.name);
      if (!other) return 0;
      int cmp = compareTypes(attr.type, other->type);
      if (cmp < 0) a_super = true;
      if (cmp > 0) b_super = true;
    }
    return verdict(a_super, b_super);
  }
  if (isTuple(*a) && isTuple(*b)) {
    auto ea = a->tupleElements(), eb = b->tupleElements();
    if (ea.size() != eb.size()) return 0;
    bool a_super = false, b_super = false;
    for (size_t i = 0; i < ea.size(); ++i) {
      int cmp = compareTypes(ea[i], eb[i]);
      if (cmp < 0) a_super = true;
      if (cmp > 0) b_super = true;
    }
    return verdict(a_super, b_super);
  }
  return 0;
}

/// Preference order of `types` for unification, most general first
/// (a topological sort of "more general than", as cty sortTypes).
std::vector<size_t> sortTypes(std::span<const Type> types) {
  size_t n = types.size();
  std::vector<std::vector<size_t>> edges(n);
  for (size_t i = 0; i + 1 < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      int cmp = compareTypes(types[i], types[j]);
      if (cmp < 0) edges[i].push_back(j);
      if (cmp > 0) edges[j].push_back(i);
    }
  }
  std::vector<size_t> in_degree(n, 0);
  for (const auto& outs : edges)
    for (size_t j : outs) ++in_degree[j];
  std::vector<size_t> order;
  order.reserve(n);
  for (size_t i = 0; i < n; ++i)
    if (in_degree[i] == 0) order.push_back(i);
  for (size_t head = 0; head < order.size(); ++head) {
    for (size_t j : edges[order[head]]) {
      if (--in_degree[j] == 0) order.push_back(j);
    }
  }
  return order;
}

bool allConvertTo(std::span<const Type> types, const Type& target, bool unsafe) {
  for (const Type& t : types) {
    if (!(t == target) && !conversionExists(t, target, unsafe)) return false;
  }
  return true;
}

std::optional<Type> unifyCollectionTypes(TypeKind kind, std::span<const Type> types, bool unsafe,
                                         bool has_dynamic) {
  // With a dynamic among them we cannot predict the result.
  if (has_dynamic) return Type::dynamic();
  std::vector<Type> elems;
  elems.reserve(types.size());
  for (const Type& t : types) elems.push_back(t.element());
  auto elem = unifyImpl(elems, unsafe);
  if (!elem) return std::nullopt;
  Type result = kind == TypeKind::kList  ? Type::list(std::move(*elem))
                : kind == TypeKind::kSet ? Type::set(std::move(*elem))
                                         : Type::map(std::move(*elem));
  if (!allConvertTo(types, result, unsafe)) return std::nullopt;
  return result;
}

std::optional<Type> unifyObjectTypesToMap(std::span<const Type> types, bool unsafe) {
  std::vector<Type> attr_types;
  for (const Type& t : types)
    for (const ObjectAttribute& a : t.attributes()) attr_types.push_back(a.type);
  auto elem = unifyImpl(attr_types, unsafe);
  if (!elem) return std::nullopt;
  Type result = Type::map(std::move(*elem));
  if (!allConvertTo(types, result, unsafe)) return std::nullopt;
  return result;
}

std::optional<Type> unifyObjectTypes(std::span<const Type> types, bool unsafe, bool has_dynamic) {
  if (has_dynamic) return Type::dynamic();
  // The same attribute names everywhere: unify attribute by attribute;
  // otherwise all attribute types together, as a map.
  auto first = types[0].attributes();
  for (const Type& t : types.subspan(1)) {
    auto attrs = t.attributes();
    if (attrs.size() != first.size()) return unifyObjectTypesToMap(types, unsafe);
    for (const ObjectAttribute& a : attrs) {
      if (!types[0].attribute(a.name)) return unifyObjectTypesToMap(types, unsafe);
    }
  }
  std::vector<ObjectAttribute> result_attrs;
  result_attrs.reserve(first.size());
  std::vector<Type> across(types.size());
  for (const ObjectAttribute& a : first) {
    for (size_t i = 0; i < types.size(); ++i) across[i] = types[i].attribute(a.name)->type;
    auto t = unifyImpl(across, unsafe);
    if (!t) return std::nullopt;
    result_attrs.push_back({a.name, std::move(*t), false});
  }
  Type result = Type::object(std::move(result_attrs));
  if (!allConvertTo(types, result, unsafe)) return unifyObjectTypesToMap(types, unsafe);
  return result;
}

std::optional<Type> unifyTupleTypesToList(std::span<const Type> types, bool unsafe) {
  std::vector<Type> elem_types;
  for (const Type& t : types)
    for (const Type& e : t.tupleElements()) elem_types.push_back(e);
  auto elem = unifyImpl(elem_types, unsafe);
  if (!elem) return std::nullopt;
  Type result = Type::list(std::move(*elem));
  if (!allConvertTo(types, result, unsafe)) return std::nullopt;
  return result;
}

std::optional<Type> unifyTupleTypes(std::span<const Type> types, bool unsafe, bool has_dynamic) {
  if (has_dynamic) return Type::dynamic();
  size_t len = types[0].tupleElements().size();
  for (const Type& t : types.subspan(1)) {
    if (t.tupleElements().size() != len) return unifyTupleTypesToList(types, unsafe);
  }
  std::vector<Type> result_elems;
  result_elems.reserve(len);
  std::vector<Type> across(types.size());
  for (size_t idx = 0; idx < len; ++idx) {
    for (size_t i = 0; i < types.size(); ++i) across[i] = types[i].tupleElements()[idx];
    auto t = unifyImpl(across, unsafe);
    if (!t) return std::nullopt;
    result_elems.push_back(std::move(*t));
  }
  Type result = Type::tuple(std::move(result_elems));
  if (!allConvertTo(types, result, unsafe)) return unifyTupleTypesToList(types, unsafe);
  return result;
}

/// Tuples among lists are often lists in disguise: unify the tuples as a
/// list first, then everything with that list in their place.
std::optional<Type> unifyWithStructuralAs(std::span<const Type> types, bool unsafe, TypeKind structural,
                                          TypeKind collection) {
  std::vector<Type> structurals;
  for (const Type& t : types)
    if (t.kind() == structural) structurals.push_back(t);
  auto as_collection = structural == TypeKind::kTuple ? unifyTupleTypesToList(structurals, unsafe)
                                                      : unifyObjectTypesToMap(structurals, unsafe);
  if (!as_collection || as_collection->kind() != collection) return std::nullopt;
  std::vector<Type> replaced(types.begin(), types.end());
  for (Type& t : replaced)
    if (t.kind() == structural) t = *as_collection;
  auto result = unifyImpl(replaced, unsafe);
  if (!result || result->kind() != collection) return std::nullopt;
  return result;
}

std::optional<Type> unifyImpl(std::span<const Type> given, bool unsafe) {
  if (given.empty()) return std::nullopt;
  std::vector<Type> types = distinctTypes(given);
  size_t n = types.size();
  if (n == 1) return types[0];
  size_t maps = 0, lists = 0, sets = 0, objects = 0, tuples = 0, dynamics = 0;
  for (const Type& t : types) {
    switch (t.kind()) {
      case TypeKind::kMap: ++maps; break;
      case TypeKind::kList: ++lists; break;
      case TypeKind::kSet: ++sets; break;
      case TypeKind::kObject: ++objects; break;
      case TypeKind::kTuple: ++tuples; break;
      case TypeKind::kDynamic: ++dynamics; break;
      default: break;
    }
  }
  // Only the first matching case applies (a Go switch); the cases that can
  // fail fall back to the general search below.
  if (maps > 0 && maps + dynamics == n) {
    return unifyCollectionTypes(TypeKind::kMap, types, unsafe, dynamics > 0);
  } else if (maps > 0 && maps + objects + dynamics == n) {
    if (auto t = unifyWithStructuralAs(types, unsafe, TypeKind::kObject, TypeKind::kMap)) return t;
  } else if (lists > 0 && lists + dynamics == n) {
    return unifyCollectionTypes(TypeKind::kList, types, unsafe, dynamics > 0);
  } else if (lists > 0 && lists + tuples + dynamics == n) {
    if (auto t = unifyWithStructuralAs(types, unsafe, TypeKind::kTuple, TypeKind::kList)) return t;
  } else if (sets > 0 && sets + dynamics == n) {
    return unifyCollectionTypes(TypeKind::kSet, types, unsafe, dynamics > 0);
  } else if (objects > 0 && objects + dynamics == n) {
    return unifyObjectTypes(types, unsafe, dynamics > 0);
  } else if (tuples > 0 && tuples + dynamics == n) {
    return unifyTupleTypes(types, unsafe, dynamics > 0);
  } else if (objects > 0 && tuples > 0) {
    return std::nullopt;
  }
  // The first type, in order of preference, that all the others convert to.
  for (size_t want : sortTypes(types)) {
    if (allConvertTo(types, types[want], unsafe)) return types[want];
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Type-level conversion check (cty getConversion / getConversionKnown)

bool elementConverts(const Type& in, const Type& out, bool unsafe) {
  return in == out || conversionExists(in, out, unsafe);
}

bool tupleToCollectionExists(const Type& in, const Type& out_elem, bool unsafe) {
  auto elems = in.tupleElements();
  if (elems.empty()) return true;
  Type target = out_elem;
  if (target.isDynamic()) {
    // Find the single type all elements convert to.
    auto unified = unifyImpl(elems, unsafe);
    if (!unified) return false;
    if (unified->isDynamic() &&
        !std::all_of(elems.begin(), elems.end(), [](const Type& e) { return e.isDynamic(); }))
      return false;
    target = std::move(*unified);
  }
  return std::all_of(elems.begin(), elems.end(),
                     [&](const Type& e) { return elementConverts(e, target, unsafe); });
}

bool objectToMapExists(const Type& in, const Type& out_elem, bool unsafe) {
  auto attrs = in.attributes();
  if (attrs.empty()) return true;
  Type target = out_elem;
  if (target.isDynamic()) {
    std::vector<Type> types;
    types.reserve(attrs.size());
    for (const ObjectAttribute& a : attrs) types.push_back(a.type);
    auto unified = unifyImpl(types, unsafe);
    if (!unified) return false;
    target = std::move(*unified);
  }
  return std::all_of(attrs.begin(), attrs.end(),
                     [&](const ObjectAttribute& a) { return elementConverts(a.type, target, unsafe); });
}

bool conversionExists(const Type& in, const Type& out, bool unsafe) {
  if (out.isDynamic()) return true;
  if (in == out) return true;
  if (in.isDynamic()) return unsafe;  // checked again once the value is known
  if (in.isPrimitive() && out.isPrimitive()) {
    if (out.kind() == TypeKind::kString) return true;  // number and bool print as strings
    return unsafe && in.kind() == TypeKind::kString;   // "12" -> 12, "true" -> true
  }
  switch (out.kind()) {
    case TypeKind::kObject:
      if (isObject(in)) {
        for (const ObjectAttribute& want : out.attributes()) {
          const ObjectAttribute* have = in.attribute(want.name);
          if (!have) {
            if (!want.optional) return false;
            continue;
          }
          if (!elementConverts(have->type, want.type, unsafe)) return false;
        }
        return true;
      }
      if (isMap(in)) {
        // Unsafe: the map's keys are only known from its value.
        if (!unsafe) return false;
        for (const ObjectAttribute& want : out.attributes()) {
          if (!elementConverts(in.element(), want.type, unsafe) && !want.optional) return false;
        }
        return true;
      }
      return false;
    case TypeKind::kTuple: {
      if (!isTuple(in)) return false;
      auto a = in.tupleElements(), b = out.tupleElements();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (!elementConverts(a[i], b[i], unsafe)) return false;
      return true;
    }
    case TypeKind::kList:
      if (isList(in) || isSet(in)) return elementConverts(in.element(), out.element(), unsafe);
      if (isTuple(in)) return tupleToCollectionExists(in, out.element(), unsafe);
      return false;
    case TypeKind::kSet:
      // list -> set is unsafe: order and duplicates are lost.
      if (isList(in)) return unsafe && elementConverts(in.element(), out.element(), unsafe);
      if (isSet(in)) return elementConverts(in.element(), out.element(), unsafe);
      if (isTuple(in)) return tupleToCollectionExists(in, out.element(), unsafe);
      return false;
    case TypeKind::kMap:
      if (isMap(in)) return elementConverts(in.element(), out.element(), unsafe);
      if (isObject(in)) return objectToMapExists(in, out.element(), unsafe);
      return false;
    default: return false;
  }
}

/// The type of an unknown or null result: `out` with its `any` parts
/// replaced by what `in` has there (cty dynamicReplace).
Type dynamicReplace(const Type& in, const Type& out) {
  if (in.isDynamic()) return out;
  if (out.isDynamic()) return in;
  if (!out.hasDynamic()) return out;
  switch (out.kind()) {
    case TypeKind::kMap:
      if (isMap(in)) return Type::map(dynamicReplace(in.element(), out.element()));
      if (isObject(in)) {
        std::vector<Type> types;
        for (const ObjectAttribute& a : in.attributes()) types.push_back(a.type);
        auto unified = unifyImpl(types, true);
        return Type::map(unified ? dynamicReplace(*unified, out.element()) : out.element());
      }
      return out;
    case TypeKind::kObject: {
      if (!isMap(in) && !isObject(in)) return out;
      std::vector<ObjectAttribute> attrs;
      for (const ObjectAttribute& a : out.attributes()) {
        if (isMap(in)) {
          attrs.push_back({a.name, dynamicReplace(in.element(), a.type), false});
        } else {
          const ObjectAttribute* have = in.attribute(a.name);
          attrs.push_back({a.name, have ? dynamicReplace(have->type, a.type) : a.type, false});
        }
      }
      return Type::object(std::move(attrs));
    }
    case TypeKind::kList:
    case TypeKind::kSet: {
      auto wrap = [&](Type e) { return isList(out) ? Type::list(std::move(e)) : Type::set(std::move(e)); };
      if (isList(in) || isSet(in)) return wrap(dynamicReplace(in.element(), out.element()));
      if (isTuple(in)) {
        auto unified = unifyImpl(in.tupleElements(), true);
        return wrap(unified ? dynamicReplace(*unified, out.element()) : out.element());
      }
      return out;
    }
    case TypeKind::kTuple: {
      if (!isTuple(in) || in.tupleElements().size() != out.tupleElements().size()) return out;
      std::vector<Type> elems;
      for (size_t i = 0; i < out.tupleElements().size(); ++i)
        elems.push_back(dynamicReplace(in.tupleElements()[i], out.tupleElements()[i]));
      return Type::tuple(std::move(elems));
    }
    default: return out;
  }
}

// ---------------------------------------------------------------------------
// Messages (cty convert/mismatch_msg.go)

std::string listOfNames(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  if (names.size() == 1) return fmt::format("attribute {} is required", quoteGoString(names[0]));
  if (names.size() == 2)
    return fmt::format("attributes {} and {} are required", quoteGoString(names[0]), quoteGoString(names[1]));
  std::string s = "attributes ";
  for (size_t i = 0; i + 1 < names.size(); ++i) s += quoteGoString(names[i]) + ", ";
  return s + "and " + quoteGoString(names.back()) + " are required";
}

std::string mismatchObjects(const Type& got, const Type& want) {
  std::vector<std::string> missing;
  std::string unsafe_mismatch, safe_mismatch;
  for (const ObjectAttribute& w : want.attributes()) {
    const ObjectAttribute* g = got.attribute(w.name);
    if (!g) {
      if (!w.optional) missing.push_back(w.name);
      continue;
    }
    if (g->type == w.type) continue;
    if (!unsafe_mismatch.empty()) continue;
    if (!conversionExists(g->type, w.type, true))
      unsafe_mismatch = fmt::format("attribute {}: {}", quoteGoString(w.name), mismatchMessage(g->type, w.type));
    if (!safe_mismatch.empty()) continue;
    if (!conversionExists(g->type, w.type, false))
      safe_mismatch = fmt::format("attribute {}: {}", quoteGoString(w.name), mismatchMessage(g->type, w.type));
  }
  if (!missing.empty()) return listOfNames(std::move(missing));
  if (!unsafe_mismatch.empty()) return unsafe_mismatch;
  if (!safe_mismatch.empty()) return safe_mismatch;
  return "incorrect object attributes";
}

std::string mismatchFromStructural(const Type& got, const Type& want) {
  if ((isList(want) || isSet(want)) && !isTuple(got)) return friendlyTypeName(want, true) + " required";
  if (isMap(want) && !isObject(got)) return friendlyTypeName(want, true) + " required";
  const Type& want_elem = want.element();
  if (isTuple(got)) {
    auto elems = got.tupleElements();
    for (size_t i = 0; i < elems.size(); ++i) {
      if (elems[i] == want_elem || conversionExists(elems[i], want_elem, true)) continue;
      return fmt::format("element {}: {}", i, mismatchMessage(elems[i], want_elem));
    }
  } else {
    for (const ObjectAttribute& a : got.attributes()) {
      if (a.type == want_elem || conversionExists(a.type, want_elem, true)) continue;
      return fmt::format("element {}: {}", quoteGoString(a.name), mismatchMessage(a.type, want_elem));
    }
  }
  return "all elements must be " + friendlyTypeName(want_elem, true);
}

std::string mismatchFromCollections(const Type& got, const Type& want) {
  if ((isList(want) || isSet(want)) && !(isList(got) || isSet(got)))
    return friendlyTypeName(want, true) + " required";
  if (isMap(want) && !isMap(got)) return friendlyTypeName(want, true) + " required";
  const char* noun = isList(want) ? "list element type" : isSet(want) ? "set element type" : "map element type";
  return fmt::format("incorrect {}: {}", noun, mismatchMessage(got.element(), want.element()));
}

/// Whether "X required, but have Y" would mislead (cty
/// typesAreLikelyToCauseConfusion).
bool likelyConfusing(const Type& got, const Type& want) {
  if (got.isPrimitive() != want.isPrimitive()) return false;
  if (want.kind() == TypeKind::kString) return false;
  if ((want.kind() == TypeKind::kBool && got.kind() == TypeKind::kNumber) ||
      (got.kind() == TypeKind::kBool && want.kind() == TypeKind::kNumber))
    return false;
  if (got.isCollection() && want.isCollection() && !got.element().hasDynamic() && want.element().hasDynamic())
    return false;
  if (isTuple(got) && isObject(want)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Value conversion

class Converter {
 public:
  std::string error;
  std::string error_path;

  /// cty Convert: identity for equal types, else a type-level check and
  /// the conversion.
  std::optional<Value> run(const Value& v, const Type& want) {
    if (want.isDynamic()) return v;
    const Type& have = v.type();
    if (have == want) return v;
    if (hasOptional(want) && have == stripOptional(want)) return v;
    if (!conversionExists(have, want, true)) return fail(mismatchMessage(have, want));
    return apply(v, want);
  }

 private:
  /// One step of the path to the value being converted.
  struct Step {
    bool attr;                ///< .name (else an index)
    bool string_key;          ///< ["key"] (else [index])
    size_t index;
    std::string_view name;
  };
  std::vector<Step> steps_;

  struct Scope {
    Converter& c;
    Scope(Converter& conv, Step s) : c(conv) { c.steps_.push_back(s); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    ~Scope() { c.steps_.pop_back(); }
  };
  Scope index(size_t i) { return Scope(*this, {false, false, i, {}}); }
  Scope key(std::string_view k) { return Scope(*this, {false, true, 0, k}); }
  Scope attr(std::string_view n) { return Scope(*this, {true, false, 0, n}); }

  std::nullopt_t fail(std::string message) {
    error = std::move(message);
    error_path.clear();
    for (const Step& s : steps_) {
      if (s.attr) {
        error_path += '.';
        error_path += s.name;
      } else if (s.string_key) {
        error_path += '[' + quoteGoString(s.name) + ']';
      } else {
        error_path += fmt::format("[{}]", s.index);
      }
    }
    return std::nullopt;
  }

  /// An element or attribute: passed through when it already has the type.
  std::optional<Value> nested(const Value& v, const Type& out, const Type& out_plain) {
    if (out.isDynamic()) return v;
    const Type& have = v.type();
    if (have == out || (&out != &out_plain && have == out_plain)) return v;
    if (!conversionExists(have, out, true)) return fail(mismatchMessage(have, out));
    return apply(v, out);
  }

  static Value plainNull(Value v) {
    if (v.isNull() && hasOptional(v.type())) return Value::null(stripOptional(v.type())).withMarksOf(v);
    return v;
  }

  /// Null or unknown `v` as the type `t` (keeps its marks and references).
  static Value retyped(const Value& v, const Type& t) {
    Value r = v.isKnown() ? Value::null(t) : Value::unknown(t, refsOf(v));
    return r.withMarksOf(v);
  }

  /// The common element type of converted elements (cty CanListVal):
  /// dynamic-typed nulls and unknowns fit any; nullopt when two differ.
  template <typename Get>
  static std::optional<Type> commonType(size_t n, Get get) {
    const Type* found = nullptr;
    for (size_t i = 0; i < n; ++i) {
      const Type& t = get(i).type();
      if (t.isDynamic()) continue;
      if (!found) {
        found = &t;
      } else if (!(*found == t)) {
        return std::nullopt;
      }
    }
    return found ? *found : Type::dynamic();
  }

  std::optional<Value> makeList(std::vector<Value> elems, bool set, const char* message) {
    auto t = commonType(elems.size(), [&](size_t i) -> const Value& { return elems[i]; });
    if (!t) return fail(message);
    if (!t->isDynamic()) {
      for (Value& e : elems)
        if (e.type().isDynamic()) e = retyped(e, *t);
    }
    return set ? Value::set(std::move(elems), std::move(*t)) : Value::list(std::move(elems), std::move(*t));
  }

  std::optional<Value> makeMap(std::vector<Value::Attribute> entries, const char* message) {
    auto t = commonType(entries.size(), [&](size_t i) -> const Value& { return entries[i].second; });
    if (!t) return fail(message);
    if (!t->isDynamic()) {
      for (auto& e : entries)
        if (e.second.type().isDynamic()) e.second = retyped(e.second, *t);
    }
    return Value::map(std::move(entries), std::move(*t));
  }

  /// Converts every element to the type they unify to (cty
  /// conversionUnifyListElements / conversionUnifyCollectionElements).
  template <typename Elems, typename Get, typename Enter>
  bool unifyElements(Elems& elems, Get get, Enter enter, bool unsafe) {
    std::vector<Type> types;
    types.reserve(elems.size());
    for (auto& e : elems) types.push_back(get(e).type());
    auto unified = unifyImpl(types, unsafe);
    if (!unified) {
      fail("cannot find a common base type for all elements");
      return false;
    }
    for (size_t i = 0; i < elems.size(); ++i) {
      Value& e = get(elems[i]);
      if (e.type() == *unified) continue;
      auto scope = enter(elems[i], i);
      if (!conversionExists(e.type(), *unified, unsafe)) {
        fail(mismatchMessage(e.type(), *unified));
        return false;
      }
      auto c = apply(e, *unified);
      if (!c) return false;
      e = std::move(*c);
    }
    return true;
  }

  std::optional<Value> primitive(const Value& v, const Type& out) {
    TypeKind in = v.type().kind();
    if (out.kind() == TypeKind::kString) {
      if (in == TypeKind::kNumber) return Value::string(v.asNumber().toString());
      if (in == TypeKind::kBool) return Value::string(v.asBool() ? "true" : "false");
    } else if (in == TypeKind::kString && out.kind() == TypeKind::kNumber) {
      auto n = Number::parse(v.asString());
      if (!n) return fail("a number is required");
      return Value::number(*n);
    } else if (in == TypeKind::kString && out.kind() == TypeKind::kBool) {
      const std::string& s = v.asString();
      if (s == "true" || s == "1") return Value::boolean(true);
      if (s == "false" || s == "0") return Value::boolean(false);
      std::string lower = s;
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (lower == "true") return fail("a bool is required; to convert from string, use lowercase \"true\"");
      if (lower == "false") return fail("a bool is required; to convert from string, use lowercase \"false\"");
      return fail("a bool is required");
    }
    return fail(mismatchMessage(v.type(), out));
  }

  std::optional<Value> collectionToList(const Value& v, const Type& ety, bool set) {
    const Type& in_ety = v.type().element();
    Type ety_plain = stripOptional(ety);
    auto elems = v.elements();
    if (elems.empty()) return set ? Value::set({}, ety.isDynamic() ? in_ety : ety_plain)
                                  : Value::list({}, ety.isDynamic() ? in_ety : ety_plain);
    if (!set && isSet(v.type()) && elems.size() > 1 && !v.isWhollyKnown()) {
      // Unknown set elements may coalesce: the list's length is unknown.
      std::vector<std::string> refs;
      for (const Value& e : elems) refs.insert(refs.end(), e.references().begin(), e.references().end());
      return Value::unknown(Type::list(dynamicReplace(in_ety, ety_plain)), std::move(refs));
    }
    std::vector<Value> out;
    out.reserve(elems.size());
    for (size_t i = 0; i < elems.size(); ++i) {
      auto scope = index(i);
      auto c = nested(elems[i], ety, ety_plain);
      if (!c) return std::nullopt;
      out.push_back(plainNull(std::move(*c)));
    }
    return makeList(std::move(out), set,
                    set ? "element types must all match for conversion to set"
                        : "element types must all match for conversion to list");
  }

  std::optional<Value> tupleToList(const Value& v, const Type& ety, bool set) {
    auto elems = v.elements();
    if (elems.empty()) return set ? Value::set({}, stripOptional(ety)) : Value::list({}, stripOptional(ety));
    Type target = ety;
    if (target.isDynamic()) {
      std::vector<Type> types;
      types.reserve(elems.size());
      for (const Value& e : elems) types.push_back(e.type());
      auto unified = unifyImpl(types, true);
      if (!unified) return fail(mismatchMessage(v.type(), set ? Type::set(ety) : Type::list(ety)));
      target = std::move(*unified);
    }
    Type target_plain = stripOptional(target);
    std::vector<Value> out;
    out.reserve(elems.size());
    for (size_t i = 0; i < elems.size(); ++i) {
      auto scope = index(i);
      auto c = nested(elems[i], target, target_plain);
      if (!c) return std::nullopt;
      out.push_back(set ? plainNull(std::move(*c)) : std::move(*c));
    }
    if (!set) {
      auto get = [](Value& e) -> Value& { return e; };
      auto enter = [this](Value&, size_t i) { return index(i); };
      if (!unifyElements(out, get, enter, true)) return std::nullopt;
    }
    return makeList(std::move(out), set,
                    set ? "element types must all match for conversion to set"
                        : "element types must all match for conversion to list");
  }

  std::optional<Value> mapToMap(const Value& v, const Type& ety) {
    auto attrs = v.attributes();
    Type ety_plain = stripOptional(ety);
    if (attrs.empty()) return Value::map({}, ety.isDynamic() ? v.type().element() : ety_plain);
    std::vector<Value::Attribute> out;
    out.reserve(attrs.size());
    for (const auto& [k, e] : attrs) {
      auto scope = key(k);
      auto c = nested(e, ety, ety_plain);
      if (!c) return std::nullopt;
      out.emplace_back(k, std::move(*c));
    }
    if (ety.isCollection() || isObject(ety)) {
      auto get = [](Value::Attribute& a) -> Value& { return a.second; };
      auto enter = [this](Value::Attribute& a, size_t) { return key(a.first); };
      if (!unifyElements(out, get, enter, false)) return std::nullopt;
    }
    return makeMap(std::move(out), "element types must all match for conversion to map");
  }

  std::optional<Value> objectToMap(const Value& v, const Type& ety) {
    auto attrs = v.attributes();
    if (attrs.empty()) return Value::map({}, stripOptional(ety));
    Type target = ety;
    if (target.isDynamic()) {
      std::vector<Type> types;
      types.reserve(attrs.size());
      for (const auto& a : attrs) types.push_back(a.second.type());
      auto unified = unifyImpl(types, true);
      if (!unified) return fail(mismatchMessage(v.type(), Type::map(ety)));
      target = std::move(*unified);
    }
    Type target_plain = stripOptional(target);
    std::vector<Value::Attribute> out;
    out.reserve(attrs.size());
    for (const auto& [k, e] : attrs) {
      auto scope = key(k);
      auto c = nested(e, target, target_plain);
      if (!c) return std::nullopt;
      out.emplace_back(k, std::move(*c));
    }
    if (target.isCollection() || isObject(target)) {
      auto get = [](Value::Attribute& a) -> Value& { return a.second; };
      auto enter = [this](Value::Attribute& a, size_t) { return key(a.first); };
      if (!unifyElements(out, get, enter, true)) return std::nullopt;
    }
    return makeMap(std::move(out), "attribute types must all match for conversion to map");
  }

  std::optional<Value> mapToObject(const Value& v, const Type& out) {
    std::vector<Value::Attribute> attrs;
    attrs.reserve(out.attributes().size());
    for (const ObjectAttribute& a : out.attributes()) {
      const Value* e = v.get(a.name);
      if (!e) {
        if (!a.optional)
          return fail(fmt::format("map has no element for required attribute {}", quoteGoString(a.name)));
        attrs.emplace_back(a.name, Value::null(stripOptional(a.type)));
        continue;
      }
      std::optional<Value> c;
      if (a.type.isDynamic() || e->type() == a.type) {
        c = *e;
      } else if (conversionExists(e->type(), a.type, true)) {
        auto scope = key(a.name);
        c = apply(*e, a.type);
        if (!c) return std::nullopt;
      } else {
        // An optional attribute whose type the map's elements cannot have:
        // only an error when the map has that key.
        return fail(fmt::format("map element type is incompatible with attribute {}: {}", quoteGoString(a.name),
                                mismatchMessage(e->type(), a.type)));
      }
      attrs.emplace_back(a.name, plainNull(std::move(*c)));
    }
    return Value::object(std::move(attrs));
  }

  std::optional<Value> objectToObject(const Value& v, const Type& out) {
    std::vector<Value::Attribute> attrs;
    attrs.reserve(out.attributes().size());
    for (const ObjectAttribute& a : out.attributes()) {
      const Value* e = v.get(a.name);
      if (!e) {
        // Missing optional attributes become null (the caller applies
        // defaults); extra attributes of the value are dropped.
        if (!a.optional) return fail(fmt::format("attribute {} is required", quoteGoString(a.name)));
        attrs.emplace_back(a.name, Value::null(stripOptional(a.type)));
        continue;
      }
      auto scope = attr(a.name);
      auto c = nested(*e, a.type, a.type);
      if (!c) return std::nullopt;
      attrs.emplace_back(a.name, plainNull(std::move(*c)));
    }
    return Value::object(std::move(attrs));
  }

  std::optional<Value> tupleToTuple(const Value& v, const Type& out) {
    auto elems = v.elements();
    auto types = out.tupleElements();
    if (elems.size() != types.size()) return fail(mismatchMessage(v.type(), out));
    std::vector<Value> result;
    result.reserve(elems.size());
    for (size_t i = 0; i < elems.size(); ++i) {
      auto scope = index(i);
      auto c = nested(elems[i], types[i], types[i]);
      if (!c) return std::nullopt;
      result.push_back(std::move(*c));
    }
    return Value::tuple(std::move(result));
  }

  /// Converts `v` to `out`; a conversion between their types exists.
  std::optional<Value> apply(const Value& v, const Type& out) {
    if (out.isDynamic()) return v;
    if (!v.isKnown() || v.isNull()) return retyped(v, dynamicReplace(v.type(), stripOptional(out)));
    const Type& in = v.type();
    std::optional<Value> r;
    if (in.isPrimitive() && out.isPrimitive()) {
      r = primitive(v, out);
    } else {
      switch (out.kind()) {
        case TypeKind::kObject: r = isMap(in) ? mapToObject(v, out) : objectToObject(v, out); break;
        case TypeKind::kTuple: r = tupleToTuple(v, out); break;
        case TypeKind::kList:
        case TypeKind::kSet:
          r = isTuple(in) ? tupleToList(v, out.element(), isSet(out)) : collectionToList(v, out.element(), isSet(out));
          break;
        case TypeKind::kMap: r = isObject(in) ? objectToMap(v, out.element()) : mapToMap(v, out.element()); break;
        default: return fail(mismatchMessage(in, out));
      }
    }
    if (!r) return std::nullopt;
    return r->withMarksOf(v);
  }
};

}  // namespace

std::optional<Value> convert(const Value& value, const Type& want, std::string* error, std::string* error_path) {
  // Most conversions are to the type the value has: no converter needed.
  if (want.isDynamic() || value.type() == want) return value;
  Converter c;
  auto r = c.run(value, want);
  if (!r) {
    if (error) *error = std::move(c.error);
    if (error_path) *error_path = std::move(c.error_path);
  }
  return r;
}

std::optional<Type> unify(std::span<const Type> types, bool unsafe) {
  if (types.empty()) return Type::dynamic();
  // All the same (the two results of most conditionals): that one.
  if (std::all_of(types.begin() + 1, types.end(), [&](const Type& t) { return t == types[0]; })) return types[0];
  return unifyImpl(types, unsafe);
}

bool canConvert(const Type& from, const Type& want, bool unsafe) { return conversionExists(from, want, unsafe); }

Type withoutOptionalAttributes(const Type& type) { return stripOptional(type); }

std::string mismatchMessage(const Type& got, const Type& want) {
  if (isObject(got) && isObject(want)) return mismatchObjects(got, want);
  if (isTuple(got) && isList(want) && want.element().isDynamic()) return "all list elements must have the same type";
  if (isTuple(got) && isSet(want) && want.element().isDynamic()) return "all set elements must have the same type";
  if (isObject(got) && isMap(want) && want.element().isDynamic()) return "all map elements must have the same type";
  if ((isTuple(got) || isObject(got)) && want.isCollection()) return mismatchFromStructural(got, want);
  if (got.isCollection() && want.isCollection()) return mismatchFromCollections(got, want);
  if (!likelyConfusing(got, want))
    return fmt::format("{} required, but have {}", friendlyTypeName(want), friendlyTypeName(got));
  return friendlyTypeName(want, true) + " required";
}

std::string friendlyTypeName(const Type& type, bool for_constraint) {
  switch (type.kind()) {
    case TypeKind::kDynamic: return for_constraint ? "any type" : "dynamic";
    case TypeKind::kBool: return "bool";
    case TypeKind::kNumber: return "number";
    case TypeKind::kString: return "string";
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap: {
      const char* prefix = isList(type) ? "list of " : isSet(type) ? "set of " : "map of ";
      if (for_constraint && type.element().isDynamic()) return std::string(prefix) + "any single type";
      return prefix + friendlyTypeName(type.element(), for_constraint);
    }
    case TypeKind::kTuple: return "tuple";
    case TypeKind::kObject: return "object";
  }
  return "dynamic";
}

namespace {

/// Go's strconv.IsPrint, approximately: graphic characters, not the
/// controls, format characters and separators other than ASCII space.
bool goIsPrint(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp < 0x7F) return true;
  if (cp <= 0xA0 || cp == 0xAD) return false;
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB))
    return false;
  if ((cp >= 0x600 && cp <= 0x605) || cp == 0x61C || cp == 0x6DD || cp == 0x70F || cp == 0x180E) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) return false;  // private use
  if (cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F)) return false;
  if ((cp & 0xFFFE) == 0xFFFE) return false;  // noncharacters
  return true;
}

}  // namespace

std::string quoteGoString(std::string_view s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    int len = utf8::decode(s, i, &cp);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      default:
        if (goIsPrint(cp)) {
          out.append(s.substr(i, static_cast<size_t>(len)));
        } else if (cp < 0x80) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        } else if (cp < 0x10000) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
          out += fmt::format("\\U{:08x}", static_cast<unsigned>(cp));
        }
    }
    i += static_cast<size_t>(len);
  }
  out += '"';
  return out;
}

}  // namespace tfguard::eval
