// DecodeUtf8: bytes in, valid UTF-8 out; invalid sequences become U+FFFD and are
// counted, a leading BOM is dropped, a NUL byte marks the input as binary.
#include "cleaner/normalize/decode.h"

#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <utf8proc.h>

namespace cleaner {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

// Bytes with embedded NULs (a literal would stop at the first one).
std::string Bytes(std::string_view s) { return std::string(s.data(), s.size()); }

bool IsValidUtf8(const std::string& s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
    if (n <= 0) return false;
    p += n;
  }
  return true;
}

TEST(Decode, EmptyInput) {
  DecodedText d = DecodeUtf8("");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.invalid_sequences, 0u);
  EXPECT_FALSE(d.had_bom);
  EXPECT_FALSE(d.IsBinary());
}

TEST(Decode, AsciiPassesThrough) {
  const std::string text = "Hello, world.\nSecond line with tab\there.\n";
  DecodedText d = DecodeUtf8(text);
  EXPECT_EQ(d.text, text);
  EXPECT_EQ(d.invalid_sequences, 0u);
  EXPECT_FALSE(d.IsBinary());
}

TEST(Decode, ValidMultibytePassesThrough) {
  // 2-, 3- and 4-byte sequences: é, €, 日, 😀.
  const std::string text = "caf\xC3\xA9 \xE2\x82\xAC \xE6\x97\xA5 \xF0\x9F\x98\x80 end";
  DecodedText d = DecodeUtf8(text);
  EXPECT_EQ(d.text, text);
  EXPECT_EQ(d.invalid_sequences, 0u);
}

TEST(Decode, LongAsciiWithMultibyteAtEveryAlignment) {
  // The ASCII fast path works eight bytes at a time: put a multibyte character at
  // every offset within a word.
  for (int offset = 0; offset < 17; ++offset) {
    std::string text(static_cast<std::size_t>(offset), 'a');
    text.append("\xC3\xA9");
    text.append(20, 'b');
    DecodedText d = DecodeUtf8(text);
    EXPECT_EQ(d.text, text) << "offset " << offset;
    EXPECT_EQ(d.invalid_sequences, 0u) << "offset " << offset;
  }
}

TEST(Decode, LoneInvalidByteBecomesReplacementAndIsCounted) {
  DecodedText d = DecodeUtf8(
      "a\xFF"
      "b");
  std::string want("a");
  want.append(kFffd).append("b");
  EXPECT_EQ(d.text, want);
  EXPECT_EQ(d.invalid_sequences, 1u);
}

TEST(Decode, Windows1252BytesEachBecomeOneReplacement) {
  // "café – naïve" in windows-1252: three separate invalid bytes.
  DecodedText d = DecodeUtf8("caf\xE9 \x96 na\xEFve");
  EXPECT_EQ(d.invalid_sequences, 3u);
  std::string want("caf");
  want.append(kFffd).append(" ").append(kFffd).append(" na").append(kFffd).append("ve");
  EXPECT_EQ(d.text, want);
  EXPECT_TRUE(IsValidUtf8(d.text));
}

TEST(Decode, StrayContinuationBytes) {
  DecodedText d = DecodeUtf8("x\x80\x80\x80y");
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_GE(d.invalid_sequences, 1u);
  EXPECT_EQ(d.text.front(), 'x');
  EXPECT_EQ(d.text.back(), 'y');
  EXPECT_NE(d.text.find(kFffd), std::string::npos);
}

TEST(Decode, OverlongEncodingsAreInvalid) {
  // "/" as an overlong 2-byte (C0 AF) and 3-byte (E0 80 AF) sequence; NUL as C0 80.
  for (std::string_view bad : {std::string_view("\xC0\xAF"), std::string_view("\xE0\x80\xAF"),
                               std::string_view("\xC1\xBF"), std::string_view("\xC0\x80"),
                               std::string_view("\xF0\x80\x80\xAF")}) {
    std::string in("[");
    in.append(bad).append("]");
    DecodedText d = DecodeUtf8(in);
    EXPECT_TRUE(IsValidUtf8(d.text)) << in;
    EXPECT_GE(d.invalid_sequences, 1u) << in;
    EXPECT_EQ(d.text.find('/'), std::string::npos) << "overlong decoded as '/'";
    EXPECT_FALSE(d.IsBinary()) << "overlong NUL (C0 80) is not a NUL byte";
    EXPECT_EQ(d.text.front(), '[');
    EXPECT_EQ(d.text.back(), ']');
  }
}

TEST(Decode, SurrogatesAreInvalid) {
  // CESU-8 style encoded surrogates: U+D800 and the pair D83D DE00.
  for (std::string_view bad :
       {std::string_view("\xED\xA0\x80"), std::string_view("\xED\xA0\xBD\xED\xB8\x80"),
        std::string_view("\xED\xBF\xBF")}) {
    std::string in("a");
    in.append(bad).append("b");
    DecodedText d = DecodeUtf8(in);
    EXPECT_TRUE(IsValidUtf8(d.text));
    EXPECT_GE(d.invalid_sequences, 1u);
    EXPECT_NE(d.text.find(kFffd), std::string::npos);
    EXPECT_EQ(d.text.find("\xED"), std::string::npos);
  }
}

TEST(Decode, AboveU10FFFFIsInvalid) {
  DecodedText d = DecodeUtf8("a\xF4\x90\x80\x80z");  // U+110000
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_EQ(d.invalid_sequences, 1u);
  std::string want("a");
  want.append(kFffd).append("z");
  EXPECT_EQ(d.text, want);
}

