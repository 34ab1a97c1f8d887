#include "cleaner/pipeline/cleaner.h"

#include "cleaner/detect/content_classifier.h"
#include "cleaner/detect/detectors.h"
#include "cleaner/html/dom_rules.h"
#include "cleaner/html/html_input.h"
#include "cleaner/normalize/decode.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"

namespace cleaner {

Cleaner::Cleaner(const RuleSet& rules)
    : rules_(rules), dom_rules_(html::DomRuleSet::Compile(rules)) {}

Cleaner::~Cleaner() = default;

Document Cleaner::Clean(std::string_view bytes, const CleanOptions& options) {
  Document doc;
  doc.id = options.id;
  doc.url = options.url;
  const bool html = options.input == InputKind::kHtml ||
                    (options.input == InputKind::kAuto && LooksLikeHtml(bytes));
  if (html) {
    HtmlOptions html_options;
    html_options.charset = options.charset;
    html_options.dom_rules = dom_rules_.get();
    html_options.base_url = options.url;
    html_options.markdown = options.markdown;
    HtmlToDocument(bytes, html_options, doc);
    if (doc.error.empty()) ClassifyHtml(doc, options);
    return doc;
  }
  DecodedText decoded = DecodeUtf8(bytes);
  if (decoded.IsBinary()) {
    doc.error =
        "binary input (NUL byte at offset " + std::to_string(decoded.first_nul) + "); not cleaned";
    return doc;
  }
  doc.invalid_utf8 = decoded.invalid_sequences;
  if (decoded.invalid_sequences > 0) {
    doc.warnings.push_back(std::to_string(decoded.invalid_sequences) +
                           " invalid UTF-8 sequence(s) replaced with U+FFFD");
  }
  SegmentLines(NormalizeLines(decoded.text), doc);
  Classify(doc, options);
  return doc;
}

void Cleaner::ClassifyHtml(Document& doc, const CleanOptions& options) {
  // The page's blocks meet the text rules' patterns once, here, though the rules
  // then run on the article region and, for flags, on the rest. Packs are chosen
  // on the whole page: a fingerprint (a Substack wall) often sits outside the
  // article region.
  const std::vector<char> fingerprints = MatchPageRules(rules_, doc, scratch_);
  const std::vector<char> packs = SelectPacks(
      rules_, doc, {.site = options.site, .fingerprints_seen = &fingerprints}, scratch_);
  const RuleRunOptions run{.site = options.site, .packs = &packs};
  ApplyDomRules(rules_, doc, run, scratch_);
  std::vector<Block> all = std::move(doc.blocks);
  std::vector<std::size_t> region;
  doc.blocks.clear();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].verdict == Verdict::kDrop) continue;
    region.push_back(i);
    doc.blocks.push_back(std::move(all[i]));
  }
  ClassifyWith(doc, options, run);
  for (std::size_t k = 0; k < region.size(); ++k) all[region[k]] = std::move(doc.blocks[k]);
  // Flags describe the page: an AI note or a paywall box the region left out
  // still counts. Those blocks stay as the HTML stage decided.
  Document outside;
  outside.url = doc.url;
  for (Block& b : all) {
    if (b.verdict == Verdict::kDrop && !b.decided) outside.blocks.push_back(std::move(b));
  }
  RuleRunOptions flags_run = run;
  flags_run.flags_only = true;
  ApplyRules(rules_, outside, flags_run, scratch_);
  std::size_t next = 0;
  for (Block& b : all) {
    if (b.verdict == Verdict::kDrop && !b.decided) b = std::move(outside.blocks[next++]);
  }
  for (const auto& [flag, on] : outside.flags) doc.flags[flag] = doc.flags[flag] || on;
  doc.blocks = std::move(all);
  // The hits are indices into this RuleSet, for this text: not for a later run.
  for (Block& b : doc.blocks) {
    b.rule_hits = {};
    b.rule_hits_known = false;
  }
}

void Cleaner::Classify(Document& doc, const CleanOptions& options) {
  ClassifyWith(doc, options, {.site = options.site});
}

void Cleaner::ClassifyWith(Document& doc, const CleanOptions& options, const RuleRunOptions& run) {
  // HTML: the headline was found from the markup (<h1>, og:title).
  if (options.detectors && !doc.is_html) DetectTitle(doc);
  ApplyRules(rules_, doc, run, scratch_);
  if (!options.detectors) return;
  DetectRepeatedTitle(doc);
  DetectDuplicates(doc);
  DetectUnrelatedHeadlines(doc);
  DetectUiLabels(doc);
  ClassifyContent(doc);
  DetectOrphanHeadings(doc);
}

}  // namespace cleaner
