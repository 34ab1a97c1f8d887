// Rule engine: actions, shape / zone / guard constraints, precedence, pack
// selection (domain, subdomain, --site, fingerprint), disable lists and flags.
#include "cleaner/rules/engine.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"
#include "tests/support/rule_packs.h"

namespace cleaner {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;
using Strings = std::vector<std::string>;

std::unique_ptr<RuleSet> Compile(const Files& files) {
  return testing_support::CompileFiles(files);
}

// A generic pack holding `rules` (TOML [[rule]] tables).
std::string GenericPack(const std::string& rules, const std::string& id = "generic.t",
                        const std::string& extra = "") {
  return testing_support::PackText(id, extra, rules);
}

// A site pack with `domains` (a TOML array) and `rules`.
std::string SitePack(const std::string& id, const std::string& keys, const std::string& rules) {
  return testing_support::PackText(id, keys, rules);
}

// One [[rule]] table.
std::string Rule(const std::string& id, const std::string& pattern, const std::string& action,
                 const std::string& extra = "") {
  return testing_support::RuleTable(id, "pattern", pattern, action, extra);
}

// A paragraph of `words` words ending with a full stop (kind: paragraph).
std::string Para(int words, const std::string& first = "Article") {
  static const char* kWords[] = {"river",   "council", "budget", "bridge", "vote",
                                 "harbour", "report",  "street", "market", "winter"};
  std::string s(first);
  for (int i = 1; i < words; ++i) s.append(" ").append(kWords[i % 10]);
  s.append(".");
  return s;
}

Document MakeDoc(const Strings& lines, const std::string& url = "") {
  std::string text;
  for (const std::string& l : lines) text.append(l).append("\n");
  Document doc;
  doc.url = url;
  SegmentLines(NormalizeLines(text), doc);
  return doc;
}

void ApplyTo(const RuleSet& rules, Document& doc, const RuleRunOptions& options = {}) {
  RuleScratch scratch;
  ApplyRules(rules, doc, options, scratch);
}

// "K" or "D" per block, with the deciding reason for dropped / decided blocks.
Strings Verdicts(const Document& doc) {
  Strings out;
  for (const Block& b : doc.blocks) {
    std::string v = b.verdict == Verdict::kKeep ? "K" : b.verdict == Verdict::kDrop ? "D" : "T";
    if (!b.reason.empty()) v.append(":").append(b.reason);
    out.push_back(v);
  }
  return out;
}

TEST(Engine, DropRemovesOnlyTheMatchingBlock) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.share", "^Share this$", "drop"))}});
  Document doc = MakeDoc({Para(10), "Share this", Para(10, "More")});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "D:t.share", "K"}));
  EXPECT_TRUE(doc.blocks[1].decided);
  EXPECT_EQ(doc.blocks[1].priority, 0);
  EXPECT_FALSE(doc.blocks[0].decided);
  EXPECT_EQ(doc.blocks[0].priority, -1);
  EXPECT_EQ(doc.packs, (Strings{"generic.t"}));
}

TEST(Engine, NoMatchLeavesDocumentAlone) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.share", "^Share this$", "drop"))}});
  Document doc = MakeDoc({Para(10), "Share this article", Para(10, "More")});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "K", "K"}));
  for (const Block& b : doc.blocks) EXPECT_FALSE(b.decided);
}

TEST(Engine, DropToEnd) {
  auto rules =
      Compile({{"g.toml", GenericPack(Rule("t.wall", "(?i)^keep reading", "drop_to_end"))}});
  Document doc = MakeDoc({Para(10), Para(10, "Second"), "Keep reading with a free trial",
                          "Subscribe", Para(12, "Tail")});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "K", "D:t.wall", "D:t.wall", "D:t.wall"}));
}

TEST(Engine, DropToEndTwiceKeepsEachDirectReason) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.a", "^Cut A$", "drop_to_end") +
                                               Rule("t.b", "^Cut B$", "drop_to_end"))}});
  Document doc = MakeDoc({Para(10), "Cut A", "x y", "Cut B", "z w"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "D:t.a", "D:t.a", "D:t.b", "D:t.a"}));
}

