#pragma once
// Terraform's type system (cty): primitive types, collections, structural
// types and `any` (dynamic). Types are immutable and cheap to copy.
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tfguard::eval {

enum class TypeKind : uint8_t { kDynamic, kBool, kNumber, kString, kList, kSet, kMap, kTuple, kObject };

class Type;

/// An attribute of an object type; `optional` comes from optional(T) in a
/// variable's type constraint (the default is applied by conversion).
struct ObjectAttribute;

class Type {
 public:
  Type() = default;  ///< dynamic (`any`)
  static Type dynamic() { return Type(); }
  static Type boolean();
  static Type number();
  static Type string();
  static Type list(Type element);
  static Type set(Type element);
  static Type map(Type element);
  static Type tuple(std::vector<Type> elements);
  /// Attributes are sorted by name here.
  static Type object(std::vector<ObjectAttribute> attributes);

  TypeKind kind() const { return kind_; }
  bool isDynamic() const { return kind_ == TypeKind::kDynamic; }
  bool isPrimitive() const {
    return kind_ == TypeKind::kBool || kind_ == TypeKind::kNumber || kind_ == TypeKind::kString;
  }
  bool isCollection() const {
    return kind_ == TypeKind::kList || kind_ == TypeKind::kSet || kind_ == TypeKind::kMap;
  }
  bool isStructural() const { return kind_ == TypeKind::kTuple || kind_ == TypeKind::kObject; }
  /// True if the type contains `any` anywhere.
  bool hasDynamic() const;

  /// Element type of list/set/map.
  const Type& element() const;
  /// Element types of a tuple.
  std::span<const Type> tupleElements() const;
  /// Attributes of an object, sorted by name.
  std::span<const ObjectAttribute> attributes() const;
  const ObjectAttribute* attribute(std::string_view name) const;

  /// Terraform's spelling: "string", "list(number)", "object({a=string})".
  std::string toString() const;

  friend bool operator==(const Type& a, const Type& b);
  /// Whether both are this very type (the same kind and shared data):
  /// equal for certain, at the cost of two compares (caches of types).
  bool sameAs(const Type& other) const { return kind_ == other.kind_ && data_ == other.data_; }
  /// A hash of what sameAs() compares.
  size_t identityHash() const {
    return std::hash<const void*>()(data_.get()) * 31 + static_cast<size_t>(kind_);
  }

 private:
  struct Data;
  Type(TypeKind kind, std::shared_ptr<const Data> data) : kind_(kind), data_(std::move(data)) {}
  TypeKind kind_ = TypeKind::kDynamic;
  std::shared_ptr<const Data> data_;
};

struct ObjectAttribute {
  std::string name;
  Type type;
  bool optional = false;
};

}  // namespace tfguard::eval
