// Batch progress and the --stats summary, both on stderr.
//
// Progress: one line rewritten in place ("\r") at most a few times a second,
// only when stderr is a terminal: documents, MB read, MB/s, and an ETA when the
// total input size is known (files mode). Never on a pipe or a log file.
// Stats: documents, bytes, blocks kept and dropped, dropped blocks per rule or
// detector id, failures, wall time and throughput, printed once at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace cleaner {

struct RunStats {
  long documents = 0;
  long failed = 0;
  std::uint64_t bytes = 0;  // input bytes cleaned
  long blocks = 0;
  long kept = 0;
  std::map<std::string, long> dropped_by_reason;
};

// Human-readable summary: "documents 90 (0 failed), 3.1 MB in 0.21 s ...".
std::string FormatStats(const RunStats& stats, double seconds);

class ProgressLine {
 public:
  // enabled: stderr is a terminal and the user did not ask for quiet.
  // total_bytes: 0 when unknown (streams on stdin): then no ETA.
  ProgressLine(bool enabled, std::uint64_t total_bytes);
  void Update(long documents, std::uint64_t bytes);
  void Finish();  // clears the line

 private:
  bool enabled_;
  std::uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool shown_ = false;
};

}  // namespace cleaner
