#include "cleaner/rules/engine.h"

#include <algorithm>

namespace cleaner {
namespace {

void EnsureMatcher(const RuleSet& rules, RuleScratch& scratch) {
  if (!scratch.matcher || &scratch.matcher->rules() != &rules) {
    scratch.matcher = std::make_unique<RuleMatcher>(rules);
  }
}

// A decision candidate for one block.
struct Candidate {
  int priority = -1;
  bool keep = false;
  bool direct = false;  // the block itself matched (not covered by a range)
  int rule = -1;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.keep != b.keep) return a.keep;
  if (a.direct != b.direct) return a.direct;
  return false;  // first seen stays
}

struct Firing {
  int rule;
  int block;
};

// Zone and guard arithmetic over the blocks that are not the title.
class Positions {
 public:
  explicit Positions(const Document& doc) {
    const std::size_t n = doc.blocks.size();
    words_before_.assign(n + 1, 0);
    prose_before_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const Block& b = doc.blocks[i];
      bool counts = b.verdict != Verdict::kTitle;
      words_before_[i + 1] = words_before_[i] + (counts ? b.features.words : 0);
      prose_before_[i + 1] =
          prose_before_[i] + (counts && b.kind == BlockKind::kParagraph ? b.features.words : 0);
    }
  }
  bool InZone(Zone zone, int block) const {
    if (zone == Zone::kAny) return true;
    long total = words_before_.back();
    long before = words_before_[static_cast<std::size_t>(block)];
    if (zone == Zone::kHead) return block < 5 || before * 10 <= total * 3;
    return before * 2 >= total;  // tail
  }
  long ProseBefore(int block) const { return prose_before_[static_cast<std::size_t>(block)]; }
  long ProseAfter(int block) const {
    return prose_before_.back() - prose_before_[static_cast<std::size_t>(block) + 1];
  }

 private:
  std::vector<long> words_before_;
  std::vector<long> prose_before_;
};

bool ShapeMatches(const Rule& rule, const Block& block) {
  int words = block.features.words;
  if (words < rule.min_words || words > rule.max_words) return false;
  if (!rule.kinds.empty() &&
      std::find(rule.kinds.begin(), rule.kinds.end(), block.kind) == rule.kinds.end()) {
    return false;
  }
  return true;
}

// The packs chosen without reading the page's text: generic ones, --site, the
// domains of its URL. Sets `by_fingerprint` when its blocks should still be
// searched for a site pack's fingerprint.
std::vector<char> PacksByAddress(const RuleSet& rules, const Document& doc,
                                 const RuleRunOptions& options, bool& by_fingerprint) {
  by_fingerprint = false;
  const auto& packs = rules.packs();
  if (options.packs != nullptr && options.packs->size() == packs.size()) return *options.packs;
  std::vector<char> active(packs.size(), 0);
  if (options.only_pack >= 0) {
    active[static_cast<std::size_t>(options.only_pack)] = 1;
    return active;
  }
  // A saved HTML page names its own address (<link rel=canonical>, og:url).
  std::string host = HostOfUrl(doc.url.empty() ? doc.metadata.canonical_url : doc.url);
  bool any_site = false;
  for (std::size_t p = 0; p < packs.size(); ++p) {
    const Pack& pack = packs[p];
    if (!pack.IsSite()) {
      active[p] = 1;
    } else if (!options.site.empty()) {
      active[p] = pack.id == options.site;
    } else if (!host.empty()) {
      for (const std::string& d : pack.domains) {
        if (HostMatchesDomain(host, d)) active[p] = 1;
      }
    }
    any_site = any_site || (pack.IsSite() && active[p]);
  }
  // No URL from outside and no --site: a site pack applies when its fingerprint
  // is seen (a page's own canonical link may name a custom domain).
  by_fingerprint = doc.url.empty() && options.site.empty() && !any_site;
  return active;
}

}  // namespace

std::vector<char> MatchPageRules(const RuleSet& rules, Document& doc, RuleScratch& scratch) {
  EnsureMatcher(rules, scratch);
  std::vector<char> seen(rules.packs().size(), 0);
  const PageMatch& page = scratch.page;
  scratch.matcher->MatchPage(doc.blocks, /*fingerprints=*/true, scratch.page);
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    Block& block = doc.blocks[b];
    block.rule_hits.assign(page.hits.begin() + page.first[b],
                           page.hits.begin() + page.first[b + 1]);
    block.rule_hits_known = true;
  }
  for (int p : page.fingerprint_packs) seen[static_cast<std::size_t>(p)] = 1;
  return seen;
}

