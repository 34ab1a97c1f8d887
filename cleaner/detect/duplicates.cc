#include <string_view>
#include <unordered_map>
#include <vector>

#include "cleaner/detect/detectors.h"

namespace cleaner {
namespace {

constexpr int kSentenceWords = 10;  // a repeated block this long is never a coincidence
constexpr int kMinRun = 3;          // shorter repeated blocks go only as part of a run

}  // namespace

void DetectDuplicates(Document& doc) {
  const std::size_t n = doc.blocks.size();
  std::unordered_map<std::string_view, std::size_t> first_seen;
  first_seen.reserve(n);
  std::vector<char> repeated(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = doc.blocks[i];
    if (b.verdict == Verdict::kTitle) continue;
    auto [it, inserted] = first_seen.emplace(b.text, i);
    repeated[i] = !inserted;
  }
  std::size_t i = 0;
  while (i < n) {
    if (!repeated[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n && repeated[end]) ++end;
    bool run = end - i >= static_cast<std::size_t>(kMinRun);
    for (std::size_t j = i; j < end; ++j) {
      Block& b = doc.blocks[j];
      if (Undecided(b) && (run || b.features.words >= kSentenceWords)) {
        DropBlock(b, "detect.duplicate");
      }
    }
    i = end;
  }
}

}  // namespace cleaner
