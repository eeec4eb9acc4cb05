#pragma once
// Work that spreads while it runs: tasks submitted from any thread (a task
// may submit more), taken newest first by idle threads, or run by the thread
// that waits for one no thread has started yet. A wait inside a task never
// takes other work, it only blocks: as long as tasks wait only for tasks
// they submitted themselves, the waits form a tree and cannot deadlock.
//
//   TaskPool pool(jobs);
//   pool.run([&] {                       // the calling thread and jobs - 1 others
//     auto t = pool.submit([&] { ... });
//     ...
//     pool.wait(*t);
//   });
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "base/parallel.h"

namespace tfguard {

class TaskPool {
 public:
  class Task {
   public:
    explicit Task(std::function<void()> work) : work_(std::move(work)) {}

   private:
    friend class TaskPool;
    enum State : int { kQueued, kRunning, kDone };
    std::function<void()> work_;
    std::atomic<int> state_{kQueued};
    std::exception_ptr failure_;
    std::atomic<bool> waited_{false};
  };

  /// `jobs`: the threads run() uses, the calling one included (0 = one per core).
  explicit TaskPool(unsigned jobs) : jobs_(effectiveJobs(jobs)) {}
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  unsigned jobs() const { return jobs_; }

  /// Calls `work` on this thread while jobs - 1 other threads take the tasks
  /// it submits; returns when it has returned and every task is done. The
  /// exception of `work`, else the first of a task nobody waited for, is
  /// rethrown.
  template <typename Work>
  void run(Work&& work) {
    std::vector<std::thread> helpers;
    helpers.reserve(jobs_ - 1);
    for (unsigned j = 1; j < jobs_; ++j)
      helpers.emplace_back([this] {
        if (auto start = worker_thread_start.load(std::memory_order_relaxed)) start();
        help();
      });
    std::exception_ptr failure;
    try {
      work();
    } catch (...) {
      failure = std::current_exception();
    }
    // What `work` left unwaited runs to its end here and on the helpers
    // (and what that submits).
    for (;;) {
      while (std::shared_ptr<Task> t = take(/*block=*/false)) execute(t);
      std::unique_lock lock(mutex_);
      ++done_waiters_;
      done_.wait(lock, [&] { return running_ == 0 || !queue_.empty(); });
      --done_waiters_;
      if (running_ == 0 && queue_.empty()) {
        stopping_ = true;
        break;
      }
    }
    queued_.notify_all();
    for (std::thread& t : helpers) t.join();
    stopping_ = false;
    for (const std::shared_ptr<Task>& t : std::exchange(failed_, {}))
      if (!failure && !t->waited_) failure = t->failure_;
    if (failure) std::rethrow_exception(failure);
  }

  /// Queues `work`; without helpers (jobs 1) it runs when waited for.
  std::shared_ptr<Task> submit(std::function<void()> work) {
    auto task = std::make_shared<Task>(std::move(work));
    bool wake_helper, wake_waiters;
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(task);
      // A wake-up is a system call and a context switch (tens of
      // microseconds on a virtual machine): only for a thread that sleeps.
      wake_helper = idle_helpers_ > 0;
      wake_waiters = done_waiters_ > 0;  // run() waits for the last task or a new one
    }
    if (wake_helper) queued_.notify_one();
    if (wake_waiters) done_.notify_all();
    return task;
  }

  /// Returns when `task` is done: runs it here if no thread has started it,
  /// else blocks. Rethrows the task's exception.
  void wait(Task& task) {
    int queued = Task::kQueued;
    if (task.state_.compare_exchange_strong(queued, Task::kRunning)) {
      {
        std::lock_guard lock(mutex_);
        ++running_;
      }
      finish(task);
    } else if (task.state_.load() != Task::kDone) {
      std::unique_lock lock(mutex_);
      ++done_waiters_;
      done_.wait(lock, [&] { return task.state_.load() == Task::kDone; });
      --done_waiters_;
    }
    task.waited_ = true;
    if (task.failure_) std::rethrow_exception(task.failure_);
  }

 private:
  // A helper: takes queued tasks until run() stops.
  void help() {
    while (std::shared_ptr<Task> t = take(/*block=*/true)) execute(t);
  }

  /// The newest task no thread has started (claimed, counted as running);
  /// null when there is none and, if `block`, once run() stops.
  std::shared_ptr<Task> take(bool block) {
    std::unique_lock lock(mutex_);
    for (;;) {
      while (!queue_.empty()) {
        std::shared_ptr<Task> t = std::move(queue_.back());
        queue_.pop_back();
        int queued = Task::kQueued;
        // Waiters run what they wait for themselves: their entries stay queued, taken.
        if (t->state_.compare_exchange_strong(queued, Task::kRunning)) {
          ++running_;
          return t;
        }
      }
      if (!block || stopping_) return nullptr;
      ++idle_helpers_;
      queued_.wait(lock);
      --idle_helpers_;
    }
  }

  // A task taken from the queue: its failure is kept for run() in case
  // nobody waits for it.
  void execute(const std::shared_ptr<Task>& task) { finish(*task, task); }

  // Runs a claimed task and wakes whoever waits for it.
  void finish(Task& task, const std::shared_ptr<Task>& taken = nullptr) {
    try {
      task.work_();
    } catch (...) {
      task.failure_ = std::current_exception();
    }
    task.work_ = nullptr;  // what it captured goes now
    bool wake_waiters;
    {
      std::lock_guard lock(mutex_);
      if (task.failure_ && taken) failed_.push_back(taken);
      task.state_.store(Task::kDone);
      --running_;
      wake_waiters = done_waiters_ > 0;
    }
    if (wake_waiters) done_.notify_all();
  }

  unsigned jobs_;
  std::mutex mutex_;
  std::condition_variable queued_;  ///< a task was queued, or run() stops
  std::condition_variable done_;    ///< a task is done
  std::deque<std::shared_ptr<Task>> queue_;
  size_t running_ = 0;
  unsigned idle_helpers_ = 0;  ///< sleeping on queued_
  unsigned done_waiters_ = 0;  ///< sleeping on done_
  bool stopping_ = false;
  std::vector<std::shared_ptr<Task>> failed_;  ///< tasks taken from the queue that threw
};

}  // namespace tfguard
