// Segmenter: word counts, features and block kinds.
#include "cleaner/segment/segment.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <utf8proc.h>

#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/ascii_bytes.h"

namespace cleaner {
namespace {

BlockKind KindOf(const std::string& text) { return ClassifyKind(text, ComputeFeatures(text)); }

TEST(CountWords, Latin) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("   "), 0);
  EXPECT_EQ(CountWords("hello"), 1);
  EXPECT_EQ(CountWords("hello world"), 2);
  EXPECT_EQ(CountWords("  hello,   world!  "), 2);
  EXPECT_EQ(CountWords("snake_case counts once"), 3);
  EXPECT_EQ(CountWords("don't"), 2);  // the apostrophe splits
  EXPECT_EQ(CountWords("3.5 million"), 3);
  EXPECT_EQ(CountWords("--- *** ..."), 0);
}

TEST(CountWords, AccentsAndMarksStayInTheWord) {
  EXPECT_EQ(CountWords("caf\xC3\xA9 na\xC3\xAFve"), 2);
  EXPECT_EQ(CountWords("cafe\xCC\x81 ok"), 2);  // decomposed: the mark joins the word
  EXPECT_EQ(CountWords("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80"),
            2);  // Привет мир
}

TEST(CountWords, CjkIdeographsAndKanaAreWordsEach) {
  EXPECT_EQ(CountWords("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"), 3);  // 日本語
  // 日本語のテスト: 3 ideographs + 4 kana.
  EXPECT_EQ(CountWords("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xB9"
                       "\xE3\x83\x88"),
            7);
  // Mixed: "AI 模型" = 1 + 2.
  EXPECT_EQ(CountWords("AI \xE6\xA8\xA1\xE5\x9E\x8B"), 3);
  // An ideograph right after a Latin word ends it: "abc中def" = 3.
  EXPECT_EQ(CountWords("abc\xE4\xB8\xAD"
                       "def"),
            3);
  // Ideographic punctuation is not a word: "中文。" = 2.
  EXPECT_EQ(CountWords("\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82"), 2);
}

TEST(CountWords, HangulWordsAreSpaceSeparated) {
  // 안녕하세요 세계: Hangul is not counted per syllable.
  EXPECT_EQ(CountWords("\xEC\x95\x88\xEB\x85\x95\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94 "
                       "\xEC\x84\xB8\xEA\xB3\x84"),
            2);
}

TEST(ComputeFeatures, AgreesWithCountWords) {
  for (const std::string text :
       {"hello world", "caf\xC3\xA9 na\xC3\xAFve test_1", "\xE6\x97\xA5\xE6\x9C\xAC abc",
        "  indented - item, with; punctuation...",
        "abc\xE4\xB8\xAD"
        "def",
        "x"}) {
    EXPECT_EQ(ComputeFeatures(text).words, CountWords(text)) << text;
  }
}

TEST(ComputeFeatures, Counts) {
  BlockFeatures f = ComputeFeatures("Hello World 2024");
  EXPECT_EQ(f.words, 3);
  EXPECT_EQ(f.chars, 16);
  EXPECT_EQ(f.letters, 10);
  EXPECT_EQ(f.uppercase, 2);
  EXPECT_EQ(f.digits, 4);
  EXPECT_TRUE(f.starts_capital);
  EXPECT_FALSE(f.terminal_punct);
  EXPECT_EQ(f.sentences, 0);
  EXPECT_EQ(f.indent, 0);
}

TEST(ComputeFeatures, CharsAreCodePoints) {
  BlockFeatures f = ComputeFeatures("\xC3\x89t\xC3\xA9 \xE6\x97\xA5");  // "Été 日"
  EXPECT_EQ(f.chars, 5);
  EXPECT_EQ(f.letters, 4);
  EXPECT_EQ(f.uppercase, 1);
  EXPECT_TRUE(f.starts_capital);
}

