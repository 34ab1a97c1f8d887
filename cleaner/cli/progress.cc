#include "cleaner/cli/progress.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace cleaner {
namespace {

constexpr auto kRefresh = std::chrono::milliseconds(250);

std::string Format(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, fmt, a, b, c);
  return buf;
}

}  // namespace

std::string FormatStats(const RunStats& stats, double seconds) {
  const double mb = static_cast<double>(stats.bytes) / 1e6;
  std::string out = "cleaner: stats\n";
  out += "  documents  " + std::to_string(stats.documents) + " (" + std::to_string(stats.failed) +
         " failed)\n";
  out += "  input      " +
         Format("%.2f MB in %.2f s: %.1f MB/s", mb, seconds, seconds > 0 ? mb / seconds : 0) +
         Format(", %.0f documents/s\n",
                seconds > 0 ? static_cast<double>(stats.documents) / seconds : 0);
  const long dropped = stats.blocks - stats.kept;
  out += "  blocks     " + std::to_string(stats.blocks) + " (" + std::to_string(stats.kept) +
         " kept, " + std::to_string(dropped) + " dropped or title)\n";
  std::vector<std::pair<std::string, long>> rows(stats.dropped_by_reason.begin(),
                                                 stats.dropped_by_reason.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (!rows.empty()) out += "  dropped by rule or detector:\n";
  for (const auto& [reason, count] : rows) {
    std::string n = std::to_string(count);
    out += "    " + std::string(n.size() < 8 ? 8 - n.size() : 0, ' ') + n + "  " + reason + "\n";
  }
  return out;
}

ProgressLine::ProgressLine(bool enabled, std::uint64_t total_bytes)
    : enabled_(enabled),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void ProgressLine::Update(long documents, std::uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kRefresh) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
  std::string line = "\rcleaner: " + std::to_string(documents) + " documents, " +
                     Format("%.1f MB, %.1f MB/s", static_cast<double>(bytes) / 1e6, rate / 1e6);
  if (total_bytes_ > 0 && rate > 0 && bytes <= total_bytes_) {
    const double eta = static_cast<double>(total_bytes_ - bytes) / rate;
    line += Format(", ETA %.0f:%02.0f", static_cast<double>(static_cast<long>(eta) / 60),
                   static_cast<double>(static_cast<long>(eta) % 60));
  }
  line += "\x1b[K";  // clear what a longer previous line left
  std::fputs(line.c_str(), stderr);
  shown_ = true;
}

void ProgressLine::Finish() {
  if (shown_) std::fputs("\r\x1b[K", stderr);
  shown_ = false;
}

}  // namespace cleaner
