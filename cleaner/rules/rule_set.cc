#include "cleaner/rules/rule_set.h"

#include <algorithm>

#include "cleaner/rules/literal_prefixes.h"

namespace cleaner {
namespace {

// Large sets thrash RE2's DFA cache at the default 8 MB without any error.
constexpr int64_t kSetMaxMem = 64 << 20;

std::unique_ptr<RE2::Set> BuildSet(const PatternGroup& group, std::vector<RuleError>* errors) {
  if (group.sources.empty()) return nullptr;
  RE2::Options options = RulePatternOptions();
  options.set_max_mem(kSetMaxMem);
  auto set = std::make_unique<RE2::Set>(options, group.anchor);
  for (const auto& [pattern, where] : group.sources) {
    std::string error;
    if (set->Add(pattern, &error) < 0) {
      if (errors) errors->push_back({where, "", "pattern '" + pattern + "': " + error});
      return nullptr;
    }
  }
  if (!set->Compile()) {
    if (errors)
      errors->push_back(MakeRuleError({}, "", "RE2::Set failed to compile (out of memory)"));
    return nullptr;
  }
  return set;
}

// The indices of the patterns `set` finds in `text`, into `hits`; false (and
// `hits` left alone) when there are none.
bool SetHits(const RE2::Set* set, std::string_view text, std::vector<int>& hits) {
  if (set == nullptr) return false;
  // Most blocks hit nothing: the any-match call is cheaper and allocates nothing.
  if (!set->Match(re2::StringPiece(text.data(), text.size()), nullptr)) return false;
  hits.clear();
  set->Match(re2::StringPiece(text.data(), text.size()), &hits);
  return true;
}

// Sends each owner to `rules` (a rule) or `fingerprints` (a pack; dropped when null).
void AddOwner(int owner, std::vector<int>& rules, std::vector<int>* fingerprints) {
  if (owner >= 0) {
    rules.push_back(owner);
  } else if (fingerprints) {
    fingerprints->push_back(FingerprintPack(owner));
  }
}

void SortUnique(std::vector<int>& v) {
  if (v.size() < 2) return;
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

bool PatternStartsAnchored(std::string_view pattern) {
  std::size_t i = 0;
  while (pattern.substr(i, 2) == "(?") {
    std::size_t close = pattern.find(')', i);
    if (close == std::string_view::npos || pattern.substr(i, close - i).find(':') != pattern.npos)
      return false;  // "(?i:...)" is a group, not a flag setting
    i = close + 1;
  }
  if (i >= pattern.size() || pattern[i] != '^') return false;
  int depth = 0;
  for (; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // the escaped character
    } else if (c == '[') {
      // A class: ']' right after '[' or '[^' is a member, not the end.
      std::size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
      i = j;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      // "^a|^b": anchored when every alternative is.
      if (i + 1 >= pattern.size() || pattern[i + 1] != '^') return false;
    }
  }
  return true;
}

RE2::Options RulePatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

namespace {

// Few sets, not one per rule: each RE2::Set::Match call costs about 45 ns
// before it reads a byte, and most blocks are short lines. But not one for all
// the anchored patterns either: RE2 builds its DFA lazily, and in one set of
// 200 patterns the live positions of unrelated patterns combine into so many
// states that on pages it has not seen before the set ran 6-8x slower than on
// pages it had (tests/bench/pattern_cost, "as a crawl"). Patterns that begin
// alike share states, so the anchored ones are sorted by their source and cut
// into sets of about kPatternsPerSet: on the dev pages' unseen half, 25-35 ms
// with one anchored set -> 15-19 ms; on pages seen before, 5.0-5.4 -> 5.0-6.6
// ms (more calls per block). Sets of 30 patterns were slower on both; sorting
// by the pattern after its flags and anchor did a little worse than by the
// whole source; an older split by the rules' max_words did about as well.
// Rules' word limits are checked on the hits (a set is skipped only when a
// block is longer than all its rules take).
//
// Anchored patterns go to up to kMaxAnchoredSets sets of about kPatternsPerSet,
// the rest to one scanning set (the last group).
constexpr std::size_t kMaxAnchoredSets = 4;
constexpr std::size_t kPatternsPerSet = 50;
constexpr std::size_t kGroups = kMaxAnchoredSets + 1;
constexpr std::size_t kScanning = kMaxAnchoredSets;

// Whether an anchored pattern starts with an unbounded run ("^[^|]+ \\| ",
// "^[^.!?]*"): its DFA thread lives through most blocks, as an unanchored one's,
// and in the anchored set it would keep the whole set scanning; it goes with
// the unanchored ones, which scan every byte anyway.
bool ScansFromStart(std::string_view pattern) {
  for (std::size_t at = pattern.find('^'); at != std::string_view::npos;
       at = pattern.find("|^", at + 1)) {
    std::string_view rest = pattern.substr(pattern[at] == '^' ? at + 1 : at + 2);
    for (std::string_view skip : {"\\s*", "\\s+", "(", "(", "("}) {
      if (rest.starts_with(skip)) rest.remove_prefix(skip.size());
    }
    std::size_t end = 0;
    if (rest.starts_with("[^")) {
      end = rest.find(']', 2);
      if (end == std::string_view::npos) continue;
      ++end;
    } else if (rest.starts_with(".")) {
      end = 1;
    } else {
      continue;
    }
    if (end < rest.size() && (rest[end] == '*' || rest[end] == '+')) return true;
  }
  return false;
}

void AddPattern(PatternGroup& group, const std::string& pattern, const SourceLocation& where,
                int owner, int max_words) {
  group.sources.emplace_back(pattern, where);
  group.owner.push_back(owner);
  if (owner >= 0) {
    group.max_words = std::max(group.max_words, max_words);
  } else {
    group.has_fingerprints = true;
  }
}

struct PendingPattern {
  const std::string* source;
  const SourceLocation* where;
  int owner;  // rule index, or FingerprintOwner(pack)
  int max_words;
};

// Sorts the anchored patterns by their source, so that patterns that begin
// alike (flags, opening words) fall in one set, and deals them into sets.
void FillAnchoredGroups(std::vector<PendingPattern>& anchored, PatternGroup (&groups)[kGroups]) {
  std::stable_sort(
      anchored.begin(), anchored.end(),
      [](const PendingPattern& a, const PendingPattern& b) { return *a.source < *b.source; });
  const std::size_t n = anchored.size();
  const std::size_t sets =
      std::clamp<std::size_t>((n + kPatternsPerSet - 1) / kPatternsPerSet, 1, kMaxAnchoredSets);
  for (std::size_t i = 0; i < n; ++i) {
    const PendingPattern& p = anchored[i];
    AddPattern(groups[i * sets / n], *p.source, *p.where, p.owner, p.max_words);
  }
}

// Whether a pattern of `owner` may match a block of `words` words, for what
// is wanted: rules (of at most max_words) and / or fingerprints.
bool Wanted(int owner, int max_words, int words, bool rules_wanted, bool fingerprints_wanted) {
  return owner >= 0 ? rules_wanted && words <= max_words : fingerprints_wanted;
}

// Calls found(owner) for each prefixed pattern that matches `text`: the ones
// whose prefix its start has, confirmed by RE2.
template <typename Found>
void MatchPrefixed(const std::vector<std::unique_ptr<PrefixedPattern>>& prefixed,
                   const PrefixTrie& trie, std::string_view text, int words, bool rules_wanted,
                   bool fingerprints_wanted, MatchScratch& scratch, Found found) {
  if (prefixed.empty()) return;
  scratch.candidates.clear();
  trie.Walk(BlockStartFolder(text), scratch.candidates);
  SortUnique(scratch.candidates);
  for (int c : scratch.candidates) {
    PrefixedPattern& pattern = *prefixed[static_cast<std::size_t>(c)];
    if (Wanted(pattern.owner, pattern.max_words, words, rules_wanted, fingerprints_wanted) &&
        pattern.Matches(text))
      found(pattern.owner);
  }
}

// Calls found(owner) for each pattern of the group that matches `text`.
template <typename Found>
void MatchGroup(const PatternGroup& group, const RE2::Set* set, std::string_view text, int words,
                bool rules_wanted, bool fingerprints_wanted, MatchScratch& scratch, Found found) {
  const bool for_rules = rules_wanted && words <= group.max_words;
  if (!for_rules && !(fingerprints_wanted && group.has_fingerprints)) return;
  if (!SetHits(set, text, scratch.hits)) return;
  for (int hit : scratch.hits) found(group.owner[static_cast<std::size_t>(hit)]);
}

// The set group g runs through: the matcher's compiled copy, else the RuleSet's own.
const RE2::Set* GroupSet(const PatternGroup (&groups)[kGroups],
                         const std::unique_ptr<RE2::Set> (*own)[kGroups], std::size_t g) {
  return own && (*own)[g] ? (*own)[g].get() : groups[g].set.get();
}

// Runs the prefixed patterns, then the groups a block of `words` words meets,
// over `text`; `words` 0 (unknown) meets them all.
void MatchAll(const std::vector<std::unique_ptr<PrefixedPattern>>& prefixed, const PrefixTrie& trie,
              const PatternGroup (&groups)[kGroups],
              const std::unique_ptr<RE2::Set> (*own)[kGroups], std::string_view text, int words,
              MatchScratch& scratch, std::vector<int>& rules, std::vector<int>* fingerprints,
              bool rules_wanted = true) {
  rules.clear();
  if (fingerprints) fingerprints->clear();
  auto found = [&](int owner) { AddOwner(owner, rules, fingerprints); };
  MatchPrefixed(prefixed, trie, text, words, rules_wanted, fingerprints != nullptr, scratch, found);
  for (std::size_t g = 0; g < kGroups; ++g) {
    MatchGroup(groups[g], GroupSet(groups, own, g), text, words, rules_wanted,
               fingerprints != nullptr, scratch, found);
  }
  SortUnique(rules);
  if (fingerprints) SortUnique(*fingerprints);
}

}  // namespace

bool PatternScansBlock(std::string_view pattern) {
  return !PatternStartsAnchored(pattern) || ScansFromStart(pattern);
}

std::unique_ptr<RuleSet> RuleSet::Compile(LoadedRules rules, std::vector<RuleError>* errors) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  set->packs_ = std::move(rules.packs);
  for (std::size_t g = 0; g < kMaxAnchoredSets; ++g) set->groups_[g].anchor = RE2::ANCHOR_START;
  std::vector<PendingPattern> anchored;
  auto add = [&](const std::string& pattern, const SourceLocation& where, int owner,
                 int max_words) {
    if (PatternScansBlock(pattern)) {
      AddPattern(set->groups_[kScanning], pattern, where, owner, max_words);
    } else if (auto prefixes = AnchoredPrefixes(pattern)) {
      const int id = static_cast<int>(set->prefixed_.size());
      auto prefixed = std::make_unique<PrefixedPattern>();
      prefixed->source = pattern;
      prefixed->owner = owner;
      prefixed->max_words = max_words;
      set->prefixed_.push_back(std::move(prefixed));
      for (const std::string& prefix : *prefixes) set->prefix_trie_.Add(prefix, id);
    } else {
      anchored.push_back({&pattern, &where, owner, max_words});
    }
  };
  for (std::size_t p = 0; p < set->packs_.size(); ++p) {
    const Pack& pack = set->packs_[p];
    for (const std::string& fp : pack.fingerprints) {
      add(fp, pack.where, FingerprintOwner(static_cast<int>(p)), INT_MAX);
    }
    for (const Rule& rule : pack.rules) {
      CompiledRule compiled;
      compiled.rule = &rule;
      compiled.pack = static_cast<int>(p);
      if (!rule.until.empty()) {
        compiled.until = std::make_unique<RE2>(rule.until, RulePatternOptions());
      }
      const int index = static_cast<int>(set->rules_.size());
      for (const std::string& pattern : rule.patterns)
        add(pattern, rule.where, index, rule.max_words);
      set->rules_.push_back(std::move(compiled));
      set->flag_names_.insert(set->flag_names_.end(), rule.flags.begin(), rule.flags.end());
    }
  }
  set->prefix_trie_.Build();
  FillAnchoredGroups(anchored, set->groups_);
  // `disable` lists name generic rules by id: resolved once, not per page.
  set->disabled_.resize(set->packs_.size());
  for (std::size_t p = 0; p < set->packs_.size(); ++p) {
    for (const std::string& id : set->packs_[p].disable) {
      const int r = set->FindRule(id);
      if (r >= 0 &&
          !set->packs_[static_cast<std::size_t>(set->rules_[static_cast<std::size_t>(r)].pack)]
               .IsSite())
        set->disabled_[p].push_back(r);
    }
  }
  std::sort(set->flag_names_.begin(), set->flag_names_.end());
  set->flag_names_.erase(std::unique(set->flag_names_.begin(), set->flag_names_.end()),
                         set->flag_names_.end());
  for (PatternGroup& group : set->groups_) {
    group.set = BuildSet(group, errors);
    if (!group.sources.empty() && group.set == nullptr) return nullptr;
  }
  return set;
}

void RuleSet::MatchRules(std::string_view text, std::vector<int>& out, int words) const {
  MatchScratch scratch;
  MatchAll(prefixed_, prefix_trie_, groups_, nullptr, text, words, scratch, out, nullptr);
}

void RuleSet::MatchFingerprints(std::string_view text, std::vector<int>& out) const {
  MatchScratch scratch;
  std::vector<int> rules;
  MatchAll(prefixed_, prefix_trie_, groups_, nullptr, text, 0, scratch, rules, &out,
           /*rules_wanted=*/false);
}

std::size_t RuleSet::set_patterns() const {
  std::size_t n = 0;
  for (const PatternGroup& group : groups_) n += group.sources.size();
  return n;
}

// Compiled on first use: most prefixed patterns meet few blocks, and a run
// over a handful of pages should not pay for compiling all of them. The
// loader parsed the source, so only memory can fail it, and it gets as much as
// a whole set of patterns: what fits in a set fits alone.
bool PrefixedPattern::Matches(std::string_view text) {
  std::call_once(compile_once, [this] {
    RE2::Options options = RulePatternOptions();
    options.set_max_mem(kSetMaxMem);
    re = std::make_unique<RE2>(source, options);
  });
  return re->ok() && re->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                               RE2::ANCHOR_START, nullptr, 0);
}

