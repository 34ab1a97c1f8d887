// Choosing the article region and deciding every block (cleaner/html/content.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cleaner/html/content.h"
#include "cleaner/html/dom_walk.h"
#include "cleaner/html/gumbo_document.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"

namespace cleaner::html {
namespace {

// Prose long enough to count: `n` different sentences.
std::string Prose(const std::string& topic, int n = 4) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "The " + topic + " report number " + std::to_string(i) +
           " says that the council met on Tuesday, and members argued about it for hours. ";
  }
  return out;
}

std::string Para(const std::string& topic) { return "<p>" + Prose(topic) + "</p>"; }

std::string Nav() {
  return "<nav><ul><li><a href=/>Home</a><li><a href=/n>News</a><li><a href=/s>Sport</a>"
         "<li><a href=/w>Weather</a></ul></nav>";
}

struct Decided {
  std::vector<std::pair<std::string, BlockDecision>> blocks;
  std::vector<std::string> kept;
  std::string title;
};

Decided Decide(const std::string& html, std::vector<std::string_view> titles = {}) {
  GumboDocument gumbo;
  EXPECT_TRUE(gumbo.Parse(html, 100));
  DomTree tree;
  WalkDom(gumbo.root(), tree);
  std::vector<BlockFeatures> features;
  for (DomBlock& b : tree.blocks) {
    b.text = NormalizeLine(b.text);
    features.push_back(ComputeFeatures(b.text));
  }
  ContentHints hints;
  hints.titles = std::move(titles);
  std::vector<BlockDecision> decisions = SelectContent(tree, features, hints);
  Decided d;
  for (std::size_t i = 0; i < tree.blocks.size(); ++i) {
    const std::string& text = tree.blocks[i].text;
    d.blocks.emplace_back(text, decisions[i]);
    if (decisions[i].verdict == Verdict::kKeep) d.kept.push_back(text);
    if (decisions[i].verdict == Verdict::kTitle) d.title = text;
  }
  return d;
}

// The reason of the first block starting with `prefix`.
std::string Reason(const Decided& d, std::string_view prefix) {
  for (const auto& [text, decision] : d.blocks) {
    if (text.starts_with(prefix)) return decision.reason;
  }
  return "<missing>";
}

TEST(HtmlContent, PicksTheArticleAmongChrome) {
  Decided d = Decide("<body>" + Nav() + "<div class=layout><div class=story>" + Para("budget") +
                     Para("school") + Para("road") + "</div><aside>" + Para("sidebar thing") +
                     "</aside></div><footer><p>Copyright 2019 Example News. All rights "
                     "reserved.</p></footer></body>");
  EXPECT_EQ(d.kept.size(), 3u);
  EXPECT_EQ(Reason(d, "The budget report"), "");
  EXPECT_EQ(Reason(d, "The sidebar thing report"), "html.outside");
  EXPECT_EQ(Reason(d, "\xE2\x80\xA2 Home"), "html.outside");
  EXPECT_EQ(Reason(d, "Copyright 2019"), "html.outside");
}

TEST(HtmlContent, HeadlineAndWhatComesBeforeIt) {
  Decided d = Decide(
      "<body><div class=main><p class=kicker>Breaking news from the region today "
      "and more.</p><h1>Council Argues About Budget</h1>" +
          Para("budget") + Para("tax") + "</div></body>",
      {"Council argues about budget | Example News"});
  EXPECT_EQ(d.title, "Council Argues About Budget");
  EXPECT_EQ(Reason(d, "Breaking news from"), "html.before-title");
  EXPECT_EQ(Reason(d, "The budget report"), "");
  // Without page titles the first <h1> in or before the region is the headline.
  Decided plain =
      Decide("<body><h1>Some Headline</h1><div>" + Para("budget") + Para("tax") + "</div></body>");
  EXPECT_EQ(plain.title, "Some Headline");
}

