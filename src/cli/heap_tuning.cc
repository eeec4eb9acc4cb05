#include "cli/heap_tuning.h"

#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#define TFGUARD_TUNE_HEAP 1
#endif

#include "base/parallel.h"

namespace tfguard::cli {

#ifdef TFGUARD_TUNE_HEAP
namespace {
constexpr size_t kHugePage = size_t{2} << 20;
constexpr uintptr_t kPage = 4096;
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels refuse it (EINVAL), which is harmless
#endif

// The part of a heap below its first huge-page boundary cannot be a huge
// page: it would fault in 4 KiB at a time, and on virtual machines a fault
// costs microseconds (13 µs each on the CI's, a few hundred of them per
// small check). One populate call maps it all without a fault per page,
// leaving the contents as they are.
void populate(uintptr_t begin, uintptr_t end) {
  begin &= ~(kPage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
}

// A worker thread allocates from its own glibc arena, which grows by one
// mprotect per allocation that does not fit and faults in 4 KiB pages: a
// thread's first megabytes cost three times the main heap's (bench/README.md).
// So each worker grows its arena once by 60 MiB (two blocks below
// M_MMAP_THRESHOLD, so they come from the arena; a heap is 64 MiB), marks
// it for huge pages and gives it back to the arena's free top, which is
// never trimmed. A later thread reusing the arena finds the room there.
void reserveThreadArena() {
  constexpr size_t kBlock = size_t{30} << 20;
  void* blocks[2] = {std::malloc(kBlock), std::malloc(kBlock)};
  for (void* block : blocks) {
    if (block == nullptr) continue;
    uintptr_t begin = (reinterpret_cast<uintptr_t>(block) + kHugePage - 1) & ~(kHugePage - 1);
    uintptr_t end = (reinterpret_cast<uintptr_t>(block) + kBlock) & ~(kHugePage - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
  // The first allocations come from the first block's start, below its
  // first huge-page boundary.
  if (blocks[0] != nullptr)
    populate(reinterpret_cast<uintptr_t>(blocks[0]),
             (reinterpret_cast<uintptr_t>(blocks[0]) + kHugePage - 1) & ~(kHugePage - 1));
  std::free(blocks[1]);
  std::free(blocks[0]);
}
}  // namespace
#endif

// A check of a large tree allocates hundreds of megabytes and exits. In
// 4 KiB pages, first-touch page faults cost a third of such a run (80,000
// faults and a second of system time for 10,000 files, bench/README.md). So
// the main heap is grown once, up front, by 1 GiB of address space, and
// marked for transparent huge pages (2 MiB), as glibc's
// `glibc.malloc.hugetlb=1` tunable would do — but that one can only be set
// in the environment before the process starts. Untouched memory costs
// nothing; where THP is off, this only grows the heap early. The other
// threads of the parallel pipeline keep their own arenas, reserved the same
// way when they start (reserveThreadArena): forcing them onto this heap
// (M_ARENA_MAX=1) made `-j 2` slower than `-j 1`, the threads queueing on
// the arena's lock (bench/README.md). Not for `tfguard lsp`: a server
// should give memory back.
void tuneHeap([[maybe_unused]] int argc, [[maybe_unused]] char** argv) {
#ifdef TFGUARD_TUNE_HEAP
  if (argc > 1 && std::string_view(argv[1]) == "lsp") return;
  if (std::getenv("TFGUARD_NO_HEAP_TUNING") != nullptr) return;
  constexpr int kReserve = 1 << 30;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);        // blocks up to 32 MiB come from the heap
  mallopt(M_TRIM_THRESHOLD, INT_MAX);         // and it is not given back mid-run
  mallopt(M_TOP_PAD, kReserve);
  auto* before = static_cast<char*>(sbrk(0));
  void* volatile probe = std::malloc(kHugePage);  // grows the heap by kReserve; volatile: not elided
  auto* after = static_cast<char*>(sbrk(0));
  std::free(probe);
  mallopt(M_TOP_PAD, 128 << 10);  // later growth with glibc's default pad
  worker_thread_start = reserveThreadArena;
  if (before == reinterpret_cast<char*>(-1) || after == reinterpret_cast<char*>(-1)) return;
  uintptr_t begin = (reinterpret_cast<uintptr_t>(before) + kHugePage - 1) & ~(kHugePage - 1);
  uintptr_t end = reinterpret_cast<uintptr_t>(after) & ~(kHugePage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  // And the first huge page's worth above it: the probe's free wrote the
  // top chunk's header there before the madvise, so it is mapped in 4 KiB
  // pages now, and would fault in 4 KiB pages (500 faults) when used.
  populate(reinterpret_cast<uintptr_t>(before), std::min(begin + kHugePage, end));
#endif
}

}  // namespace tfguard::cli