TEST(ComputeFeatures, TerminalPunctuation) {
  EXPECT_TRUE(ComputeFeatures("It ended.").terminal_punct);
  EXPECT_TRUE(ComputeFeatures("Did it?").terminal_punct);
  EXPECT_TRUE(ComputeFeatures("Wow!").terminal_punct);
  EXPECT_TRUE(ComputeFeatures("And then\xE2\x80\xA6").terminal_punct);                  // …
  EXPECT_TRUE(ComputeFeatures("\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82").terminal_punct);  // 。
  EXPECT_TRUE(ComputeFeatures("He said \"yes.\"").terminal_punct);
  EXPECT_TRUE(ComputeFeatures("(As noted.)").terminal_punct);
  EXPECT_TRUE(ComputeFeatures("She said \xE2\x80\x9Cno.\xE2\x80\x9D").terminal_punct);
  EXPECT_TRUE(ComputeFeatures("Trailing spaces.   ").terminal_punct);
  EXPECT_FALSE(ComputeFeatures("No end").terminal_punct);
  EXPECT_FALSE(ComputeFeatures("Contact:").terminal_punct);
  EXPECT_FALSE(ComputeFeatures("Version 3.5").terminal_punct);
  EXPECT_FALSE(ComputeFeatures("").terminal_punct);
}

TEST(ComputeFeatures, Sentences) {
  EXPECT_EQ(ComputeFeatures("One. Two! Three?").sentences, 3);
  EXPECT_EQ(ComputeFeatures("One sentence only.").sentences, 1);
  EXPECT_EQ(ComputeFeatures("Prices rose 3.5 percent").sentences, 0);
  EXPECT_EQ(ComputeFeatures("The U.S economy").sentences, 0);
  EXPECT_EQ(ComputeFeatures("First part. second part").sentences, 1);
}

TEST(ComputeFeatures, StartsCapital) {
  EXPECT_TRUE(ComputeFeatures("Title case").starts_capital);
  EXPECT_FALSE(ComputeFeatures("lower case").starts_capital);
  EXPECT_TRUE(ComputeFeatures("2024 Election Results").starts_capital);  // first letter
  EXPECT_TRUE(ComputeFeatures("\"Quoted\" title").starts_capital);
  EXPECT_TRUE(ComputeFeatures("\xE6\x97\xA5\xE6\x9C\xAC").starts_capital);  // caseless script
  EXPECT_FALSE(ComputeFeatures("\xC3\xA9t\xC3\xA9").starts_capital);        // été
  EXPECT_FALSE(ComputeFeatures("1234").starts_capital);                     // no letter
}

// ASCII text read one byte at a time: what the eight-byte steps must agree with
// at every length and alignment.
BlockFeatures AsciiReference(std::string_view t) {
  BlockFeatures f;
  std::size_t lead = t.find_first_not_of(" \t");
  f.indent = lead == std::string_view::npos ? 0 : static_cast<int>(lead);
  bool in_word = false, seen_letter = false, prev_end = false, last_end = false;
  for (char c : t) {
    ++f.chars;
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    if (upper || lower) {
      ++f.letters;
      f.uppercase += upper;
      if (!seen_letter) f.starts_capital = upper;
      seen_letter = true;
    }
    f.digits += digit;
    const bool word = upper || lower || digit || c == '_';
    f.words += word && !in_word;
    in_word = word;
    const bool end = c == '.' || c == '!' || c == '?';
    if (c == ' ' || c == '\t') {
      f.sentences += prev_end;
    } else if (c != '"' && c != '\'' && c != ')' && c != ']') {
      last_end = end;
    }
    prev_end = end;
  }
  f.terminal_punct = last_end;
  f.sentences += last_end;
  return f;
}

void ExpectSameFeatures(std::string_view t, const BlockFeatures& got, const BlockFeatures& want) {
  EXPECT_EQ(got.words, want.words) << t;
  EXPECT_EQ(got.chars, want.chars) << t;
  EXPECT_EQ(got.letters, want.letters) << t;
  EXPECT_EQ(got.uppercase, want.uppercase) << t;
  EXPECT_EQ(got.digits, want.digits) << t;
  EXPECT_EQ(got.terminal_punct, want.terminal_punct) << t;
  EXPECT_EQ(got.starts_capital, want.starts_capital) << t;
  EXPECT_EQ(got.sentences, want.sentences) << t;
  EXPECT_EQ(got.indent, want.indent) << t;
}

TEST(ComputeFeatures, EightByteStepsAgreeWithByteSteps) {
  const std::string text =
      "  \"Hi!\" she said. U.S. 3.5 km_h (ok) [x] 'end.' Tab\there? Yes... A b_c 42! Zz";
  for (std::size_t from = 0; from < text.size(); ++from) {
    for (std::size_t len = 0; from + len <= text.size(); ++len) {
      const std::string_view t = std::string_view(text).substr(from, len);
      ExpectSameFeatures(t, ComputeFeatures(t), AsciiReference(t));
    }
  }
}

