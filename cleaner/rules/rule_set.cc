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

// Appends the owners of the patterns `set` finds in `text` to `out`.
void SetMatch(const RE2::Set* set, const std::vector<int>& owner, std::string_view text,
              std::vector<int>& hits, std::vector<int>& out) {
  if (set == nullptr) return;
  // Most blocks hit nothing: the any-match call is cheaper and allocates nothing.
  if (!set->Match(re2::StringPiece(text.data(), text.size()), nullptr)) return;
  hits.clear();
  set->Match(re2::StringPiece(text.data(), text.size()), &hits);
  for (int hit : hits) out.push_back(owner[static_cast<std::size_t>(hit)]);
}

void SortUnique(std::vector<int>& v) {
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

constexpr std::size_t kGroups = 5;
// Anchored patterns go to three sets by their rules' max_words, so a block only
// meets the rules that take blocks of its size: labels and buttons (<= kBand0),
// bylines and datelines (<= kBand1), notes and paragraphs-sized rules (longer).
constexpr int kBand0 = 12;
constexpr int kBand1 = 40;
// Unanchored patterns scan every byte of a block, so each block meets them in
// one set only: blocks up to this many words in one with all of them, longer
// blocks in one with just the few rules that take such long blocks. (The few
// unanchored patterns compile in about a millisecond, so the copies are cheap.)
constexpr int kUnanchoredTier = 50;

// Whether an anchored pattern starts with an unbounded run ("^[^|]+ \\| ",
// "^[^.!?]*"): its DFA thread lives through most blocks, as an unanchored one's,
// and in an anchored set it would keep the whole set scanning; it goes with
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

void Add(PatternGroup& group, const std::string& pattern, const SourceLocation& where, int owner,
         int max_words) {
  group.sources.emplace_back(pattern, where);
  group.owner.push_back(owner);
  group.max_words = std::max(group.max_words, max_words);
}

// Groups: 0-2 anchored by band of max_words, 3 unanchored for blocks up to
// kUnanchoredTier words, 4 unanchored for longer blocks.
void AddPattern(PatternGroup (&groups)[kGroups], const std::string& pattern,
                const SourceLocation& where, int owner, int max_words) {
  if (PatternStartsAnchored(pattern) && !ScansFromStart(pattern)) {
    Add(groups[max_words <= kBand0   ? 0
               : max_words <= kBand1 ? 1
                                     : 2],
        pattern, where, owner, max_words);
    return;
  }
  Add(groups[3], pattern, where, owner, std::min(max_words, kUnanchoredTier));
  if (max_words > kUnanchoredTier) Add(groups[4], pattern, where, owner, max_words);
}

// Runs the groups a block of `words` words meets (their own sets, else the
// shared ones) over `text`; `words` 0 (unknown) meets them all.
void MatchGroups(const PatternGroup (&groups)[kGroups],
                 const std::unique_ptr<RE2::Set> (*own)[kGroups], std::string_view text, int words,
                 std::vector<int>& hits, std::vector<int>& out) {
  out.clear();
  for (std::size_t g = 0; g < kGroups; ++g) {
    if (words > groups[g].max_words || (g == 4 && words != 0 && words <= kUnanchoredTier)) continue;
    const RE2::Set* set = own && (*own)[g] ? (*own)[g].get() : groups[g].set.get();
    SetMatch(set, groups[g].owner, text, hits, out);
  }
  SortUnique(out);
}

}  // namespace

std::unique_ptr<RuleSet> RuleSet::Compile(LoadedRules rules, std::vector<RuleError>* errors) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  set->packs_ = std::move(rules.packs);
  for (PatternGroup* groups : {set->rule_groups_, set->fingerprint_groups_}) {
    groups[0].anchor = groups[1].anchor = groups[2].anchor = RE2::ANCHOR_START;
  }
  for (std::size_t p = 0; p < set->packs_.size(); ++p) {
    const Pack& pack = set->packs_[p];
    for (const std::string& fp : pack.fingerprints) {
      AddPattern(set->fingerprint_groups_, fp, pack.where, static_cast<int>(p), INT_MAX);
    }
    for (const Rule& rule : pack.rules) {
      CompiledRule compiled;
      compiled.rule = &rule;
      compiled.pack = static_cast<int>(p);
      if (!rule.until.empty()) {
        compiled.until = std::make_unique<RE2>(rule.until, RulePatternOptions());
      }
      const int index = static_cast<int>(set->rules_.size());
      for (const std::string& pattern : rule.patterns) {
        AddPattern(set->rule_groups_, pattern, rule.where, index, rule.max_words);
      }
      set->rules_.push_back(std::move(compiled));
      set->flag_names_.insert(set->flag_names_.end(), rule.flags.begin(), rule.flags.end());
    }
  }
  std::sort(set->flag_names_.begin(), set->flag_names_.end());
  set->flag_names_.erase(std::unique(set->flag_names_.begin(), set->flag_names_.end()),
                         set->flag_names_.end());
  for (PatternGroup* groups : {set->rule_groups_, set->fingerprint_groups_}) {
    for (std::size_t g = 0; g < kGroups; ++g) {
      groups[g].set = BuildSet(groups[g], errors);
      if (!groups[g].sources.empty() && groups[g].set == nullptr) return nullptr;
    }
  }
  return set;
}

void RuleSet::MatchRules(std::string_view text, std::vector<int>& scratch, std::vector<int>& out,
                         int words) const {
  MatchGroups(rule_groups_, nullptr, text, words, scratch, out);
}

void RuleSet::MatchFingerprints(std::string_view text, std::vector<int>& scratch,
                                std::vector<int>& out) const {
  MatchGroups(fingerprint_groups_, nullptr, text, 0, scratch, out);
}

// The sources compiled once already, so building the copies cannot fail short of
// memory; a copy that fails anyway falls back to the shared set. The first
// matcher uses the shared sets themselves: a single-threaded run compiles once.
RuleMatcher::RuleMatcher(const RuleSet& rules) : rules_(&rules) {
  static_assert(RuleSet::kGroups == kGroups);
  if (!rules.shared_in_use_.exchange(true)) {
    uses_shared_ = true;
    return;
  }
  for (std::size_t g = 0; g < kGroups; ++g) {
    rule_sets_[g] = BuildSet(rules.rule_groups_[g], nullptr);
    fingerprint_sets_[g] = BuildSet(rules.fingerprint_groups_[g], nullptr);
  }
}

RuleMatcher::~RuleMatcher() {
  if (uses_shared_) rules_->shared_in_use_.store(false);
}

void RuleMatcher::MatchRules(std::string_view text, int words, std::vector<int>& out) {
  MatchGroups(rules_->rule_groups_, &rule_sets_, text, words, hits_, out);
}

void RuleMatcher::MatchFingerprints(std::string_view text, std::vector<int>& out) {
  MatchGroups(rules_->fingerprint_groups_, &fingerprint_sets_, text, 0, hits_, out);
}

int RuleSet::FindRule(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].rule->id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace cleaner
