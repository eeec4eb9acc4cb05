#pragma once
// A bump allocator for AST nodes and decoded strings: one allocation per
// block instead of one per node, freed all at once with the file. Blocks
// start at 2 KiB and double up to 64 KiB: most files are small, and a
// repository of 10,000 of them would otherwise hold 640 MB of blocks.
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tfguard {

class Arena {
 public:
  Arena() = default;
  // Standard-size blocks go back to a small per-thread pool: parsing many
  // small files would otherwise return each block to the OS and fault it in
  // again for the next file.
  ~Arena() {
    for (size_t i = 0; i < blocks_.size(); ++i)
      if (block_sizes_[i] == kBlockSize && spare().size() < kMaxSpare)
        spare().push_back(std::move(blocks_[i]));
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  void* allocate(size_t size, size_t align) {
    size_t pos = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || pos + size > capacity_) {
      size_t next = next_block_;
      if (next_block_ < kBlockSize) next_block_ *= 2;
      size_t cap = size + align > next ? size + align : next;
      if (cap == kBlockSize && !spare().empty()) {
        blocks_.push_back(std::move(spare().back()));
        spare().pop_back();
      } else {
        // for_overwrite: nodes are constructed in place, zeroing would be wasted.
        blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(cap));
      }
      block_sizes_.push_back(cap);
      capacity_ = cap;
      used_ = 0;
      auto base = reinterpret_cast<uintptr_t>(blocks_.back().get());
      pos = ((base + align - 1) & ~(uintptr_t(align) - 1)) - base;
    }
    void* p = blocks_.back().get() + pos;
    used_ = pos + size;
    bytes_ += size;
    return p;
  }

  /// Nodes must be trivially destructible: the arena never runs destructors.
  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  template <typename T>
  std::span<T> copy(const std::vector<T>& items) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::uninitialized_copy(items.begin(), items.end(), p);
    return {p, items.size()};
  }

  template <typename T>
  std::span<T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::uninitialized_copy(items.begin(), items.end(), p);
    return {p, items.size()};
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  size_t bytesAllocated() const { return bytes_; }

 private:
  static constexpr size_t kFirstBlockSize = 2 * 1024;
  static constexpr size_t kBlockSize = 64 * 1024;
  static constexpr size_t kMaxSpare = 32;
  static std::vector<std::unique_ptr<std::byte[]>>& spare() {
    thread_local std::vector<std::unique_ptr<std::byte[]>> pool;
    return pool;
  }
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::vector<size_t> block_sizes_;
  size_t next_block_ = kFirstBlockSize;
  size_t capacity_ = 0;
  size_t used_ = 0;
  size_t bytes_ = 0;
};

}  // namespace tfguard
