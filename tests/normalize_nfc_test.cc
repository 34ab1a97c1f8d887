// The NFC fast path (ASCII and "inert" code points skip utf8proc) must give
// exactly what utf8proc's NFC gives, for every BMP code point in the contexts
// where composition can happen: after a starter, before a combining mark.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "cleaner/normalize/normalize.h"

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

}  // namespace
}  // namespace cleaner
