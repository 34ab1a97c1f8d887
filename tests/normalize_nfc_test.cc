// The NFC fast path (ASCII and "inert" code points skip utf8proc) must give
// exactly what utf8proc's NFC gives, for every BMP code point in the contexts
// where composition can happen: after a starter, before a combining mark. And
// NormalizeLine's other shortcuts (inline UTF-8 decoding, one table for the
// code points copied as they are) must agree with a plain per-code-point
// version, on every code point and on invalid or odd bytes.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/normalize/normalize.h"
#include "cleaner/normalize/utf8_step.h"

namespace cleaner {
namespace {

std::string Utf8(utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
}

std::string ReferenceNfc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string r(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}

// Code points NormalizeLine deliberately changes beyond NFC (spaces, invisibles,
// controls, surrogates) are not part of this comparison.
bool ComparedHere(utf8proc_int32_t cp) {
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  utf8proc_category_t cat = utf8proc_category(cp);
  if (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_CC) return false;
  return !(cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || cp == 0x00AD || cp == 0xFEFF ||
           cp == 0x180E || cp == 0x2028 || cp == 0x2029);
}

TEST(NormalizeNfc, FastPathEqualsUtf8procOnEveryBmpCodePoint) {
  int compared = 0;
  for (utf8proc_int32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (!ComparedHere(cp)) continue;
    const std::string ch = Utf8(cp);
    // Built by append: GCC 12 -O3 warns falsely (-Wrestrict) on "literal" + string.
    std::string with_letters("a");
    with_letters.append(ch).append("b");
    std::string after_e("e");
    after_e.append(ch);
    std::string before_acute(ch);
    before_acute.append("\xCC\x81");
    std::string after_jamo("\xE1\x84\x80");
    after_jamo.append(ch);
    for (const std::string& text : {with_letters, after_e, before_acute, after_jamo}) {
      ASSERT_EQ(NormalizeLine(text), ReferenceNfc(text)) << "U+" << std::hex << cp;
      ++compared;
    }
  }
  EXPECT_GT(compared, 200000);
}

TEST(NormalizeNfc, ComposesDecomposedLatinAndHangul) {
  EXPECT_EQ(NormalizeLine("Cafe\xCC\x81"), "Caf\xC3\xA9");               // e + acute
  EXPECT_EQ(NormalizeLine("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // jamo -> 가
  EXPECT_EQ(NormalizeLine("\xE2\x84\xAB"), "\xC3\x85");                  // Angstrom sign -> Å
}

// NormalizeLine without its shortcuts: each code point decoded by utf8proc and
// classified on its own, then NFC over the whole line.
std::string ReferenceNormalizeLine(std::string_view line) {
  std::string out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(line.data());
  const auto* end = p + line.size();
  while (p < end) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
    if (n <= 0) {
      out.append("\xEF\xBF\xBD");
      ++p;
      continue;
    }
    const bool control = (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
    const bool invisible = cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || cp == 0x00AD ||
                           cp == 0xFEFF || cp == 0x180E;
    if (control || invisible) {
      // dropped
    } else if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
      out.push_back(' ');
    } else {
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    }
    p += n;
  }
  out = ReferenceNfc(out);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

TEST(NormalizeLineShortcuts, NextCodePointEqualsUtf8procOnEveryShortSequence) {
  // Every sequence of one to three bytes, and every lead byte before three
  // continuation bytes (four-byte forms).
  for (std::uint32_t bytes = 0; bytes < (1u << 24); ++bytes) {
    const utf8proc_uint8_t in[4] = {static_cast<utf8proc_uint8_t>(bytes >> 16),
                                    static_cast<utf8proc_uint8_t>(bytes >> 8),
                                    static_cast<utf8proc_uint8_t>(bytes), 0x80};
    for (utf8proc_ssize_t len = 1; len <= 4; ++len) {
      // Shorter inputs once per prefix.
      if ((len == 1 && (bytes & 0xFFFF) != 0) || (len == 2 && (bytes & 0xFF) != 0)) continue;
      utf8proc_int32_t want = -1, got = -1;
      const utf8proc_ssize_t want_n = utf8proc_iterate(in, len, &want);
      const utf8proc_ssize_t got_n = NextCodePoint(in, in + len, &got);
      ASSERT_EQ(got_n > 0, want_n > 0) << std::hex << bytes << " len " << len;
      if (want_n > 0) {
        ASSERT_EQ(got_n, want_n) << std::hex << bytes;
        ASSERT_EQ(got, want) << std::hex << bytes;
      }
    }
  }
}

TEST(NormalizeLineShortcuts, EveryCodePointAgreesWithReference) {
  for (utf8proc_int32_t cp = 1; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    // Every BMP code point; beyond it, the planes where scripts and emoji live.
    if (cp >= 0x20000 && cp % 97 != 0) continue;
    const std::string ch = Utf8(cp);
    std::string between("x");
    between.append(ch).append("y");
    std::string after_e("e");
    after_e.append(ch).append(" ");
    std::string before_acute(ch);
    before_acute.append("\xCC\x81\t");
    for (const std::string& text : {ch, between, after_e, before_acute}) {
      ASSERT_EQ(NormalizeLine(text), ReferenceNormalizeLine(text)) << "U+" << std::hex << cp;
    }
  }
}

TEST(NormalizeLineShortcuts, InvalidAndOddBytesAgreeWithReference) {
  const std::vector<std::string> cases = {"\x80",
                                          "\xBF",
                                          "a\xC0\xAFz",
                                          "\xC1\xBF",
                                          "\xC2",
                                          "a\xC3",
                                          "\xE0\x80\xAF",
                                          "\xE0\x9F\xBF",
                                          "\xE0\xA0",
                                          "\xED\xA0\x80",
                                          "\xED\xBF\xBF",
                                          "\xEF\xBF",
                                          "\xF0\x80\x80\xAF",
                                          "\xF4\x90\x80\x80",
                                          "\xF5\x80\x80\x80",
                                          "\xFE\xFF",
                                          "\xE2\x80",
                                          "\xE2\x80\x99\xE2",
                                          "caf\xC3\xA9 \xE2\x80\x89 \x01\x7F\t",
                                          "\xC2\xA0\xC2\xA0lead",
                                          "trail\xE2\x80\x8B\xE3\x80\x80"};
  for (const std::string& text : cases) {
    EXPECT_EQ(NormalizeLine(text), ReferenceNormalizeLine(text)) << text;
  }
  // Random bytes, biased towards UTF-8 lead and continuation bytes, spaces and
  // controls, in lines long enough for the eight-byte steps.
  const unsigned char alphabet[] = {'a',  'Z',  ' ',  '\t', 0x01, 0x7F, 0x80, 0x81, 0x8B, 0x99,
                                    0xA0, 0xAD, 0xBF, 0xC2, 0xC3, 0xCC, 0xE0, 0xE2, 0xE3, 0xED,
                                    0xEF, 0xF0, 0xF4, 0xF8, 0x9F, 0x84, 0x85, 0x80};
  std::uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(state >> 33);
  };
  for (int i = 0; i < 200000; ++i) {
    std::string text(next() % 40, ' ');
    for (char& c : text) c = static_cast<char>(alphabet[next() % sizeof alphabet]);
    ASSERT_EQ(NormalizeLine(text), ReferenceNormalizeLine(text)) << i;
  }
}

}  // namespace
}  // namespace cleaner