// A matcher takes the first copy with room for another user, else compiles a
// new one (the sources compiled once already, so only memory can fail it; a
// copy whose set failed falls back to the RuleSet's own, in GroupSet). The
// compile runs outside the lock, so many threads starting at once compile side
// by side; two may then each add a copy where one would have done.
RuleMatcher::RuleMatcher(const RuleSet& rules) : rules_(&rules) {
  static_assert(RuleSet::kGroups == kGroups);
  auto take = [&](RuleSet::SetCopy* copy) {
    copy_ = copy;
    ++copy_->users;
  };
  {
    std::lock_guard lock(rules.copies_mu_);
    for (auto& copy : rules.copies_) {
      if (copy->users < kThreadsPerCopy) {
        take(copy.get());
        return;
      }
    }
    if (rules.copies_.empty()) {  // copy 0: the RuleSet's own sets, nothing to compile
      rules.copies_.push_back(std::make_unique<RuleSet::SetCopy>());
      take(rules.copies_.back().get());
      return;
    }
  }
  auto copy = std::make_unique<RuleSet::SetCopy>();
  for (std::size_t g = 0; g < kGroups; ++g) copy->sets[g] = BuildSet(rules.groups_[g], nullptr);
  std::lock_guard lock(rules.copies_mu_);
  rules.copies_.push_back(std::move(copy));
  take(rules.copies_.back().get());
}

