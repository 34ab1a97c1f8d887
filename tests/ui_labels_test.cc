// DetectUiLabels: runs of short UI labels after the article body ("Ask AI",
// "New Chat", "Sources") and lone labels before its first paragraph.
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

const std::string kP1 =
    "The court ruled on Monday that the data retention law breaches the right to privacy, in a "
    "decision that will force the government to redraft it.";
const std::string kP2 =
    "Lawyers for the applicants said the ruling would affect millions of phone users whose "
    "records have been stored for years without a warrant.";

TEST(DetectUiLabels, ChatWidgetAfterTheBodyDropped) {
  Document doc = MakeDoc({kP1, kP2, "Ask AI", "New Chat", "Sources", "No Sources Available"});
  DetectUiLabels(doc);
  EXPECT_EQ(Kept(doc), (Strings{kP1, kP2}));
  for (std::size_t i = 2; i < doc.blocks.size(); ++i) {
    EXPECT_EQ(doc.blocks[i].reason, "detect.ui-labels") << doc.blocks[i].text;
  }
}

TEST(DetectUiLabels, LoneLabelAfterTheBodyStays) {
  Document doc = MakeDoc({kP1, kP2, "Reuters"});
  DetectUiLabels(doc);
  EXPECT_EQ(Kept(doc), (Strings{kP1, kP2, "Reuters"}));
}

TEST(DetectUiLabels, LoneLabelsBeforeTheBodyDropped) {
  Document doc = MakeDoc({"DW", "Business", kP1, kP2});
  DetectUiLabels(doc);
  EXPECT_EQ(Kept(doc), (Strings{kP1, kP2}));
  EXPECT_EQ(doc.blocks[0].reason, "detect.ui-labels");
}

TEST(DetectUiLabels, LabelsInsideTheBodyStay) {
  // A short section heading between paragraphs is part of the article.
  Document doc = MakeDoc({kP1, "Background", "What Comes Next", kP2});
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUiLabels, TitleIsNotALabel) {
  Document doc = MakeDoc({"Court Strikes Down", kP1, kP2});
  doc.blocks[0].verdict = Verdict::kTitle;
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks[0].verdict, Verdict::kTitle);
}

TEST(DetectUiLabels, LongerLinesSentencesAndListItemsAreNotLabels) {
  Document doc = MakeDoc({kP1, kP2, "Thanks for reading.", "Read the whole ruling here", "- one",
                          "- two", "Yes.", "No."});
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUiLabels, DroppedBlocksDoNotBreakARun) {
  Document doc = MakeDoc({kP1, kP2, "Share", "Subscribe to our newsletter for updates", "Tweet"});
  doc.blocks[3].verdict = Verdict::kDrop;
  doc.blocks[3].reason = "newsletter.cta";
  doc.blocks[3].decided = true;
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks[2].reason, "detect.ui-labels");
  EXPECT_EQ(doc.blocks[3].reason, "newsletter.cta");
  EXPECT_EQ(doc.blocks[4].reason, "detect.ui-labels");
}

TEST(DetectUiLabels, NonLabelSplitsRuns) {
  // One label, a longer line, one label: two runs of one, both stay.
  Document doc = MakeDoc({kP1, kP2, "Share", "Read the whole ruling here today", "Print"});
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUiLabels, SecondRunAfterANonLabel) {
  Document doc =
      MakeDoc({kP1, kP2, "Read the whole ruling here today", "Ask AI", "New Chat", "Sources"});
  DetectUiLabels(doc);
  EXPECT_EQ(Kept(doc), (Strings{kP1, kP2, "Read the whole ruling here today"}));
}

TEST(DetectUiLabels, KeptByARuleIsProtected) {
  Document doc = MakeDoc({"Exclusive", kP1, kP2, "Ask AI", "New Chat"});
  doc.blocks[0].decided = true;
  doc.blocks[0].reason = "site.kicker";
  doc.blocks[4].decided = true;
  doc.blocks[4].reason = "site.keep";
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks[0].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks[3].verdict, Verdict::kKeep)
      << "a run of one label once the kept one ends it";
  EXPECT_EQ(doc.blocks[4].verdict, Verdict::kKeep);
}

TEST(DetectUiLabels, NoParagraphNoBody) {
  // A page of short lines only (a recipe card, a list): nothing to anchor on.
  Document doc = MakeDoc({"Ingredients", "Flour", "Sugar", "Eggs", "Butter"});
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectUiLabels, CleanArticleUntouched) {
  Document doc = MakeDoc(Concat({{kP1}, {"Why It Matters"}, {kP2}}));
  DetectUiLabels(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
  for (const Block& b : doc.blocks) EXPECT_TRUE(b.reason.empty());
}

}  // namespace
}  // namespace cleaner
