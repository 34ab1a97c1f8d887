// DetectDuplicates: a body printed twice keeps its first copy; repeated short
// lines (schedules, meal plans, "Reply") stay.
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

const Strings kBody = {
    "Alibaba Group Holding Ltd., the Chinese e-commerce giant, has denied reports that it plans "
    "to invest in DeepSeek, a Chinese AI startup that has gained significant attention.",
    "The denial came after a social media post claimed the company was in talks to take a "
    "stake, sending shares of several AI-related companies higher.",
    "Background",
    "DeepSeek has drawn attention for models that it says rival those of much larger companies "
    "at a fraction of the cost of training them.",
};

TEST(DetectDuplicates, BodyPrintedTwiceKeepsFirstCopy) {
  Document doc = MakeDoc(Concat(
      {{"Alibaba Exec Denies Investment Plans"}, kBody, {"BABA--"}, kBody, {"About the author"}}));
  doc.blocks[0].verdict = Verdict::kTitle;
  DetectDuplicates(doc);
  EXPECT_EQ(Kept(doc), Concat({kBody, {"BABA--", "About the author"}}));
  for (std::size_t i = 6; i < 10; ++i) {
    EXPECT_EQ(doc.blocks[i].verdict, Verdict::kDrop) << doc.blocks[i].text;
    EXPECT_EQ(doc.blocks[i].reason, "detect.duplicate");
  }
  for (std::size_t i = 1; i < 5; ++i) EXPECT_TRUE(doc.blocks[i].reason.empty());
}

TEST(DetectDuplicates, ThirdCopyGoesToo) {
  Document doc = MakeDoc(Concat({kBody, kBody, kBody}));
  DetectDuplicates(doc);
  EXPECT_EQ(Kept(doc), kBody);
}

TEST(DetectDuplicates, LongRepeatedSentenceAloneIsDropped) {
  const std::string quote =
      "The company has no plans to invest in any artificial intelligence startup at this time, "
      "a spokesperson said in a statement on Friday.";
  Document doc = MakeDoc({quote, kBody[1], "Pull quote", quote, kBody[3]});
  DetectDuplicates(doc);
  EXPECT_EQ(Kept(doc), (Strings{quote, kBody[1], "Pull quote", kBody[3]}));
  EXPECT_EQ(doc.blocks[3].reason, "detect.duplicate");
}

// Blocks are first told apart by their length and first and last eight bytes:
// sentences alike in all of those but one word are still different texts.
TEST(DetectDuplicates, SentencesAlikeButForAWordAreNotRepeats) {
  auto sentence = [](const std::string& month) {
    return "The council said on Monday that the first of the new lanes would open in " + month +
           " and that the rest would follow by the end of the year as planned.";
  };
  const std::string march = sentence("March"), april = sentence("April"), light = sentence("light");
  Document doc = MakeDoc({march, april, "Pull quote", light, april, march, "Reply", "Reply"});
  DetectDuplicates(doc);
  EXPECT_EQ(Kept(doc), (Strings{march, april, "Pull quote", light, "Reply", "Reply"}));
  EXPECT_EQ(doc.blocks[4].reason, "detect.duplicate");
  EXPECT_EQ(doc.blocks[5].reason, "detect.duplicate");
}

TEST(DetectDuplicates, RepeatedShortLinesStay) {
  Document doc = MakeDoc({kBody[0], "Reply", "Great article, thanks.", "Reply", "Share",
                          "I disagree with this.", "Reply", "Share"});
  DetectDuplicates(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectDuplicates, RepeatedScheduleRunWithoutProseStays) {
  // A meal plan repeats whole runs of short lines; that is content.
  const Strings day = {"Breakfast: oatmeal with berries", "Lunch: grilled chicken salad",
                       "Dinner: salmon with rice and greens", "Snack: apple and almonds"};
  Document doc = MakeDoc(Concat({{"Monday"}, day, {"Tuesday"}, day, {"Wednesday"}, day}));
  DetectDuplicates(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectDuplicates, ShortParagraphRepeatedAloneStays) {
  // A sentence-sized paragraph under 20 words, repeated once, is not a second body.
  const std::string p = "The meeting will resume at nine on Monday morning.";
  Document doc = MakeDoc({kBody[0], p, kBody[1], p});
  DetectDuplicates(doc);
  EXPECT_EQ(doc.blocks.size(), Kept(doc).size());
}

TEST(DetectDuplicates, DecidedBlocksAreLeftAlone) {
  Document doc = MakeDoc(Concat({kBody, kBody}));
  doc.blocks[4].decided = true;
  doc.blocks[4].reason = "site.keep";
  DetectDuplicates(doc);
  EXPECT_EQ(doc.blocks[4].verdict, Verdict::kKeep);
  EXPECT_EQ(doc.blocks[4].reason, "site.keep");
  EXPECT_EQ(doc.blocks[5].reason, "detect.duplicate");
}

TEST(DetectDuplicates, TitleRepeatIsNotItsJob) {
  // The title is skipped: a body line equal to it is its own first occurrence.
  Document doc = MakeDoc({"Alibaba Exec Denies Investment Plans", kBody[0],
                          "Alibaba Exec Denies Investment Plans", kBody[1]});
  doc.blocks[0].verdict = Verdict::kTitle;
  DetectDuplicates(doc);
  EXPECT_EQ(doc.blocks[2].verdict, Verdict::kKeep);
}

TEST(DetectDuplicates, CleanArticleUntouched) {
  Document doc = MakeDoc(kBody);
  DetectDuplicates(doc);
  EXPECT_EQ(Kept(doc), kBody);
  for (const Block& b : doc.blocks) EXPECT_TRUE(b.reason.empty());
}

TEST(DetectDuplicates, EmptyDocument) {
  Document doc;
  DetectDuplicates(doc);
  EXPECT_TRUE(doc.blocks.empty());
}

}  // namespace
}  // namespace cleaner
