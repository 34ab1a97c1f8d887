// DetectUnrelatedHeadlines: a run of headline-shaped lines at the tail whose
// words the article never uses goes; the article's own ending stays.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cleaner/detect/detectors.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"
#include "tests/support/segmented_doc.h"

namespace cleaner {
namespace {

using testing_support::Concat;
using testing_support::Kept;
using testing_support::MakeDoc;
using testing_support::Strings;

// About 110 words of prose on bike lanes, in news-sized paragraphs (under 60
// words each).
const Strings kShortParagraphs = {
    "The city council voted on Tuesday to build twelve kilometres of protected bike lanes "
    "through the downtown core, ending a debate that has lasted almost three years.",
    "Supporters packed the chamber for the vote, many of them wearing cycling helmets, and "
    "applauded when the final tally of seven to two was read out.",
    "The plan will remove about four hundred parking spaces, a point that local shop owners "
    "raised repeatedly during the public hearings held last autumn.",
    "Construction is expected to begin in May and to last until the end of the year, with work "
    "scheduled at night to limit disruption for drivers and shop owners.",
};

// The same article ending with a paragraph of more than 60 words, which no
// headline list can contain: the candidate run cannot reach back into the body.
const Strings kArticle = {
    kShortParagraphs[0],
    kShortParagraphs[1],
    kShortParagraphs[2],
    "Construction is expected to begin in May and to last until the end of the year, with work "
    "scheduled at night to limit disruption for drivers and shop owners, and the council has "
    "promised to publish a detailed timetable for every street affected, so that residents, "
    "delivery companies and the owners of the shops along Main Street and Harbour Road can plan "
    "around the closures well before the first lanes are painted and the new kerbs are poured.",
};

const Strings kUnrelated = {
    "Related",     "Supreme Court Rejects Appeal In Patent Dispute Over Smartphones",
    "Legal Wires", "Federal Regulators Fine Insurer Over Misleading Pension Advertising",
    "Legal Wires", "Judge Orders Disclosure Of Sealed Documents In Celebrity Divorce",
};

TEST(DetectUnrelatedHeadlines, TailListDroppedWithItsLabel) {
  Document doc = MakeDoc(Concat({kArticle, kUnrelated}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(Kept(doc), kArticle);
  for (std::size_t i = kArticle.size(); i < doc.blocks.size(); ++i) {
    EXPECT_EQ(doc.blocks[i].reason, "detect.unrelated-headlines") << doc.blocks[i].text;
  }
}

TEST(DetectUnrelatedHeadlines, TeasersInTheRunGoToo) {
  const Strings tail = {
      "Supreme Court Rejects Appeal In Patent Dispute Over Smartphones",
      "The justices declined to hear the case, leaving a lower court ruling in place.",
      "Federal Regulators Fine Insurer Over Misleading Pension Advertising",
      "The fine is the largest ever imposed for pension marketing.",
  };
  Document doc = MakeDoc(Concat({kArticle, tail}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(Kept(doc), kArticle);
}

TEST(DetectUnrelatedHeadlines, OnTopicClosingLinesStay) {
  const Strings ending = {
      "Council Bike Lanes Vote Ends Three Year Parking Debate",
      "Shop Owners Say Parking Spaces Matter More Than Bike Lanes",
      "Construction Of Downtown Bike Lanes Begins In May",
  };
  Document doc = MakeDoc(Concat({kArticle, ending}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUnrelatedHeadlines, OnTopicHeadlineAfterTheRunCancelsIt) {
  Document doc = MakeDoc(
      Concat({kArticle, kUnrelated, {"Council Bike Lanes Vote Ends Three Year Parking Debate"}}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUnrelatedHeadlines, OneHeadlineIsNotAList) {
  Document doc = MakeDoc(Concat(
      {kArticle, {"Related", "Supreme Court Rejects Appeal In Patent Dispute Over Phones"}}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUnrelatedHeadlines, ShortArticleIsLeftAlone) {
  // Under 80 words of prose before the run: not enough to tell what is off-topic.
  Document doc = MakeDoc(Concat({{kArticle[0]}, kUnrelated}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUnrelatedHeadlines, KeptBlockEndsTheCandidateRun) {
  // An attribution line a rule kept: only the headlines after it can go.
  Document doc = MakeDoc(Concat({kArticle,
                                 {"Supreme Court Rejects Appeal In Patent Dispute Over Smartphones",
                                  "Reporting By Jane Doe For The Herald"},
                                 {kUnrelated[3], kUnrelated[4], kUnrelated[5]}}));
  const std::size_t kept_rule = kArticle.size() + 1;
  doc.blocks[kept_rule].decided = true;
  doc.blocks[kept_rule].reason = "site.attribution";
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(doc.blocks[kArticle.size()].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks[kept_rule].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks[kept_rule].reason, "site.attribution");
  for (std::size_t i = kept_rule + 1; i < doc.blocks.size(); ++i) {
    EXPECT_EQ(doc.blocks[i].reason, "detect.unrelated-headlines") << doc.blocks[i].text;
  }
}

TEST(DetectUnrelatedHeadlines, ArticleOfNewsSizedParagraphs) {
  // The usual news article: every paragraph under 60 words. The tail list should
  // go as it does after kArticle.
  Document doc = MakeDoc(Concat({kShortParagraphs, kUnrelated}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(Kept(doc), kShortParagraphs);
}

TEST(DetectUnrelatedHeadlines, CleanArticleUntouched) {
  for (const Strings& article : {kArticle, kShortParagraphs}) {
    Document doc = MakeDoc(article);
    DetectUnrelatedHeadlines(doc);
    EXPECT_EQ(Kept(doc), article);
    for (const Block& b : doc.blocks) EXPECT_TRUE(b.reason.empty());
  }
}

TEST(DetectUnrelatedHeadlines, ListItemsEndTheRun) {
  // A bulleted list at the end is the article's own, whatever its words.
  Document doc = MakeDoc(Concat({kArticle,
                                 {"- Supreme Court Rejects Appeal In Patent Dispute Over Phones",
                                  "- Federal Regulators Fine Insurer Over Pension Advertising",
                                  "- Judge Orders Disclosure Of Sealed Documents In Divorce"}}));
  DetectUnrelatedHeadlines(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

}  // namespace
}  // namespace cleaner