TEST(Engine, DropBefore) {
  auto rules =
      Compile({{"g.toml", GenericPack(Rule("t.start", "^Start of article$", "drop_before"))}});
  Document doc = MakeDoc({"Home", "News", "Start of article", Para(10), "Footer"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:t.start", "D:t.start", "D:t.start", "K", "K"}));
}

TEST(Engine, DropRangeUntilIsInclusive) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.related", "^Related$", "drop_range",
                                                    "until = '^End of list$'"))}});
  Document doc =
      MakeDoc({Para(10), "Related", "One story", "Two story", "End of list", Para(10, "After")});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc),
            (Strings{"K", "D:t.related", "D:t.related", "D:t.related", "D:t.related", "K"}));
}

TEST(Engine, DropRangeMaxBlocks) {
  auto rules = Compile(
      {{"g.toml", GenericPack(Rule("t.related", "^Related$", "drop_range", "max_blocks = 2"))}});
  Document doc = MakeDoc({"Related", "a b", "c d", "e f", "g h"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:t.related", "D:t.related", "D:t.related", "K", "K"}));
}

TEST(Engine, DropRangeMaxBlocksZeroIsTheBlockAlone) {
  auto rules = Compile(
      {{"g.toml", GenericPack(Rule("t.related", "^Related$", "drop_range", "max_blocks = 0"))}});
  Document doc = MakeDoc({"Related", "a b", "c d"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:t.related", "K", "K"}));
}

TEST(Engine, DropRangeStopsBeforeALongBlock) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.related", "^Related$", "drop_range",
                                                    "range_max_words = 4\nuntil = '^End$'"))}});
  Document doc = MakeDoc({"Related", "Short headline here", Para(20, "Back"), "End"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:t.related", "D:t.related", "K", "K"}));
}

TEST(Engine, DropRangeDefaultsToTwentyBlocks) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.related", "^Related$", "drop_range"))}});
  Strings lines{"Related"};
  for (int i = 0; i < 25; ++i) lines.push_back("item " + std::to_string(i));
  Document doc = MakeDoc(lines);
  ApplyTo(*rules, doc);
  for (int i = 0; i <= 20; ++i) {
    EXPECT_EQ(doc.blocks[static_cast<std::size_t>(i)].verdict, Verdict::kDrop) << i;
  }
  for (int i = 21; i <= 25; ++i) {
    EXPECT_EQ(doc.blocks[static_cast<std::size_t>(i)].verdict, Verdict::kKeep) << i;
  }
}

TEST(Engine, DropRangeUntilNeverSeenRunsToTheLimit) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.related", "^Related$", "drop_range",
                                                    "until = '^Never$'\nmax_blocks = 3"))}});
  Document doc = MakeDoc({"Related", "a", "b", "c", "d"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc),
            (Strings{"D:t.related", "D:t.related", "D:t.related", "D:t.related", "K"}));
}

TEST(Engine, KeepBeatsDropOnATie) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.drop", "^Share", "drop") +
                                               Rule("t.keep", "^Share the road", "keep"))}});
  Document doc = MakeDoc({"Share the road campaign", "Share this"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K:t.keep", "D:t.drop"}));
  EXPECT_TRUE(doc.blocks[0].decided);
  EXPECT_EQ(doc.blocks[0].priority, 0);
}

TEST(Engine, KeepBeatsARangeOfTheSamePriority) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.wall", "^Paywall$", "drop_to_end") +
                                               Rule("t.keep", "^Correction:", "keep"))}});
  Document doc = MakeDoc({Para(10), "Paywall", "x y", "Correction: a date was wrong", "z"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "D:t.wall", "D:t.wall", "K:t.keep", "D:t.wall"}));
}

