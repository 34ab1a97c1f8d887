// Content-word vocabulary of a text, for detectors that ask "does this block
// talk about the same thing as the article?". Words are lowercased, 4+ letters.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace cleaner {

// Appends the content words of `text` (lowercased runs of 4+ letters or digits).
void ContentWords(std::string_view text, std::vector<std::string>& out);

// Share of the distinct content words of `text` found in `vocabulary`;
// -1 when `text` has fewer than `min_words` content words.
double VocabularyOverlap(std::string_view text, const std::unordered_set<std::string>& vocabulary,
                         std::size_t min_words = 2);

}  // namespace cleaner
