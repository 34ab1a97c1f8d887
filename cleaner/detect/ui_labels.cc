#include "cleaner/detect/detectors.h"

namespace cleaner {
namespace {

constexpr int kLabelWords = 3;  // "New Chat", "No Sources Available", "Sign in"
constexpr int kMinTailRun = 2;  // after the body, this many labels in a row are a widget

bool IsLabel(const Block& b) {
  if (b.kind == BlockKind::kListItem || b.kind == BlockKind::kParagraph) return false;
  return b.features.words <= kLabelWords && !b.features.terminal_punct;
}

// The article body spans from its first to its last kept paragraph.
bool BodySpan(const Document& doc, int& first, int& last) {
  first = last = -1;
  for (int i = 0; i < static_cast<int>(doc.blocks.size()); ++i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (b.verdict == Verdict::kKeep && b.kind == BlockKind::kParagraph) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first >= 0;
}

}  // namespace

void DetectUiLabels(Document& doc) {
  int first = 0, last = 0;
  if (!BodySpan(doc, first, last)) return;
  const int n = static_cast<int>(doc.blocks.size());
  // Before the body: lone labels (source names, section kickers, menu items).
  for (int i = 0; i < first; ++i) {
    Block& b = doc.blocks[static_cast<std::size_t>(i)];
    if (Undecided(b) && IsLabel(b)) DropBlock(b, "detect.ui-labels");
  }
  // After the body: runs of labels; dropped blocks in between do not break a run.
  int i = last + 1;
  while (i < n) {
    int run_end = i;
    int labels = 0;
    while (run_end < n) {
      const Block& b = doc.blocks[static_cast<std::size_t>(run_end)];
      if (b.verdict == Verdict::kDrop) {
        ++run_end;
        continue;
      }
      if (!Undecided(b) || !IsLabel(b)) break;
      ++labels;
      ++run_end;
    }
    if (labels >= kMinTailRun) {
      for (int j = i; j < run_end; ++j) {
        Block& b = doc.blocks[static_cast<std::size_t>(j)];
        if (Undecided(b)) DropBlock(b, "detect.ui-labels");
      }
    }
    i = run_end + 1;
  }
}

}  // namespace cleaner
