// TaskPool: tasks run once, nested tasks spread over the threads, waits
// never deadlock, exceptions reach the waiter (or run()), and run() returns
// only when every task is done.
#include "base/task_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tfguard {
namespace {

// A tree of tasks: each node submits `fanout` children and waits for them,
// newest first or oldest first. Returns the number of nodes.
long tree(TaskPool& pool, int depth, int fanout, std::atomic<long>& ran, bool oldest_first) {
  ran.fetch_add(1);
  if (depth == 0) return 1;
  std::vector<long> counts(fanout);
  std::vector<std::shared_ptr<TaskPool::Task>> tasks;
  for (int i = 0; i < fanout; ++i)
    tasks.push_back(pool.submit([&, i] { counts[i] = tree(pool, depth - 1, fanout, ran, oldest_first); }));
  for (int i = 0; i < fanout; ++i) pool.wait(*tasks[oldest_first ? i : fanout - 1 - i]);
  long total = 1;
  for (long c : counts) total += c;
  return total;
}

TEST(TaskPool, NestedTasksRunOnceAndTheirWaitsReturn) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    for (bool oldest_first : {true, false}) {
      TaskPool pool(jobs);
      std::atomic<long> ran{0};
      long total = 0;
      pool.run([&] { total = tree(pool, 4, 5, ran, oldest_first); });
      // 1 + 5 + 25 + 125 + 625 nodes, each run exactly once.
      EXPECT_EQ(total, 781) << jobs;
      EXPECT_EQ(ran.load(), 781) << jobs;
    }
  }
}

TEST(TaskPool, TasksSpreadOverTheHelperThreads) {
  TaskPool pool(2);
  std::mutex m;
  std::set<std::thread::id> threads;
  pool.run([&] {
    std::vector<std::shared_ptr<TaskPool::Task>> tasks;
    // 200 ms of work: a helper that takes longer than that to start is not one.
    for (int i = 0; i < 200; ++i)
      tasks.push_back(pool.submit([&] {
        {
          std::lock_guard lock(m);
          threads.insert(std::this_thread::get_id());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }));
    for (auto& t : tasks) pool.wait(*t);
  });
  EXPECT_EQ(threads.size(), 2u);
}

TEST(TaskPool, WithOneJobATaskRunsWhenWaitedFor) {
  TaskPool pool(1);
  std::vector<int> order;
  pool.run([&] {
    auto a = pool.submit([&] { order.push_back(1); });
    auto b = pool.submit([&] { order.push_back(2); });
    order.push_back(0);
    pool.wait(*b);
    pool.wait(*a);
  });
  EXPECT_EQ(order, (std::vector<int>{0, 2, 1}));
}

TEST(TaskPool, RunFinishesTasksNobodyWaitedFor) {
  for (unsigned jobs : {1u, 3u}) {
    TaskPool pool(jobs);
    std::atomic<int> ran{0};
    pool.run([&] {
      for (int i = 0; i < 10; ++i)
        pool.submit([&] {
          // ...and what those submit.
          pool.submit([&] { ran.fetch_add(1); });
          ran.fetch_add(1);
        });
    });
    EXPECT_EQ(ran.load(), 20) << jobs;
  }
}

TEST(TaskPool, AWaitRethrowsTheTasksException) {
  for (unsigned jobs : {1u, 2u}) {
    TaskPool pool(jobs);
    bool caught = false;
    pool.run([&] {
      auto t = pool.submit([] { throw std::runtime_error("task failed"); });
      try {
        pool.wait(*t);
      } catch (const std::runtime_error& e) {
        caught = std::string(e.what()) == "task failed";
      }
    });
    EXPECT_TRUE(caught) << jobs;
  }
}

TEST(TaskPool, RunRethrowsTheExceptionOfATaskNobodyWaitedFor) {
  for (unsigned jobs : {1u, 2u}) {
    TaskPool pool(jobs);
    EXPECT_THROW(pool.run([&] { pool.submit([] { throw std::runtime_error("lost"); }); }), std::runtime_error) << jobs;
    // The pool is usable again.
    int ran = 0;
    pool.run([&] { pool.wait(*pool.submit([&] { ++ran; })); });
    EXPECT_EQ(ran, 1);
  }
}

}  // namespace
}  // namespace tfguard
