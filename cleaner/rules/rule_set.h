// Compiled rule packs. Anchored patterns that start with literal text (nearly
// all chrome rules: "^\s*(share|tweet) this") are found through a trie of
// their folded prefixes, and RE2 runs only on the few blocks that start like
// one; the rest share a few RE2::Sets (anchored ones that start with a class
// such as \p{Lu}, and one scanning set), so a block meets a handful of
// automata however many rules there are. Immutable once built and shared by
// every thread; each thread matches through its own RuleMatcher.
#pragma once

#include <climits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "cleaner/document.h"
#include "cleaner/rules/loader.h"
#include "cleaner/rules/prefix_trie.h"

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

// An anchored pattern whose matches start with one of a few literal strings
// (literal_prefixes.h): RE2 runs it only on blocks that start with one, and
// compiles it the first time one does.
struct PrefixedPattern {
  std::string source;
  int owner = 0;      // rule index, or FingerprintOwner(pack index)
  int max_words = 0;  // its rule's: longer blocks cannot match
  std::once_flag compile_once;
  std::unique_ptr<RE2> re;  // after compile_once

  bool Matches(std::string_view text);
};

// What a matching thread reuses between blocks.
struct MatchScratch {
  std::vector<int> hits;
  std::vector<int> candidates;
  std::vector<std::pair<int, int>> page_hits;  // (block, owner) while a page is matched
};

// A page's rule hits, block by block, and the fingerprints seen anywhere on it.
struct PageMatch {
  std::vector<int> hits;               // block b's: hits[first[b] .. first[b + 1]), ascending
  std::vector<int> first;              // blocks + 1 entries
  std::vector<int> fingerprint_packs;  // packs whose fingerprint a block matched, ascending
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
  // without duplicates. `words` is the block's word count (0: unknown): patterns
  // whose rules all take fewer words are skipped.
  void MatchRules(std::string_view text, std::vector<int>& out, int words = 0) const;

  // Indices of the packs whose fingerprint matches `text`.
  void MatchFingerprints(std::string_view text, std::vector<int>& out) const;

  // How many anchored patterns go through their literal prefixes, and how many
  // are left to the sets (for tests and the benchmark).
  std::size_t prefixed_patterns() const { return prefixed_.size(); }
  std::size_t set_patterns() const;

  int FindRule(std::string_view id) const;  // -1 when absent

  // The generic rules pack `pack`'s `disable` list turns off, as indices into
  // rules() (unknown ids and site packs' rules left out).
  const std::vector<int>& disabled_by(std::size_t pack) const { return disabled_[pack]; }

  // How many compiled copies of the sets matchers have used so far, the
  // RuleSet's own included (0 before the first matcher).
  std::size_t compiled_copies() const;

  // Every document flag some rule sets, sorted.
  const std::vector<std::string>& flag_names() const { return flag_names_; }

 private:
  friend class RuleMatcher;
  RuleSet() = default;
  // Anchored patterns ('^' first in every top-level alternative) without
  // literal prefixes run with RE2::ANCHOR_START, so the DFA stops at the first
  // byte no pattern can take instead of scanning the whole block; the few
  // others scan every byte, in a set of their own (rule_set.cc).
  static constexpr std::size_t kGroups = 5;  // up to 4 anchored sets, 1 scanning
  PatternGroup groups_[kGroups];
  // Anchored patterns with literal prefixes: not in the sets, found through
  // prefix_trie_ (ids are indices into prefixed_).
  std::vector<std::unique_ptr<PrefixedPattern>> prefixed_;
  PrefixTrie prefix_trie_;
  // Compiled sets and the matchers using them: copy 0 is groups_' own sets.
  struct SetCopy {
    std::unique_ptr<RE2::Set> sets[kGroups];  // null in copy 0: groups_[g].set
    int users = 0;
  };
  mutable std::mutex copies_mu_;
  mutable std::vector<std::unique_ptr<SetCopy>> copies_;
  std::vector<Pack> packs_;
  std::vector<CompiledRule> rules_;
  std::vector<std::vector<int>> disabled_;  // per pack
  std::vector<std::string> flag_names_;
};

// One thread's way to a RuleSet's compiled patterns: a compiled copy of the
// sets shared by at most kThreadsPerCopy matchers alive. Each copy costs its
// compile and, more, its own lazily built DFA (on the dev pages about 60 ms and
// 110 ms of CPU per copy), while two threads sharing one set's DFA cache lock
// cost less: -j2 / -j1 went from 1.62x to 1.91x (text) and 1.61x to 1.78x
// (HTML) with one shared copy instead of two (tests/bench/run.sh, same day).
// research/perf.md saw a shared set scale 1.05x, on a benchmark of nothing but
// short set calls; with more threads per set the lock traffic grows, hence the
// cap. The first copy is the RuleSet's own sets: one thread compiles once.
// Not thread-safe itself.
class RuleMatcher {
 public:
  explicit RuleMatcher(const RuleSet& rules);
  ~RuleMatcher();
  RuleMatcher(const RuleMatcher&) = delete;
  RuleMatcher& operator=(const RuleMatcher&) = delete;
  const RuleSet& rules() const { return *rules_; }
  static constexpr int kThreadsPerCopy = 2;
  // Rule hits as RuleSet::MatchRules and, when `fingerprints` is given, the
  // packs whose fingerprint matches, from the same pass over `text`.
  void Match(std::string_view text, int words, std::vector<int>& rules,
             std::vector<int>* fingerprints);
  // Every block of a page at once, as Match() on each (`fingerprints`: also the
  // fingerprints), but each automaton in turn over all the blocks: one RE2 set's
  // DFA stays in the cache instead of several taking turns at every block,
  // which made the sets cost about twice as much.
  void MatchPage(const std::vector<Block>& blocks, bool fingerprints, PageMatch& out);
  // As RuleSet::MatchRules / MatchFingerprints.
  void MatchRules(std::string_view text, int words, std::vector<int>& out);
  void MatchFingerprints(std::string_view text, std::vector<int>& out);

 private:
  const RuleSet* rules_;
  RuleSet::SetCopy* copy_ = nullptr;
  MatchScratch scratch_;
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