TEST(Engine, SitePackOverridesGenericKeep) {
  auto rules = Compile({{"generic/g.toml", GenericPack(Rule("g.keep", "(?i)share", "keep"))},
                        {"sites/s.toml", SitePack("site.s", "domains = [\"example.com\"]",
                                                  Rule("s.drop", "^Share this$", "drop"))}});
  Document doc = MakeDoc({Para(10), "Share this"}, "https://example.com/a");
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "D:s.drop"}));
  EXPECT_EQ(doc.blocks[1].priority, 100);
  EXPECT_EQ(doc.packs, (Strings{"generic.t", "site.s"}));
}

TEST(Engine, SiteKeepOverridesGenericDrop) {
  auto rules =
      Compile({{"generic/g.toml", GenericPack(Rule("g.drop", "^Newsletter", "drop_to_end"))},
               {"sites/s.toml", SitePack("site.s", "domains = [\"example.com\"]",
                                         Rule("s.keep", "^Newsletter of the week", "keep"))}});
  Document doc = MakeDoc({"Newsletter of the week", Para(10)}, "https://example.com/a");
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K:s.keep", "D:g.drop"}));
}

TEST(Engine, HigherPriorityRangeBeatsLowerKeep) {
  auto rules = Compile({{"generic/g.toml", GenericPack(Rule("g.keep", "^Important", "keep"))},
                        {"sites/s.toml", SitePack("site.s", "domains = [\"example.com\"]",
                                                  Rule("s.cut", "^Comments$", "drop_to_end"))}});
  Document doc = MakeDoc({Para(10), "Comments", "Important comment"}, "https://example.com/");
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "D:s.cut", "D:s.cut"}));
}

TEST(Engine, ExplicitPriorityAmongGenericPacks) {
  auto rules = Compile(
      {{"a.toml", GenericPack(Rule("a.keep", "^Share", "keep"), "generic.a")},
       {"b.toml", GenericPack(Rule("b.drop", "^Share", "drop"), "generic.b", "priority = 5")}});
  Document doc = MakeDoc({"Share"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:b.drop"}));
  EXPECT_EQ(doc.blocks[0].priority, 5);
}

TEST(Engine, MaxAndMinWords) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.sub", "(?i)subscribe", "drop",
                                                    "min_words = 2\nmax_words = 5"))}});
  Document doc = MakeDoc({"Subscribe", "Subscribe to our newsletter",
                          "Readers who subscribe to the print edition get the magazine free."});
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "D:t.sub", "K"}));
}

TEST(Engine, Kinds) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.ai", "(?i)generated by ai", "drop",
                                                    "kinds = [\"line\", \"heading\"]"))}});
  Document doc = MakeDoc({"Generated by AI Agent", "- generated by AI tools",
                          "This summary was generated by AI and checked by an editor."});
  ASSERT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  ASSERT_EQ(doc.blocks[1].kind, BlockKind::kListItem);
  ASSERT_EQ(doc.blocks[2].kind, BlockKind::kParagraph);
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:t.ai", "K", "K"}));
}

TEST(Engine, ZoneHead) {
  auto rules =
      Compile({{"g.toml", GenericPack(Rule("t.tag", "^Tagline$", "drop", "zone = \"head\""))}});
  Strings lines{"Tagline"};
  for (int i = 0; i < 6; ++i) lines.push_back(Para(10));
  lines.push_back("Tagline");
  Document doc = MakeDoc(lines);
  ApplyTo(*rules, doc);
  EXPECT_EQ(doc.blocks.front().reason, "t.tag");
  EXPECT_EQ(doc.blocks.back().verdict, Verdict::kKeep);
}

TEST(Engine, ZoneHeadIncludesTheFirstFiveBlocks) {
  // Block 4 is past 30% of the words but among the first five blocks.
  auto rules =
      Compile({{"g.toml", GenericPack(Rule("t.tag", "^Tagline$", "drop", "zone = \"head\""))}});
  Document doc = MakeDoc({Para(20), Para(20), Para(20), Para(20), "Tagline", Para(5)});
  ApplyTo(*rules, doc);
  EXPECT_EQ(doc.blocks[4].reason, "t.tag");
}

