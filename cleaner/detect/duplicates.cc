#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cleaner/detect/detectors.h"

namespace cleaner {
namespace {

constexpr int kSentenceWords = 20;  // a repeated sentence this long is never a coincidence
constexpr int kMinRun = 3;          // shorter repeated blocks go only as part of a run
// A repeated run is a second copy of the body only when it carries prose: meal
// plans, schedules and tables legitimately repeat runs of short lines.
// Prose here: paragraph blocks of at least kProseBlockWords words ending like a
// sentence (recipe and schedule lines such as "Portion Fix Containers: 1 Green,
// 1 Red, 1 tsp." are shorter; ingredient lists end in ')' or ']').
constexpr int kMinRunProseWords = 30;
constexpr int kProseBlockWords = 15;

// A cheap stand-in for a text: its length and up to eight bytes from each end.
std::uint64_t Key(std::string_view t) {
  std::uint64_t a = 0, b = 0;
  std::memcpy(&a, t.data(), std::min<std::size_t>(t.size(), 8));
  if (t.size() > 8) std::memcpy(&b, t.data() + t.size() - 8, 8);
  std::uint64_t h = (a ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
  h ^= (b + t.size()) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

bool Prose(const Block& b, int min_words) {
  return b.kind == BlockKind::kParagraph && b.features.terminal_punct &&
         b.features.words >= min_words;
}

}  // namespace

void DetectDuplicates(Document& doc) {
  const std::size_t n = doc.blocks.size();
  // Equal texts have equal keys (length, first and last bytes), so only blocks
  // whose key was seen before, and the first block of each such key, can repeat
  // one another: only those are hashed in full.
  std::vector<char> shared(n, 0);  // the key is some other block's key too
  // Open addressing, key -> first block with it: no allocation per block.
  std::size_t size = 16;
  while (size < 2 * n) size *= 2;
  std::vector<std::pair<std::uint64_t, std::size_t>> first_with_key(size, {0, n});
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = doc.blocks[i];
    if (b.verdict == Verdict::kTitle) continue;
    const std::uint64_t key = Key(b.text);
    std::size_t s = key & (size - 1);
    while (first_with_key[s].second != n && first_with_key[s].first != key)
      s = (s + 1) & (size - 1);
    if (first_with_key[s].second == n) {
      first_with_key[s] = {key, i};
    } else {
      shared[i] = shared[first_with_key[s].second] = 1;
    }
  }
  std::unordered_map<std::string_view, std::size_t> first_seen;
  std::vector<char> repeated(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = doc.blocks[i];
    if (!shared[i] || b.verdict == Verdict::kTitle) continue;
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
    int prose_words = 0;
    for (std::size_t j = i; j < end; ++j) {
      const Block& b = doc.blocks[j];
      if (Prose(b, kProseBlockWords)) {
        prose_words += b.features.words;
      }
    }
    const bool run =
        end - i >= static_cast<std::size_t>(kMinRun) && prose_words >= kMinRunProseWords;
    for (std::size_t j = i; j < end; ++j) {
      Block& b = doc.blocks[j];
      const bool sentence = Prose(b, kSentenceWords);
      if (Undecided(b) && (run || sentence)) {
        DropBlock(b, "detect.duplicate");
      }
    }
    i = end;
  }
}

}  // namespace cleaner