// Any text read one code point at a time, each classified by utf8proc: the
// eight-byte steps, their per-byte counters and the inline UTF-8 decoding must
// agree with it on mixed scripts, invalid bytes and long lines.
BlockFeatures CodePointReference(std::string_view t) {
  BlockFeatures f = AsciiReference("");
  std::size_t lead = t.find_first_not_of(" \t");
  f.indent = lead == std::string_view::npos ? 0 : static_cast<int>(lead);
  bool in_word = false, seen_letter = false, prev_end = false, last_end = false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(t.data());
  const auto* end = p + t.size();
  while (p < end) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
    if (n <= 0) cp = 0xFFFD, n = 1;
    p += n;
    ++f.chars;
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    if (letter) {
      ++f.letters;
      f.uppercase += cat == UTF8PROC_CATEGORY_LU;
      if (!seen_letter) f.starts_capital = cat != UTF8PROC_CATEGORY_LL;
      seen_letter = true;
    }
    f.digits += cat == UTF8PROC_CATEGORY_ND;
    // Words as CountWords counts them (its own tests pin it down).
    const std::string ch(reinterpret_cast<const char*>(p - n), static_cast<std::size_t>(n));
    const bool ideograph = cp >= 0x80 && CountWords(ch + ch) == 2;
    const bool word = !ideograph && CountWords(ch) == 1;
    f.words += ideograph || (word && !in_word);
    in_word = word;
    const bool end_mark = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 ||
                          cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F || cp == 0x0964;
    const bool closing = cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
                         cp == 0x2019 || cp == 0x00BB || cp == 0x300D || cp == 0x300F ||
                         cp == 0xFF09;
    if (cp == '\t' || cat == UTF8PROC_CATEGORY_ZS) {
      f.sentences += prev_end;
    } else if (!closing) {
      last_end = end_mark;
    }
    prev_end = end_mark;
  }
  f.terminal_punct = last_end;
  f.sentences += last_end;
  return f;
}

TEST(ComputeFeatures, MixedScriptsAgreeWithCodePointSteps) {
  const std::string text =
      "\xC2\xBB Caf\xC3\xA9 \xE2\x80\x9CHi!\xE2\x80\x9D she said\xE2\x80\xA6 "
      "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x82 \xD0\x96\xD0\xB8 e\xCC\x81 a\xE2\x80\xBF"
      "b "
      "\xFF\xC3 x \xD9\xA3\xD9\xA4 it\xE2\x80\x99s. \xF0\x9F\x98\x80 Ok";
  for (std::size_t from = 0; from < text.size(); ++from) {
    for (std::size_t len = 0; from + len <= text.size(); ++len) {
      const std::string_view t = std::string_view(text).substr(from, len);
      ExpectSameFeatures(t, ComputeFeatures(t), CodePointReference(t));
    }
  }
}

TEST(ComputeFeatures, LongLinesAgreeWithCodePointSteps) {
  // Lines past 255 eight-byte steps, where the per-byte counters are added up.
  const std::vector<std::string> pieces = {
      "word ",        "Capital ", "x",           "42 ",          "end. ",        "(ok) ",
      "U.S. ",        "\t",       "snake_case ", "caf\xC3\xA9 ", "\xE2\x80\x99", "\xE6\x97\xA5",
      "\xE2\x80\x83", "!? ",      "  "};
  std::uint64_t state = 7;
  for (int line = 0; line < 300; ++line) {
    std::string t;
    const std::size_t size = 100 + line * 17;
    while (t.size() < size) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      t += pieces[(state >> 33) % pieces.size()];
    }
    ExpectSameFeatures(t, ComputeFeatures(t), CodePointReference(t));
  }
  const std::string letters(5000, 'a'), digits(4099, '7');
  ExpectSameFeatures(letters, ComputeFeatures(letters), CodePointReference(letters));
  ExpectSameFeatures(digits, ComputeFeatures(digits), CodePointReference(digits));
}

TEST(ComputeFeatures, Indent) {
  EXPECT_EQ(ComputeFeatures("    four").indent, 4);
  EXPECT_EQ(ComputeFeatures("\t\ttabs").indent, 2);
  EXPECT_EQ(ComputeFeatures("none").indent, 0);
}

