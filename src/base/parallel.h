#pragma once
// Work spread over threads: each index handled once, on the calling thread
// and up to jobs - 1 others. Results go into slots the caller indexes, so the
// output does not depend on which thread ran what.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace tfguard {

/// Called first on every worker thread parallelFor starts (the CLI's heap
/// tuning sets it); null: nothing.
inline std::atomic<void (*)()> worker_thread_start{nullptr};

/// The number of threads for `jobs` (0 = one per core).
inline unsigned effectiveJobs(unsigned jobs) {
  return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

/// Calls work(i) for every i in [0, count), indices taken in increasing
/// order by up to `jobs` threads. The first exception a call throws is
/// rethrown here once every thread has stopped.
template <typename Work>
void parallelFor(size_t count, unsigned jobs, Work&& work) {
  jobs = static_cast<unsigned>(std::min<size_t>(effectiveJobs(jobs), count));
  if (jobs <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;  // the others stop at their next index
      }
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned j = 1; j < jobs; ++j)
    threads.emplace_back([&run] {
      if (auto start = worker_thread_start.load(std::memory_order_relaxed)) start();
      run();
    });
  run();
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tfguard
