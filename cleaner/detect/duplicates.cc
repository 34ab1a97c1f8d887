#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
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

// Open addressing from 64-bit keys to block indices, room for `n` of them: no
// allocation per block. Blocks with one key need not be alike: `same` tells.
class FirstWithKey {
 public:
  explicit FirstWithKey(std::size_t n) {
    std::size_t size = 16;
    while (size < 2 * n) size *= 2;
    slots_.resize(size);
    Clear();
  }

  void Clear() { std::fill(slots_.begin(), slots_.end(), std::pair{std::uint64_t{0}, kEmpty}); }

  // The first block inserted with `key` for which same(that block) holds, or
  // `block` itself, inserted, when there is none.
  template <typename Same>
  std::size_t FindOrInsert(std::uint64_t key, std::size_t block, Same same) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = key & mask;; s = (s + 1) & mask) {
      auto& [slot_key, slot_block] = slots_[s];
      if (slot_block == kEmpty) {
        slot_key = key;
        slot_block = block;
        return block;
      }
      if (slot_key == key && same(slot_block)) return slot_block;
    }
  }

 private:
  static constexpr std::size_t kEmpty = SIZE_MAX;
  std::vector<std::pair<std::uint64_t, std::size_t>> slots_;
};

}  // namespace

void DetectDuplicates(Document& doc) {
  const std::size_t n = doc.blocks.size();
  // Equal texts have equal keys (length, first and last bytes), so only blocks
  // whose key was seen before, and the first block of each such key, can repeat
  // one another: only those are hashed in full.
  std::vector<char> shared(n, 0);  // the key is some other block's key too
  FirstWithKey first(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = doc.blocks[i];
    if (b.verdict == Verdict::kTitle) continue;
    const std::size_t j = first.FindOrInsert(Key(b.text), i, [](std::size_t) { return true; });
    if (j != i) shared[i] = shared[j] = 1;
  }
  // Among those, the full hash and then the text tell the repeats.
  std::vector<char> repeated(n, 0);
  first.Clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (!shared[i]) continue;  // never a title: titles are not keyed
    const std::string_view text = doc.blocks[i].text;
    const std::size_t j =
        first.FindOrInsert(std::hash<std::string_view>{}(text), i,
                           [&](std::size_t k) { return doc.blocks[k].text == text; });
    repeated[i] = j != i;
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
