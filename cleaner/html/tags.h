// Properties of HTML elements by Gumbo tag, in one table, for the prescan, the
// DOM walk and the fallback extractor.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string_view>

namespace cleaner::html {

enum TagProp : std::uint16_t {
  kVoid = 1 << 0,   // no end tag, no children (br, img, meta, ...)
  kBlock = 1 << 1,  // starts a new text block (p, div, li, h1, td, ...)
  kFormatting =
      1 << 2,         // an "active formatting element" the tree builder reopens (b, font, a, ...)
  kClosesP = 1 << 3,  // its start tag closes an open <p>
  kRawText = 1 << 4,  // content is text up to its end tag (script, style, title, textarea, ...)
  kCut = 1 << 5,      // removed by the prescan with its content
  kSkip = 1 << 6,     // the DOM walk ignores it and everything inside (no visible article text)
  kMarker = 1 << 7,   // clears the formatting list when it closes (td, th, caption, ...)
  kHeading = 1 << 8,  // h1..h6
};

std::uint16_t TagProps(GumboTag tag);
inline bool HasProp(GumboTag tag, TagProp p) { return (TagProps(tag) & p) != 0; }

// Gumbo's lookup: case-insensitive, GUMBO_TAG_UNKNOWN for custom elements.
inline GumboTag LookupTag(std::string_view name) {
  return gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
}

inline int HeadingLevel(GumboTag tag) {
  return HasProp(tag, kHeading) ? static_cast<int>(tag - GUMBO_TAG_H1) + 1 : 0;
}

}  // namespace cleaner::html