TEST(Engine, ZoneTail) {
  auto rules =
      Compile({{"g.toml", GenericPack(Rule("t.tag", "^Tagline$", "drop", "zone = \"tail\""))}});
  Strings lines{"Tagline"};
  for (int i = 0; i < 6; ++i) lines.push_back(Para(10));
  lines.push_back("Tagline");
  Document doc = MakeDoc(lines);
  ApplyTo(*rules, doc);
  EXPECT_EQ(doc.blocks.front().verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks.back().reason, "t.tag");
}

TEST(Engine, GuardMinWordsBeforeVetoes) {
  auto rules =
      Compile({{"g.toml", GenericPack(Rule("t.ask", "^Ask AI$", "drop_to_end",
                                           "min_words_before = 25\nflags = [\"chat\"]"))}});
  // Menu lines (headings) before do not count as prose.
  Document early = MakeDoc({"Home Page Link Here", "World News And Sport", "Business Tech Culture",
                            "Opinion Sport Weather Here", "Lifestyle Travel Food Drink",
                            "Markets Money Jobs Cars", "Ask AI", Para(10), Para(10)});
  ApplyTo(*rules, early);
  for (const Block& b : early.blocks) EXPECT_EQ(b.verdict, Verdict::kKeep) << b.text;
  ASSERT_EQ(early.blocks[6].notes.size(), 1u);
  EXPECT_NE(early.blocks[6].notes[0].find("t.ask vetoed"), std::string::npos)
      << early.blocks[6].notes[0];
  EXPECT_NE(early.blocks[6].notes[0].find("has 0"), std::string::npos) << early.blocks[6].notes[0];
  EXPECT_FALSE(early.flags.at("chat")) << "a vetoed rule sets no flag";

  Document late = MakeDoc({Para(10), Para(10), Para(10), "Ask AI", "New Chat"});
  ApplyTo(*rules, late);
  EXPECT_EQ(Verdicts(late), (Strings{"K", "K", "K", "D:t.ask", "D:t.ask"}));
  EXPECT_TRUE(late.flags.at("chat"));
  EXPECT_TRUE(late.blocks[3].notes.empty());
}

TEST(Engine, GuardMinWordsAfterVetoes) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.start", "^Skip to content$", "drop_before",
                                                    "min_words_after = 20"))}});
  Document tail = MakeDoc({Para(30), "Skip to content", Para(5)});
  ApplyTo(*rules, tail);
  EXPECT_EQ(Verdicts(tail), (Strings{"K", "K", "K"}));
  ASSERT_EQ(tail.blocks[1].notes.size(), 1u);
  EXPECT_NE(tail.blocks[1].notes[0].find("after"), std::string::npos);

  Document head = MakeDoc({"Menu", "Skip to content", Para(30)});
  ApplyTo(*rules, head);
  EXPECT_EQ(Verdicts(head), (Strings{"D:t.start", "D:t.start", "K"}));
}

TEST(Engine, FlagsReportedFalseUntilARuleFires) {
  auto rules = Compile(
      {{"g.toml",
        GenericPack(Rule("t.pay", "^Subscribe to read$", "drop", "flags = [\"paywalled\"]") +
                    Rule("t.ai", "^Generated by AI$", "drop", "flags = [\"ai_disclosure\"]"))}});
  Document doc = MakeDoc({"Generated by AI", Para(10)});
  ApplyTo(*rules, doc);
  ASSERT_EQ(doc.flags.size(), 2u);
  EXPECT_TRUE(doc.flags.at("ai_disclosure"));
  EXPECT_FALSE(doc.flags.at("paywalled"));
}

TEST(Engine, FlagOfAnInactiveSitePackIsStillReportedFalse) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.x", "^X$", "drop"))},
                        {"s.toml", SitePack("site.s", "domains = [\"s.com\"]",
                                            Rule("s.ad", "^Ad$", "drop", "flags = [\"ads\"]"))}});
  Document doc = MakeDoc({"Ad", Para(10)}, "https://other.org/");
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "K"}));
  EXPECT_FALSE(doc.flags.at("ads"));
  EXPECT_EQ(doc.packs, (Strings{"generic.t"}));
}