std::vector<char> SelectPacks(const RuleSet& rules, const Document& doc,
                              const RuleRunOptions& options, RuleScratch& scratch) {
  EnsureMatcher(rules, scratch);
  bool by_fingerprint = false;
  std::vector<char> active = PacksByAddress(rules, doc, options, by_fingerprint);
  if (by_fingerprint && options.fingerprints_seen != nullptr &&
      options.fingerprints_seen->size() == active.size()) {
    for (std::size_t p = 0; p < active.size(); ++p) active[p] |= (*options.fingerprints_seen)[p];
  } else if (by_fingerprint) {
    for (const Block& block : doc.blocks) {
      scratch.matcher->MatchFingerprints(block.text, scratch.fingerprints);
      for (int p : scratch.fingerprints) active[static_cast<std::size_t>(p)] = 1;
    }
  }
  return active;
}

std::string HostOfUrl(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos)
    url.remove_prefix(scheme + 3);
  else if (url.starts_with("//"))
    url.remove_prefix(2);
  url = url.substr(0, url.find_first_of("/?#"));
  if (std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.starts_with('[')) {
    url = url.substr(0, url.find(':'));
  } else if (std::size_t close = url.find(']'); close != std::string_view::npos) {
    url = url.substr(0, close + 1);  // "[::1]:8080" -> "[::1]"
  }
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

bool HostMatchesDomain(std::string_view host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.ends_with(domain) &&
         host[host.size() - domain.size() - 1] == '.';
}

bool RuleMatchesBlock(const RuleSet& rules, int rule_index, const Block& block) {
  const Rule& rule = *rules.rules()[static_cast<std::size_t>(rule_index)].rule;
  if (!ShapeMatches(rule, block)) return false;
  std::vector<int> hits;
  rules.MatchRules(block.text, hits);
  return std::binary_search(hits.begin(), hits.end(), rule_index);
}

namespace {

// The rules that apply to `doc`: their pack is selected and no selected site
// pack disables them. Records the packs in doc.packs when `record` is set.
std::vector<char> ActiveRules(const RuleSet& rules, Document& doc,
                              const std::vector<char>& active_packs, bool record) {
  const auto& packs = rules.packs();
  const auto& compiled = rules.rules();
  std::vector<char> active(compiled.size(), 0);
  for (std::size_t r = 0; r < compiled.size(); ++r)
    active[r] = active_packs[static_cast<std::size_t>(compiled[r].pack)];
  for (std::size_t p = 0; p < packs.size(); ++p) {
    if (!active_packs[p]) continue;
    if (record) doc.packs.push_back(packs[p].id);
    for (int r : rules.disabled_by(p)) active[static_cast<std::size_t>(r)] = 0;
  }
  return active;
}

}  // namespace

bool SelectorHitVetoed(const RuleSet& rules, const SelectorHit& hit) {
  const RuleSet::CompiledRule& cr = rules.rules()[static_cast<std::size_t>(hit.rule)];
  // A generic drop rule whose element holds most of the article is a page that
  // names its article wrapper like chrome ("story premium").
  return hit.holds_article && cr.rule->action != Action::kKeep &&
         !rules.packs()[static_cast<std::size_t>(cr.pack)].IsSite();
}

