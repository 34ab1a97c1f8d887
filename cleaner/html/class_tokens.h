// What an element's class and id say about it. Values are split into WHOLE words
// — at spaces, '-', '_', ':' and camelCase humps ("articleBody" -> article, body;
// "related-posts" -> related, posts) — and each word is looked up exactly, so
// "ad" does not match "header" or "shadow", nor "foot" "footnote"
// (mozilla/readability#560, #807). The vocabulary lives in class_tokens.cc, one
// comment per group saying why.
#pragma once

#include <cstdint>
#include <string_view>

namespace cleaner::html {

// Signal bits (class/id ones here, element ones in dom_walk.h).
inline constexpr std::uint32_t kSignalPositive = 1 << 0;  // article, content, entry, post, story
inline constexpr std::uint32_t kSignalNegative = 1 << 1;  // nav, footer, sidebar, share, ad, ...
inline constexpr std::uint32_t kSignalHidden = 1 << 2;    // hidden, sr-only: never shown
inline constexpr std::uint32_t kSignalByline = 1 << 3;    // byline, author, dateline, timestamp
inline constexpr std::uint32_t kSignalCaption = 1 << 4;   // caption, credit
inline constexpr std::uint32_t kSignalTitle = 1 << 5;     // headline: the title repeated
// One class token naming an article's text: a container word (article, post,
// story, entry, blog) with a text word (body, content, text): "article-body",
// "entry-content", "storyText". It outweighs chrome words in the element's other
// tokens ("article-body pagination-first"), not in its own ("comment-body" is
// not an article body: "comment" is no container word).
inline constexpr std::uint32_t kSignalArticleBody = 1 << 6;

struct ClassInfo {
  std::uint32_t signals = 0;
  std::string_view negative_word;  // the first chrome word seen, for the reason id
};

// Reads one class or id attribute value; signals accumulate into `info`.
// Space-separated tokens are judged one by one (see kSignalArticleBody).
void ClassifyClassValue(std::string_view value, ClassInfo& info);

}  // namespace cleaner::html
