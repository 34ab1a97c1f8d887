#include "cleaner/rules/rule_set.h"

#include <algorithm>

namespace cleaner {
namespace {

// Large sets thrash RE2's DFA cache at the default 8 MB without any error.
constexpr int64_t kSetMaxMem = 64 << 20;

std::unique_ptr<RE2::Set> BuildSet(const std::vector<std::pair<std::string, SourceLocation>>& pats,
                                   std::vector<RuleError>* errors) {
  if (pats.empty()) return nullptr;
  RE2::Options options = RulePatternOptions();
  options.set_max_mem(kSetMaxMem);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& [pattern, where] : pats) {
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

void SetMatch(const RE2::Set* set, std::string_view text, std::vector<int>& hits) {
  hits.clear();
  if (set == nullptr) return;
  // Most blocks hit nothing: the any-match call is cheaper and allocates nothing.
  if (!set->Match(re2::StringPiece(text.data(), text.size()), nullptr)) return;
  set->Match(re2::StringPiece(text.data(), text.size()), &hits);
}

}  // namespace

RE2::Options RulePatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

std::unique_ptr<RuleSet> RuleSet::Compile(LoadedRules rules, std::vector<RuleError>* errors) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  set->packs_ = std::move(rules.packs);
  std::vector<std::pair<std::string, SourceLocation>> patterns;
  std::vector<std::pair<std::string, SourceLocation>> fingerprints;
  for (std::size_t p = 0; p < set->packs_.size(); ++p) {
    const Pack& pack = set->packs_[p];
    for (const std::string& fp : pack.fingerprints) {
      fingerprints.emplace_back(fp, pack.where);
      set->fingerprint_pack_.push_back(static_cast<int>(p));
    }
    for (const Rule& rule : pack.rules) {
      CompiledRule compiled;
      compiled.rule = &rule;
      compiled.pack = static_cast<int>(p);
      if (!rule.until.empty()) {
        compiled.until = std::make_unique<RE2>(rule.until, RulePatternOptions());
      }
      int index = static_cast<int>(set->rules_.size());
      for (const std::string& pattern : rule.patterns) {
        patterns.emplace_back(pattern, rule.where);
        set->pattern_rule_.push_back(index);
      }
      set->rules_.push_back(std::move(compiled));
      set->flag_names_.insert(set->flag_names_.end(), rule.flags.begin(), rule.flags.end());
    }
  }
  std::sort(set->flag_names_.begin(), set->flag_names_.end());
  set->flag_names_.erase(std::unique(set->flag_names_.begin(), set->flag_names_.end()),
                         set->flag_names_.end());
  set->patterns_ = BuildSet(patterns, errors);
  if (!patterns.empty() && set->patterns_ == nullptr) return nullptr;
  set->fingerprints_ = BuildSet(fingerprints, errors);
  if (!fingerprints.empty() && set->fingerprints_ == nullptr) return nullptr;
  set->pattern_sources_ = std::move(patterns);
  set->fingerprint_sources_ = std::move(fingerprints);
  return set;
}

void RuleSet::MapHits(const std::vector<int>& hits, const std::vector<int>& owner,
                      std::vector<int>& out) {
  out.clear();
  for (int hit : hits) out.push_back(owner[static_cast<std::size_t>(hit)]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void RuleSet::MatchRules(std::string_view text, std::vector<int>& scratch,
                         std::vector<int>& out) const {
  SetMatch(patterns_.get(), text, scratch);
  MapHits(scratch, pattern_rule_, out);
}

void RuleSet::MatchFingerprints(std::string_view text, std::vector<int>& scratch,
                                std::vector<int>& out) const {
  SetMatch(fingerprints_.get(), text, scratch);
  MapHits(scratch, fingerprint_pack_, out);
}

// The sources compiled once already, so building the copies cannot fail short of
// memory; a copy that fails anyway falls back to the shared set.
RuleMatcher::RuleMatcher(const RuleSet& rules)
    : rules_(&rules),
      patterns_(BuildSet(rules.pattern_sources_, nullptr)),
      fingerprints_(BuildSet(rules.fingerprint_sources_, nullptr)) {}

void RuleMatcher::MatchRules(std::string_view text, std::vector<int>& out) {
  SetMatch(patterns_ ? patterns_.get() : rules_->patterns_.get(), text, hits_);
  RuleSet::MapHits(hits_, rules_->pattern_rule_, out);
}

void RuleMatcher::MatchFingerprints(std::string_view text, std::vector<int>& out) {
  SetMatch(fingerprints_ ? fingerprints_.get() : rules_->fingerprints_.get(), text, hits_);
  RuleSet::MapHits(hits_, rules_->fingerprint_pack_, out);
}

int RuleSet::FindRule(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].rule->id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace cleaner
