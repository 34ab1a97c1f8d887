#include <string_view>
#include <unordered_map>
#include <vector>

#include "cleaner/detect/detectors.h"

namespace cleaner {
namespace {

constexpr int kSentenceWords = 20;  // a repeated sentence this long is never a coincidence
constexpr int kMinRun = 3;          // shorter repeated blocks go only as part of a run
// A repeated run is a second copy of the body only when it carries prose: meal
// plans, schedules and tables legitimately repeat runs of short lines.
// Prose here: paragraph blocks of at least kProseBlockWords words (recipe and
// schedule lines such as "Portion Fix Containers: 1 Green, 1 Red, 1 tsp." are shorter).
constexpr int kMinRunProseWords = 30;
constexpr int kProseBlockWords = 15;

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
    int prose_words = 0;
    for (std::size_t j = i; j < end; ++j) {
      const Block& b = doc.blocks[j];
      if (b.kind == BlockKind::kParagraph && b.features.words >= kProseBlockWords) {
        prose_words += b.features.words;
      }
    }
    const bool run =
        end - i >= static_cast<std::size_t>(kMinRun) && prose_words >= kMinRunProseWords;
    for (std::size_t j = i; j < end; ++j) {
      Block& b = doc.blocks[j];
      const bool sentence = b.kind == BlockKind::kParagraph && b.features.words >= kSentenceWords;
      if (Undecided(b) && (run || sentence)) {
        DropBlock(b, "detect.duplicate");
      }
    }
    i = end;
  }
}

}  // namespace cleaner
