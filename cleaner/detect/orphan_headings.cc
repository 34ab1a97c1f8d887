#include "cleaner/detect/detectors.h"

namespace cleaner {

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
    bool orphan = b.kind == BlockKind::kHeading && Undecided(b) && dropped_between &&
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
