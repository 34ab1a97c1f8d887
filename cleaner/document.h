// The Document that flows through every stage: decode -> normalize -> segment
// -> classify (rules, detectors) -> emit. Stages add to it; none reaches into
// another's internals. Every block ends with a verdict and the id of the rule or
// detector that decided it, which is what --explain and the JSON output show.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cleaner {

// What a block looks like, decided by the segmenter from its text alone.
enum class BlockKind : std::uint8_t {
  kParagraph,  // prose: several words ending like a sentence
  kHeading,    // short, no terminal punctuation, capitalised
  kListItem,   // starts with a bullet, a number or indentation
  kLine,       // anything else (labels, bylines, fragments)
};

const char* BlockKindName(BlockKind kind);

enum class Verdict : std::uint8_t { kKeep, kDrop, kTitle };

// Features the rules and detectors look at. Computed once by the segmenter.
struct BlockFeatures {
  int words = 0;                // \w+ runs; a CJK ideograph counts as one word
  int chars = 0;                // code points
  int letters = 0;              // code points of category L*
  int uppercase = 0;            // code points of category Lu
  int digits = 0;               // code points of category Nd
  bool terminal_punct = false;  // ends in . ! ? … 。 ！ ？ or a closing quote after one
  bool starts_capital = false;  // first letter is uppercase (or caseless script)
  int sentences = 0;            // count of sentence ends inside the block
  int indent = 0;               // leading spaces (list nesting)
  bool computed = false;        // set by ComputeFeatures: a block built by hand has none
  // The text's size in bytes when no code point is a combining mark, a connector
  // ('_' aside) or in an ideographic range, else -1: then words, letters and
  // digits agree with the content classifier's \w counts, which reuses them.
  int plain_bytes = -1;
};

// A DOM (selector) rule whose element holds a block (HTML input).
struct SelectorHit {
  int rule = -1;               // index into RuleSet::rules()
  int depth = 0;               // the element's depth in the page: inner elements win ties
  bool holds_article = false;  // the element holds most of the article region's words
};

struct Block {
  std::string text;  // normalized, trailing space trimmed, indentation kept
  int line = 0;      // 1-based line in the decoded input
  BlockKind kind = BlockKind::kLine;
  BlockFeatures features;
  Verdict verdict = Verdict::kKeep;
  std::string reason;              // rule id or detector id that decided; empty = default keep
  bool decided = false;            // a rule or detector explicitly decided (keep rules protect)
  int priority = -1;               // priority of the decision, for precedence
  std::vector<std::string> notes;  // vetoed rules and other remarks for --explain

  // HTML input only (empty / zero for text input).
  std::string dom_path;     // e.g. "body>div#main.article>p": tags, #id, .classes
  int heading_level = 0;    // 1..6 for <h1>..<h6>
  float link_density = 0;   // share of the block's characters inside <a>
  std::uint8_t markup = 0;  // MarkupBit flags: where the block sits in the markup
  std::string markdown;     // text with inline Markdown (emphasis, code, links) and Markdown
                            // syntax escaped; empty: the same as text (and for text input)
  std::vector<SelectorHit> selector_hits;  // DOM rules matched on an element holding it
  // Text rules whose patterns the block's text matched, when matched ahead: an
  // HTML page's blocks are matched once (MatchPageRules), before the page is
  // split into its article region and the rest, and ApplyRules reuses this.
  std::vector<int> rule_hits;
  bool rule_hits_known = false;
};

// Block::markup bits (HTML input), for Markdown output.
enum MarkupBit : std::uint8_t {
  kMarkupQuote = 1,         // inside <blockquote>
  kMarkupTableRow = 2,      // a <tr> of plain cells, cells joined by " | "
  kMarkupTableHeader = 4,   // ... whose cells are <th>
  kMarkupPreformatted = 8,  // <pre>: lines and indentation kept
};

// Page metadata (HTML input: <meta>, Open Graph, JSON-LD, <time>, <html lang>).
struct Metadata {
  std::string title;
  std::string author;
  std::string published;  // as found (ISO 8601 when the page gives it)
  std::string site_name;
  std::string canonical_url;
  std::string language;
};

// Lines the normalizer removed before segmentation (empty / whitespace only),
// kept so --explain can show every input line.
struct DroppedLine {
  int line = 0;
  std::string reason;
};

struct Document {
  std::string id;   // file path or record id, for messages
  std::string url;  // selects site packs; may be empty
  std::vector<Block> blocks;
  std::vector<DroppedLine> dropped_lines;
  int input_lines = 0;
  std::size_t invalid_utf8 = 0;       // sequences replaced by U+FFFD
  std::map<std::string, bool> flags;  // "paywalled", "ai_disclosure", ...
  std::vector<std::string> packs;     // ids of the packs applied, in order
  Metadata metadata;
  bool is_html = false;
  std::vector<std::string> warnings;  // non-fatal notes for the user (invalid UTF-8, ...)
  std::string error;                  // set when the input could not be cleaned (binary, ...)

  int TitleIndex() const;  // -1 when no title block
};

}  // namespace cleaner
