// Gumbo tree -> text blocks, in one iterative pass (an explicit stack: trees may
// be deep). Every element entered gets a DomNode (a flat POD table: no heap
// allocation per node); text is collected into blocks owned by their innermost
// block-level element:
//   - skipped with their content: script/style/noscript/template/iframe/object,
//     form controls (button, select, input, textarea), media, <head>, and hidden
//     elements ([hidden], aria-hidden="true", display:none / visibility:hidden,
//     hidden-text classes such as sr-only);
//   - block-level elements (p, h1-h6, li, blockquote, pre, dd/dt, figcaption,
//     div/section/article text runs, ...) start and end blocks; <br> ends one
//     (gold bodies put paragraphs one per line, and shingle scores ignore line
//     breaks); inline text joins with the page's own white space collapsed;
//   - a table row of plain cells is one block, cells joined by " | "; a cell
//     holding block-level content (layout tables) gives blocks of its own;
//   - list items start with "• " (or "N. " in an <ol>), as text mode's
//     ClassifyKind expects of list items; <pre> keeps its lines and indentation;
//   - inline <em>/<i>, <strong>/<b>, <code>/<kbd>/<samp>/<tt> and <a href> become
//     Markdown in DomBlock::markdown only, never in DomBlock::text: markers hug
//     the text (white space, no-break spaces included, stays outside; an empty
//     span emits nothing); a span crossing a block boundary is closed and
//     reopened; adjacent spans of one kind are joined ("**a b**", not
//     "**a** **b**"); code holding backticks gets a longer fence; emphasis
//     CommonMark's flanking rules would not read ("**A:**The") is dropped; a
//     link right after '!' escapes it. Plain text is Markdown-escaped.
// Which blocks make the article is decided later (content.h).
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cleaner/html/class_tokens.h"

namespace cleaner::html {

// Signals of a DomNode beyond the class/id ones (class_tokens.h uses bits 0..7).
// kSignalArticleBody is also set by itemprop="articleBody".
inline constexpr std::uint32_t kSignalArticleTag = 1 << 8;  // <article>, role="article"
inline constexpr std::uint32_t kSignalMainTag = 1 << 9;     // <main>, role="main"
// <nav>, <aside>, <footer>, <header>, <form>, <menu>; role navigation, complementary,
// contentinfo, banner, dialog, search, menu, toolbar.
inline constexpr std::uint32_t kSignalChromeTag = 1 << 11;
inline constexpr std::uint32_t kSignalLink = 1 << 12;     // <a href>
inline constexpr std::uint32_t kSignalList = 1 << 13;     // <ul>, <ol>, <dl>
inline constexpr std::uint32_t kSignalTable = 1 << 14;    // <table>
inline constexpr std::uint32_t kSignalFigure = 1 << 15;   // <figure>, <figcaption>
inline constexpr std::uint32_t kSignalTimeTag = 1 << 16;  // <time>
inline constexpr std::uint32_t kSignalAddress = 1 << 17;  // <address>

struct DomNode {
  const GumboNode* node = nullptr;
  int parent = -1;  // index into DomTree::nodes
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::uint32_t signals = 0;
  const char* chrome = nullptr;  // reason word for kSignalNegative / kSignalChromeTag
  int first_block = 0;           // blocks inside: [first_block, end_block)
  int end_block = 0;
  int list_counter = 0;  // <ol>: next item number
};

struct DomBlock {
  std::string text;  // white space collapsed and trimmed; "• " / "N. " prefix on list items
  // The same text with inline Markdown (*em*, **strong**, `code`, [link](href))
  // and Markdown-escaped characters; empty when that equals `text` (no inline
  // markup, nothing to escape) and for <pre> blocks (fenced as they are).
  std::string markdown;
  int node = 0;   // owner: innermost block-level element
  int chars = 0;  // code points of text
  int link_chars = 0;
  int heading_level = 0;
  bool preformatted = false;
  // Set when most of the text sits inside inline elements with class signals
  // (<span class="byline">): their signal bits and chrome word.
  std::uint32_t inline_signals = 0;
  const char* inline_chrome = nullptr;
};

struct DomTree {
  std::vector<DomNode> nodes;  // pre-order; nodes[0] is the walk's root
  std::vector<DomBlock> blocks;
  int body = -1;  // index of <body>, or -1
};

// Walks the tree under `root` (normally the <html> element). `base_url` (the
// page's address, may be empty) resolves relative links in DomBlock::markdown;
// without one they stay relative.
// `markdown` false leaves every DomBlock::markdown empty (no output needs it).
void WalkDom(const GumboNode* root, DomTree& out, std::string_view base_url = {},
             bool markdown = true);

// A link target for Markdown: `href` resolved against `base_url` when relative,
// spaces and parentheses percent-encoded; empty for links that lead nowhere off
// the page (javascript:, data:, "#fragment", empty).
std::string LinkTarget(std::string_view href, std::string_view base_url);

// `text` with the characters that are Markdown syntax inside a line
// (\ * _ ` [ ], '<' starting a tag or an autolink, '&' starting an entity)
// backslash-escaped; an underscore inside a word is left alone.
std::string EscapeMarkdown(std::string_view text);

// "body>div#main.article>p": tag, #id and up to two .class tokens per level,
// from <body> down to `node`, middle levels elided past eight.
std::string DomPath(const DomTree& tree, int node);

// Lower-case tag name of an element, custom elements included.
std::string_view TagName(const GumboNode* node);

}  // namespace cleaner::html