void ApplyDomRules(const RuleSet& rules, Document& doc, const RuleRunOptions& options,
                   RuleScratch& scratch) {
  bool any = false;
  for (const Block& b : doc.blocks) any = any || !b.selector_hits.empty();
  if (!any) return;
  const std::vector<char> active =
      ActiveRules(rules, doc, SelectPacks(rules, doc, options, scratch), false);
  const auto& packs = rules.packs();
  const auto& compiled = rules.rules();
  const int n = static_cast<int>(doc.blocks.size());
  // Per block, the best candidate so far and its element's depth (-1: covered
  // by a range, which loses to any element of the same priority).
  std::vector<std::pair<Candidate, int>> best(static_cast<std::size_t>(n));
  auto offer = [&](int b, const Candidate& c, int depth) {
    if (doc.blocks[static_cast<std::size_t>(b)].verdict == Verdict::kTitle) return;
    auto& [cur, cur_depth] = best[static_cast<std::size_t>(b)];
    // As CSS: at equal priority the innermost element's rule is the specific one.
    const bool better = cur.rule < 0 || c.priority > cur.priority ||
                        (c.priority == cur.priority &&
                         (depth > cur_depth || (depth == cur_depth && Better(c, cur))));
    if (better) {
      cur = c;
      cur_depth = depth;
    }
  };
  // drop_to_end / drop_before: the first / last block a firing rule holds.
  std::vector<std::pair<int, int>> span(compiled.size(), {-1, -1});
  for (int b = 0; b < n; ++b) {
    Block& block = doc.blocks[static_cast<std::size_t>(b)];
    if (block.verdict == Verdict::kTitle) continue;
    for (const SelectorHit& hit : block.selector_hits) {
      const RuleSet::CompiledRule& cr = compiled[static_cast<std::size_t>(hit.rule)];
      if (!active[static_cast<std::size_t>(hit.rule)]) continue;
      const Pack& pack = packs[static_cast<std::size_t>(cr.pack)];
      const bool keep = cr.rule->action == Action::kKeep;
      if (SelectorHitVetoed(rules, hit)) {
        block.notes.push_back("rule " + cr.rule->id +
                              " vetoed: its element holds most of the article");
        continue;
      }
      for (const std::string& flag : cr.rule->flags) doc.flags[flag] = true;
      offer(b, {pack.priority, keep, true, hit.rule}, hit.depth);
      auto& [first, last] = span[static_cast<std::size_t>(hit.rule)];
      if (first < 0) first = b;
      last = b;
    }
  }
  for (std::size_t r = 0; r < compiled.size(); ++r) {
    const auto [first, last] = span[r];
    if (first < 0) continue;
    const Action action = compiled[r].rule->action;
    const Candidate covered{packs[static_cast<std::size_t>(compiled[r].pack)].priority, false,
                            false, static_cast<int>(r)};
    if (action == Action::kDropToEnd) {
      for (int b = first + 1; b < n; ++b) offer(b, covered, -1);
    } else if (action == Action::kDropBefore) {
      for (int b = 0; b < last; ++b) offer(b, covered, -1);
    }
  }
  for (int b = 0; b < n; ++b) {
    const Candidate& c = best[static_cast<std::size_t>(b)].first;
    if (c.rule < 0) continue;
    Block& block = doc.blocks[static_cast<std::size_t>(b)];
    block.priority = c.priority;
    block.reason = compiled[static_cast<std::size_t>(c.rule)].rule->id;
    block.verdict = c.keep ? Verdict::kKeep : Verdict::kDrop;
    // A kept block is protected from detectors and lower-priority text rules; a
    // dropped one stays open to the flags of text rules (ClassifyHtml).
    block.decided = c.keep;
  }
}

