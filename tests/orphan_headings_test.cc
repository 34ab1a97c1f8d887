// DetectOrphanHeadings: a heading left with nothing after it once the chrome
// that followed it is gone.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cleaner/detect/detectors.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"
#include "tests/support/segmented_doc.h"

namespace cleaner {
namespace {

using testing_support::MakeDoc;
using testing_support::Strings;

void Drop(Document& doc, std::size_t i, const char* reason = "paywall.trial") {
  doc.blocks[i].verdict = Verdict::kDrop;
  doc.blocks[i].reason = reason;
  doc.blocks[i].decided = true;
}

const std::string kP1 =
    "The newsletter looks at how small towns are rebuilding their high streets after the "
    "pandemic, with three examples from the north of England.";
const std::string kP2 =
    "In each of them the council bought empty shops and rented them out cheaply to new "
    "businesses for the first two years.";

TEST(DetectOrphanHeadings, HeadingBeforeDroppedTailGoes) {
  // Seed 001: the section heading right before the subscription wall.
  Document doc = MakeDoc({kP1, kP2, "What Other Towns Can Learn",
                          "Keep reading with a 7-day free trial", "Subscribe to keep reading"});
  ASSERT_EQ(doc.blocks[2].kind, BlockKind::kHeading);
  Drop(doc, 3);
  Drop(doc, 4);
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[2].verdict, Verdict::kDrop);
  EXPECT_EQ(doc.blocks[2].reason, "detect.orphan-heading");
  EXPECT_EQ(doc.blocks[0].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks[1].verdict, Verdict::kKeep);
}

TEST(DetectOrphanHeadings, HeadingFollowedByTextAfterDroppedBlocksStays) {
  Document doc = MakeDoc({kP1, "The Three Towns", "Advertisement", kP2});
  Drop(doc, 2, "ads.label");
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[1].verdict, Verdict::kKeep);
}

TEST(DetectOrphanHeadings, HeadingBeforeAnotherHeadingAcrossDroppedBlocksGoes) {
  Document doc = MakeDoc({kP1, "Related Stories", "Some teaser text here", "The Three Towns", kP2});
  Drop(doc, 2, "related.list");
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[1].reason, "detect.orphan-heading");
  EXPECT_EQ(doc.blocks[3].verdict, Verdict::kKeep);
}

TEST(DetectOrphanHeadings, ChainOfOrphansGoes) {
  // Both headings lose everything after them.
  Document doc = MakeDoc({kP1, "Part Two", "More Reading", "Comments", "No comments yet"});
  Drop(doc, 3, "comments");
  Drop(doc, 4, "comments");
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[2].reason, "detect.orphan-heading");
  EXPECT_EQ(doc.blocks[1].reason, "detect.orphan-heading");
  EXPECT_EQ(doc.blocks[0].verdict, Verdict::kKeep);
}

TEST(DetectOrphanHeadings, LastHeadingWithNothingDroppedStays) {
  // Nothing was removed after it: the page ends that way; not our call.
  Document doc = MakeDoc({kP1, kP2, "The End"});
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[2].verdict, Verdict::kKeep);
}

TEST(DetectOrphanHeadings, AdjacentHeadingsWithoutDropsStay) {
  Document doc = MakeDoc({kP1, "Part Two", "The Three Towns", kP2});
  DetectOrphanHeadings(doc);
  for (const Block& b : doc.blocks) EXPECT_EQ(b.verdict, Verdict::kKeep);
}

TEST(DetectOrphanHeadings, OnlyHeadingsGo) {
  // A line or a paragraph before a dropped tail is content.
  Document doc = MakeDoc({kP1, "by the editors", kP2, "Subscribe to keep reading"});
  ASSERT_EQ(doc.blocks[1].kind, BlockKind::kLine);
  Drop(doc, 3);
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[2].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks[1].verdict, Verdict::kKeep);
}

TEST(DetectOrphanHeadings, DecidedHeadingIsProtected) {
  Document doc = MakeDoc({kP1, "Editor's Note", "Subscribe to keep reading"});
  doc.blocks[1].decided = true;
  doc.blocks[1].reason = "site.keep-note";
  Drop(doc, 2);
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[1].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks[1].reason, "site.keep-note");
}

TEST(DetectOrphanHeadings, StopsAtTheTitle) {
  Document doc = MakeDoc({"Rebuilding The High Street", "Subscribe to keep reading"});
  doc.blocks[0].verdict = Verdict::kTitle;
  Drop(doc, 1);
  DetectOrphanHeadings(doc);
  EXPECT_EQ(doc.blocks[0].verdict, Verdict::kTitle);
}

TEST(DetectOrphanHeadings, CleanArticleUntouched) {
  Document doc = MakeDoc({kP1, "The Three Towns", kP2, "What Comes Next", kP1});
  DetectOrphanHeadings(doc);
  for (const Block& b : doc.blocks) {
    EXPECT_EQ(b.verdict, Verdict::kKeep);
    EXPECT_TRUE(b.reason.empty());
  }
}

}  // namespace
}  // namespace cleaner
