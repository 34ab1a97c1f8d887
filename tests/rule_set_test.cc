// RuleSet: every pattern of every pack compiled into a few RE2::Sets; matching
// maps pattern hits back to rules (and fingerprint hits to packs).
#include "cleaner/rules/rule_set.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace cleaner {
namespace {

std::string AllErrors(const std::vector<RuleError>& errors) {
  std::string s;
  for (const RuleError& e : errors) s.append(e.ToString()).append("\n");
  return s;
}

const char* kGeneric = R"toml([pack]
id = "generic.a"
description = "d"

[[rule]]
id = "a.share"
description = "d"
patterns = ['(?i)^share this', '(?i)^share on']
action = "drop"
flags = ["social"]

[[rule]]
id = "a.subscribe"
description = "d"
pattern = '(?i)subscribe'
action = "drop_range"
until = '^End$'
flags = ["paywalled", "social"]

[[rule]]
id = "a.keep"
description = "d"
pattern = '(?i)share'
action = "keep"
)toml";

const char* kSite = R"toml([pack]
id = "site.b"
description = "d"
domains = ["b.example"]
fingerprint = ['^B News$', '(?i)^powered by b']

[[rule]]
id = "b.ad"
description = "d"
pattern = '^Advertisement$'
action = "drop"
flags = ["ads"]
)toml";

std::unique_ptr<RuleSet> Build() {
  LoadedRules loaded;
  LoadPackText(kGeneric, "generic/a.toml", loaded);
  LoadPackText(kSite, "sites/b.toml", loaded);
  ValidateRules(loaded);
  EXPECT_TRUE(loaded.ok()) << AllErrors(loaded.errors);
  std::vector<RuleError> errors;
  auto set = RuleSet::Compile(std::move(loaded), &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  return set;
}

std::vector<int> Match(const RuleSet& set, const std::string& text) {
  std::vector<int> out;
  set.MatchRules(text, out);
  return out;
}

TEST(RuleSet, CompilesPacksAndRulesInOrder) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  ASSERT_EQ(set->packs().size(), 2u);
  EXPECT_EQ(set->packs()[0].id, "generic.a");
  EXPECT_EQ(set->packs()[1].id, "site.b");
  ASSERT_EQ(set->rules().size(), 4u);
  EXPECT_EQ(set->rules()[0].rule->id, "a.share");
  EXPECT_EQ(set->rules()[0].pack, 0);
  EXPECT_EQ(set->rules()[3].rule->id, "b.ad");
  EXPECT_EQ(set->rules()[3].pack, 1);
  EXPECT_EQ(set->rules()[0].until, nullptr);
  ASSERT_NE(set->rules()[1].until, nullptr);
  EXPECT_TRUE(RE2::FullMatch("End", *set->rules()[1].until));
}

TEST(RuleSet, FindRule) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->FindRule("a.share"), 0);
  EXPECT_EQ(set->FindRule("a.keep"), 2);
  EXPECT_EQ(set->FindRule("b.ad"), 3);
  EXPECT_EQ(set->FindRule("nope"), -1);
  EXPECT_EQ(set->FindRule(""), -1);
}

TEST(RuleSet, FlagNamesSortedUnique) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->flag_names(), (std::vector<std::string>{"ads", "paywalled", "social"}));
}

TEST(RuleSet, MatchRulesAscendingWithoutDuplicates) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  // Both patterns of a.share could not both hit one text, but a.share and a.keep do.
  EXPECT_EQ(Match(*set, "Share this article"), (std::vector<int>{0, 2}));
  EXPECT_EQ(Match(*set, "share on twitter and subscribe"), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(Match(*set, "Advertisement"), (std::vector<int>{3}));
  EXPECT_EQ(Match(*set, "Nothing to see here."), (std::vector<int>{}));
  EXPECT_EQ(Match(*set, ""), (std::vector<int>{}));
}

TEST(RuleSet, PatternsAreUnanchoredAndCaseSensitiveByDefault) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "Advertisement "), (std::vector<int>{})) << "$ anchors";
  EXPECT_EQ(Match(*set, "advertisement"), (std::vector<int>{})) << "case-sensitive";
  EXPECT_EQ(Match(*set, "please SUBSCRIBE now"), (std::vector<int>{1})) << "(?i), unanchored";
}

