#include "cleaner/detect/content_classifier.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cleaner/segment/segment.h"

namespace cleaner {
namespace {

// One block per line, as the segmenter makes them; the first one is the title
// when `title` is set (DetectTitle runs before the classifier).
Document MakeDoc(const std::vector<std::string>& lines, bool title = false) {
  Document doc;
  int n = 0;
  for (const std::string& text : lines) {
    Block b;
    b.text = text;
    b.line = ++n;
    doc.blocks.push_back(std::move(b));
  }
  if (title && !doc.blocks.empty()) {
    doc.blocks.front().verdict = Verdict::kTitle;
    doc.blocks.front().reason = "detect.title";
  }
  return doc;
}

std::vector<std::string> Kept(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) {
    if (b.verdict == Verdict::kKeep) out.push_back(b.text);
  }
  return out;
}

const std::vector<std::string> kMenu = {"Home",    "News",    "World",     "Business", "Sport",
                                        "Culture", "Opinion", "Subscribe", "Sign in"};

const std::vector<std::string> kArticle = {
    "The city council voted on Tuesday to build twelve kilometres of protected bike lanes "
    "through the downtown core, ending a debate that has lasted almost three years.",
    "Supporters packed the chamber for the vote, many of them wearing cycling helmets, and "
    "applauded when the final tally of seven to two was read out.",
    "The plan will remove about four hundred parking spaces, a point that local shop owners "
    "raised repeatedly during the public hearings held last autumn.",
    "What changes for drivers",
    "Most of the new lanes will run along Main Street and Harbour Road, where the city says "
    "traffic counts have fallen by a fifth since 2019.",
    "Construction is expected to begin in May and to last until the end of the year, with work "
    "scheduled at night to limit disruption.",
    "The mayor said the council would review the effect on traffic and on businesses after "
    "twelve months and publish the results.",
};

const std::vector<std::string> kFooter = {
    "Share this article",
    "Facebook",
    "Twitter",
    "Email",
    "Most read",
    "Storm warning issued for the coast this weekend",
    "Local bakery wins national award",
    "School budget cuts spark protests",
    "About us",
    "Contact",
    "Privacy policy",
    "Terms of use",
    "\u00a9 2024 City Herald Media. All rights reserved.",
};

std::vector<std::string> Concat(std::initializer_list<std::vector<std::string>> parts) {
  std::vector<std::string> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(ContentClassifier, DropsMenuAndFooterKeepsEveryArticleLine) {
  Document doc = MakeDoc(Concat({{"City council approves new bike lanes for downtown"},
                                 kMenu,
                                 {"By Maria Lopez", "12 March 2024, 10:42"},
                                 kArticle,
                                 kFooter}),
                         /*title=*/true);
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc), kArticle);
  EXPECT_EQ(doc.blocks.front().verdict, Verdict::kTitle);
  EXPECT_EQ(doc.blocks.front().reason, "detect.title");
  for (const Block& b : doc.blocks) {
    if (b.verdict != Verdict::kDrop) continue;
    EXPECT_EQ(b.reason.rfind("detect.content.", 0), 0u) << b.text;
    EXPECT_FALSE(b.decided) << b.text;
  }
  // The reasons name the class: menu items are short lines, the '©' line is bad.
  EXPECT_EQ(doc.blocks[1].reason, "detect.content.short");
  EXPECT_EQ(doc.blocks.back().reason, "detect.content.bad");
}

// As MakeDoc, with the word counts the segmenter computes.
Document MakeMeasuredDoc(const std::vector<std::string>& lines) {
  Document doc = MakeDoc(lines, /*title=*/true);
  for (Block& b : doc.blocks) b.features = ComputeFeatures(b.text);
  return doc;
}

// Every block decided alike in `plain` (features built by hand) and `measured`
// (the segmenter's).
void ExpectSameDecisions(const Document& plain, const Document& measured) {
  ASSERT_EQ(plain.blocks.size(), measured.blocks.size());
  for (std::size_t i = 0; i < plain.blocks.size(); ++i) {
    EXPECT_EQ(plain.blocks[i].verdict, measured.blocks[i].verdict) << plain.blocks[i].text;
    EXPECT_EQ(plain.blocks[i].reason, measured.blocks[i].reason) << plain.blocks[i].text;
  }
}

