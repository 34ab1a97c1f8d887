// Lines become blocks with the features rules and detectors read: word count,
// sentence shape, capitals, list-item and heading shape.
#pragma once

#include <string_view>

#include "cleaner/document.h"
#include "cleaner/normalize/normalize.h"

namespace cleaner {

// Fills doc.blocks (one per non-blank line) and doc.dropped_lines (blank lines).
void SegmentLines(NormalizedText&& text, Document& doc);

// Features and kind of one block's text; exposed for tests and the HTML segmenter.
BlockFeatures ComputeFeatures(std::string_view text);
BlockKind ClassifyKind(std::string_view text, const BlockFeatures& features);

// Counts words the way the rules' max_words means it: runs of letters, digits,
// marks and underscores, and every CJK ideograph / kana as a word of its own.
int CountWords(std::string_view text);

}  // namespace cleaner
