#include "cleaner/cli/ordered_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace cleaner {
namespace {

// Runs `count` jobs whose durations vary so later jobs often finish first;
// returns the order the sink saw them in. `in_flight_peak` gets the most jobs
// pulled but not yet handed to the sink.
std::vector<int> RunJobs(int threads, int count, std::size_t window, int* in_flight_peak,
                         bool* sink_overlapped) {
  std::vector<int> seen;
  int next = 0;
  std::atomic<int> pulled_not_sunk{0};
  std::atomic<int> peak{0};
  std::atomic<bool> in_sink{false};
  bool overlapped = false;
  RunOrdered<int, int>(
      threads, window,
      [&](int& job) {
        if (next == count) return false;
        job = next++;
        const int now = ++pulled_not_sunk;
        int old = peak.load();
        while (now > old && !peak.compare_exchange_weak(old, now)) {
        }
        return true;
      },
      [](int& job, int) {
        std::this_thread::sleep_for(std::chrono::microseconds((job * 7919) % 13 * 50));
        return job * 10;
      },
      [&](int& result) {
        if (in_sink.exchange(true)) overlapped = true;
        seen.push_back(result / 10);
        --pulled_not_sunk;
        in_sink.store(false);
      });
  if (in_flight_peak) *in_flight_peak = peak.load();
  if (sink_overlapped) *sink_overlapped = overlapped;
  return seen;
}

std::vector<int> Iota(int count) {
  std::vector<int> v(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) v[static_cast<std::size_t>(i)] = i;
  return v;
}

TEST(OrderedPool, OneThreadKeepsOrder) { EXPECT_EQ(RunJobs(1, 50, 4, nullptr, nullptr), Iota(50)); }

TEST(OrderedPool, ManyThreadsKeepOrderAndNeverOverlapTheSink) {
  for (int threads : {2, 3, 8}) {
    bool overlapped = true;
    EXPECT_EQ(RunJobs(threads, 300, 16, nullptr, &overlapped), Iota(300)) << threads;
    EXPECT_FALSE(overlapped) << threads;
  }
}

TEST(OrderedPool, WindowBoundsJobsInFlight) {
  int peak = 0;
  EXPECT_EQ(RunJobs(4, 200, 5, &peak, nullptr), Iota(200));
  EXPECT_LE(peak, 5);
  EXPECT_GE(peak, 2);  // the threads did run side by side
}

TEST(OrderedPool, EmptySource) {
  EXPECT_TRUE(RunJobs(3, 0, 4, nullptr, nullptr).empty());
  EXPECT_TRUE(RunJobs(1, 0, 4, nullptr, nullptr).empty());
}

}  // namespace
}  // namespace cleaner