// `lines` classified under `options` twice, with features built by hand and
// with the segmenter's (whose counts the classifier reuses instead of a pass
// of its own): the decisions must not change. Returns the measured document.
Document ClassifiedBothWays(const std::vector<std::string>& lines,
                            const ContentClassifierOptions& options = {}) {
  Document plain = MakeDoc(lines, /*title=*/true);
  Document measured = MakeMeasuredDoc(lines);
  ClassifyContent(plain, options);
  ClassifyContent(measured, options);
  ExpectSameDecisions(plain, measured);
  return measured;
}

TEST(ContentClassifier, SegmenterFeaturesGiveTheSameDecisions) {
  const std::vector<std::string> lines =
      Concat({kMenu,
              {"Home | World | Business", "Posted 10:54, 20.11.2019 - Updated", "www.example.com",
               "See https://example.com/a-b/c for the full text - with notes / links"},
              kArticle,
              {"Results:", "1. Main Street - 4 km", "2. Harbour Road - 3 km",
               "caf\u00e9 r\u00e9sum\u00e9"},
              kFooter});
  ClassifiedBothWays(lines);
}

// Non-ASCII lines without marks or ideographs take their counts from the
// segmenter too, and only their separators, URLs and '©' from a scan: the
// non-ASCII ones ('»', '©', " • ") must still be found there.
TEST(ContentClassifier, NonAsciiLinesWithSegmenterFeatures) {
  const std::vector<std::string> marked = {
      "Accueil » Actualités » Économie",
      "© 2024 Société Générale",
      "Café • Thé • Musique",
  };
  const Document measured = ClassifiedBothWays(Concat({kMenu, marked, kArticle, kFooter}));
  for (const Block& b : measured.blocks) {
    EXPECT_EQ(b.features.plain_bytes, static_cast<int>(b.text.size())) << b.text;
  }
  for (std::size_t i = 0; i < marked.size(); ++i) {
    const Block& b = measured.blocks[kMenu.size() + i];
    ASSERT_EQ(b.text, marked[i]);
    EXPECT_EQ(b.reason, "detect.content.bad") << b.text;
  }
}

// Other scripts, numerals of other categories (Ⅻ is Nl, ² is No, ٣ is Nd)
// and lines with combining marks: the same decisions whether the counts come
// from the segmenter or from the classifier's own pass.
TEST(ContentClassifier, OtherScriptsGiveTheSameDecisions) {
  const std::vector<std::string> other = {
      "Городской совет в среду утвердил новый бюджет на 2025 год после долгих споров.",
      "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό μετά από πολύωρη συζήτηση.",
      "وافق مجلس المدينة يوم الأربعاء على الميزانية الجديدة بعد نقاش طويل ٣ مرات.",
      "สภาเมืองอนุมัติงบประมาณใหม่ในวันพุธหลังจากการอภิปรายที่ยาวนาน",
      "नगर परिषद ने बुधवार को लंबी बहस के बाद नया बजट मंजूर किया।",
      "Chapter Ⅻ: the area grew to 40 km² by 2020, the report says.",
      "Menu » Главная » Новости",
  };
  ClassifiedBothWays(Concat({kMenu, other, kArticle, kFooter}));
}

// Long lines ending like a sentence are not scanned for URLs, separators or
// dates, which the default options ignore there, but still for '©'; options
// that reach those lines must see the marks all the same, whether the counts
// come from the segmenter or from the classifier's own pass.
TEST(ContentClassifier, MarksOnLongSentencesFollowTheOptions) {
  const std::vector<std::string> marked = {
      // 20 words, a URL, a sentence end.
      "The full report on the new lanes, with maps and figures, is at "
      "www.cityherald.example/bike-lanes for readers.",
      // 17 words and a date, no sentence end.
      "Updated 20.11.2019 at 10:54 after the council published the final figures for the "
      "new lanes",
  };
  // 17 words, a '©' and a sentence end: bad under any options.
  const std::string copyright =
      "All photographs in this story are \u00a9 2024 City Herald Media and may not be reused "
      "without permission.";
  const std::vector<std::string> article(kArticle.begin(), kArticle.begin() + 3);
  const std::vector<std::string> rest(kArticle.begin() + 3, kArticle.end());
  const std::vector<std::string> lines =
      Concat({kMenu, article, marked, rest, {copyright}, kFooter});
  const std::size_t first = kMenu.size() + article.size();

  ContentClassifierOptions wide;
  wide.max_url_words = 40;
  wide.max_date_words = 40;
  for (const ContentClassifierOptions& options : {ContentClassifierOptions{}, wide}) {
    const Document measured = ClassifiedBothWays(lines, options);
    const bool seen = options.max_url_words == wide.max_url_words;
    for (std::size_t i = 0; i < marked.size(); ++i) {
      const Block& b = measured.blocks[first + i];
      ASSERT_EQ(b.text, marked[i]);
      EXPECT_EQ(b.reason, seen ? "detect.content.bad" : "") << b.text;
    }
    const Block& c = measured.blocks[first + marked.size() + rest.size()];
    ASSERT_EQ(c.text, copyright);
    EXPECT_EQ(c.reason, "detect.content.bad");
  }
}

