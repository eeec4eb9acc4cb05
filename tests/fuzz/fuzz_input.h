#pragma once
// Shared by the libFuzzer targets of tests/fuzz/: the input as a SourceFile,
// and the size bound every target applies.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/source_file.h"

namespace tfguard::fuzz {

// Inputs larger than this are ignored (libFuzzer's -max_len keeps generated
// inputs far below it; this only bounds oversized seeds).
inline constexpr size_t kMaxInput = 1 << 20;

inline std::shared_ptr<const SourceFile> sourceOf(const uint8_t* data, size_t size, const char* name) {
  return std::make_shared<const SourceFile>(name, std::string(reinterpret_cast<const char*>(data), size));
}

}  // namespace tfguard::fuzz
