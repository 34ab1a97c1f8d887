#include "cleaner/detect/detectors.h"

namespace cleaner {
namespace {

constexpr int kMaxNumberedHeadingWords = 12;

// A heading, or a numbered section title ("3. Water less often, but properly"):
// short, no sentence end, and not inside a list (the kept block before it is not
// a list item).
bool HeadingLike(const std::vector<Block>& blocks, int i) {
  const Block& b = blocks[static_cast<std::size_t>(i)];
  if (b.kind == BlockKind::kHeading) return true;
  if (b.kind != BlockKind::kListItem || b.features.terminal_punct ||
      b.features.words > kMaxNumberedHeadingWords) {
    return false;
  }
  for (int j = i - 1; j >= 0; --j) {
    const Block& prev = blocks[static_cast<std::size_t>(j)];
    if (prev.verdict == Verdict::kDrop) continue;
    return prev.kind != BlockKind::kListItem;
  }
  return true;
}

}  // namespace

void DetectOrphanHeadings(Document& doc) {
  const int n = static_cast<int>(doc.blocks.size());
  // Walk backwards so a heading whose only follower was an orphan heading goes too.
  int next_kept = -1;  // index of the nearest kept block after i
  bool dropped_between = false;
  for (int i = n - 1; i >= 0; --i) {
    Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict == Verdict::kTitle) break;
    if (b.verdict == Verdict::kDrop) {
      dropped_between = true;
      continue;
    }
    bool orphan = Undecided(b) && dropped_between && HeadingLike(doc.blocks, i) &&
                  (next_kept < 0 ||
                   doc.blocks[static_cast<std::size_t>(next_kept)].kind == BlockKind::kHeading);
    if (orphan) {
      DropBlock(b, "detect.orphan-heading");
      continue;  // dropped_between stays true for the block before it
    }
    next_kept = i;
    dropped_between = false;
  }
}

}  // namespace cleaner
