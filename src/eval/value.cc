#include "eval/value.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <functional>
#include <span>
#include <string_view>

namespace tfguard::eval {

enum class ValueState : uint8_t { kNull, kUnknown, kKnown };

struct Value::Node {
  Type type;
  ValueState state = ValueState::kNull;
  bool boolean = false;
  bool sensitive = false;
  // Summaries of the whole tree below this node, computed when the node is
  // built (children are immutable), so that isWhollyKnown() and the marks
  // functions read of every argument cost O(1) instead of a walk of large
  // values such as lists of resource instances.
  bool wholly_known = true;
  bool any_sensitive = false;  // this node or one inside
  bool any_provenance = false;  // this node or one inside has provenance
  Number number;
  std::string str;
  std::vector<Value> elements;      // list, set, tuple
  std::vector<Attribute> entries;   // map, object (sorted by key)
  std::vector<std::string> references;
  /// Shared, never changed once set: marking a value with another's
  /// provenance (every module argument, template and function result) copies
  /// a pointer, not the steps' strings. Null: none.
  std::shared_ptr<const std::vector<ProvenanceStep>> provenance;
};

namespace {

// Value nodes are made and freed by the hundred thousand per check, and
// glibc's per-thread cache holds only a few blocks of a size; a per-thread
// free list of node blocks makes both a handful of instructions. Blocks
// always come from operator new, so one freed on another thread, or after
// this thread's list is gone (values in statics), can go to either. Off
// under the sanitizers, which must see every allocation.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kPoolNodes = false;
#else
constexpr bool kPoolNodes = true;
#endif

struct FreeBlock {
  FreeBlock* next;
};

template <size_t Size>
struct BlockPool {
  static constexpr size_t kMaxBlocks = 1 << 16;  // what a thread keeps (bounded memory)
  FreeBlock* head = nullptr;
  size_t count = 0;
  ~BlockPool() {
    gone() = true;
    while (head != nullptr) {
      FreeBlock* next = head->next;
      ::operator delete(head);
      head = next;
    }
  }
  static bool& gone() {
    thread_local bool g = false;  // trivially destructible: still readable while the thread exits
    return g;
  }
  static BlockPool* forThisThread() {
    if (gone()) return nullptr;
    thread_local BlockPool pool;
    return &pool;
  }
};

template <class T>
struct NodeAllocator {
  using value_type = T;
  NodeAllocator() = default;
  template <class U>
  NodeAllocator(const NodeAllocator<U>&) {}
  T* allocate(size_t n) {
    if constexpr (kPoolNodes && sizeof(T) >= sizeof(FreeBlock)) {
      if (n == 1)
        if (auto* pool = BlockPool<sizeof(T)>::forThisThread(); pool != nullptr && pool->head != nullptr) {
          FreeBlock* b = pool->head;
          pool->head = b->next;
          --pool->count;
          return reinterpret_cast<T*>(b);
        }
    }
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) {
    if constexpr (kPoolNodes && sizeof(T) >= sizeof(FreeBlock)) {
      if (n == 1)
        if (auto* pool = BlockPool<sizeof(T)>::forThisThread(); pool != nullptr && pool->count < pool->kMaxBlocks) {
          auto* b = reinterpret_cast<FreeBlock*>(p);
          b->next = pool->head;
          pool->head = b;
          ++pool->count;
          return;
        }
    }
    ::operator delete(p);
  }
  template <class U>
  bool operator==(const NodeAllocator<U>&) const { return true; }
};

template <class... Args>
std::shared_ptr<Value::Node> newNode(Args&&... args) {
  return std::allocate_shared<Value::Node>(NodeAllocator<Value::Node>(), std::forward<Args>(args)...);
}

}  // namespace

namespace {

// Recomputes the summaries of a node from its own state and its children.
void summarize(Value::Node& n) {
  n.wholly_known = n.state != ValueState::kUnknown;
  n.any_sensitive = n.sensitive;
  n.any_provenance = n.provenance != nullptr;
  auto add = [&](const Value& c) {
    n.wholly_known = n.wholly_known && c.isWhollyKnown();
    n.any_sensitive = n.any_sensitive || c.containsSensitive();
    n.any_provenance = n.any_provenance || c.containsProvenance();
  };
  for (const Value& e : n.elements) add(e);
  for (const auto& [k, v] : n.entries) add(v);
}

// The nodes every thread shares many values of (null, the plain unknown,
// true and false, the empty tuple) are one per thread: threads copying one
// node would update its reference count from two cores, and its cache line
// would travel between them on every copy (evaluation in parallel paid a
// quarter more instructions' time for it). Plain make_shared: such a node
// may outlive its thread's node pool.
const std::shared_ptr<const Value::Node>& nullNode() {
  thread_local const auto node = std::make_shared<const Value::Node>();
  return node;
}

// A total order for set elements: by kind, then value. Terraform orders
// strings lexically and numbers numerically; the rest is unspecified.
int compareForSet(const Value& a, const Value& b) {
  if (a.isKnown() != b.isKnown()) return a.isKnown() ? -1 : 1;
  if (a.isNull() != b.isNull()) return a.isNull() ? 1 : -1;
  if (!a.isKnown() || a.isNull()) return 0;
  auto ka = static_cast<int>(a.type().kind()), kb = static_cast<int>(b.type().kind());
  if (ka != kb) return ka < kb ? -1 : 1;
  switch (a.type().kind()) {
    case TypeKind::kBool: return a.asBool() == b.asBool() ? 0 : (a.asBool() ? 1 : -1);
    case TypeKind::kNumber:
      return a.asNumber() == b.asNumber() ? 0 : (a.asNumber() < b.asNumber() ? -1 : 1);
    case TypeKind::kString: return a.asString().compare(b.asString()) < 0 ? -1 : (a.asString() == b.asString() ? 0 : 1);
    default: {
      std::string da = a.debugString(), db = b.debugString();
      return da < db ? -1 : (da == db ? 0 : 1);
    }
  }
}

std::vector<Value::Attribute> sortedEntries(std::vector<Value::Attribute> entries) {
  // Most callers pass sorted, distinct keys: keep their vector.
  bool strictly_sorted = true;
  for (size_t i = 1; i < entries.size() && strictly_sorted; ++i)
    strictly_sorted = entries[i - 1].first < entries[i].first;
  if (strictly_sorted) return entries;
  auto by_key = [](const Value::Attribute& a, const Value::Attribute& b) { return a.first < b.first; };
  if (entries.size() <= 16) {
    // Object constructors are small: a stable insertion sort in place,
    // without the buffer stable_sort allocates.
    for (size_t i = 1; i < entries.size(); ++i) {
      for (size_t j = i; j > 0 && by_key(entries[j], entries[j - 1]); --j) std::swap(entries[j], entries[j - 1]);
    }
  } else {
    std::stable_sort(entries.begin(), entries.end(), by_key);
  }
  // Duplicate keys: the last one wins, as in an object constructor.
  size_t kept = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (kept > 0 && entries[kept - 1].first == entries[i].first) {
      entries[kept - 1] = std::move(entries[i]);
    } else {
      if (kept != i) entries[kept] = std::move(entries[i]);
      ++kept;
    }
  }
  entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(kept), entries.end());
  return entries;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

Value::Value() : node_(nullNode()) {}

Value Value::fromNode(std::shared_ptr<Node> node) {
  summarize(*node);
  return Value(std::shared_ptr<const Node>(std::move(node)));
}

Value Value::null(Type type) {
  if (type.isDynamic()) return Value();
  auto n = newNode();
  n->type = std::move(type);
  return fromNode(std::move(n));
}

Value Value::unknown(Type type, std::vector<std::string> references) {
  if (type.isDynamic() && references.empty()) {
    // Every failed evaluation step returns this one: share it (one per thread, see nullNode).
    thread_local const Value plain = [] {
      auto n = std::make_shared<Node>();
      n->state = ValueState::kUnknown;
      return fromNode(std::move(n));
    }();
    return plain;
  }
  auto n = newNode();
  n->type = std::move(type);
  n->state = ValueState::kUnknown;
  std::erase(references, std::string());  // an empty reference names nothing
  std::sort(references.begin(), references.end());
  references.erase(std::unique(references.begin(), references.end()), references.end());
  n->references = std::move(references);
  return fromNode(std::move(n));
}

Value Value::boolean(bool b) {
  // Two shared nodes per thread: values are immutable, and conditions make many.
  thread_local const std::shared_ptr<const Node> nodes[2] = {[] {
    auto n = std::make_shared<Node>();
    n->type = Type::boolean();
    n->state = ValueState::kKnown;
    n->boolean = false;
    return std::shared_ptr<const Node>(std::move(n));
  }(), [] {
    auto n = std::make_shared<Node>();
    n->type = Type::boolean();
    n->state = ValueState::kKnown;
    n->boolean = true;
    return std::shared_ptr<const Node>(std::move(n));
  }()};
  return Value(nodes[b ? 1 : 0]);
}

Value Value::number(Number num) {
  auto n = newNode();
  n->type = Type::number();
  n->state = ValueState::kKnown;
  n->number = num;
  return fromNode(std::move(n));
}

Value Value::string(std::string s) {
  auto n = newNode();
  n->type = Type::string();
  n->state = ValueState::kKnown;
  n->str = std::move(s);
  return fromNode(std::move(n));
}

Value Value::list(std::vector<Value> elements, Type element) {
  auto n = newNode();
  n->type = Type::list(std::move(element));
  n->state = ValueState::kKnown;
  n->elements = std::move(elements);
  return fromNode(std::move(n));
}

Value Value::set(std::vector<Value> elements, Type element) {
  std::stable_sort(elements.begin(), elements.end(),
                   [](const Value& a, const Value& b) { return compareForSet(a, b) < 0; });
  std::vector<Value> unique;
  for (auto& e : elements) {
    // Unknown elements never merge: two unknowns may turn out different.
    if (!unique.empty() && e.isWhollyKnown() && unique.back().isWhollyKnown() &&
        unique.back().rawEquals(e))
      continue;
    unique.push_back(std::move(e));
  }
  auto n = newNode();
  n->type = Type::set(std::move(element));
  n->state = ValueState::kKnown;
  n->elements = std::move(unique);
  return fromNode(std::move(n));
}

Value Value::map(std::vector<Attribute> entries, Type element) {
  auto n = newNode();
  n->type = Type::map(std::move(element));
  n->state = ValueState::kKnown;
  n->entries = sortedEntries(std::move(entries));
  return fromNode(std::move(n));
}

Value Value::tuple(std::vector<Value> elements) {
  if (elements.empty()) {
    // `[]`, empty for-results and splats of null are common: one shared node per thread.
    thread_local const Value empty = [] {
      auto n = std::make_shared<Node>();
      n->type = Type::tuple({});
      n->state = ValueState::kKnown;
      return fromNode(std::move(n));
    }();
    return empty;
  }
  std::vector<Type> types;
  types.reserve(elements.size());
  for (const auto& e : elements) types.push_back(e.type());
  auto n = newNode();
  n->type = Type::tuple(std::move(types));
  n->state = ValueState::kKnown;
  n->elements = std::move(elements);
  return fromNode(std::move(n));
}

Value Value::object(std::vector<Attribute> attributes) { return objectStandingFor(std::move(attributes), {}); }

namespace {

// The object type of sorted, distinct entries. Objects of one shape (a
// resource type's instances, the tags of a module) are built by the
// thousand: a thread keeps the types it made last, by their attribute
// names and the identity of their attribute types, so that each is one
// shared type instead of a new attribute list (allocations, and memory
// the kernel must fault in).
Type objectTypeOf(const std::vector<Value::Attribute>& entries) {
  size_t hash = entries.size();
  for (const auto& [k, v] : entries)
    hash = (hash * 1099511628211u) ^ (std::hash<std::string_view>()(k) + 31 * v.type().identityHash());
  struct Slot {
    size_t hash = 0;
    Type type;
  };
  constexpr size_t kSlots = 512;
  thread_local std::array<Slot, kSlots> recent;
  Slot& slot = recent[hash % kSlots];
  if (slot.hash == hash && slot.type.kind() == TypeKind::kObject) {
    std::span<const ObjectAttribute> attrs = slot.type.attributes();
    bool same = attrs.size() == entries.size();
    for (size_t i = 0; same && i < attrs.size(); ++i)
      same = !attrs[i].optional && attrs[i].name == entries[i].first && attrs[i].type.sameAs(entries[i].second.type());
    if (same) return slot.type;
  }
  std::vector<ObjectAttribute> types;
  types.reserve(entries.size());
  for (const auto& [k, v] : entries) types.push_back({k, v.type(), false});
  slot = {hash, Type::object(std::move(types))};
  return slot.type;
}

}  // namespace

Value Value::objectStandingFor(std::vector<Attribute> attributes, std::string address) {
  auto entries = sortedEntries(std::move(attributes));
  auto n = newNode();
  n->type = objectTypeOf(entries);
  n->state = ValueState::kKnown;
  n->entries = std::move(entries);
  if (!address.empty()) n->references = {std::move(address)};
  return fromNode(std::move(n));
}

const Type& Value::type() const { return node_->type; }
bool Value::isNull() const { return node_->state == ValueState::kNull; }
bool Value::isKnown() const { return node_->state != ValueState::kUnknown; }

bool Value::isWhollyKnown() const { return node_->wholly_known; }
bool Value::containsSensitive() const { return node_->any_sensitive; }
bool Value::containsProvenance() const { return node_->any_provenance; }

bool Value::asBool() const { return node_->boolean; }
const Number& Value::asNumber() const { return node_->number; }
const std::string& Value::asString() const { return node_->str; }
std::span<const Value> Value::elements() const { return node_->elements; }
std::span<const Value::Attribute> Value::attributes() const { return node_->entries; }

const Value* Value::get(std::string_view key) const {
  const auto& entries = node_->entries;
  auto it = std::lower_bound(entries.begin(), entries.end(), key,
                             [](const Attribute& a, std::string_view k) { return a.first < k; });
  return it != entries.end() && it->first == key ? &it->second : nullptr;
}

size_t Value::length() const { return node_->elements.size() + node_->entries.size(); }

bool Value::sensitive() const { return node_->sensitive; }

Value Value::markedSensitive(bool sensitive) const {
  if (node_->sensitive == sensitive) return *this;
  auto n = newNode(*node_);
  n->sensitive = sensitive;
  return fromNode(std::move(n));
}

std::span<const std::string> Value::references() const { return node_->references; }
std::span<const ProvenanceStep> Value::provenance() const {
  if (node_->provenance == nullptr) return {};
  return *node_->provenance;
}

Value Value::withProvenance(ProvenanceStep step) const {
  auto n = newNode(*node_);
  auto steps = std::make_shared<std::vector<ProvenanceStep>>();
  if (n->provenance != nullptr) {
    steps->reserve(n->provenance->size() + 1);
    *steps = *n->provenance;
  }
  steps->push_back(std::move(step));
  n->provenance = std::move(steps);
  return fromNode(std::move(n));
}

Value Value::withReference(std::string address) const {
  auto n = newNode(*node_);
  n->references = {std::move(address)};
  return fromNode(std::move(n));
}

Value Value::withMarksOf(const Value& from) const {
  const Node& f = *from.node_;
  // Nothing to add (most template parts after the first): this value.
  bool adds_sensitive = f.sensitive && !node_->sensitive;
  bool adds_provenance = f.provenance != nullptr && node_->provenance == nullptr;
  bool adds_references = !isKnown() && !f.references.empty();
  if (!adds_sensitive && !adds_provenance && !adds_references) return *this;
  auto n = newNode(*node_);
  n->sensitive = n->sensitive || f.sensitive;
  if (n->provenance == nullptr) n->provenance = f.provenance;
  if (n->state == ValueState::kUnknown) {
    n->references.insert(n->references.end(), f.references.begin(), f.references.end());
    std::sort(n->references.begin(), n->references.end());
    n->references.erase(std::unique(n->references.begin(), n->references.end()), n->references.end());
  }
  return fromNode(std::move(n));
}

bool Value::rawEquals(const Value& other) const {
  if (node_ == other.node_) return true;
  const Node& a = *node_;
  const Node& b = *other.node_;
  if (a.state != b.state) return false;
  if (a.state == ValueState::kUnknown) return a.references == b.references && !a.references.empty();
  if (!(a.type == b.type)) return false;
  if (a.state == ValueState::kNull) return true;
  switch (a.type.kind()) {
    case TypeKind::kBool: return a.boolean == b.boolean;
    case TypeKind::kNumber: return a.number == b.number;
    case TypeKind::kString: return a.str == b.str;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple:
      return std::equal(a.elements.begin(), a.elements.end(), b.elements.begin(), b.elements.end(),
                        [](const Value& x, const Value& y) { return x.rawEquals(y); });
    case TypeKind::kMap:
    case TypeKind::kObject:
      return std::equal(a.entries.begin(), a.entries.end(), b.entries.begin(), b.entries.end(),
                        [](const Attribute& x, const Attribute& y) {
                          return x.first == y.first && x.second.rawEquals(y.second);
                        });
    case TypeKind::kDynamic: return true;
  }
  return false;
}

std::string Value::debugString() const {
  const Node& n = *node_;
  if (n.state == ValueState::kUnknown) {
    std::string s = "(unknown";
    for (const auto& r : n.references) s += " " + r;
    return s + ")";
  }
  if (n.state == ValueState::kNull) return "null";
  std::string s;
  switch (n.type.kind()) {
    case TypeKind::kBool: s = n.boolean ? "true" : "false"; break;
    case TypeKind::kNumber: s = n.number.toString(); break;
    case TypeKind::kString: s = quoted(n.str); break;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple:
      s = "[";
      for (size_t i = 0; i < n.elements.size(); ++i) s += (i ? ", " : "") + n.elements[i].debugString();
      s += "]";
      break;
    case TypeKind::kMap:
    case TypeKind::kObject:
      s = "{";
      for (size_t i = 0; i < n.entries.size(); ++i)
        s += (i ? ", " : "") + n.entries[i].first + " = " + n.entries[i].second.debugString();
      s += "}";
      break;
    case TypeKind::kDynamic: s = "null"; break;
  }
  return n.sensitive ? "(sensitive)" : s;
}

}  // namespace tfguard::eval
