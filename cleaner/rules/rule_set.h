// Compiled rule packs: every text pattern of every pack in one RE2::Set, so a
// block is scanned once however many rules there are. Immutable once built;
// Match() may be called from several threads (RE2::Set is thread-safe), though
// per-thread copies scale better (see tests/bench).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "cleaner/rules/loader.h"

namespace cleaner {

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
  // without duplicates. `scratch` is reused between calls to avoid allocation.
  void MatchRules(std::string_view text, std::vector<int>& scratch, std::vector<int>& out) const;

  // Indices of the packs whose fingerprint matches `text`.
  void MatchFingerprints(std::string_view text, std::vector<int>& scratch,
                         std::vector<int>& out) const;

  int FindRule(std::string_view id) const;  // -1 when absent

  // Every document flag some rule sets, sorted.
  const std::vector<std::string>& flag_names() const { return flag_names_; }

 private:
  RuleSet() = default;
  std::vector<Pack> packs_;
  std::vector<CompiledRule> rules_;
  std::unique_ptr<RE2::Set> patterns_;  // null when there are no patterns
  std::vector<int> pattern_rule_;       // pattern index -> rule index
  std::unique_ptr<RE2::Set> fingerprints_;
  std::vector<int> fingerprint_pack_;
  std::vector<std::string> flag_names_;
};

// RE2 options every rule pattern is compiled with.
RE2::Options RulePatternOptions();

}  // namespace cleaner
