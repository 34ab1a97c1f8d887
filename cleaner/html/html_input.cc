#include "cleaner/html/html_input.h"

#include <algorithm>
#include <new>

#include "cleaner/html/charset.h"
#include "cleaner/html/content.h"
#include "cleaner/html/dom_rules.h"
#include "cleaner/html/dom_walk.h"
#include "cleaner/html/fallback.h"
#include "cleaner/html/gumbo_document.h"
#include "cleaner/html/metadata.h"
#include "cleaner/html/prescan.h"
#include "cleaner/html/tag_scanner.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"

namespace cleaner {
namespace {

using html::IsHtmlSpace;

constexpr std::size_t kSniffBytes = 1024;

// Normalized block text: NormalizeLine, then runs of spaces collapsed and stray
// leading spaces (from &nbsp;) trimmed; list indentation and <pre> lines stay.
std::string BlockText(std::string_view raw, bool preformatted) {
  std::string text = NormalizeLine(raw);
  if (preformatted) return text;
  std::size_t indent = 0;
  while (indent < raw.size() && raw[indent] == ' ') ++indent;  // only list nesting adds these
  std::string out;
  out.reserve(text.size());
  out.append(std::min(indent, text.size()), ' ');
  bool space = false;
  for (std::size_t i = std::min(indent, text.size()); i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && out.size() > indent) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void AddBlock(Document& doc, std::string text, Verdict verdict, std::string reason) {
  Block b;
  b.features = ComputeFeatures(text);
  b.kind = ClassifyKind(text, b.features);
  b.text = std::move(text);
  b.line = static_cast<int>(doc.blocks.size()) + 1;
  b.verdict = verdict;
  b.reason = std::move(reason);
  doc.blocks.push_back(std::move(b));
}

void FallbackToText(std::string_view page, Document& doc, const std::string& why) {
  doc.warnings.push_back(why + "; extracted by tag stripping, without article detection");
  html::FallbackText text = html::StripTags(page);
  doc.metadata.title = html::CleanValue(text.title);
  for (const std::string& line : text.lines) {
    std::string t = BlockText(line, false);
    if (!t.empty()) AddBlock(doc, std::move(t), Verdict::kKeep, {});
  }
}

// Where a block sits, for Markdown: its owner element and a few ancestors
// (bounded: hostile pages nest deeply).
std::uint8_t MarkupOf(const html::DomTree& tree, const html::DomBlock& block) {
  constexpr int kMaxAncestors = 48;
  std::uint8_t bits = block.preformatted ? kMarkupPreformatted : 0;
  const html::DomNode& owner = tree.nodes[static_cast<std::size_t>(block.node)];
  if (owner.tag == GUMBO_TAG_TR) {
    bits |= kMarkupTableRow;
    const GumboVector& cells = owner.node->v.element.children;
    for (unsigned i = 0; i < cells.length; ++i) {
      const auto* cell = static_cast<const GumboNode*>(cells.data[i]);
      if (cell->type != GUMBO_NODE_ELEMENT) continue;
      if (cell->v.element.tag == GUMBO_TAG_TH) bits |= kMarkupTableHeader;
      break;
    }
  }
  int at = block.node;
  for (int depth = 0; at >= 0 && depth < kMaxAncestors; ++depth) {
    const html::DomNode& n = tree.nodes[static_cast<std::size_t>(at)];
    if (n.tag == GUMBO_TAG_BLOCKQUOTE) bits |= kMarkupQuote;
    at = n.parent;
  }
  return bits;
}

void Convert(std::string_view bytes, const HtmlOptions& options, Document& doc) {
  html::HtmlText decoded = html::DecodeHtmlBytes(bytes, options.charset);
  for (std::string& w : decoded.warnings) doc.warnings.push_back(std::move(w));
  doc.invalid_utf8 = decoded.invalid_sequences;
  if (decoded.invalid_sequences > 0) {
    doc.warnings.push_back(std::to_string(decoded.invalid_sequences) +
                           " invalid byte sequence(s) replaced with U+FFFD");
  }
  const std::string& text = decoded.text;
  if (const std::size_t first_nul = text.find('\0'); first_nul != std::string::npos) {
    const auto nuls = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0'));
    if (nuls * 100 > text.size() || !LooksLikeHtml(text)) {
      doc.error =
          "binary input (NUL byte at offset " + std::to_string(first_nul) + "); not cleaned";
      return;
    }
  }
  if (text.size() > options.max_bytes) {
    FallbackToText(html::Prescan(text, 0).html, doc,
                   "page is " + std::to_string(text.size()) + " bytes, over the " +
                       std::to_string(options.max_bytes) + "-byte limit for parsing");
    return;
  }
  html::PrescanResult pre = html::Prescan(text, options.max_depth, options.markdown);
  if (pre.too_deep) {
    FallbackToText(pre.html, doc,
                   "page nests deeper than " + std::to_string(options.max_depth) + " elements");
    return;
  }
  if (pre.elements > options.max_elements) {
    FallbackToText(pre.html, doc,
                   "page has " + std::to_string(pre.elements) + " elements, over the limit of " +
                       std::to_string(options.max_elements));
    return;
  }

  html::GumboDocument gumbo;
  gumbo.Parse(std::move(pre.html), options.max_errors);
  html::DomTree tree;
  const html::PageTags tags = html::ReadPageTags(gumbo.root());
  html::WalkDom(gumbo.root(), tree, options.base_url.empty() ? tags.canonical : options.base_url,
                options.markdown);
  html::PageMetadata meta = html::ExtractMetadata(tags, tree, pre.json_ld);
  doc.metadata = meta.metadata;

  std::vector<BlockFeatures> features(tree.blocks.size());
  for (std::size_t i = 0; i < tree.blocks.size(); ++i) {
    html::DomBlock& b = tree.blocks[i];
    b.text = BlockText(b.text, b.preformatted);
    if (!b.text.empty()) features[i] = ComputeFeatures(b.text);
  }
  html::ContentHints hints;
  hints.titles = {meta.og_title, meta.metadata.title, meta.title_tag};
  hints.json_ld_body = meta.json_ld_body;
  std::vector<html::BlockDecision> decisions = html::SelectContent(tree, features, hints);
  std::vector<std::vector<SelectorHit>> selector_hits;
  if (options.dom_rules != nullptr && !options.dom_rules->empty()) {
    std::vector<int> words(tree.blocks.size());
    std::vector<char> kept(tree.blocks.size());
    for (std::size_t i = 0; i < tree.blocks.size(); ++i) {
      words[i] = features[i].words;
      kept[i] = decisions[i].verdict != Verdict::kDrop;
    }
    options.dom_rules->Match(tree, words, kept, selector_hits);
  }

  doc.blocks.reserve(tree.blocks.size());
  for (std::size_t i = 0; i < tree.blocks.size(); ++i) {
    html::DomBlock& db = tree.blocks[i];
    if (db.text.empty()) continue;
    Block b;
    b.features = features[i];
    b.kind = db.heading_level > 0 ? BlockKind::kHeading : ClassifyKind(db.text, b.features);
    b.text = std::move(db.text);
    b.line = static_cast<int>(doc.blocks.size()) + 1;
    b.verdict = decisions[i].verdict;
    b.reason = std::move(decisions[i].reason);
    b.dom_path = html::DomPath(tree, db.node);
    b.heading_level = db.heading_level;
    b.link_density =
        db.chars > 0 ? static_cast<float>(db.link_chars) / static_cast<float>(db.chars) : 0.0f;
    b.markup = MarkupOf(tree, db);
    if (!db.markdown.empty()) b.markdown = BlockText(db.markdown, db.preformatted);
    if (!selector_hits.empty()) b.selector_hits = std::move(selector_hits[i]);
    doc.blocks.push_back(std::move(b));
  }
}

bool StartsWithTag(std::string_view s, std::string_view lower_name) {
  if (s.size() < lower_name.size() + 1 || s[0] != '<') return false;
  if (!html::EqualsLower(s.substr(1, lower_name.size()), lower_name)) return false;
  if (s.size() == lower_name.size() + 1) return true;
  char next = s[lower_name.size() + 1];
  return IsHtmlSpace(next) || next == '>' || next == '/';
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  std::string narrowed;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    // UTF-16: the ASCII markup is every other byte.
    const std::size_t first = bytes[0] == '\xFF' ? 2 : 3;
    for (std::size_t i = first; i < bytes.size() && narrowed.size() < kSniffBytes; i += 2)
      narrowed.push_back(bytes[i]);
    bytes = narrowed;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string_view head = bytes.substr(0, kSniffBytes);
  while (!head.empty() && IsHtmlSpace(head.front())) head.remove_prefix(1);
  if (head.starts_with("<!--") || html::EqualsLower(head.substr(0, 14), "<!doctype html"))
    return true;
  static constexpr std::string_view kStarts[] = {
      "html", "head",  "body",     "meta",    "title",  "div", "p",    "script",
      "link", "table", "article",  "section", "header", "nav", "main", "style",
      "span", "h1",    "h2",       "h3",      "ul",     "ol",  "form", "center",
      "font", "base",  "noscript", "iframe",  "img",    "br",  "a",    "b"};
  for (std::string_view tag : kStarts) {
    if (StartsWithTag(head, tag)) return true;
  }
  // Text before the markup (a prolog, stray bytes): an <html> or doctype early on.
  return html::FindLower(head, "<html") != std::string_view::npos ||
         html::FindLower(head, "<!doctype html") != std::string_view::npos;
}

void HtmlToDocument(std::string_view bytes, const HtmlOptions& options, Document& doc) {
  doc.is_html = true;
  doc.blocks.clear();
  doc.dropped_lines.clear();
  doc.metadata = {};
  doc.warnings.clear();
  doc.error.clear();
  doc.invalid_utf8 = 0;
  try {
    Convert(bytes, options, doc);
  } catch (const std::bad_alloc&) {
    doc.blocks.clear();
    doc.error = "out of memory while parsing HTML; not cleaned";
  }
  if (!doc.error.empty()) doc.blocks.clear();
  doc.input_lines = static_cast<int>(doc.blocks.size());
}

}  // namespace cleaner