// Pack selection ------------------------------------------------------------

std::unique_ptr<RuleSet> SiteRules() {
  return Compile(
      {{"generic/g.toml", GenericPack(Rule("g.share", "^Share$", "drop"))},
       {"sites/s.toml",
        SitePack("site.example",
                 "domains = [\"example.com\"]\nfingerprint = ['^Example Daily Newsletter$']",
                 Rule("s.ad", "^Advertisement$", "drop"))},
       {"sites/t.toml", SitePack("site.other", "domains = [\"other.org\", \"mirror.net\"]",
                                 Rule("o.promo", "^Promo$", "drop"))}});
}

Strings PacksFor(const RuleSet& rules, const std::string& url, const std::string& site = "",
                 const Strings& lines = {"Advertisement", "Promo", "Share"}) {
  Document doc = MakeDoc(lines, url);
  RuleRunOptions options;
  options.site = site;
  ApplyTo(rules, doc, options);
  return doc.packs;
}

TEST(EngineSelection, GenericOnlyWithoutUrl) {
  auto rules = SiteRules();
  Document doc = MakeDoc({"Advertisement", "Promo", "Share"});
  ApplyTo(*rules, doc);
  EXPECT_EQ(doc.packs, (Strings{"generic.t"}));
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "K", "D:g.share"}));
}

TEST(EngineSelection, ByDomainAndSubdomain) {
  auto rules = SiteRules();
  const Strings example{"generic.t", "site.example"};
  EXPECT_EQ(PacksFor(*rules, "https://example.com/a"), example);
  EXPECT_EQ(PacksFor(*rules, "https://www.example.com/a"), example);
  EXPECT_EQ(PacksFor(*rules, "http://news.eu.EXAMPLE.com:8080/x?y#z"), example);
  EXPECT_EQ(PacksFor(*rules, "https://mirror.net"), (Strings{"generic.t", "site.other"}));
}

TEST(EngineSelection, LookAlikeDomainsDoNotMatch) {
  auto rules = SiteRules();
  const Strings generic{"generic.t"};
  EXPECT_EQ(PacksFor(*rules, "https://notexample.com/"), generic);
  EXPECT_EQ(PacksFor(*rules, "https://example.com.evil.org/"), generic);
  EXPECT_EQ(PacksFor(*rules, "https://example.co/"), generic);
  EXPECT_EQ(PacksFor(*rules, "https://evil.org/?u=https://example.com/"), generic);
}

TEST(EngineSelection, DomainPackDecides) {
  auto rules = SiteRules();
  Document doc = MakeDoc({"Advertisement", "Promo", "Share"}, "https://www.example.com/story");
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:s.ad", "K", "D:g.share"}));
}

TEST(EngineSelection, SiteOptionForcesOnePack) {
  auto rules = SiteRules();
  EXPECT_EQ(PacksFor(*rules, "", "site.other"), (Strings{"generic.t", "site.other"}));
  // --site wins over the URL: the URL's own pack is not applied.
  EXPECT_EQ(PacksFor(*rules, "https://example.com/", "site.other"),
            (Strings{"generic.t", "site.other"}));
  // An unknown --site applies no site pack.
  EXPECT_EQ(PacksFor(*rules, "", "site.none"), (Strings{"generic.t"}));
}

TEST(EngineSelection, FingerprintWithoutUrl) {
  auto rules = SiteRules();
  const Strings page{"Example Daily Newsletter", "Advertisement", Para(10)};
  Document doc = MakeDoc(page);
  ApplyTo(*rules, doc);
  EXPECT_EQ(doc.packs, (Strings{"generic.t", "site.example"}));
  EXPECT_EQ(doc.blocks[1].reason, "s.ad");
}

