// Selector rules over pages: which blocks each rule's elements hold, word
// limits, "holds the article", nesting depth; and end to end through the
// Cleaner (site scoping, keep over the content stage, flags, disable).
#include "cleaner/html/dom_rules.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cleaner/html/html_input.h"
#include "cleaner/pipeline/cleaner.h"
#include "cleaner/rules/rule_set.h"
#include "tests/support/rule_packs.h"

namespace cleaner {
namespace {

using testing_support::PackText;
using testing_support::RuleTable;

std::unique_ptr<RuleSet> Compile(const std::vector<std::string>& packs) {
  return testing_support::CompilePacks(packs);
}

std::string Pack(const std::string& id, const std::string& keys, const std::string& rules) {
  return PackText(id, keys, rules);
}

std::string DomRule(const std::string& id, const std::string& selector, const std::string& action,
                    const std::string& extra = "") {
  return RuleTable(id, "selector", selector, action, extra);
}

const char* kProse =
    "The council voted on Tuesday to close the old stone bridge for repairs until the spring, "
    "a decision that will divert traffic through the narrow streets of the old town.";

// An article of three paragraphs with chrome around and inside it.
std::string Page() {
  std::string p = kProse;
  std::string html = "<html><head><title>Bridge</title></head><body>";
  html += "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/n\">News</a></nav>";
  html += "<article class=\"story\"><h1>Bridge</h1>";
  html += "<p>" + p + "</p>";
  html += "<div class=\"extra-box\"><p>Try our puzzles today.</p></div>";
  html += "<p>" + p + "</p>";
  html += "<div class=\"kicker-note\"><p class=\"keepme\">Corrections welcome.</p></div>";
  html += "<p>" + p + "</p>";
  html += "</article><footer><p>Contact us</p></footer></body></html>";
  return html;
}

// Block text -> the rule ids recorded on it, for the page parsed with `rules`.
std::vector<std::pair<std::string, std::vector<std::string>>> Hits(const RuleSet& rules,
                                                                   const std::string& html) {
  auto dom = html::DomRuleSet::Compile(rules);
  HtmlOptions options;
  options.dom_rules = dom.get();
  Document doc;
  HtmlToDocument(html, options, doc);
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const Block& b : doc.blocks) {
    std::vector<std::string> ids;
    for (const SelectorHit& h : b.selector_hits)
      ids.push_back(rules.rules()[static_cast<std::size_t>(h.rule)].rule->id);
    out.emplace_back(b.text, ids);
  }
  return out;
}

std::vector<std::string> HitsOf(const RuleSet& rules, const std::string& html,
                                const std::string& text) {
  for (auto& [t, ids] : Hits(rules, html)) {
    if (t == text) return ids;
  }
  ADD_FAILURE() << "no block " << text;
  return {};
}

TEST(DomRuleSet, RecordsEveryBlockInsideTheElement) {
  auto rules =
      Compile({Pack("generic.t", "",
                    DomRule("t.promo", ".extra-box", "drop") + DomRule("t.nav", "nav", "drop") +
                        DomRule("t.any", "p:has-text(^Contact)", "drop"))});
  const std::string page = Page();
  EXPECT_EQ(HitsOf(*rules, page, "Try our puzzles today."), std::vector<std::string>{"t.promo"});
  EXPECT_EQ(HitsOf(*rules, page, "Home News"), std::vector<std::string>{"t.nav"});
  EXPECT_EQ(HitsOf(*rules, page, "Contact us"), std::vector<std::string>{"t.any"});
  EXPECT_TRUE(HitsOf(*rules, page, kProse).empty());
}

TEST(DomRuleSet, AttributeSelectorsThroughTheirIndex) {
  auto rules = Compile({Pack("generic.t", "",
                             DomRule("t.sub", "[class*=xtra-b]", "drop") +
                                 DomRule("t.pre", "[class^=kicker]", "drop") +
                                 DomRule("t.eq", "[class=menu]", "drop") +
                                 DomRule("t.has", "div[class]:has-text(Corrections)", "drop") +
                                 DomRule("t.miss", "[class$=kicker]", "drop"))});
  const std::string page = Page();
  EXPECT_EQ(HitsOf(*rules, page, "Try our puzzles today."), std::vector<std::string>{"t.sub"});
  EXPECT_EQ(HitsOf(*rules, page, "Home News"), std::vector<std::string>{"t.eq"});
  EXPECT_EQ(HitsOf(*rules, page, "Corrections welcome."),
            (std::vector<std::string>{"t.pre", "t.has"}));
  EXPECT_TRUE(HitsOf(*rules, page, kProse).empty());
}

TEST(DomRuleSet, WordLimitsJudgeTheElement) {
  auto rules = Compile({Pack("generic.t", "",
                             DomRule("t.short", "article div", "drop", "max_words = 3") +
                                 DomRule("t.long", "div, nav", "drop", "min_words = 3"))});
  const std::string page = Page();
  EXPECT_EQ(HitsOf(*rules, page, "Corrections welcome."), std::vector<std::string>{"t.short"});
  EXPECT_EQ(HitsOf(*rules, page, "Try our puzzles today."), std::vector<std::string>{"t.long"});
}

TEST(DomRuleSet, ElementHoldingTheArticleIsMarked) {
  auto rules = Compile(
      {Pack("generic.t", "",
            DomRule("t.story", ".story", "drop") + DomRule("t.promo", ".extra-box", "drop"))});
  auto dom = html::DomRuleSet::Compile(*rules);
  HtmlOptions options;
  options.dom_rules = dom.get();
  Document doc;
  HtmlToDocument(Page(), options, doc);
  int holding = 0, not_holding = 0;
  for (const Block& b : doc.blocks) {
    for (const SelectorHit& h : b.selector_hits) {
      const std::string& id = rules->rules()[static_cast<std::size_t>(h.rule)].rule->id;
      if (id == "t.story") {
        EXPECT_TRUE(h.holds_article) << b.text;
      }
      if (id == "t.promo") {
        EXPECT_FALSE(h.holds_article) << b.text;
      }
      (h.holds_article ? holding : not_holding)++;
    }
  }
  EXPECT_GT(holding, 3);
  EXPECT_EQ(not_holding, 1);
}

TEST(DomRuleSet, NestedMatchesKeepTheInnermostDepth) {
  auto rules = Compile({Pack("generic.t", "", DomRule("t.div", "div", "drop"))});
  auto dom = html::DomRuleSet::Compile(*rules);
  HtmlOptions options;
  options.dom_rules = dom.get();
  Document doc;
  HtmlToDocument("<div><div><div><p>Deep text here.</p></div></div></div>", options, doc);
  ASSERT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.blocks[0].selector_hits.size(), 1u) << "one hit per rule";
  EXPECT_EQ(doc.blocks[0].selector_hits[0].depth, 4) << "html>body>div>div>div";
}

