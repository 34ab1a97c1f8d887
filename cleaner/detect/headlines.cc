#include <unordered_set>
#include <vector>

#include "cleaner/detect/detectors.h"
#include "cleaner/detect/vocabulary.h"

namespace cleaner {
namespace {

constexpr double kUnrelated = 0.3;  // below this share of shared words, a block is off-topic
constexpr int kMinHeadlines = 2;    // off-topic headlines needed to call the run a list
constexpr int kMinRunBlocks = 3;
constexpr long kMinArticleWords = 80;  // prose needed before the run

enum class Shape { kOther, kLabel, kHeadline, kTeaser };

Shape ShapeOf(const Block& b) {
  const BlockFeatures& f = b.features;
  if (b.kind == BlockKind::kListItem) return Shape::kOther;
  if (f.words <= 3 && !f.terminal_punct) return Shape::kLabel;
  if (f.words >= 4 && f.words <= 25 && b.kind != BlockKind::kParagraph) return Shape::kHeadline;
  if (f.words <= 60) return Shape::kTeaser;
  return Shape::kOther;
}

}  // namespace

void DetectUnrelatedHeadlines(Document& doc) {
  const int n = static_cast<int>(doc.blocks.size());
  // The candidate run: the longest suffix of undecided or dropped blocks of
  // headline shape. A block a rule kept (an attribution line) ends it.
  int start = n;
  for (int i = n - 1; i >= 0; --i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict == Verdict::kTitle) break;
    if (b.verdict == Verdict::kDrop) {
      start = i;
      continue;
    }
    if (!Undecided(b) || ShapeOf(b) == Shape::kOther) break;
    start = i;
  }
  int headline_shaped = 0;
  for (int i = start; i < n; ++i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    headline_shaped += b.verdict == Verdict::kKeep && ShapeOf(b) == Shape::kHeadline;
  }
  if (headline_shaped < kMinHeadlines) return;  // cheap exit before building the vocabulary
  // The article's vocabulary: kept prose before the run.
  std::unordered_set<std::string> vocabulary;
  std::vector<std::string> words;
  long article_words = 0;
  for (int i = 0; i < start; ++i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict != Verdict::kKeep) continue;
    if (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kListItem)
      article_words += b.features.words;
    ContentWords(b.text, words);
  }
  if (article_words < kMinArticleWords) return;
  vocabulary.insert(words.begin(), words.end());
  // The run starts at its first off-topic headline: teasers and on-topic lines
  // before it are the article's own ending. Teasers and labels after it go with
  // it; an on-topic headline after it means this is not an unrelated list.
  int headlines = 0;
  int first = -1;
  for (int i = start; i < n; ++i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict != Verdict::kKeep || ShapeOf(b) != Shape::kHeadline) continue;
    double overlap = VocabularyOverlap(b.text, vocabulary);
    if (overlap < 0) continue;  // too few words to tell
    if (overlap < kUnrelated) {
      ++headlines;
      if (first < 0) first = i;
    } else if (first >= 0) {
      return;
    }
  }
  if (first < 0 || headlines < kMinHeadlines) return;
  // Labels just before the first headline ("Related", "Legal Wires") belong to it.
  while (first > start && ShapeOf(doc.blocks[static_cast<std::size_t>(first - 1)]) == Shape::kLabel)
    --first;
  int kept_in_run = 0;
  for (int i = first; i < n; ++i)
    kept_in_run += doc.blocks[static_cast<std::size_t>(i)].verdict == Verdict::kKeep;
  if (kept_in_run < kMinRunBlocks) return;
  for (int i = first; i < n; ++i) {
    Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (Undecided(b)) DropBlock(b, "detect.unrelated-headlines");
  }
}

}  // namespace cleaner
