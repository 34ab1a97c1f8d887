// NormalizeLines / NormalizeLine: line splitting, NFC, spaces, invisible
// characters, trimming and blank lines. (normalize_nfc_test.cc checks the NFC
// fast path against utf8proc code point by code point.)
#include "cleaner/normalize/normalize.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace cleaner {
namespace {

std::vector<std::string> Texts(const NormalizedText& n) {
  std::vector<std::string> out;
  for (const NormalizedLine& l : n.lines) out.push_back(l.text);
  return out;
}

std::vector<int> Numbers(const NormalizedText& n) {
  std::vector<int> out;
  for (const NormalizedLine& l : n.lines) out.push_back(l.line);
  return out;
}

using Lines = std::vector<std::string>;
using Ints = std::vector<int>;

TEST(NormalizeLines, EmptyInput) {
  NormalizedText n = NormalizeLines("");
  EXPECT_TRUE(n.lines.empty());
  EXPECT_TRUE(n.blank_lines.empty());
  EXPECT_EQ(n.total_lines, 0);
}

TEST(NormalizeLines, LfSplitsAndFinalNewlineAddsNoLine) {
  NormalizedText n = NormalizeLines("one\ntwo\nthree\n");
  EXPECT_EQ(Texts(n), (Lines{"one", "two", "three"}));
  EXPECT_EQ(Numbers(n), (Ints{1, 2, 3}));
  EXPECT_EQ(n.total_lines, 3);
  EXPECT_TRUE(n.blank_lines.empty());
}

TEST(NormalizeLines, NoFinalNewline) {
  NormalizedText n = NormalizeLines("one\ntwo");
  EXPECT_EQ(Texts(n), (Lines{"one", "two"}));
  EXPECT_EQ(n.total_lines, 2);
}

TEST(NormalizeLines, CrLfAndLoneCr) {
  NormalizedText n = NormalizeLines("a\r\nb\rc\n\rd");
  // "a" CRLF "b" CR "c" LF "" CR "d": the LF then CR is an empty line 4.
  EXPECT_EQ(Texts(n), (Lines{"a", "b", "c", "d"}));
  EXPECT_EQ(Numbers(n), (Ints{1, 2, 3, 5}));
  EXPECT_EQ(n.blank_lines, (Ints{4}));
  EXPECT_EQ(n.total_lines, 5);
  for (const auto& l : n.lines) EXPECT_EQ(l.text.find('\r'), std::string::npos);
}

TEST(NormalizeLines, CrLfIsOneLineBreakNotTwo) {
  NormalizedText n = NormalizeLines("a\r\n\r\nb\r\n");
  EXPECT_EQ(Texts(n), (Lines{"a", "b"}));
  EXPECT_EQ(n.blank_lines, (Ints{2}));
  EXPECT_EQ(n.total_lines, 3);
}

TEST(NormalizeLines, UnicodeLineAndParagraphSeparators) {
  NormalizedText n = NormalizeLines("first\xE2\x80\xA8second\xE2\x80\xA9third");
  EXPECT_EQ(Texts(n), (Lines{"first", "second", "third"}));
  EXPECT_EQ(Numbers(n), (Ints{1, 2, 3}));
}

TEST(NormalizeLines, OtherE2SequencesDoNotSplit) {
  // U+2026 (E2 80 A6) and U+2014 (E2 80 94) share the prefix of U+2028.
  NormalizedText n = NormalizeLines("wait\xE2\x80\xA6 then\xE2\x80\x94more");
  EXPECT_EQ(Texts(n), (Lines{"wait\xE2\x80\xA6 then\xE2\x80\x94more"}));
}

// Lines with non-ASCII text look for their end eight bytes at a time: every
// break at every offset in the word, after and before other E2 sequences.
TEST(NormalizeLines, BreaksAfterNonAsciiAtEveryOffset) {
  for (const std::string brk : {"\n", "\r", "\r\n", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    for (std::size_t k = 0; k < 17; ++k) {
      const std::string first = "\xC3\xA9" + std::string(k, 'x') + "\xE2\x80\xA6";
      const std::string second = "\xE2\x80\x94" + std::string(k, 'y') + "\xC3\xBC";
      NormalizedText n = NormalizeLines(first + brk + second);
      EXPECT_EQ(Texts(n), (Lines{first, second})) << "k " << k;
      EXPECT_EQ(n.total_lines, 2);
    }
  }
}

TEST(NormalizeLines, BlankAndWhitespaceOnlyLinesAreReportedNotReturned) {
  // Line 3 holds only a no-break space, line 4 tabs and spaces, line 5 a
  // zero-width space, line 6 an ideographic space.
  NormalizedText n =
      NormalizeLines("Title\n\n\xC2\xA0\n \t \n\xE2\x80\x8B\n\xE3\x80\x80\nBody text.\n");
  EXPECT_EQ(Texts(n), (Lines{"Title", "Body text."}));
  EXPECT_EQ(Numbers(n), (Ints{1, 7}));
  EXPECT_EQ(n.blank_lines, (Ints{2, 3, 4, 5, 6}));
  EXPECT_EQ(n.total_lines, 7);
}

TEST(NormalizeLines, TrailingWhitespaceTrimmedLeadingIndentationKept) {
  NormalizedText n = NormalizeLines("  - nested item  \t\n\t• tabbed bullet \n1. first\xC2\xA0\n");
  EXPECT_EQ(Texts(n), (Lines{"  - nested item", "\t• tabbed bullet", "1. first"}));
}

TEST(NormalizeLines, VeryLongLine) {
  // 5 MB on one line, with a non-ASCII character so the NFC path runs too.
  std::string big;
  big.reserve(5u << 20);
  while (big.size() < (5u << 20)) big.append("lorem ipsum dolor sit amet ");
  big.append("cafe\xCC\x81   ");
  std::string text("short\n");
  text.append(big).append("\nlast");
  NormalizedText n = NormalizeLines(text);
  ASSERT_EQ(n.lines.size(), 3u);
  EXPECT_EQ(n.lines[0].text, "short");
  EXPECT_EQ(n.lines[2].text, "last");
  EXPECT_EQ(n.lines[2].line, 3);
  const std::string& l = n.lines[1].text;
  EXPECT_GT(l.size(), 5u << 20);
  EXPECT_TRUE(l.ends_with("caf\xC3\xA9")) << "NFC composed and trailing spaces trimmed";
}

TEST(NormalizeLine, AsciiUnchanged) {
  EXPECT_EQ(NormalizeLine("Plain ASCII, with punctuation! 123"),
            "Plain ASCII, with punctuation! 123");
}

TEST(NormalizeLine, NfcComposes) {
  EXPECT_EQ(NormalizeLine("cafe\xCC\x81"), "caf\xC3\xA9");               // e + U+0301
  EXPECT_EQ(NormalizeLine("A\xCC\x8A"), "\xC3\x85");                     // A + ring
  EXPECT_EQ(NormalizeLine("\xE2\x84\xAB"), "\xC3\x85");                  // U+212B ANGSTROM
  EXPECT_EQ(NormalizeLine("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // jamo -> 가
  EXPECT_EQ(NormalizeLine("\xC3\xA9t\xC3\xA9"), "\xC3\xA9t\xC3\xA9");    // already NFC
  EXPECT_EQ(NormalizeLine("\xE6\x97\xA5\xE6\x9C\xAC"), "\xE6\x97\xA5\xE6\x9C\xAC");
}

TEST(NormalizeLine, NfcAcrossRemovedInvisible) {
  // A soft hyphen between a letter and its combining mark goes first; then the
  // two compose.
  EXPECT_EQ(NormalizeLine("e\xC2\xAD\xCC\x81"), "\xC3\xA9");
}

TEST(NormalizeLine, SpaceSeparatorsBecomeSpace) {
  // NBSP, en quad, em space, thin space, narrow NBSP, medium math space, ideographic.
  EXPECT_EQ(NormalizeLine("a\xC2\xA0"
                          "b\xE2\x80\x80"
                          "c\xE2\x80\x83"
                          "d\xE2\x80\x89"
                          "e\xE2\x80\xAF"
                          "f\xE2\x81\x9F"
                          "g\xE3\x80\x80h"),
            "a b c d e f g h");
}

TEST(NormalizeLine, NbspAtEndIsTrimmed) {
  EXPECT_EQ(NormalizeLine("word\xC2\xA0\xC2\xA0"), "word");
}

TEST(NormalizeLine, ZeroWidthAndInvisiblesRemoved) {
  EXPECT_EQ(NormalizeLine("zero\xE2\x80\x8Bwidth"), "zerowidth");    // U+200B
  EXPECT_EQ(NormalizeLine("word\xE2\x81\xA0joiner"), "wordjoiner");  // U+2060
  EXPECT_EQ(NormalizeLine("in\xE2\x81\xA2visible"), "invisible");    // U+2062
  EXPECT_EQ(NormalizeLine("soft\xC2\xADhyphen"), "softhyphen");      // U+00AD
  EXPECT_EQ(NormalizeLine("stray\xEF\xBB\xBF"
                          "bom"),
            "straybom");  // U+FEFF
  EXPECT_EQ(NormalizeLine("\xEF\xBB\xBFstart"), "start");
  EXPECT_EQ(NormalizeLine("mongolian\xE1\xA0\x8Esep"), "mongoliansep");  // U+180E
}

TEST(NormalizeLine, ZwjAndZwnjKept) {
  // Family emoji: man ZWJ woman ZWJ girl.
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  EXPECT_EQ(NormalizeLine(family), family);
  // Persian "mi-khaham" with a ZWNJ (U+200C).
  const std::string persian =
      "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85";
  EXPECT_EQ(NormalizeLine(persian), persian);
}

TEST(NormalizeLine, ControlCharactersRemovedTabKept) {
  std::string in("a\x01");
  in.append("b\x1B").append("c\x7F").append("d\te");
  EXPECT_EQ(NormalizeLine(in), "abcd\te");
  // C1 controls (U+0080..U+009F).
  EXPECT_EQ(NormalizeLine("x\xC2\x80y\xC2\x9Fz"), "xyz");
  // NEL U+0085 is a C1 control here, not a line break.
  EXPECT_EQ(NormalizeLine("p\xC2\x85q"), "pq");
}

TEST(NormalizeLine, TrailingTabsAndSpacesTrimmed) {
  EXPECT_EQ(NormalizeLine("text \t  \t"), "text");
  EXPECT_EQ(NormalizeLine("text\xE2\x80\x8B "), "text");
  EXPECT_EQ(NormalizeLine("   "), "");
}

TEST(NormalizeLine, LeadingIndentationKept) {
  EXPECT_EQ(NormalizeLine("    indented"), "    indented");
  EXPECT_EQ(NormalizeLine("\xC2\xA0\xC2\xA0nbsp indent"), "  nbsp indent");
}

TEST(NormalizeLine, InnerSpacesNotCollapsed) { EXPECT_EQ(NormalizeLine("a  b   c"), "a  b   c"); }

TEST(NormalizeLine, BulletsKept) {
  EXPECT_EQ(NormalizeLine("\xE2\x80\xA2 bullet"), "\xE2\x80\xA2 bullet");
  EXPECT_EQ(NormalizeLine("\xE2\x96\xAA square"), "\xE2\x96\xAA square");
}

}  // namespace
}  // namespace cleaner