TEST(HtmlContent, ChromeInsideTheRegionIsDroppedWithItsWord) {
  Decided d = Decide("<body><article>" + Para("budget") +
                     "<div class=share-tools><p>Share this story with your friends on every "
                     "network you use.</p></div>" +
                     Para("tax") +
                     "<div class=related-links><p>More about budget matters from the archive "
                     "of our newspaper.</p></div><p class=byline>By Jane Doe</p>"
                     "<figure><figcaption>A photo of the council chamber on a rainy day in "
                     "town.</figcaption></figure><p>November 19, 2019</p>"
                     "<p><a href=/a>Read more about the budget</a></p>" +
                     Para("road") + "</article></body>");
  EXPECT_EQ(Reason(d, "Share this story"), "html.chrome.share");
  EXPECT_EQ(Reason(d, "More about budget"), "html.chrome.related");
  EXPECT_EQ(Reason(d, "By Jane Doe"), "html.byline");
  EXPECT_EQ(Reason(d, "A photo of the council"), "html.caption");
  EXPECT_EQ(Reason(d, "November 19, 2019"), "html.dateline");
  EXPECT_EQ(Reason(d, "Read more about"), "html.links");
  EXPECT_EQ(d.kept.size(), 3u);
}

TEST(HtmlContent, LayoutWrappersWithChromeWordsAreNotChrome) {
  // ASP.NET puts the whole page in a <form>; some themes call the article
  // column "content-with-sidebar".
  Decided form = Decide("<body><form id=aspnetForm>" + Nav() + "<div>" + Para("budget") +
                        Para("tax") + "</div></form></body>");
  EXPECT_EQ(form.kept.size(), 2u);
  Decided col = Decide("<body><article><h1>Title Here</h1><div class=content-with-sidebar>" +
                       Para("budget") + Para("tax") + "</div></article>" + Nav() + "</body>");
  EXPECT_EQ(col.kept.size(), 2u);
}

TEST(HtmlContent, TeaserListsAndLinkListsAreDropped) {
  std::string teasers = "<div class=more>";
  for (const char* t : {"alpha", "beta", "gamma", "delta"}) {
    teasers += std::string("<div class=item><h3><a href=/x>Another story about the ") + t +
               " topic today</a></h3><p>A short summary of the " + t +
               " story, with a sentence or two.</p></div>";
  }
  teasers += "</div>";
  std::string links =
      "<ul><li><a href=/1>First related story here</a><li><a href=/2>Second related story "
      "here</a><li><a href=/3>Third related story here</a></ul>";
  Decided d = Decide("<body><main><h1>Big News</h1>" + Para("budget") + Para("tax") + links +
                     Para("road") + teasers + "</main></body>");
  EXPECT_EQ(Reason(d, "A short summary of the alpha"), "html.teasers");
  EXPECT_EQ(Reason(d, "\xE2\x80\xA2 First related"), "html.link-list");
  EXPECT_EQ(d.kept.size(), 3u);
}

TEST(HtmlContent, OrphanHeadingsGo) {
  Decided d = Decide("<body><article>" + Para("budget") + "<h2>Details</h2>" + Para("tax") +
                     "<h2>Related Articles</h2><ul class=related><li><a href=/a>A story "
                     "headline here</a></ul></article></body>");
  EXPECT_EQ(Reason(d, "Details"), "");
  EXPECT_EQ(Reason(d, "Related Articles"), "html.orphan-heading");
}

TEST(HtmlContent, TablesAndListsInsideTheArticleStay) {
  Decided d = Decide("<body>" + Nav() + "<article>" + Para("budget") +
                     "<table><tr><td>Schools<td>12<tr><td>Roads<td>7</table>"
                     "<ol><li>First step of the plan<li>Second step of the plan</ol>" +
                     Para("tax") + "</article></body>");
  EXPECT_EQ(Reason(d, "Schools | 12"), "");
  EXPECT_EQ(Reason(d, "1. First step of the"), "");
  EXPECT_EQ(d.kept.size(), 6u);
}

TEST(HtmlContent, EmptyPagesDecideNothing) {
  Decided d = Decide("<body></body>");
  EXPECT_TRUE(d.kept.empty());
}

}  // namespace
}  // namespace cleaner::html