// An HTML page's blocks are matched once for the whole page: the fingerprints
// seen choose the packs, and ApplyRules takes each block's hits as given.
TEST(EngineSelection, PageMatchedAheadGivesFingerprintsAndHits) {
  auto rules = SiteRules();
  Document doc = MakeDoc({"Example Daily Newsletter", "Advertisement", Para(10)});
  RuleScratch scratch;
  const std::vector<char> seen = MatchPageRules(*rules, doc, scratch);
  ASSERT_TRUE(doc.blocks[1].rule_hits_known);
  EXPECT_FALSE(doc.blocks[1].rule_hits.empty());
  const std::vector<char> packs = SelectPacks(*rules, doc, {.fingerprints_seen = &seen}, scratch);
  EXPECT_EQ(packs, SelectPacks(*rules, doc, {}, scratch));  // as if matched there
  // The hits are taken as given, not matched again: hits dropped from a block
  // leave it alone.
  doc.blocks[1].rule_hits.clear();
  ApplyRules(*rules, doc, {.packs = &packs}, scratch);
  EXPECT_EQ(doc.blocks[1].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.packs, (Strings{"generic.t", "site.example"}));
}

TEST(EngineSelection, FingerprintIgnoredWhenUrlOrSiteGiven) {
  auto rules = SiteRules();
  const Strings page{"Example Daily Newsletter", "Advertisement", Para(10)};
  EXPECT_EQ(PacksFor(*rules, "https://unrelated.org/", "", page), (Strings{"generic.t"}));
  EXPECT_EQ(PacksFor(*rules, "", "site.other", page), (Strings{"generic.t", "site.other"}));
}

TEST(EngineSelection, NoFingerprintNoSitePack) {
  auto rules = SiteRules();
  EXPECT_EQ(PacksFor(*rules, "", "", {"Example Daily Newsletter today", "Advertisement"}),
            (Strings{"generic.t"}));
}

TEST(EngineSelection, OnlyPack) {
  auto rules = SiteRules();
  Document doc = MakeDoc({"Advertisement", "Promo", "Share"});
  RuleRunOptions options;
  options.only_pack = 2;
  ApplyTo(*rules, doc, options);
  EXPECT_EQ(doc.packs, (Strings{"site.other"}));
  EXPECT_EQ(Verdicts(doc), (Strings{"K", "D:o.promo", "K"}));
}

TEST(EngineSelection, DisableListTurnsGenericRulesOff) {
  auto rules =
      Compile({{"generic/g.toml", GenericPack(Rule("g.share", "^Share$", "drop") +
                                              Rule("g.more", "^Read more$", "drop"))},
               {"sites/s.toml", SitePack("site.s", "domains = [\"s.com\"]\ndisable = [\"g.share\"]",
                                         Rule("s.x", "^X$", "drop"))}});
  Document on = MakeDoc({"Share", "Read more", Para(10)}, "https://s.com/");
  ApplyTo(*rules, on);
  EXPECT_EQ(Verdicts(on), (Strings{"K", "D:g.more", "K"}));
  // Without the site pack the generic rule applies.
  Document off = MakeDoc({"Share", "Read more", Para(10)}, "https://elsewhere.com/");
  ApplyTo(*rules, off);
  EXPECT_EQ(Verdicts(off), (Strings{"D:g.share", "D:g.more", "K"}));
}

TEST(EngineSelection, DisableDoesNotTurnOffSiteRules) {
  auto rules =
      Compile({{"generic/g.toml", GenericPack(Rule("g.x", "^Nothing$", "drop"))},
               {"sites/a.toml", SitePack("site.a", "domains = [\"a.com\"]\ndisable = [\"b.ad\"]",
                                         Rule("a.x", "^X$", "drop"))},
               {"sites/b.toml",
                SitePack("site.b", "domains = [\"a.com\"]", Rule("b.ad", "^Ad$", "drop"))}});
  Document doc = MakeDoc({"Ad", Para(10)}, "https://a.com/");
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"D:b.ad", "K"}));
}

