// A worker pool that keeps order: jobs are pulled one at a time from a source
// (in order, under a lock, so the source may read a stream), processed on N
// threads, and handed to the sink on the calling thread in the order they were
// pulled. At most `window` jobs are in flight, so memory stays bounded however
// long the stream is, and output bytes do not depend on the number of threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cleaner {

template <typename Job, typename Result>
void RunOrdered(int threads, std::size_t window, const std::function<bool(Job&)>& next_job,
                const std::function<Result(Job&, int worker)>& work,
                const std::function<void(Result&)>& sink) {
  if (threads <= 1) {  // one worker: no threads, no locks
    for (;;) {
      Job job;
      if (!next_job(job)) return;
      Result result = work(job, 0);
      sink(result);
    }
  }
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::optional<Result>> slots;  // slots[i] is job base + i
  std::size_t base = 0;                     // first job not yet handed to the sink
  std::size_t pulled = 0;
  bool exhausted = false;

  auto worker = [&](int id) {
    for (;;) {
      Job job;
      std::size_t index;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return exhausted || pulled < base + window; });
        if (exhausted) return;
        if (!next_job(job)) {
          exhausted = true;
          cv.notify_all();
          return;
        }
        index = pulled++;
        slots.emplace_back();
      }
      Result result = work(job, id);
      {
        std::lock_guard lock(mu);
        slots[index - base] = std::move(result);
      }
      cv.notify_all();
    }
  };

  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(1, threads); ++t) pool.emplace_back(worker, t);
  for (;;) {
    Result ready;
    {
      std::unique_lock lock(mu);
      cv.wait(lock,
              [&] { return (!slots.empty() && slots.front()) || (exhausted && base == pulled); });
      if (slots.empty() || !slots.front()) break;  // exhausted and all handed over
      ready = std::move(*slots.front());
      slots.pop_front();
      ++base;
    }
    cv.notify_all();
    sink(ready);
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace cleaner
