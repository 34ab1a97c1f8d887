// Structural detectors: chrome that has no fixed wording, found from the shape
// of the page instead of phrase lists. Each one only drops blocks no rule decided
// (Block::decided == false) and records its id as the reason ("detect.<name>").
// They run after the rules, in the order the pipeline lists them.
#pragma once

#include "cleaner/document.h"

namespace cleaner {

// True when a detector may still drop this block.
inline bool Undecided(const Block& b) { return !b.decided && b.verdict == Verdict::kKeep; }

// Drops `b` with `reason` (a detector id).
inline void DropBlock(Block& b, const char* reason) {
  b.verdict = Verdict::kDrop;
  b.reason = reason;
}

// Marks the first block as the title when it looks like one: short, no sentence
// end except '?', not a list item. Conservative: a first line that reads as a
// paragraph stays body.
void DetectTitle(Document& doc);

// Drops blocks repeating the title (or the title without its " - Site" suffix).
void DetectRepeatedTitle(Document& doc);

// A body printed twice: drops later copies of sentence-sized blocks and of runs of
// at least three repeated blocks; the first copy stays.
void DetectDuplicates(Document& doc);

// A run of headline-like lines at the tail whose words the article never uses
// (headline / site name / headline / summary blocks of unrelated stories).
void DetectUnrelatedHeadlines(Document& doc);

// Runs of short UI labels ("New Chat", "Sources", menus) outside the article
// body, and lone labels before its first paragraph.
void DetectUiLabels(Document& doc);

// A heading left with nothing after it once the chrome that followed it is gone.
void DetectOrphanHeadings(Document& doc);

}  // namespace cleaner