TEST(Engine, TitleIsLeftAloneAndNotCounted) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.start", "^Start$", "drop_before") +
                                               Rule("t.any", "Headline", "drop"))}});
  Document doc = MakeDoc({"Big Headline Today", "Nav", "Start", Para(10)});
  doc.blocks[0].verdict = Verdict::kTitle;
  doc.blocks[0].reason = "detect.title";
  ApplyTo(*rules, doc);
  EXPECT_EQ(Verdicts(doc), (Strings{"T:detect.title", "D:t.start", "D:t.start", "K"}));
}

TEST(Engine, ReusedScratchAcrossRuleSets) {
  auto a = Compile({{"a.toml", GenericPack(Rule("a.x", "^X$", "drop"), "generic.a")}});
  auto b = Compile({{"b.toml", GenericPack(Rule("b.y", "^Y$", "drop"), "generic.b")}});
  RuleScratch scratch;
  Document d1 = MakeDoc({"X", "Y"});
  ApplyRules(*a, d1, {}, scratch);
  Document d2 = MakeDoc({"X", "Y"});
  ApplyRules(*b, d2, {}, scratch);
  EXPECT_EQ(Verdicts(d1), (Strings{"D:a.x", "K"}));
  EXPECT_EQ(Verdicts(d2), (Strings{"K", "D:b.y"}));
}

TEST(Engine, RuleMatchesBlockChecksShape) {
  auto rules = Compile({{"g.toml", GenericPack(Rule("t.sub", "(?i)subscribe", "drop",
                                                    "max_words = 4\nkinds = [\"heading\"]"))}});
  auto block = [](const std::string& text) {
    Block b;
    b.text = text;
    b.features = ComputeFeatures(text);
    b.kind = ClassifyKind(text, b.features);
    return b;
  };
  EXPECT_TRUE(RuleMatchesBlock(*rules, 0, block("Subscribe Now")));
  EXPECT_FALSE(RuleMatchesBlock(*rules, 0, block("Subscribe to our daily newsletter today")));
  EXPECT_FALSE(RuleMatchesBlock(*rules, 0, block("subscribe now")));  // a line, not a heading
  EXPECT_FALSE(RuleMatchesBlock(*rules, 0, block("Sign Up")));
}

TEST(HostOfUrl, Hosts) {
  EXPECT_EQ(HostOfUrl("https://www.Example.COM/path"), "www.example.com");
  EXPECT_EQ(HostOfUrl("http://example.com:8080/x"), "example.com");
  EXPECT_EQ(HostOfUrl("https://user:pw@example.com/"), "example.com");
  EXPECT_EQ(HostOfUrl("https://example.com?q=1"), "example.com");
  EXPECT_EQ(HostOfUrl("https://example.com#frag"), "example.com");
  EXPECT_EQ(HostOfUrl("https://example.com./a"), "example.com");
  EXPECT_EQ(HostOfUrl("//cdn.example.com/lib.js"), "cdn.example.com");
  EXPECT_EQ(HostOfUrl("example.com/path"), "example.com");
  EXPECT_EQ(HostOfUrl(""), "");
  EXPECT_EQ(HostOfUrl("https:///path"), "");
}

TEST(HostOfUrl, Ipv6LiteralDropsPort) {
  const std::string host = HostOfUrl("http://[::1]:8080/x");
  EXPECT_EQ(host, "[::1]");
}

TEST(HostMatchesDomain, Matches) {
  EXPECT_TRUE(HostMatchesDomain("example.com", "example.com"));
  EXPECT_TRUE(HostMatchesDomain("www.example.com", "example.com"));
  EXPECT_TRUE(HostMatchesDomain("a.b.example.com", "example.com"));
  EXPECT_FALSE(HostMatchesDomain("notexample.com", "example.com"));
  EXPECT_FALSE(HostMatchesDomain("example.com", "www.example.com"));
  EXPECT_FALSE(HostMatchesDomain("example.com.au", "example.com"));
  EXPECT_FALSE(HostMatchesDomain("", "example.com"));
}

}  // namespace
}  // namespace cleaner
