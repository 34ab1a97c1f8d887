#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cleaner/detect/detectors.h"
#include "cleaner/detect/vocabulary.h"

namespace cleaner {
namespace {

constexpr double kUnrelated = 0.3;  // below this share of shared words, a block is off-topic
constexpr int kMinHeadlines = 2;    // off-topic headlines needed to call the run a list
constexpr int kMinRunBlocks = 3;
constexpr long kMinArticleWords = 80;  // prose needed before the run
constexpr int kMaxTeaserWords = 35;

enum class Shape { kOther, kLabel, kHeadline, kTeaser };

Shape ShapeOf(const Block& b) {
  const BlockFeatures& f = b.features;
  if (b.kind == BlockKind::kListItem) return Shape::kOther;
  if (f.words <= 3 && !f.terminal_punct) return Shape::kLabel;
  if (f.words >= 4 && f.words <= 25 && b.kind != BlockKind::kParagraph) return Shape::kHeadline;
  // A teaser summary under a headline is a sentence or two; a longer paragraph is
  // article prose and ends the candidate run.
  if (f.words <= kMaxTeaserWords) return Shape::kTeaser;
  return Shape::kOther;
}

// Distinct words with small ids, in one buffer: no allocation per word. The hash
// reads a word's first and last bytes and its length, whatever its size. Most
// words looked up are absent: a table of (length, first byte) pairs inserted
// turns most of them away before hashing.
class WordIds {
 public:
  std::size_t size() const { return spans_.size(); }

  int Find(std::string_view w) const {
    if (w.empty() || !(seen_[Length(w)] & FirstByte(w))) return -1;
    const std::uint64_t h = Hash(w);
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
      const int id = slots_[s];
      if (id < 0) return -1;
      if (hashes_[static_cast<std::size_t>(id)] == h && Word(id) == w) return id;
    }
  }

  int Insert(std::string_view w) {
    if (2 * (spans_.size() + 1) > slots_.size()) Grow();
    const std::uint64_t h = Hash(w);
    std::size_t s = h & mask_;
    for (;; s = (s + 1) & mask_) {
      const int id = slots_[s];
      if (id < 0) break;
      if (hashes_[static_cast<std::size_t>(id)] == h && Word(id) == w) return id;
    }
    const int id = static_cast<int>(spans_.size());
    if (!w.empty()) seen_[Length(w)] |= FirstByte(w);
    spans_.emplace_back(chars_.size(), w.size());
    chars_.append(w);
    hashes_.push_back(h);
    slots_[s] = id;
    return id;
  }

 private:
  static std::uint64_t Hash(std::string_view w) {
    std::uint64_t a = 0, b = 0;
    if (w.size() >= 8) {
      std::memcpy(&a, w.data(), 8);
      std::memcpy(&b, w.data() + w.size() - 8, 8);
    } else if (w.size() >= 4) {
      std::uint32_t x, y;
      std::memcpy(&x, w.data(), 4);
      std::memcpy(&y, w.data() + w.size() - 4, 4);
      a = x;
      b = y;
    } else {
      for (char c : w) a = (a << 8) | static_cast<unsigned char>(c);
    }
    std::uint64_t h = (a ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    h ^= (b + w.size()) * 0x94D049BB133111EBULL;
    return h ^ (h >> 29);
  }

  static std::size_t Length(std::string_view w) { return std::min<std::size_t>(w.size(), 63); }
  static std::uint64_t FirstByte(std::string_view w) {
    return std::uint64_t{1} << (static_cast<unsigned char>(w.front()) & 63);
  }

  std::string_view Word(int id) const {
    const auto& [at, len] = spans_[static_cast<std::size_t>(id)];
    return std::string_view(chars_).substr(at, len);
  }

  void Grow() {
    const std::size_t size = slots_.empty() ? 64 : 2 * slots_.size();
    slots_.assign(size, -1);
    mask_ = size - 1;
    for (std::size_t id = 0; id < spans_.size(); ++id) {
      std::size_t s = hashes_[id] & mask_;
      while (slots_[s] >= 0) s = (s + 1) & mask_;
      slots_[s] = static_cast<int>(id);
    }
  }

  std::string chars_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;  // (offset, length) in chars_
  std::vector<std::uint64_t> hashes_;
  std::vector<int> slots_;                // open addressing: id or -1
  std::array<std::uint64_t, 64> seen_{};  // by Length(w): FirstByte(w) of the words inserted
  std::size_t mask_ = 0;
};

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
  // The article is everything before the run's first headline: teaser-sized
  // blocks before it are as likely the article's last paragraphs (the backward
  // scan above walks through news-sized paragraphs too).
  int first_headline = start;
  while (first_headline < n) {
    const Block& b = doc.blocks[static_cast<std::size_t>(first_headline)];
    if (b.verdict == Verdict::kKeep && ShapeOf(b) == Shape::kHeadline) break;
    ++first_headline;
  }
  long article_words = 0;
  for (int i = 0; i < first_headline; ++i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict == Verdict::kKeep &&
        (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kListItem)) {
      article_words += b.features.words;
    }
  }
  if (article_words < kMinArticleWords) return;
  // Which content words of the run's headlines the article (kept blocks before
  // the run) uses. Only the headlines' few words are looked up, instead of
  // collecting the whole article's vocabulary into a set of strings.
  WordIds wanted;
  std::vector<int> candidates;        // block index of each headline
  std::vector<std::size_t> id_begin;  // its distinct word ids: ids[id_begin[c], id_begin[c + 1])
  std::vector<int> ids;
  std::string scratch;
  for (int i = start; i < n; ++i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict != Verdict::kKeep || ShapeOf(b) != Shape::kHeadline) continue;
    const std::size_t from = ids.size();
    ForEachContentWord(b.text, scratch,
                       [&](std::string_view w) { ids.push_back(wanted.Insert(w)); });
    std::sort(ids.begin() + static_cast<std::ptrdiff_t>(from), ids.end());
    ids.erase(std::unique(ids.begin() + static_cast<std::ptrdiff_t>(from), ids.end()), ids.end());
    candidates.push_back(i);
    id_begin.push_back(from);
  }
  id_begin.push_back(ids.size());
  std::vector<char> used(wanted.size(), 0);
  std::size_t unused = wanted.size();
  for (int i = 0; i < first_headline && unused > 0; ++i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict != Verdict::kKeep) continue;
    ForEachContentWord(b.text, scratch, [&](std::string_view w) {
      const int id = wanted.Find(w);
      if (id < 0) return;
      char& u = used[static_cast<std::size_t>(id)];
      unused -= !u;
      u = 1;
    });
  }
  // The run starts at its first off-topic headline: teasers and on-topic lines
  // before it are the article's own ending. Teasers and labels after it go with
  // it; an on-topic headline after it means this is not an unrelated list.
  int headlines = 0;
  int first = -1;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const std::size_t words = id_begin[c + 1] - id_begin[c];
    if (words < 2) continue;  // too few words to tell (VocabularyOverlap's -1)
    std::size_t shared = 0;
    for (std::size_t k = id_begin[c]; k < id_begin[c + 1]; ++k) {
      shared += used[static_cast<std::size_t>(ids[k])] != 0;
    }
    const double overlap = static_cast<double>(shared) / static_cast<double>(words);
    if (overlap < kUnrelated) {
      ++headlines;
      if (first < 0) first = candidates[c];
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