TEST(ClassifyKind, Paragraph) {
  EXPECT_EQ(KindOf("The company said on Tuesday that it would not invest."), BlockKind::kParagraph);
  // Thirty words without a sentence end still read as prose.
  std::string long_line;
  for (int i = 0; i < 30; ++i) long_line.append("word ");
  long_line.pop_back();
  EXPECT_EQ(KindOf(long_line), BlockKind::kParagraph);
  // A question of 6+ words is a paragraph.
  EXPECT_EQ(KindOf("Why would anyone do this kind of thing?"), BlockKind::kParagraph);
  // 。 ends a Chinese sentence: 6+ ideographs.
  EXPECT_EQ(KindOf("\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD"
                   "\xE3\x80\x82"),
            BlockKind::kParagraph);
}

TEST(ClassifyKind, ShortSentenceIsNotAParagraph) {
  EXPECT_NE(KindOf("It ended."), BlockKind::kParagraph);
  EXPECT_NE(KindOf("Read more."), BlockKind::kParagraph);
}

TEST(ClassifyKind, Heading) {
  EXPECT_EQ(KindOf("Alibaba Exec Denies Investment Plans"), BlockKind::kHeading);
  EXPECT_EQ(KindOf("What changes for drivers"), BlockKind::kHeading);
  EXPECT_EQ(KindOf("Is this the end?"), BlockKind::kHeading);
  EXPECT_EQ(KindOf("Sources"), BlockKind::kHeading);
  EXPECT_EQ(KindOf("\xE6\x96\xB0\xE9\x97\xBB"), BlockKind::kHeading);  // 新闻
}

TEST(ClassifyKind, ListItem) {
  EXPECT_EQ(KindOf("\xE2\x80\xA2 first point"), BlockKind::kListItem);  // •
  EXPECT_EQ(KindOf("- dash item"), BlockKind::kListItem);
  EXPECT_EQ(KindOf("* star item"), BlockKind::kListItem);
  EXPECT_EQ(KindOf("1. numbered item"), BlockKind::kListItem);
  EXPECT_EQ(KindOf("12) numbered item"), BlockKind::kListItem);
  EXPECT_EQ(KindOf("  indented text"), BlockKind::kListItem);
  EXPECT_EQ(KindOf("    - nested bullet"), BlockKind::kListItem);
  EXPECT_EQ(KindOf("\xE2\x80\x93 en dash item"), BlockKind::kListItem);
  // Even a full sentence is a list item when it starts with a bullet.
  EXPECT_EQ(KindOf("- The company said on Tuesday that it would not invest."),
            BlockKind::kListItem);
}

TEST(ClassifyKind, NotListItems) {
  EXPECT_NE(KindOf("-5 degrees tonight"), BlockKind::kListItem);
  EXPECT_NE(KindOf("1.5 million people"), BlockKind::kListItem);
  EXPECT_NE(KindOf("2024 was a year"), BlockKind::kListItem);
  EXPECT_NE(KindOf(" one space"), BlockKind::kListItem);
}

TEST(ClassifyKind, Line) {
  EXPECT_EQ(KindOf("Contact:"), BlockKind::kLine);       // ends with a colon
  EXPECT_EQ(KindOf("by john smith"), BlockKind::kLine);  // lowercase start
  EXPECT_EQ(KindOf("Read more."), BlockKind::kLine);     // short sentence
  EXPECT_EQ(KindOf("2min read"), BlockKind::kLine);      // first letter lowercase
  EXPECT_EQ(KindOf("---"), BlockKind::kLine);            // no words, not a bullet
}

TEST(SegmentLines, BlocksAndBlankLines) {
  Document doc;
  SegmentLines(NormalizeLines("Big Headline Here\n\nThe first paragraph says a thing or two.\n"
                              "  - a list item\n \nShare\n"),
               doc);
  EXPECT_EQ(doc.input_lines, 6);
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].text, "Big Headline Here");
  EXPECT_EQ(doc.blocks[0].line, 1);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[1].line, 3);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks[1].features.words, 8);
  EXPECT_EQ(doc.blocks[2].text, "  - a list item");
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[2].features.indent, 2);
  EXPECT_EQ(doc.blocks[3].line, 6);
  for (const Block& b : doc.blocks) {
    EXPECT_EQ(b.verdict, Verdict::kKeep);
    EXPECT_FALSE(b.decided);
    EXPECT_TRUE(b.reason.empty());
  }
  ASSERT_EQ(doc.dropped_lines.size(), 2u);
  EXPECT_EQ(doc.dropped_lines[0].line, 2);
  EXPECT_EQ(doc.dropped_lines[1].line, 5);
  EXPECT_EQ(doc.dropped_lines[0].reason, "normalize.blank");
}