// End to end: ApplyDomRules through the Cleaner.
std::string Clean(const RuleSet& rules, const std::string& html, const std::string& url = "") {
  Cleaner cleaner(rules);
  CleanOptions options;
  options.url = url;
  Document doc = cleaner.Clean(html, options);
  std::string out;
  for (const Block& b : doc.blocks) {
    if (b.verdict == Verdict::kKeep) out.append(b.text).append("\n");
  }
  return out;
}

TEST(DomRulesEndToEnd, DropInsideTheArticle) {
  auto without = Compile({Pack("generic.t", "", "")});
  auto with = Compile({Pack("generic.t", "", DomRule("t.promo", ".extra-box", "drop"))});
  EXPECT_NE(Clean(*without, Page()).find("puzzles"), std::string::npos)
      << "the content stage alone keeps it";
  EXPECT_EQ(Clean(*with, Page()).find("puzzles"), std::string::npos);
}

TEST(DomRulesEndToEnd, GenericDropOfTheWholeArticleIsVetoed) {
  auto rules = Compile({Pack("generic.t", "", DomRule("t.story", ".story", "drop"))});
  EXPECT_NE(Clean(*rules, Page()).find("council"), std::string::npos);
  Cleaner cleaner(*rules);
  Document doc = cleaner.Clean(Page(), {});
  bool noted = false;
  for (const Block& b : doc.blocks) {
    for (const std::string& n : b.notes)
      noted = noted || n.find("t.story vetoed") == 0 || n.find("rule t.story vetoed") == 0;
  }
  EXPECT_TRUE(noted);
}

TEST(DomRulesEndToEnd, SitePackDropIsTrustedAndScopedByDomain) {
  auto rules =
      Compile({Pack("site.x", "domains = [\"x.example\"]", DomRule("x.story", ".story", "drop"))});
  EXPECT_EQ(Clean(*rules, Page(), "https://www.x.example/a").find("council"), std::string::npos);
  EXPECT_NE(Clean(*rules, Page(), "https://other.example/a").find("council"), std::string::npos);
  EXPECT_NE(Clean(*rules, Page()).find("council"), std::string::npos);
}

TEST(DomRulesEndToEnd, PageWithoutUrlIsScopedByItsCanonicalLink) {
  auto rules = Compile(
      {Pack("site.x", "domains = [\"x.example\"]", DomRule("x.promo", ".extra-box", "drop"))});
  std::string page = Page();
  EXPECT_NE(Clean(*rules, page).find("puzzles"), std::string::npos);
  page.replace(page.find("</head>"), 0,
               "<link rel=\"canonical\" href=\"https://news.x.example/a\">");
  EXPECT_EQ(Clean(*rules, page).find("puzzles"), std::string::npos);
  EXPECT_NE(Clean(*rules, page, "https://mirror.example/a").find("puzzles"), std::string::npos)
      << "a URL given from outside wins";
}

