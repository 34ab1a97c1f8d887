// Picks the article region of a walked page and decides every block.
//
//  1. Each block gets a value from its own shape, in characters: prose (enough
//     words, a sentence end, few links) counts its unlinked text; long blocks
//     count links a quarter against (inline links); short blocks count links
//     fully against and other text half for.
//  2. Chrome counts against in full: <nav>/<aside>/<footer>/<header>/<form>,
//     chrome roles, chrome class/id words (class_tokens.h), and teaser lists
//     (three or more items, each a linked headline with a little text). If
//     honoring all of that leaves the region without most of the prose, it is
//     retried with "chrome" elements holding half the page's prose taken for
//     layout wrappers (<form id="aspnetForm">, "content-with-sidebar").
//  3. The region is the element whose subtree sums highest (ties: the deepest).
//     A JSON-LD articleBody, when the page has one, overrides a region that
//     misses a tenth of the paragraphs it names.
//  4. The headline is the first <h1> (else heading) whose text matches one of
//     the page's titles, else the first <h1> up to the region's end. Gold bodies
//     start after it: region blocks before it (tickers, kickers) are dropped.
//  5. Inside the region, chrome subtrees, link lists, bylines, captions, date
//     lines and short link-heavy blocks are dropped, then headings left with
//     nothing kept under them; everything else is kept: headings, lists,
//     quotes and tables included.
// Reasons: html.outside, html.before-title, html.chrome.<word>, html.teasers,
// html.link-list, html.links, html.byline, html.caption, html.dateline,
// html.orphan-heading, html.title (the headline, Verdict::kTitle).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/document.h"
#include "cleaner/html/dom_walk.h"

namespace cleaner::html {

struct ContentHints {
  // og:title, JSON-LD headline, <title>: to find the headline.
  std::vector<std::string_view> titles;
  // JSON-LD articleBody: to check the region.
  std::string_view json_ld_body;
};

struct BlockDecision {
  Verdict verdict = Verdict::kKeep;
  std::string reason;  // empty when kept
};

// `features[i]` belong to tree.blocks[i] (whose text is already normalized);
// blocks with features.chars == 0 are ignored. Returns one decision per block.
std::vector<BlockDecision> SelectContent(const DomTree& tree,
                                         const std::vector<BlockFeatures>& features,
                                         const ContentHints& hints);

}  // namespace cleaner::html
