#pragma once
// Process-level tuning of glibc's malloc for a short-lived, allocation-heavy
// run (heap_tuning.cc says why).
namespace tfguard::cli {

/// Call first in main(). Does nothing for the long-running `tfguard lsp`,
/// outside glibc, under sanitizers, or with TFGUARD_NO_HEAP_TUNING set.
/// Never fails.
void tuneHeap(int argc, char** argv);

}  // namespace tfguard::cli