RuleMatcher::~RuleMatcher() {
  std::lock_guard lock(rules_->copies_mu_);
  --copy_->users;
}

std::size_t RuleSet::compiled_copies() const {
  std::lock_guard lock(copies_mu_);
  return copies_.size();
}

void RuleMatcher::Match(std::string_view text, int words, std::vector<int>& rules,
                        std::vector<int>* fingerprints) {
  MatchAll(rules_->prefixed_, rules_->prefix_trie_, rules_->groups_, &copy_->sets, text, words,
           scratch_, rules, fingerprints);
}

void RuleMatcher::MatchPage(const std::vector<Block>& blocks, bool fingerprints, PageMatch& out) {
  std::vector<std::pair<int, int>>& found = scratch_.page_hits;  // (block, owner)
  found.clear();
  const int n = static_cast<int>(blocks.size());
  for (int b = 0; b < n; ++b) {
    const Block& block = blocks[static_cast<std::size_t>(b)];
    MatchPrefixed(rules_->prefixed_, rules_->prefix_trie_, block.text, block.features.words, true,
                  fingerprints, scratch_, [&](int owner) { found.emplace_back(b, owner); });
  }
  for (std::size_t g = 0; g < kGroups; ++g) {
    const RE2::Set* set = GroupSet(rules_->groups_, &copy_->sets, g);
    if (set == nullptr) continue;
    for (int b = 0; b < n; ++b) {
      const Block& block = blocks[static_cast<std::size_t>(b)];
      MatchGroup(rules_->groups_[g], set, block.text, block.features.words, true, fingerprints,
                 scratch_, [&](int owner) { found.emplace_back(b, owner); });
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  out.hits.clear();
  out.first.assign(blocks.size() + 1, 0);
  out.fingerprint_packs.clear();
  for (const auto& [b, owner] : found) {
    if (owner >= 0) {
      out.hits.push_back(owner);
      ++out.first[static_cast<std::size_t>(b) + 1];
    } else {
      out.fingerprint_packs.push_back(FingerprintPack(owner));
    }
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) out.first[b + 1] += out.first[b];
  SortUnique(out.fingerprint_packs);
}

void RuleMatcher::MatchRules(std::string_view text, int words, std::vector<int>& out) {
  Match(text, words, out, nullptr);
}

void RuleMatcher::MatchFingerprints(std::string_view text, std::vector<int>& out) {
  MatchAll(rules_->prefixed_, rules_->prefix_trie_, rules_->groups_, &copy_->sets, text, 0,
           scratch_, no_rules_, &out, /*rules_wanted=*/false);
}

int RuleSet::FindRule(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].rule->id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace cleaner
