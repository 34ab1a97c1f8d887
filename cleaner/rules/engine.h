// Applies compiled rule packs to a segmented Document: selects the packs that
// apply (generic, site by domain / --site / fingerprint), matches every block
// once, checks shape, zone and guards, expands range actions and resolves
// precedence (higher priority wins; keep beats drop on a tie).
#pragma once

#include <memory>

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/document.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner {

struct RuleRunOptions {
  std::string site;    // pack id forced on (--site); empty: choose by URL / fingerprint
  int only_pack = -1;  // >= 0: apply only this pack, ignore selection (rule examples)
  // Only set the flags of the rules that fire (shape checked; zone and guards
  // not): for blocks another stage already dropped, such as an HTML page's AI
  // note or paywall box outside the article region. No verdict changes.
  bool flags_only = false;
  // Packs chosen beforehand (SelectPacks), e.g. on a whole HTML page when the
  // rules then run on its article region only; null: chosen here.
  const std::vector<char>* packs = nullptr;
  // For SelectPacks: the packs whose fingerprint the page's blocks matched
  // (MatchPageRules), so they need not be matched again; null: matched there.
  const std::vector<char>* fingerprints_seen = nullptr;
};

// The host of a URL, lowercased, without port or credentials ("" if none).
std::string HostOfUrl(std::string_view url);

// True when `host` is `domain` or a subdomain of it.
bool HostMatchesDomain(std::string_view host, std::string_view domain);

// Whether one block's text, kind and size satisfy the rule's patterns and shape
// constraints (zone and guards are not checked). Used by `rules test`.
bool RuleMatchesBlock(const RuleSet& rules, int rule_index, const Block& block);

// Per-thread scratch so matching allocates nothing per block, and the thread's
// matcher (set up on first use; it shares a compiled copy of the patterns with
// at most one other thread).
struct RuleScratch {
  std::unique_ptr<RuleMatcher> matcher;
  std::vector<int> fingerprints;
  PageMatch page;  // one page's rule hits, block by block
};

// HTML input: decides the blocks that selector rules' elements hold
// (Block::selector_hits, from html::DomRuleSet): among the rules that apply
// (packs, `disable`), the highest priority wins, then the innermost element's
// rule (a keep on `.footnote` inside a dropped `.sidebar`), then keep;
// drop_to_end / drop_before also cover every block after the first / before the
// last block the rule holds (losing to any element's rule of the same priority). Kept
// blocks become decided (protected from detectors and lower-priority text
// rules); dropped ones get the rule id as reason. A generic pack's drop rule is
// vetoed (a note) when its element holds most of the article region. Sets the
// flags of the rules that fire; does not record packs (ApplyRules does).
void ApplyDomRules(const RuleSet& rules, Document& doc, const RuleRunOptions& options,
                   RuleScratch& scratch);

// Whether ApplyDomRules ignores this hit: a generic pack's drop rule whose
// element holds most of the article region.
bool SelectorHitVetoed(const RuleSet& rules, const SelectorHit& hit);

// Matches every block's text against the text rules' patterns once, keeping
// the hits in the block (Block::rule_hits) for ApplyRules; returns one flag per
// pack: whether a block matched its fingerprint. For HTML pages, whose blocks
// go through the rules in parts (region, then the flags of the rest).
std::vector<char> MatchPageRules(const RuleSet& rules, Document& doc, RuleScratch& scratch);

// Which packs apply to `doc`, one flag per RuleSet::packs(): generic ones always;
// a site pack by --site, by the host of doc.url (else of the page's canonical
// link) or, with no URL from outside and no domain match, by a fingerprint seen
// in doc's blocks.
std::vector<char> SelectPacks(const RuleSet& rules, const Document& doc,
                              const RuleRunOptions& options, RuleScratch& scratch);

// Decides blocks (verdict, reason, decided, priority), sets document flags and
// records the packs applied. Blocks with Verdict::kTitle are left alone. A
// block's rule_hits, when known (MatchPageRules on this RuleSet), are taken as
// given, not matched again.
void ApplyRules(const RuleSet& rules, Document& doc, const RuleRunOptions& options,
                RuleScratch& scratch);

}  // namespace cleaner
