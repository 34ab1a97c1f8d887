// A worker pool that keeps order: jobs are pulled one at a time from a source
// (in order, under a lock, so the source may read a stream), processed on N
// threads, and handed to the sink in the order they were pulled. At most
// `window` jobs are in flight, so memory stays bounded however long the stream
// is, and output bytes do not depend on the number of threads.
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

// The sink runs on the workers themselves, one call at a time: the worker that
// finishes the oldest job in flight hands over every result that is ready in
// order. A dedicated sink thread would wake for every document and, with as
// many workers as cores, take its time slices from them.
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
  std::condition_variable room;             // the window has room for another job
  std::deque<std::optional<Result>> slots;  // slots[i] is job base + i
  std::size_t base = 0;                     // first job not yet handed to the sink
  std::size_t pulled = 0;
  bool exhausted = false;
  bool sinking = false;  // a worker is handing results to the sink

  auto worker = [&](int id) {
    for (;;) {
      Job job;
      std::size_t index;
      {
        std::unique_lock lock(mu);
        room.wait(lock, [&] { return exhausted || pulled < base + window; });
        if (exhausted) return;
        if (!next_job(job)) {
          exhausted = true;
          room.notify_all();
          return;
        }
        index = pulled++;
        slots.emplace_back();
      }
      Result result = work(job, id);
      std::unique_lock lock(mu);
      slots[index - base] = std::move(result);
      if (sinking) continue;  // the worker handing over will take this one too
      sinking = true;
      while (!slots.empty() && slots.front()) {
        Result ready = std::move(*slots.front());
        lock.unlock();
        sink(ready);
        lock.lock();
        // Only now: a job counts against the window until the sink has it.
        slots.pop_front();
        ++base;
        room.notify_all();
      }
      sinking = false;
    }
  };

  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
  for (std::thread& t : pool) t.join();
}

}  // namespace cleaner