TEST(RuleSet, MatchFingerprintsMapsToPack) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  std::vector<int> out;
  set->MatchFingerprints("B News", out);
  EXPECT_EQ(out, (std::vector<int>{1}));
  set->MatchFingerprints("Powered by B", out);
  EXPECT_EQ(out, (std::vector<int>{1}));
  set->MatchFingerprints("A News", out);
  EXPECT_TRUE(out.empty());
}

TEST(RuleSet, MatcherAgreesWithSharedSet) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  RuleMatcher matcher(*set);
  EXPECT_EQ(&matcher.rules(), set.get());
  for (const std::string text :
       {"Share this", "share on x, subscribe", "Advertisement", "none", "B News", "powered by b"}) {
    std::vector<int> shared, own;
    set->MatchRules(text, shared);
    matcher.MatchRules(text, 0, own);
    EXPECT_EQ(own, shared) << text;
    set->MatchFingerprints(text, shared);
    matcher.MatchFingerprints(text, own);
    EXPECT_EQ(own, shared) << text;
  }
}

// Matchers share a compiled copy two by two; the first copy is the RuleSet's
// own sets, later ones are compiled: all answer alike, with word counts that
// skip some sets.
TEST(RuleSet, MatchersOnEveryCopyAgree) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  for (int round = 0; round < 2; ++round) {
    std::vector<std::unique_ptr<RuleMatcher>> matchers;
    for (int i = 0; i < 5; ++i) matchers.push_back(std::make_unique<RuleMatcher>(*set));
    EXPECT_EQ(set->compiled_copies(), 3u);  // 5 matchers, 2 per copy; reused in round 2
    for (const std::string text : {"Share this", "share on x, subscribe", "Advertisement"}) {
      for (int words : {0, 2, 13, 41, 60}) {
        std::vector<int> first, other;
        matchers[0]->MatchRules(text, words, first);
        for (auto& m : matchers) {
          m->MatchRules(text, words, other);
          EXPECT_EQ(other, first) << text << " " << words;
        }
      }
    }
  }
}

TEST(RuleSet, CopiesAreReusedWhenMatchersGo) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->compiled_copies(), 0u);
  auto a = std::make_unique<RuleMatcher>(*set);
  RuleMatcher b(*set);
  EXPECT_EQ(set->compiled_copies(), 1u);  // a and b share the RuleSet's own sets
  RuleMatcher c(*set);
  EXPECT_EQ(set->compiled_copies(), 2u);
  a.reset();
  RuleMatcher d(*set);  // takes a's place on the first copy
  EXPECT_EQ(set->compiled_copies(), 2u);
}

