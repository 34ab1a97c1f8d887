// One UTF-8 code point at a time, for the per-character loops of the normalizer
// and the segmenter: the two- and three-byte forms (Latin, Greek, Cyrillic,
// Arabic, CJK, typographic punctuation) are decoded inline; anything else goes
// through utf8proc_iterate, whose verdicts the inline forms reproduce exactly.
#pragma once

#include <utf8proc.h>

namespace cleaner {

// Decodes the code point at p (p < end) into *cp and returns its length in
// bytes, or a value <= 0 for an invalid sequence: utf8proc_iterate's contract.
inline utf8proc_ssize_t NextCodePoint(const utf8proc_uint8_t* p, const utf8proc_uint8_t* end,
                                      utf8proc_int32_t* cp) {
  const utf8proc_int32_t lead = p[0];
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  const auto continuation = [](utf8proc_uint8_t b) { return (b & 0xC0) == 0x80; };
  const utf8proc_ssize_t left = end - p;
  if (lead >= 0xC2 && lead <= 0xDF && left >= 2 && continuation(p[1])) {
    *cp = ((lead & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (lead >= 0xE0 && lead <= 0xEF && left >= 3 && continuation(p[1]) && continuation(p[2])) {
    const utf8proc_int32_t c = ((lead & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    // Overlong forms and surrogates are invalid: utf8proc decides those.
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      *cp = c;
      return 3;
    }
  }
  return utf8proc_iterate(p, left, cp);
}

}  // namespace cleaner