TEST(Decode, TruncatedSequenceAtEnd) {
  // The first two bytes of € (E2 82 AC) and of 😀 (F0 9F 98 80), input ends.
  for (std::string_view bad :
       {std::string_view("\xE2\x82"), std::string_view("\xF0\x9F\x98"), std::string_view("\xC3")}) {
    std::string in("end ");
    in.append(bad);
    DecodedText d = DecodeUtf8(in);
    std::string want("end ");
    want.append(kFffd);
    EXPECT_EQ(d.text, want);
    EXPECT_EQ(d.invalid_sequences, 1u);
  }
}

TEST(Decode, TruncatedSequenceFollowedByAscii) {
  DecodedText d = DecodeUtf8("a\xE2\x82 b");
  std::string want("a");
  want.append(kFffd).append(" b");
  EXPECT_EQ(d.text, want);
  EXPECT_EQ(d.invalid_sequences, 1u);
}

TEST(Decode, BomIsDropped) {
  DecodedText d = DecodeUtf8("\xEF\xBB\xBFTitle\nBody");
  EXPECT_TRUE(d.had_bom);
  EXPECT_EQ(d.text, "Title\nBody");
  EXPECT_EQ(d.invalid_sequences, 0u);
}

TEST(Decode, OnlyALeadingBomIsDropped) {
  // A U+FEFF later in the text is a character (the normalizer removes it), not a BOM.
  DecodedText d = DecodeUtf8(
      "a\xEF\xBB\xBF"
      "b");
  EXPECT_FALSE(d.had_bom);
  EXPECT_EQ(d.text,
            "a\xEF\xBB\xBF"
            "b");
}

TEST(Decode, BomOnlyInputIsEmpty) {
  DecodedText d = DecodeUtf8("\xEF\xBB\xBF");
  EXPECT_TRUE(d.had_bom);
  EXPECT_EQ(d.text, "");
}

TEST(Decode, NulMarksBinaryWithOffset) {
  DecodedText d = DecodeUtf8(Bytes(std::string_view("abc\0def\0", 8)));
  EXPECT_TRUE(d.IsBinary());
  EXPECT_EQ(d.first_nul, 3u);
}

TEST(Decode, NulAtStart) {
  DecodedText d = DecodeUtf8(Bytes(std::string_view("\0\x01\x02", 3)));
  EXPECT_TRUE(d.IsBinary());
  EXPECT_EQ(d.first_nul, 0u);
}

TEST(Decode, NoNulIsNotBinary) {
  DecodedText d = DecodeUtf8("\x01\x02\x7F text with controls");
  EXPECT_FALSE(d.IsBinary());
  EXPECT_EQ(d.first_nul, std::string_view::npos);
}

TEST(Decode, NulOffsetCountsTheBom) {
  // The CLI reports "NUL byte at offset N": N should be the offset in the file,
  // which includes the three BOM bytes.
  DecodedText d =
      DecodeUtf8(Bytes(std::string_view("\xEF\xBB\xBF"
                                        "ab\0",
                                        6)));
  EXPECT_TRUE(d.IsBinary());
  EXPECT_EQ(d.first_nul, 5u);
}

TEST(Decode, OutputIsAlwaysValidUtf8) {
  // Every single byte value and every pair of high bytes, between ASCII letters.
  std::size_t total_invalid = 0;
  for (int a = 0x01; a < 0x100; ++a) {
    for (int b = 0x80; b < 0x100; b += 7) {
      std::string in("x");
      in.push_back(static_cast<char>(a));
      in.push_back(static_cast<char>(b));
      in.push_back('y');
      DecodedText d = DecodeUtf8(in);
      ASSERT_TRUE(IsValidUtf8(d.text)) << std::hex << a << " " << b;
      ASSERT_EQ(d.text.front(), 'x');
      ASSERT_EQ(d.text.back(), 'y');
      total_invalid += d.invalid_sequences;
    }
  }
  EXPECT_GT(total_invalid, 0u);
}

// The decoder one code point at a time through utf8proc_iterate: the ASCII
// runs, inline decoding and copies in runs must give the same text and count.
DecodedText ReferenceDecode(std::string_view bytes) {
  DecodedText out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
    if (n > 0) {
      out.text.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
      p += n;
      continue;
    }
    out.text.append(kFffd);
    ++out.invalid_sequences;
    for (++p; p < end && (*p & 0xC0) == 0x80;) ++p;
  }
  return out;
}

TEST(Decode, RandomBytesAgreeWithCodePointReference) {
  const unsigned char alphabet[] = {'a',  ' ',  '\n', 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xBF, 0xC0,
                                    0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  std::uint64_t state = 99;
  for (int i = 0; i < 100000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    std::string in((state >> 33) % 48 + 1, 'a');
    for (char& c : in) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      c = static_cast<char>(alphabet[(state >> 33) % sizeof alphabet]);
    }
    const DecodedText got = DecodeUtf8(in), want = ReferenceDecode(in);
    ASSERT_EQ(got.text, want.text) << i;
    ASSERT_EQ(got.invalid_sequences, want.invalid_sequences) << i;
  }
}

TEST(Decode, LargeAsciiInput) {
  std::string text(3 << 20, 'a');
  text[1 << 20] = '\n';
  DecodedText d = DecodeUtf8(text);
  EXPECT_EQ(d.text.size(), text.size());
  EXPECT_EQ(d.invalid_sequences, 0u);
}

}  // namespace
}  // namespace cleaner
