// Content words and vocabulary overlap, for "does this block talk about the
// article's subject?".
#include "cleaner/detect/vocabulary.h"

#include <cctype>
#include <cmath>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <gtest/gtest.h>
#include <utf8proc.h>

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

// The definition, one code point at a time: runs of ASCII letters and digits
// and of other letters, digits (Nd) and combining marks (Mn), lowercased, kept
// from four code points on; invalid bytes separate.
Strings ReferenceWords(const std::string& text) {
  Strings out;
  std::string word;
  int letters = 0;
  auto flush = [&] {
    if (letters >= 4) out.push_back(word);
    word.clear();
    letters = 0;
  };
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
    if (n <= 0) {
      ++p;
      flush();
      continue;
    }
    p += n;
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool alnum = cp < 0x80 ? (std::isalnum(static_cast<int>(cp)) != 0)
                                 : (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                                       cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_MN;
    if (!alnum) {
      flush();
      continue;
    }
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t len = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    word.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
    ++letters;
  }
  flush();
  return out;
}

// Words are found a chunk of eight ASCII bytes at a time until a non-ASCII
// byte: texts mixing words of every length with separators, accented and other
// scripts' letters, marks, ideographs, non-letters and invalid bytes, anywhere
// relative to the chunks, give the words of the definition.
TEST(ContentWords, AgreesWithTheDefinitionOnMixedText) {
  const std::vector<std::string> pieces = {"a",
                                           "B",
                                           "z",
                                           "Q",
                                           "7",
                                           "0",
                                           " ",
                                           " ",
                                           " ",
                                           "  ",
                                           ".",
                                           ",",
                                           "-",
                                           "'",
                                           "\t",
                                           "_",
                                           "@",
                                           std::string(1, '\0'),
                                           "\x7f",
                                           "\xC3\xA9",
                                           "\xC3\x89",
                                           "\xC3\x9F",
                                           "\xE2\x80\x94",
                                           "\xE2\x80\x99",
                                           "\xC2\xA0",
                                           "\xCC\x81",
                                           "\xE4\xBA\xBA",
                                           "\xD0\x96",
                                           "\xD9\xA3",
                                           "\xF0\x9F\x98\x80",
                                           "\xFF",
                                           "\xC3",
                                           "\xE2\x80"};
  std::mt19937 rng(20241125);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> word_length(0, 70);
  std::uniform_int_distribution<int> pieces_per_text(0, 40);
  for (int t = 0; t < 3000; ++t) {
    std::string text;
    for (int k = pieces_per_text(rng); k > 0; --k) {
      // Mostly ASCII words of any length between separators, as prose is.
      if (rng() % 2 == 0) {
        static constexpr std::string_view kWordChars = "abcxyzABCXYZ0189";
        for (int c = word_length(rng); c > 0; --c) text += kWordChars[rng() % kWordChars.size()];
      } else {
        text += pieces[piece(rng)];
      }
    }
    ASSERT_EQ(Words(text), ReferenceWords(text)) << "text #" << t << ": " << text;
  }
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
