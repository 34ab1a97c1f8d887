#include "cleaner/rules/rule_set.h"

#include <algorithm>

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

// Appends the owners of the patterns `set` finds in `text`: rules to `rules`,
// fingerprints' packs to `fingerprints` (dropped when null).
void SetMatch(const RE2::Set* set, const std::vector<int>& owner, std::string_view text,
              std::vector<int>& hits, std::vector<int>& rules, std::vector<int>* fingerprints) {
  if (set == nullptr) return;
  // Most blocks hit nothing: the any-match call is cheaper and allocates nothing.
  if (!set->Match(re2::StringPiece(text.data(), text.size()), nullptr)) return;
  hits.clear();
  set->Match(re2::StringPiece(text.data(), text.size()), &hits);
  for (int hit : hits) {
    const int o = owner[static_cast<std::size_t>(hit)];
    if (o >= 0) {
      rules.push_back(o);
    } else if (fingerprints) {
      fingerprints->push_back(FingerprintPack(o));
    }
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

// Runs the groups a block of `words` words meets (the matcher's compiled copy of
// their sets, else the RuleSet's own) over `text`; `words` 0 (unknown) meets
// them all.
void MatchGroups(const PatternGroup (&groups)[kGroups],
                 const std::unique_ptr<RE2::Set> (*own)[kGroups], std::string_view text, int words,
                 std::vector<int>& hits, std::vector<int>& rules, std::vector<int>* fingerprints,
                 bool rules_wanted = true) {
  rules.clear();
  if (fingerprints) fingerprints->clear();
  for (std::size_t g = 0; g < kGroups; ++g) {
    const PatternGroup& group = groups[g];
    const bool for_rules = rules_wanted && words <= group.max_words;
    if (!for_rules && !(fingerprints && group.has_fingerprints)) continue;
    const RE2::Set* set = own && (*own)[g] ? (*own)[g].get() : group.set.get();
    SetMatch(set, group.owner, text, hits, rules, fingerprints);
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

void RuleSet::MatchRules(std::string_view text, std::vector<int>& scratch, std::vector<int>& out,
                         int words) const {
  MatchGroups(groups_, nullptr, text, words, scratch, out, nullptr);
}

void RuleSet::MatchFingerprints(std::string_view text, std::vector<int>& scratch,
                                std::vector<int>& out) const {
  std::vector<int> rules;
  MatchGroups(groups_, nullptr, text, 0, scratch, rules, &out, /*rules_wanted=*/false);
}

// A matcher takes the first copy with room for another user, else compiles a
// new one (the sources compiled once already, so only memory can fail it; a
// copy whose set failed falls back to the RuleSet's own, in MatchGroups). The
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
  MatchGroups(rules_->groups_, &copy_->sets, text, words, hits_, rules, fingerprints);
}

void RuleMatcher::MatchRules(std::string_view text, int words, std::vector<int>& out) {
  Match(text, words, out, nullptr);
}

void RuleMatcher::MatchFingerprints(std::string_view text, std::vector<int>& out) {
  MatchGroups(rules_->groups_, &copy_->sets, text, 0, hits_, no_rules_, &out,
              /*rules_wanted=*/false);
}

int RuleSet::FindRule(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].rule->id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace cleaner