TEST(DomRulesEndToEnd, KeepBringsBackWhatTheContentStageDropped) {
  auto without = Compile({Pack("generic.t", "", "")});
  auto with = Compile({Pack("generic.t", "", DomRule("t.footer", "footer", "keep"))});
  EXPECT_EQ(Clean(*without, Page()).find("Contact us"), std::string::npos);
  EXPECT_NE(Clean(*with, Page()).find("Contact us"), std::string::npos);
}

TEST(DomRulesEndToEnd, InnermostElementWinsAtEqualPriority) {
  auto rules = Compile(
      {Pack("generic.t", "",
            DomRule("t.note", ".kicker-note", "drop") + DomRule("t.keep", ".keepme", "keep") +
                DomRule("t.article", "article div", "keep"))});
  // .keepme (keep) is inside .kicker-note (drop): the inner keep wins.
  EXPECT_NE(Clean(*rules, Page()).find("Corrections welcome."), std::string::npos);
  auto outer_keep = Compile(
      {Pack("generic.t", "",
            DomRule("t.outer", "article", "keep") + DomRule("t.inner", ".extra-box", "drop"))});
  EXPECT_EQ(Clean(*outer_keep, Page()).find("puzzles"), std::string::npos)
      << "the inner drop beats the outer keep";
}

TEST(DomRulesEndToEnd, SiteKeepBeatsGenericDropAndDisable) {
  auto rules = Compile({Pack("generic.t", "", DomRule("t.promo", ".extra-box", "drop")),
                        Pack("site.x", "domains = [\"x.example\"]\ndisable = [\"t.promo\"]", "")});
  EXPECT_EQ(Clean(*rules, Page()).find("puzzles"), std::string::npos);
  EXPECT_NE(Clean(*rules, Page(), "https://x.example/").find("puzzles"), std::string::npos)
      << "disabled by the site pack";
  auto keep = Compile(
      {Pack("generic.t", "", DomRule("t.promo", ".extra-box", "drop")),
       Pack("site.x", "domains = [\"x.example\"]", DomRule("x.promo", ".extra-box p", "keep"))});
  EXPECT_NE(Clean(*keep, Page(), "https://x.example/").find("puzzles"), std::string::npos);
}

TEST(DomRulesEndToEnd, DropToEndAndDropBefore) {
  auto to_end = Compile({Pack("site.x", "domains = [\"x.example\"]",
                              DomRule("x.wall", ".extra-box", "drop_to_end"))});
  const std::string after = Clean(*to_end, Page(), "https://x.example/");
  EXPECT_NE(after.find("council"), std::string::npos) << "the first paragraph stays";
  EXPECT_EQ(after.find("puzzles"), std::string::npos);
  EXPECT_EQ(after.find("Corrections"), std::string::npos) << after;
  EXPECT_EQ(after.find('\n'), after.size() - 1) << "only the first paragraph is left:\n" << after;
  auto before = Compile({Pack(
      "site.x", "domains = [\"x.example\"]",
      DomRule("x.top", ".kicker-note", "drop_before") + DomRule("x.keep", ".extra-box", "keep"))});
  const std::string tail = Clean(*before, Page(), "https://x.example/");
  EXPECT_NE(tail.find("puzzles"), std::string::npos) << "an element's keep beats the range";
  EXPECT_EQ(tail.find("council voted"), tail.rfind("council voted")) << "one paragraph left";
  EXPECT_EQ(tail.find("Corrections"), std::string::npos);
}

TEST(DomRulesEndToEnd, FlagsAndReasons) {
  auto rules = Compile(
      {Pack("generic.t", "", DomRule("t.promo", ".extra-box", "drop", "flags = [\"promo\"]"))});
  Cleaner cleaner(*rules);
  Document doc = cleaner.Clean(Page(), {});
  EXPECT_TRUE(doc.flags["promo"]);
  bool found = false;
  for (const Block& b : doc.blocks) {
    if (b.text == "Try our puzzles today.") {
      found = true;
      EXPECT_EQ(b.verdict, Verdict::kDrop);
      EXPECT_EQ(b.reason, "t.promo");
    }
  }
  EXPECT_TRUE(found);
}

TEST(DomRulesEndToEnd, TextInputIgnoresSelectorRules) {
  auto rules = Compile({Pack("generic.t", "", DomRule("t.all", "*", "drop"))});
  Cleaner cleaner(*rules);
  CleanOptions options;
  options.input = InputKind::kText;
  Document doc = cleaner.Clean("Title\n" + std::string(kProse) + "\n", options);
  for (const Block& b : doc.blocks) EXPECT_NE(b.reason, "t.all");
}

}  // namespace
}  // namespace cleaner
