// HTML input: raw page bytes -> a Document of article blocks, for the same
// classification stages (rules, detectors) text input goes through.
//
//   cleaner::Document doc;
//   cleaner::HtmlToDocument(bytes, {}, doc);
//   if (!doc.error.empty()) ...;  // binary input
//   for (const cleaner::Block& b : doc.blocks) if (b.verdict == Verdict::kKeep) ...
//
// Stages (one file each): charset (BOM / forced / <meta> / bytes -> UTF-8) ->
// prescan (cut script/style/comments/svg/noscript/template, keep JSON-LD aside,
// estimate nesting depth) -> Gumbo (arena-allocated, never recursively freed) ->
// DOM walk (iterative; blocks with dom_path, heading level, link density) ->
// metadata -> content (the article region; everything else dropped with a
// reason "html.<why>").
//
// Limits, each with a defined result instead of a parse:
//   - input longer than max_bytes, nesting estimated deeper than max_depth
//     (Gumbo is quadratic there), or more than max_elements start tags (memory):
//     a linear tag-stripping extraction of the page,
//     one block per block-level element or <br> line, all kept, no article
//     detection; doc.warnings says which limit applied;
//   - NUL bytes in a page that does not look like HTML, or in more than 1% of
//     it: doc.error ("binary input"), no blocks;
//   - out of memory inside Gumbo: doc.error, no blocks.
// Never throws. Thread-safe: no shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cleaner/document.h"

namespace cleaner {

namespace html {
class DomRuleSet;
}

struct HtmlOptions {
  std::size_t max_bytes = 32u << 20;  // larger input: tag-stripping fallback (see above)
  int max_depth = 512;                // deeper estimated nesting: tag-stripping fallback
  std::size_t max_elements = 250000;  // more start tags: tag-stripping fallback (a Gumbo
                                      // node costs ~400 bytes: bounds memory to ~100 MB)
  unsigned max_errors = 1000;         // Gumbo max_errors: parse errors recorded at most
  std::string charset;                // forced charset (--charset / JSONL field), empty = detect
  bool markdown = false;  // build Block::markdown (inline markup, escapes, link targets):
                          // Markdown output only, the rest need not pay for it
  std::string base_url;   // the page's address: resolves relative links in Markdown (else the
                          // canonical link does; else they stay relative)
  // Selector rules to match: each block's Block::selector_hits (null: none).
  const html::DomRuleSet* dom_rules = nullptr;
};

// Sniffs the first kilobyte (after a BOM and white space) for markup an HTML
// page starts with: <!doctype html, <html, <head, <body, <meta, <title, <div,
// <p, <!--, <script, <link, <table, <article, an <?xml prolog followed by <html.
bool LooksLikeHtml(std::string_view bytes);

// Fills doc.blocks (in document order: the article region's blocks kept, the
// others Verdict::kDrop with reason "html.<why>", decided = false; the headline
// Verdict::kTitle), doc.metadata, doc.is_html = true, doc.warnings and
// doc.invalid_utf8; on a hard failure sets doc.error and leaves no blocks.
// Block::line is a running block number (1-based). Resets everything it fills;
// id, url, flags and packs are left as they are.
void HtmlToDocument(std::string_view bytes, const HtmlOptions& options, Document& doc);

}  // namespace cleaner