// Matchers on one shared copy, each on its own thread, answer as one alone.
TEST(RuleSet, ThreadsSharingACopyAgree) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  const std::vector<std::string> texts = {"Share this", "share on x, subscribe", "Advertisement",
                                          "none", "B News"};
  std::vector<std::vector<int>> expected;
  {
    RuleMatcher alone(*set);
    for (const std::string& t : texts) {
      expected.emplace_back();
      alone.MatchRules(t, 0, expected.back());
    }
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < RuleMatcher::kThreadsPerCopy; ++t) {
    threads.emplace_back([&] {
      RuleMatcher m(*set);
      std::vector<int> out;
      for (int round = 0; round < 2000; ++round) {
        const std::size_t i = static_cast<std::size_t>(round) % texts.size();
        m.MatchRules(texts[i], 0, out);
        if (out != expected[i]) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(set->compiled_copies(), 1u);
}

TEST(RuleSet, PatternStartsAnchored) {
  EXPECT_TRUE(PatternStartsAnchored("^a"));
  EXPECT_TRUE(PatternStartsAnchored("(?i)^\\s*(a|b)$"));
  EXPECT_TRUE(PatternStartsAnchored("(?i)^a|^b"));
  EXPECT_TRUE(PatternStartsAnchored("^[|]a|^b"));
  EXPECT_FALSE(PatternStartsAnchored("(?i)^a|b"));
  EXPECT_FALSE(PatternStartsAnchored("a^"));
  EXPECT_FALSE(PatternStartsAnchored("(?i:^a)"));
}

TEST(RuleSet, EmptyRuleSet) {
  LoadedRules loaded;
  LoadPackText("[pack]\nid = \"empty\"\ndescription = \"d\"\n", "e.toml", loaded);
  std::vector<RuleError> errors;
  auto set = RuleSet::Compile(std::move(loaded), &errors);
  ASSERT_NE(set, nullptr) << AllErrors(errors);
  EXPECT_TRUE(set->rules().empty());
  EXPECT_TRUE(set->flag_names().empty());
  std::vector<int> out{7};
  set->MatchRules("anything", out);
  EXPECT_TRUE(out.empty());
  set->MatchFingerprints("anything", out);
  EXPECT_TRUE(out.empty());
  RuleMatcher matcher(*set);
  out = {7};
  matcher.MatchRules("anything", 0, out);
  EXPECT_TRUE(out.empty());
}

TEST(RuleSet, CompileRejectsBadPattern) {
  // Compile is normally given validated rules; without ValidateRules it still
  // refuses a pattern RE2 rejects instead of crashing.
  LoadedRules loaded;
  LoadPackText(R"toml([pack]
id = "p"
description = "d"
[[rule]]
id = "bad"
description = "d"
pattern = '(unclosed'
action = "drop"
)toml",
               "p.toml", loaded);
  std::vector<RuleError> errors;
  auto set = RuleSet::Compile(std::move(loaded), &errors);
  EXPECT_EQ(set, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("(unclosed"), std::string::npos) << errors[0].ToString();
  EXPECT_EQ(errors[0].where.file, "p.toml");
}

TEST(RuleSet, ManyRules) {
  // One Set over many rules still maps every hit to its own rule.
  std::string toml("[pack]\nid = \"many\"\ndescription = \"d\"\n");
  for (int i = 0; i < 300; ++i) {
    std::string n = std::to_string(i);
    toml.append("[[rule]]\nid = \"r")
        .append(n)
        .append("\"\ndescription = \"d\"\npattern = '^word")
        .append(n)
        .append("$'\naction = \"drop\"\n");
  }
  LoadedRules loaded;
  LoadPackText(toml, "many.toml", loaded);
  ASSERT_TRUE(loaded.ok()) << AllErrors(loaded.errors);
  std::vector<RuleError> errors;
  auto set = RuleSet::Compile(std::move(loaded), &errors);
  ASSERT_NE(set, nullptr) << AllErrors(errors);
  for (int i : {0, 1, 150, 299}) {
    std::string text("word");
    text.append(std::to_string(i));
    EXPECT_EQ(Match(*set, text), (std::vector<int>{i}));
  }
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

std::unique_ptr<RuleSet> BuildFrom(const std::string& pack_text) {
  LoadedRules loaded;
  LoadPackText(pack_text, "generic/x.toml", loaded);
  ValidateRules(loaded);
  EXPECT_TRUE(loaded.ok()) << AllErrors(loaded.errors);
  std::vector<RuleError> errors;
  return RuleSet::Compile(std::move(loaded), &errors);
}

// Anchored patterns run with ANCHOR_START; the others must still be found
// anywhere, and a top-level '|' makes a '^' pattern unanchored.
TEST(RuleSet, AnchoredAndUnanchoredPatternsBothMatchWhereTheyShould) {
  auto set = BuildFrom(R"([pack]
id = "generic.x"
description = "d"
[[rule]]
id = "x.start"
description = "d"
action = "drop"
patterns = ['(?i)^share this']
[[rule]]
id = "x.anywhere"
description = "d"
action = "drop"
patterns = ['all rights reserved']
[[rule]]
id = "x.either"
description = "d"
action = "drop"
patterns = ['^menu|footer links']
[[rule]]
id = "x.class"
description = "d"
action = "drop"
patterns = ['^[|(]+ ?x']
)");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "Share this story"), std::vector<int>{0});
  EXPECT_EQ(Match(*set, "Please share this story"), std::vector<int>{});
  EXPECT_EQ(Match(*set, "2025 Example Inc. All rights reserved"), std::vector<int>{});
  EXPECT_EQ(Match(*set, "2025 Example Inc. all rights reserved"), std::vector<int>{1});
  EXPECT_EQ(Match(*set, "menu"), std::vector<int>{2});
  EXPECT_EQ(Match(*set, "the footer links"), std::vector<int>{2});
  EXPECT_EQ(Match(*set, "|( x"), std::vector<int>{3});
  EXPECT_EQ(Match(*set, "a |( x"), std::vector<int>{});
}

TEST(RuleSet, BlocksLongerThanEveryRuleAllowsAreNotScanned) {
  auto set = BuildFrom(R"([pack]
id = "generic.x"
description = "d"
[[rule]]
id = "x.short"
description = "d"
action = "drop"
patterns = ['^Advertisement']
max_words = 3
)");
  ASSERT_NE(set, nullptr);
  std::vector<int> out;
  set->MatchRules("Advertisement", out, 1);
  EXPECT_EQ(out, std::vector<int>{0});
  set->MatchRules("Advertisement", out, 4);  // the engine would reject it anyway
  EXPECT_EQ(out, std::vector<int>{});
  RuleMatcher matcher(*set);
  matcher.MatchRules("Advertisement", 1, out);
  EXPECT_EQ(out, std::vector<int>{0});
  matcher.MatchRules("Advertisement", 4, out);
  EXPECT_EQ(out, std::vector<int>{});
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

std::unique_ptr<RuleSet> Bundled() {
  std::vector<RuleError> errors;
  auto set = RuleSet::Compile(LoadRulesDir(CLEANER_RULES_DIR), &errors);
  EXPECT_TRUE(errors.empty()) << AllErrors(errors);
  return set;
}

// Most anchored patterns of the bundled packs start with literal text and go
// through the prefix trie; the few that start with a class stay in the sets.
TEST(RuleSet, BundledAnchoredPatternsGoThroughPrefixes) {
  auto set = Bundled();
  ASSERT_NE(set, nullptr);
  EXPECT_GT(set->prefixed_patterns(), 150u);
  EXPECT_LT(set->set_patterns(), 40u);
}

// The prefixed patterns answer as RE2 alone would: a rule matches a block
// exactly when one of its patterns, compiled by itself, matches it.
TEST(RuleSet, MatchingAgreesWithEachPatternAlone) {
  auto set = Bundled();
  ASSERT_NE(set, nullptr);
  std::vector<std::vector<std::unique_ptr<RE2>>> alone(set->rules().size());
  for (std::size_t r = 0; r < set->rules().size(); ++r) {
    for (const std::string& p : set->rules()[r].rule->patterns)
      alone[r].push_back(std::make_unique<RE2>(p));
  }
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(CLEANER_FIXTURES_DIR)) {
    std::ifstream in(entry.path() / "input.txt");
    for (std::string line; std::getline(in, line);) texts.push_back(line);
  }
  for (const RuleSet::CompiledRule& rule : set->rules()) {
    for (const RuleExample& example : rule.rule->examples) texts.push_back(example.text);
  }
  ASSERT_GT(texts.size(), 1000u);
  RuleMatcher matcher(*set);
  std::vector<int> got;
  int hits = 0;
  for (const std::string& text : texts) {
    std::vector<int> expected;
    for (std::size_t r = 0; r < alone.size(); ++r) {
      for (const auto& re : alone[r]) {
        if (RE2::PartialMatch(text, *re)) {
          expected.push_back(static_cast<int>(r));
          break;
        }
      }
    }
    matcher.MatchRules(text, 0, got);
    EXPECT_EQ(got, expected) << text;
    hits += static_cast<int>(expected.size());
  }
  EXPECT_GT(hits, 300);
}

// A page matched at once gives each block what matching it alone gives, and
// the fingerprints any block matched.
TEST(RuleSet, MatchPageAgreesWithBlockByBlock) {
  auto set = Build();
  ASSERT_NE(set, nullptr);
  std::vector<Block> blocks;
  for (const char* text : {"Share this", "Body text here.", "share on x, subscribe", "B News",
                           "Advertisement", "", "Powered by B"}) {
    Block block;
    block.text = text;
    block.features.words =
        static_cast<int>(std::count(block.text.begin(), block.text.end(), ' ')) + 1;
    blocks.push_back(block);
  }
  RuleMatcher matcher(*set);
  PageMatch page;
  matcher.MatchPage(blocks, /*fingerprints=*/true, page);
  ASSERT_EQ(page.first.size(), blocks.size() + 1);
  std::vector<int> rules, fingerprints, all_fingerprints;
  int hits = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    matcher.Match(blocks[b].text, blocks[b].features.words, rules, &fingerprints);
    EXPECT_EQ(
        std::vector<int>(page.hits.begin() + page.first[b], page.hits.begin() + page.first[b + 1]),
        rules)
        << blocks[b].text;
    hits += static_cast<int>(rules.size());
    all_fingerprints.insert(all_fingerprints.end(), fingerprints.begin(), fingerprints.end());
  }
  std::sort(all_fingerprints.begin(), all_fingerprints.end());
  all_fingerprints.erase(std::unique(all_fingerprints.begin(), all_fingerprints.end()),
                         all_fingerprints.end());
  EXPECT_EQ(page.fingerprint_packs, all_fingerprints);
  EXPECT_EQ(page.fingerprint_packs, (std::vector<int>{1}));
  EXPECT_GE(hits, 3);
}

}  // namespace
}  // namespace cleaner
