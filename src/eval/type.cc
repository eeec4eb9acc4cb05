#include "eval/type.h"

#include <algorithm>

namespace tfguard::eval {

struct Type::Data {
  Type element;                            // list, set, map
  std::vector<Type> elements;              // tuple
  std::vector<ObjectAttribute> attributes;  // object, sorted by name
};

namespace {

const Type& dynamicType() {
  static const Type t;
  return t;
}

}  // namespace

Type Type::boolean() { return Type(TypeKind::kBool, nullptr); }
Type Type::number() { return Type(TypeKind::kNumber, nullptr); }
Type Type::string() { return Type(TypeKind::kString, nullptr); }

Type Type::list(Type element) {
  auto d = std::make_shared<Data>();
  d->element = std::move(element);
  return Type(TypeKind::kList, std::move(d));
}

Type Type::set(Type element) {
  auto d = std::make_shared<Data>();
  d->element = std::move(element);
  return Type(TypeKind::kSet, std::move(d));
}

Type Type::map(Type element) {
  auto d = std::make_shared<Data>();
  d->element = std::move(element);
  return Type(TypeKind::kMap, std::move(d));
}

Type Type::tuple(std::vector<Type> elements) {
  auto d = std::make_shared<Data>();
  d->elements = std::move(elements);
  return Type(TypeKind::kTuple, std::move(d));
}

Type Type::object(std::vector<ObjectAttribute> attributes) {
  auto by_name = [](const ObjectAttribute& a, const ObjectAttribute& b) { return a.name < b.name; };
  // Usually sorted already (object values keep their attributes sorted);
  // stable_sort would allocate a buffer even then.
  if (!std::is_sorted(attributes.begin(), attributes.end(), by_name))
    std::stable_sort(attributes.begin(), attributes.end(), by_name);
  auto d = std::make_shared<Data>();
  d->attributes = std::move(attributes);
  return Type(TypeKind::kObject, std::move(d));
}

const Type& Type::element() const { return data_ ? data_->element : dynamicType(); }

std::span<const Type> Type::tupleElements() const {
  if (!data_) return {};
  return data_->elements;
}

std::span<const ObjectAttribute> Type::attributes() const {
  if (!data_) return {};
  return data_->attributes;
}

const ObjectAttribute* Type::attribute(std::string_view name) const {
  auto attrs = attributes();
  auto it = std::lower_bound(attrs.begin(), attrs.end(), name,
                             [](const ObjectAttribute& a, std::string_view n) { return a.name < n; });
  return it != attrs.end() && it->name == name ? &*it : nullptr;
}

bool Type::hasDynamic() const {
  switch (kind_) {
    case TypeKind::kDynamic: return true;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap: return element().hasDynamic();
    case TypeKind::kTuple:
      return std::any_of(tupleElements().begin(), tupleElements().end(),
                         [](const Type& t) { return t.hasDynamic(); });
    case TypeKind::kObject:
      return std::any_of(attributes().begin(), attributes().end(),
                         [](const ObjectAttribute& a) { return a.type.hasDynamic(); });
    default: return false;
  }
}

std::string Type::toString() const {
  switch (kind_) {
    case TypeKind::kDynamic: return "any";
    case TypeKind::kBool: return "bool";
    case TypeKind::kNumber: return "number";
    case TypeKind::kString: return "string";
    case TypeKind::kList: return "list(" + element().toString() + ")";
    case TypeKind::kSet: return "set(" + element().toString() + ")";
    case TypeKind::kMap: return "map(" + element().toString() + ")";
    case TypeKind::kTuple: {
      std::string s = "tuple([";
      for (size_t i = 0; i < tupleElements().size(); ++i) {
        if (i) s += ", ";
        s += tupleElements()[i].toString();
      }
      return s + "])";
    }
    case TypeKind::kObject: {
      std::string s = "object({";
      bool first = true;
      for (const auto& a : attributes()) {
        if (!first) s += ", ";
        first = false;
        s += a.name + "=" + (a.optional ? "optional(" + a.type.toString() + ")" : a.type.toString());
      }
      return s + "})";
    }
  }
  return "any";
}

bool operator==(const Type& a, const Type& b) {
  if (a.kind_ != b.kind_) return false;
  if (a.data_ == b.data_) return true;
  switch (a.kind_) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap: return a.element() == b.element();
    case TypeKind::kTuple:
      return std::equal(a.tupleElements().begin(), a.tupleElements().end(),
                        b.tupleElements().begin(), b.tupleElements().end());
    case TypeKind::kObject:
      return std::equal(a.attributes().begin(), a.attributes().end(), b.attributes().begin(),
                        b.attributes().end(), [](const ObjectAttribute& x, const ObjectAttribute& y) {
                          return x.name == y.name && x.optional == y.optional && x.type == y.type;
                        });
    default: return true;
  }
}

}  // namespace tfguard::eval
