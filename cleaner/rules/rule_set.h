// Compiled rule packs: every text pattern of every pack in one RE2::Set, so a
// block is scanned once however many rules there are. Immutable once built and
// shared by every thread; each thread matches through its own RuleMatcher.
#pragma once

#include <atomic>
#include <climits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "cleaner/rules/loader.h"

namespace cleaner {

// Fingerprint patterns share the rules' sets; their owner is below zero.
constexpr int FingerprintOwner(int pack) { return -pack - 1; }
constexpr int FingerprintPack(int owner) { return -owner - 1; }

// One RE2::Set and what its pattern indices stand for.
struct PatternGroup {
  RE2::Anchor anchor = RE2::UNANCHORED;
  std::vector<std::pair<std::string, SourceLocation>> sources;
  std::vector<int> owner;  // pattern index -> rule index, or FingerprintOwner(pack index)
  int max_words = 0;       // the largest max_words of its rules: longer blocks cannot match
  bool has_fingerprints = false;
  std::unique_ptr<RE2::Set> set;  // null when there are no patterns
};

class RuleSet {
 public:
  struct CompiledRule {
    const Rule* rule = nullptr;
    int pack = 0;                // index into packs()
    std::unique_ptr<RE2> until;  // drop_range closing pattern, if any
  };

  // Compiles valid rules; returns null and fills `errors` when RE2 rejects the set.
  static std::unique_ptr<RuleSet> Compile(LoadedRules rules, std::vector<RuleError>* errors);

  const std::vector<Pack>& packs() const { return packs_; }
  const std::vector<CompiledRule>& rules() const { return rules_; }

  // Indices (into rules()) of every rule with a pattern found in `text`, ascending,
  // without duplicates. `words` is the block's word count (0: unknown): pattern
  // groups whose rules all take fewer words are skipped. `scratch` is reused
  // between calls to avoid allocation.
  void MatchRules(std::string_view text, std::vector<int>& scratch, std::vector<int>& out,
                  int words = 0) const;

  // Indices of the packs whose fingerprint matches `text`.
  void MatchFingerprints(std::string_view text, std::vector<int>& scratch,
                         std::vector<int>& out) const;

  int FindRule(std::string_view id) const;  // -1 when absent

  // Every document flag some rule sets, sorted.
  const std::vector<std::string>& flag_names() const { return flag_names_; }

 private:
  friend class RuleMatcher;
  RuleSet() = default;
  // Anchored patterns ('^' first in every top-level alternative: nearly all
  // chrome rules) run with RE2::ANCHOR_START, so the DFA stops at the first byte
  // no pattern can take instead of scanning the whole block; the few others
  // scan every byte, in a set of their own (rule_set.cc).
  static constexpr std::size_t kGroups = 2;
  PatternGroup groups_[kGroups];
  // Whether a RuleMatcher matches through the shared sets above (one may).
  mutable std::atomic<bool> shared_in_use_{false};
  std::vector<Pack> packs_;
  std::vector<CompiledRule> rules_;
  std::vector<std::string> flag_names_;
};

// One thread's own compiled copy of a RuleSet's patterns. RE2::Set guards its
// DFA cache with a lock, so threads sharing one set barely scale (1.05x on two
// cores in research/perf.md), while copies do (1.86x). The first matcher alive
// uses the RuleSet's own sets instead of compiling a copy. Not thread-safe itself.
class RuleMatcher {
 public:
  explicit RuleMatcher(const RuleSet& rules);
  ~RuleMatcher();
  RuleMatcher(const RuleMatcher&) = delete;
  RuleMatcher& operator=(const RuleMatcher&) = delete;
  const RuleSet& rules() const { return *rules_; }
  // Rule hits as RuleSet::MatchRules and, when `fingerprints` is given, the
  // packs whose fingerprint matches, from the same pass over `text`.
  void Match(std::string_view text, int words, std::vector<int>& rules,
             std::vector<int>* fingerprints);
  // As RuleSet::MatchRules / MatchFingerprints.
  void MatchRules(std::string_view text, int words, std::vector<int>& out);
  void MatchFingerprints(std::string_view text, std::vector<int>& out);

 private:
  const RuleSet* rules_;
  bool uses_shared_ = false;  // no copies: the RuleSet's own sets
  std::unique_ptr<RE2::Set> own_sets_[RuleSet::kGroups];
  std::vector<int> hits_;
  std::vector<int> no_rules_;
};

// RE2 options every rule pattern is compiled with.
RE2::Options RulePatternOptions();

// Whether the pattern can only match at the start of the text: after leading
// flag groups such as "(?i)" it starts with '^' and has no '|' outside groups.
bool PatternStartsAnchored(std::string_view pattern);

// Whether the pattern goes to the set that scans every byte of a block: it is
// not anchored, or it is but starts with an unbounded run ("^[^|]+ \\| ").
bool PatternScansBlock(std::string_view pattern);

}  // namespace cleaner
