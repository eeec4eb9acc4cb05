#pragma once
// Values as Terraform evaluates them (cty): null, bool, number, string,
// list, set, map, tuple, object, and unknown. On top of cty, a value carries
//   - sensitive: from `sensitive = true` variables and sensitive() (a mark
//     that propagates through every operation that reads the value);
//   - references: for unknowns, the resource attributes they stand for
//     ("aws_instance.web.id"), so rules can ask what an unknown points at,
//     and two references to the same attribute compare equal;
//   - provenance: the source places the value flowed through (tfvars line,
//     module argument, variable), innermost last.
// Values are immutable; copies share their contents.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/range.h"
#include "eval/number.h"
#include "eval/type.h"

namespace tfguard::eval {

/// One place a value came through; `file` is a path as the reporter prints it.
struct ProvenanceStep {
  std::string file;
  ByteRange range;
  std::string note;  ///< "value set here", "module argument", ...
};

class Value {
 public:
  using Attribute = std::pair<std::string, Value>;

  Value();  ///< null of type dynamic
  static Value null(Type type = Type::dynamic());
  /// An unknown value (known only at apply time), standing for `references`.
  static Value unknown(Type type = Type::dynamic(), std::vector<std::string> references = {});
  static Value boolean(bool b);
  static Value number(Number n);
  static Value number(long long n) { return number(Number::fromInt(n)); }
  static Value string(std::string s);
  /// Elements must all have type `element` (or be converted first).
  static Value list(std::vector<Value> elements, Type element);
  /// Deduplicated and ordered as Terraform orders sets.
  static Value set(std::vector<Value> elements, Type element);
  /// Keys sorted; duplicate keys keep the last value.
  static Value map(std::vector<Attribute> entries, Type element);
  static Value tuple(std::vector<Value> elements);
  static Value object(std::vector<Attribute> attributes);
  /// object(attributes).withReference(address), built in one step.
  static Value objectStandingFor(std::vector<Attribute> attributes, std::string address);

  const Type& type() const;
  bool isNull() const;
  bool isKnown() const;  ///< false for an unknown value (its elements may be known)
  /// Known, and every nested value known too.
  bool isWhollyKnown() const;
  /// This value or one inside it is sensitive (O(1): kept when built).
  bool containsSensitive() const;
  /// This value or one inside it carries provenance (O(1)).
  bool containsProvenance() const;

  bool asBool() const;
  const Number& asNumber() const;
  const std::string& asString() const;
  /// Elements of a list, set or tuple.
  std::span<const Value> elements() const;
  /// Entries of a map or object, sorted by key.
  std::span<const Attribute> attributes() const;
  /// Attribute / map entry by key, or nullptr.
  const Value* get(std::string_view key) const;
  /// Number of elements or entries; 0 for primitives.
  size_t length() const;

  bool sensitive() const;
  Value markedSensitive(bool sensitive = true) const;
  /// For unknowns: the resource attributes this value stands for.
  std::span<const std::string> references() const;
  std::span<const ProvenanceStep> provenance() const;
  Value withProvenance(ProvenanceStep step) const;
  /// This known object standing for a resource or module instance at
  /// `address`: the evaluator reads an attribute it does not have as an
  /// unknown referencing `address.attribute` (computed attributes: id,
  /// arn...) instead of an error.
  Value withReference(std::string address) const;
  /// Copies marks (sensitive, provenance, references) of `from` onto this
  /// value, as an operation's result inherits its operands' marks.
  Value withMarksOf(const Value& from) const;

  /// Structural equality of known values (cty RawEquals, marks ignored).
  bool rawEquals(const Value& other) const;
  /// Compact debug/JSON-like text: "\"a\"", "[1, 2]", "{a = 1}", "(unknown aws_x.y.id)".
  std::string debugString() const;

  struct Node;  ///< defined in value.cc

 private:
  explicit Value(std::shared_ptr<const Node> node) : node_(std::move(node)) {}
  /// Computes the node's summaries (known, sensitive inside) and wraps it.
  static Value fromNode(std::shared_ptr<Node> node);
  std::shared_ptr<const Node> node_;
};

/// A list of values that keeps up to four on the stack: the arguments of a
/// function call (most calls take one to three) without a heap allocation.
class SmallValueList {
 public:
  SmallValueList() = default;
  SmallValueList(const SmallValueList&) = delete;
  SmallValueList& operator=(const SmallValueList&) = delete;
  ~SmallValueList() {
    for (size_t i = 0; i < inline_size_; ++i) slot(i)->~Value();
  }
  void push_back(Value v) {
    if (heap_.empty() && inline_size_ < kInline) {
      new (slot(inline_size_++)) Value(std::move(v));
      return;
    }
    if (heap_.empty()) {
      heap_.reserve(kInline * 2);
      for (size_t i = 0; i < inline_size_; ++i) heap_.push_back(std::move(*slot(i)));
    }
    heap_.push_back(std::move(v));
  }
  size_t size() const { return heap_.empty() ? inline_size_ : heap_.size(); }
  std::span<const Value> span() const {
    return heap_.empty() ? std::span<const Value>(slot(0), inline_size_) : std::span<const Value>(heap_);
  }
  const Value& operator[](size_t i) const { return span()[i]; }

 private:
  static constexpr size_t kInline = 4;
  Value* slot(size_t i) { return reinterpret_cast<Value*>(storage_) + i; }
  const Value* slot(size_t i) const { return reinterpret_cast<const Value*>(storage_) + i; }
  alignas(Value) unsigned char storage_[kInline * sizeof(Value)];
  size_t inline_size_ = 0;  // values in storage_ (moved-from ones stay until destroyed)
  std::vector<Value> heap_;
};

}  // namespace tfguard::eval