TEST(SegmentLines, ReplacesPreviousBlocks) {
  Document doc;
  SegmentLines(NormalizeLines("a\nb\nc\n"), doc);
  SegmentLines(NormalizeLines("only\n\n"), doc);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "only");
  EXPECT_EQ(doc.dropped_lines.size(), 1u);
  EXPECT_EQ(doc.input_lines, 2);
}

TEST(BlockKindName, Names) {
  EXPECT_STREQ(BlockKindName(BlockKind::kParagraph), "paragraph");
  EXPECT_STREQ(BlockKindName(BlockKind::kHeading), "heading");
  EXPECT_STREQ(BlockKindName(BlockKind::kListItem), "list_item");
  EXPECT_STREQ(BlockKindName(BlockKind::kLine), "line");
}

// plain_bytes: the text's size unless a code point is a combining mark, a
// connector or an ideograph (where the content classifier counts words its own way).
TEST(ComputeFeatures, PlainBytes) {
  auto plain = [](const std::string& t) { return ComputeFeatures(t).plain_bytes; };
  EXPECT_EQ(plain(""), 0);
  EXPECT_EQ(plain("snake_case words"), 16);
  EXPECT_EQ(plain("caf\u00e9 \u00bb \u00a9 \u2022 \u0416"), 18);
  EXPECT_EQ(plain("cafe\u0301"), -1);          // combining acute (Mn)
  EXPECT_EQ(plain("a\u203fb"), -1);            // undertie (Pc)
  EXPECT_EQ(plain("\u6771\u4eac"), -1);        // ideographs
  EXPECT_EQ(plain("\u30fb menu \u30fb"), -1);  // katakana middle dot: ideographic range
  EXPECT_EQ(plain("\xff bad byte"), 10);       // U+FFFD is no word character
}

// LoadPartial assembles the tail from overlapping loads: every length and
// offset must give the bytes memcpy gives, zero-filled, first byte lowest.
TEST(AsciiBytes, LoadPartialMatchesBytes) {
  unsigned char buf[24];
  for (std::size_t i = 0; i < sizeof buf; ++i) buf[i] = static_cast<unsigned char>(0x11 * (i + 1));
  for (std::size_t at = 0; at < 8; ++at) {
    for (std::size_t n = 0; n < 8; ++n) {
      std::uint64_t want = 0;
      for (std::size_t k = 0; k < n; ++k) want |= std::uint64_t{buf[at + k]} << (8 * k);
      EXPECT_EQ(ascii::LoadPartial(buf + at, n), want) << "at " << at << " n " << n;
    }
  }
  EXPECT_EQ(ascii::Load8(buf), ascii::LoadPartial(buf, 7) | (std::uint64_t{buf[7]} << 56));
}

// FirstEqualAny: the first byte equal to c, also among non-ASCII bytes and
// with c ^ 1 (where a borrow marks a byte) after it.
TEST(AsciiBytes, FirstEqualAnyFindsTheFirstMatch) {
  const unsigned char kBytes[] = {0x0A, 0x0D, 0xE2};
  for (const unsigned char c : kBytes) {
    for (int at = 0; at < 8; ++at) {
      unsigned char b[8];
      for (int k = 0; k < 8; ++k) b[k] = static_cast<unsigned char>(k % 2 ? 0xC3 : 'a');
      b[at] = c;
      for (int k = at + 1; k < 8; ++k) b[k] = static_cast<unsigned char>(c ^ (k % 2));
      const std::uint64_t m = ascii::FirstEqualAny(ascii::Load8(b), c);
      ASSERT_NE(m, 0u);
      EXPECT_EQ(ascii::First(m), at) << int{c};
    }
  }
  EXPECT_EQ(ascii::FirstEqualAny(ascii::Load8("\xC3\xA9 abcde"), '\n'), 0u);
}

}  // namespace
}  // namespace cleaner
