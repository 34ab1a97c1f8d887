// Content words and vocabulary overlap, for "does this block talk about the
// article's subject?".
#include "cleaner/detect/vocabulary.h"

#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include <gtest/gtest.h>

namespace cleaner {
namespace {

using Strings = std::vector<std::string>;

Strings Words(const std::string& text) {
  Strings out;
  ContentWords(text, out);
  return out;
}

TEST(ContentWords, LowercasedRunsOfFourOrMore) {
  EXPECT_EQ(Words("The City Council voted on a NEW plan"),
            (Strings{"city", "council", "voted", "plan"}));
}

TEST(ContentWords, PunctuationSplitsWords) {
  EXPECT_EQ(Words("bike-lanes, don't; e-mail (budget)"),
            (Strings{"bike", "lanes", "mail", "budget"}));
}

// Words read and lowercased eight bytes at a time: any length, at the line's
// end (fewer than eight or sixteen bytes left), next to a non-ASCII letter.
TEST(ContentWords, WordsOfAnyLengthAnywhere) {
  const std::string long_word(70, 'Q');
  EXPECT_EQ(Words("ABCD"), (Strings{"abcd"}));
  EXPECT_EQ(Words("x ElectroMagnetism9"), (Strings{"electromagnetism9"}));
  EXPECT_EQ(Words("Counter-Revolutionaries AntiDisestablishment1234567890 End."),
            (Strings{"counter", "revolutionaries", "antidisestablishment1234567890"}));
  EXPECT_EQ(Words(long_word + " Tail"), (Strings{std::string(70, 'q'), "tail"}));
  EXPECT_EQ(Words("CAFÉS Naïve"), (Strings{"cafés", "naïve"}));
}

TEST(ContentWords, DigitsCount) {
  EXPECT_EQ(Words("In 2024 the H800 chips cost 6"), (Strings{"2024", "h800", "chips", "cost"}));
}

TEST(ContentWords, UnicodeLettersAndCase) {
  // "Über Straße ÉTÉ naïve": lowercased with their accents, ß kept.
  EXPECT_EQ(Words("\xC3\x9C"
                  "ber Stra\xC3\x9F"
                  "e \xC3\x89T\xC3\x89 na\xC3\xAFve"),
            (Strings{"\xC3\xBC"
                     "ber",
                     "stra\xC3\x9F"
                     "e",
                     "na\xC3\xAFve"}));
  // Cyrillic.
  EXPECT_EQ(Words("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
            (Strings{"\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"}));  // москва
}

TEST(ContentWords, CombiningMarksStayInTheWord) {
  EXPECT_EQ(Words("cafe\xCC\x81 ok"), (Strings{"cafe\xCC\x81"}));
}

TEST(ContentWords, CjkRunCountsByCodePoint) {
  // Four ideographs with no spaces: one run of four letters.
  EXPECT_EQ(Words("\xE4\xBA\xBA\xE5\xB7\xA5\xE6\x99\xBA\xE8\x83\xBD"),
            (Strings{"\xE4\xBA\xBA\xE5\xB7\xA5\xE6\x99\xBA\xE8\x83\xBD"}));
  EXPECT_TRUE(Words("\xE4\xBA\xBA\xE5\xB7\xA5").empty());
}

TEST(ContentWords, AppendsToExisting) {
  Strings out{"keep"};
  ContentWords("more words", out);
  EXPECT_EQ(out, (Strings{"keep", "more", "words"}));
}

TEST(ContentWords, EmptyAndShortOnly) {
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words("a an the of to in").empty());
  EXPECT_TRUE(Words("--- ... !!!").empty());
}

TEST(VocabularyOverlap, ShareOfDistinctWords) {
  std::unordered_set<std::string> vocab{"city", "council", "bike", "lanes"};
  EXPECT_DOUBLE_EQ(VocabularyOverlap("City Council Approves Bike Lanes", vocab), 0.8);
  EXPECT_DOUBLE_EQ(VocabularyOverlap("Supreme Court Rejects Patent Appeal", vocab), 0.0);
  // Repeats count once: {bike, lanes, more} -> 2/3.
  EXPECT_DOUBLE_EQ(VocabularyOverlap("bike lanes bike lanes more", vocab), 2.0 / 3.0);
}

TEST(VocabularyOverlap, TooFewWordsIsMinusOne) {
  std::unordered_set<std::string> vocab{"city"};
  EXPECT_EQ(VocabularyOverlap("City", vocab), -1);
  EXPECT_EQ(VocabularyOverlap("a b c", vocab), -1);
  EXPECT_EQ(VocabularyOverlap("City", vocab, 1), 1.0);
}

TEST(VocabularyOverlap, NoWordsWithMinWordsZero) {
  std::unordered_set<std::string> vocab{"city"};
  const double v = VocabularyOverlap("", vocab, 0);
  EXPECT_EQ(v, -1);
}

TEST(VocabularyOverlap, CaseInsensitive) {
  std::unordered_set<std::string> vocab;
  Strings words;
  ContentWords("DeepSeek Alibaba investment", words);
  vocab.insert(words.begin(), words.end());
  EXPECT_DOUBLE_EQ(VocabularyOverlap("ALIBABA denies DEEPSEEK investment", vocab), 0.75);
}

}  // namespace
}  // namespace cleaner