// Features not computed by the segmenter (a block built by hand) are not
// trusted, even when their length happens to match the text.
TEST(ContentClassifier, HandMadeFeaturesAreNotTrusted) {
  const std::vector<std::string> lines = Concat({kMenu, kArticle, kFooter});
  Document plain = MakeDoc(lines, /*title=*/true);
  Document forged = MakeDoc(lines, /*title=*/true);
  for (Block& b : forged.blocks) {
    b.features = BlockFeatures{};
    b.features.chars = static_cast<int>(b.text.size());  // no words, no letters
  }
  ClassifyContent(plain);
  ClassifyContent(forged);
  ASSERT_EQ(plain.blocks.size(), forged.blocks.size());
  for (std::size_t i = 0; i < plain.blocks.size(); ++i) {
    EXPECT_EQ(plain.blocks[i].verdict, forged.blocks[i].verdict) << plain.blocks[i].text;
  }
}

TEST(ContentClassifier, PageWithoutProseIsJudgedAgainWithShortLinesAsText) {
  const std::vector<std::string> schedule = {
      "Round 1: 10 March - Interlagos",       "Round 2: 8 April - Curitiba",
      "Round 3: 22 April - Velopark",         "Round 4: 6 May - Londrina",
      "Round 5: 20 May - Santa Cruz do Sul",  "Round 6: 5 August - Goiania",
      "Round 7: 19 August - to be announced", "Round 8: 9 September - Cascavel"};
  Document doc = MakeMeasuredDoc(Concat({{"Stock car calendar 2018"}, kMenu, schedule, kFooter}));
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc), schedule);
  // A page with prose is judged once: its short lines stay chrome.
  Document article = MakeMeasuredDoc(
      Concat({{"City council approves new bike lanes"}, kMenu, kArticle, schedule, kFooter}));
  ClassifyContent(article);
  EXPECT_EQ(Kept(article), kArticle);
}

TEST(ContentClassifier, CleanArticleKeepsEverything) {
  std::vector<std::string> lines = {
      "HANGZHOU - A small robotics company said on Monday that its new warehouse robot can "
      "sort parcels twice as fast as the model it replaces.",
      "The company, founded six years ago by two university researchers, employs about three "
      "hundred people and sells mostly to logistics firms in Asia.",
      "Why the launch matters",
      "Warehouse automation has become one of the fastest growing parts of the robotics "
      "market, as online retailers look for ways to cut delivery times.",
      "Analysts said the price of the new model, which was not disclosed, would decide "
      "whether it can compete with larger rivals from Europe and the United States.",
      "Early customers",
      "Two regional courier services have already tested the robot, the company said.",
      "One of them, which asked not to be named, said the machines handled the busy holiday "
      "season without a single stoppage.",
      "The company plans to open a second factory next year and to double its sales team.",
      "It also said it would publish the results of an independent safety audit in the "
      "spring.",
      "Shares of listed competitors were little changed after the announcement.",
      "A spokesperson declined to comment on reports that the firm is preparing to raise new "
      "capital from investors.",
      "The new robot will be shown at a trade fair in Shanghai next month.",
      "Deliveries are expected to begin in the second half of the year.",
  };
  Document doc = MakeDoc(lines);
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc), lines);
  for (const Block& b : doc.blocks) EXPECT_TRUE(b.reason.empty()) << b.text;
}

TEST(ContentClassifier, ShortArticleKeepsEverything) {
  std::vector<std::string> lines = {
      "Volunteers planted more than two thousand trees along the river on Saturday.",
      "The organisers said the saplings were chosen to cope with floods and drought.",
      "A second planting day is planned for November.",
  };
  Document doc = MakeDoc(lines);
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc), lines);

  Document with_title = MakeDoc(Concat({{"Volunteers plant two thousand trees"}, lines}), true);
  ClassifyContent(with_title);
  EXPECT_EQ(Kept(with_title), lines);
}

