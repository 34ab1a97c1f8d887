#include "cleaner/document.h"

namespace cleaner {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kListItem:
      return "list_item";
    case BlockKind::kLine:
      return "line";
  }
  return "line";
}

int Document::TitleIndex() const {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].verdict == Verdict::kTitle) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace cleaner