void ApplyRules(const RuleSet& rules, Document& doc, const RuleRunOptions& options,
                RuleScratch& scratch) {
  const auto& packs = rules.packs();
  const auto& compiled = rules.rules();
  EnsureMatcher(rules, scratch);
  bool by_fingerprint = false;
  std::vector<char> active_packs = PacksByAddress(rules, doc, options, by_fingerprint);
  // One pass over the page finds the rules' hits and, while the packs are not
  // known yet, the fingerprints. Blocks matched ahead (MatchPageRules) are not
  // matched again, unless fingerprints are wanted.
  const int n = static_cast<int>(doc.blocks.size());
  PageMatch& page = scratch.page;
  const bool known =
      !by_fingerprint && std::all_of(doc.blocks.begin(), doc.blocks.end(),
                                     [](const Block& b) { return b.rule_hits_known; });
  if (known) {
    page.hits.clear();
    page.first.assign(1, 0);
    for (const Block& block : doc.blocks) {
      page.hits.insert(page.hits.end(), block.rule_hits.begin(), block.rule_hits.end());
      page.first.push_back(static_cast<int>(page.hits.size()));
    }
  } else {
    scratch.matcher->MatchPage(doc.blocks, by_fingerprint, page);
    for (int p : page.fingerprint_packs) active_packs[static_cast<std::size_t>(p)] = 1;
  }
  const std::vector<int>& hits = page.hits;
  const std::vector<int>& first_hit = page.first;
  const std::vector<char> active = ActiveRules(rules, doc, active_packs, true);

  // Every flag a loaded rule can set is reported, false until a rule fires.
  for (const std::string& flag : rules.flag_names()) doc.flags.emplace(flag, false);

  Positions positions(doc);
  std::vector<Firing> firings;
  for (int b = 0; b < n; ++b) {
    Block& block = doc.blocks[static_cast<std::size_t>(b)];
    if (block.verdict == Verdict::kTitle) continue;  // left alone
    for (int h = first_hit[static_cast<std::size_t>(b)];
         h < first_hit[static_cast<std::size_t>(b) + 1]; ++h) {
      const int r = hits[static_cast<std::size_t>(h)];
      const RuleSet::CompiledRule& cr = compiled[static_cast<std::size_t>(r)];
      if (!active[static_cast<std::size_t>(r)]) continue;
      const Rule& rule = *cr.rule;
      if (!ShapeMatches(rule, block)) continue;
      if (options.flags_only) {
        for (const std::string& flag : rule.flags) doc.flags[flag] = true;
        continue;
      }
      if (!positions.InZone(rule.zone, b)) continue;
      if (positions.ProseBefore(b) < rule.min_words_before) {
        block.notes.push_back(
            "rule " + rule.id + " vetoed: needs " + std::to_string(rule.min_words_before) +
            " words of prose before, has " + std::to_string(positions.ProseBefore(b)));
        continue;
      }
      if (positions.ProseAfter(b) < rule.min_words_after) {
        block.notes.push_back("rule " + rule.id + " vetoed: needs " +
                              std::to_string(rule.min_words_after) + " words of prose after, has " +
                              std::to_string(positions.ProseAfter(b)));
        continue;
      }
      firings.push_back({r, b});
      for (const std::string& flag : rule.flags) doc.flags[flag] = true;
    }
  }
  if (firings.empty()) return;

  std::vector<Candidate> best(static_cast<std::size_t>(n));
  auto offer = [&](int block, const Candidate& c) {
    if (doc.blocks[static_cast<std::size_t>(block)].verdict == Verdict::kTitle) return;
    Candidate& cur = best[static_cast<std::size_t>(block)];
    if (cur.rule < 0 || Better(c, cur)) cur = c;
  };
  // Ranges to the end (or from the start) are subsumed by the earliest (latest)
  // firing of the same priority, so each priority level is expanded once.
  std::vector<std::pair<int, int>> to_end;  // (priority, first block)
  std::vector<std::pair<int, int>> before;  // (priority, last block)
  for (const Firing& f : firings) {
    const RuleSet::CompiledRule& cr = compiled[static_cast<std::size_t>(f.rule)];
    const Rule& rule = *cr.rule;
    const int priority = packs[static_cast<std::size_t>(cr.pack)].priority;
    const bool keep = rule.action == Action::kKeep;
    offer(f.block, {priority, keep, true, f.rule});
    auto cover = [&](int from, int to) {  // [from, to)
      for (int b = from; b < to; ++b) offer(b, {priority, false, false, f.rule});
    };
    switch (rule.action) {
      case Action::kDrop:
      case Action::kKeep:
        break;
      case Action::kDropToEnd: {
        bool subsumed = false;
        for (auto& [p, first] : to_end) subsumed = subsumed || (p == priority && first <= f.block);
        if (!subsumed) {
          to_end.emplace_back(priority, f.block);
          cover(f.block + 1, n);
        }
        break;
      }
      case Action::kDropBefore: {
        bool subsumed = false;
        for (auto& [p, last] : before) subsumed = subsumed || (p == priority && last >= f.block);
        if (!subsumed) {
          before.emplace_back(priority, f.block);
          cover(0, f.block);
        }
        break;
      }
      case Action::kDropRange: {
        int end = f.block + 1;
        for (int taken = 0; end < n && taken < rule.max_blocks; ++end, ++taken) {
          const Block& next = doc.blocks[static_cast<std::size_t>(end)];
          if (next.features.words > rule.range_max_words) break;
          if (cr.until &&
              RE2::PartialMatch(re2::StringPiece(next.text.data(), next.text.size()), *cr.until)) {
            ++end;  // the closing block belongs to the range
            break;
          }
        }
        cover(f.block + 1, end);
        break;
      }
    }
  }
  for (int b = 0; b < n; ++b) {
    const Candidate& c = best[static_cast<std::size_t>(b)];
    if (c.rule < 0) continue;
    Block& block = doc.blocks[static_cast<std::size_t>(b)];
    // An earlier decision (an HTML page's keep selector) of higher priority stands.
    if (block.decided && (block.priority > c.priority ||
                          (block.priority == c.priority && block.verdict == Verdict::kKeep)))
      continue;
    block.decided = true;
    block.priority = c.priority;
    block.verdict = c.keep ? Verdict::kKeep : Verdict::kDrop;
    block.reason = compiled[static_cast<std::size_t>(c.rule)].rule->id;
  }
}

}  // namespace cleaner