TEST(ContentClassifier, ShortListsInACleanArticleSurvive) {
  // Menu-like lines in a page without navigation: the classifier must not run.
  std::vector<std::string> lines = {
      "Autumn is the time to get a garden ready for the cold months, and a few hours of work "
      "now saves a lot of trouble in spring.",
      "You will need",
      "Garden fork",
      "Rake",
      "Compost",
      "Fleece",
      "Move pots close to the house, where walls give some warmth, and wrap the most tender "
      "ones in fleece.",
  };
  Document doc = MakeDoc(lines);
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc), lines);
}

TEST(ContentClassifier, ListIntroducedByAColonStaysWithTheArticle) {
  std::vector<std::string> article = {
      "The final standings of the season were confirmed on Sunday after the last race in "
      "Phoenix, where the champion finished third.",
      "Final standings after 36 races:",
      "Pos Driver Points Wins",
      "1 Kyle Busch 5040 5",
      "2 Martin Truex 5035 7",
      "3 Kevin Harvick 5033 4",
      "4 Denny Hamlin 5027 6",
  };
  Document doc = MakeDoc(Concat({kMenu, article, kFooter}));
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc), article);
}

TEST(ContentClassifier, DecidedBlocksAreUntouched) {
  Document doc = MakeDoc(
      Concat({{"City council approves new bike lanes for downtown"}, kMenu, kArticle, kFooter}),
      /*title=*/true);
  // A keep rule protects a menu item; a drop rule removed an article paragraph.
  Block& protected_block = doc.blocks[2];  // "News"
  protected_block.decided = true;
  protected_block.reason = "site.keep-section";
  Block& removed = doc.blocks[1 + kMenu.size() + 1];
  removed.decided = true;
  removed.verdict = Verdict::kDrop;
  removed.reason = "generic.some-rule";
  // An earlier detector dropped the '©' line.
  Block& earlier = doc.blocks.back();
  earlier.verdict = Verdict::kDrop;
  earlier.reason = "detect.ui-labels";

  ClassifyContent(doc);
  EXPECT_EQ(protected_block.verdict, Verdict::kKeep);
  EXPECT_EQ(protected_block.reason, "site.keep-section");
  EXPECT_EQ(removed.verdict, Verdict::kDrop);
  EXPECT_EQ(removed.reason, "generic.some-rule");
  EXPECT_EQ(earlier.verdict, Verdict::kDrop);
  EXPECT_EQ(earlier.reason, "detect.ui-labels");
  EXPECT_EQ(doc.blocks.front().verdict, Verdict::kTitle);
  // Everything else of the article is still there.
  for (std::size_t i = 0; i < kArticle.size(); ++i) {
    const Block& b = doc.blocks[1 + kMenu.size() + i];
    if (&b == &removed) continue;
    EXPECT_EQ(b.verdict, Verdict::kKeep) << b.text;
  }
}

TEST(ContentClassifier, WorksWithoutSpacesBetweenWords) {
  // Chinese: every ideograph counts as a word, 。 and ， are punctuation.
  std::vector<std::string> article = {
      "市议会周二投票决定，在市中心修建十二公里受保护的自行车道，结束了持续近三年的争论。",
      "支持者挤满了会议厅，其中许多人戴着自行车头盔，当最终以七比二的投票结果宣布时，"
      "他们热烈鼓掌。",
      "该计划将取消大约四百个停车位，这是当地商店老板在去年秋天举行的公开听证会上多次提出的"
      "问题。",
  };
  std::vector<std::string> menu = {"首页", "新闻", "体育", "科技", "登录", "注册"};
  std::vector<std::string> footer = {"分享到",   "微博",     "微信",
                                     "关于我们", "联系我们", "\u00a9 2024 城市先驱报 版权所有"};
  Document doc = MakeDoc(Concat({menu, article, footer}));
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc), article);
}

TEST(ContentClassifier, OptionsCanSwitchTheGateOff) {
  Document doc = MakeDoc(Concat({kMenu, kArticle, kFooter}));
  ContentClassifierOptions options;
  options.min_chrome_evidence = 1000;  // never enough chrome: a no-op
  ClassifyContent(doc, options);
  EXPECT_EQ(Kept(doc).size(), doc.blocks.size());
}

TEST(ContentClassifier, PageWithoutTextIsLeftAlone) {
  // Nothing reads like an article: no region to anchor a decision on.
  Document doc = MakeDoc(Concat({kMenu, kMenu}));
  ClassifyContent(doc);
  EXPECT_EQ(Kept(doc).size(), doc.blocks.size());
}

TEST(ContentClassifier, EmptyDocument) {
  Document doc;
  ClassifyContent(doc);
  EXPECT_TRUE(doc.blocks.empty());
}

}  // namespace
}  // namespace cleaner
