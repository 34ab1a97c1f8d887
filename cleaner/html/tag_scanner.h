// A tiny HTML tag tokenizer over raw bytes, shared by the charset sniffer, the
// prescan and the fallback extractor: it finds where markup starts and ends the
// way the HTML tokenizer does (quoted attribute values may hold '>' and '<'),
// without building anything. Never allocates; attributes beyond kMaxAttrs are
// skipped, not stored.
#pragma once

#include <cstddef>
#include <string_view>

namespace cleaner::html {

enum class MarkupKind {
  kText,         // a '<' that starts no markup: it is text
  kStartTag,     // <name ...>
  kEndTag,       // </name ...>
  kComment,      // <!-- ... -->
  kDeclaration,  // <!DOCTYPE ...>, <? ... >, "<![CDATA[" and other bogus comments
};

struct TagAttr {
  std::string_view name;   // as written
  std::string_view value;  // raw: entities not decoded, quotes removed
};

struct Tag {
  static constexpr int kMaxAttrs = 24;
  MarkupKind kind = MarkupKind::kText;
  std::string_view name;      // tag name as written (start / end tags only)
  bool self_closing = false;  // "/>" (meaningful for foreign elements only)
  std::size_t end = 0;        // offset just past the markup ('>' or end of input)
  int attr_count = 0;         // attributes stored (at most kMaxAttrs)
  int attr_total = 0;         // attributes written, end tags included (Gumbo checks each
                              // new one against all before it: quadratic on hostile tags)
  TagAttr attrs[kMaxAttrs];

  // Value of the attribute `lower_name` (ASCII, lowercase), compared
  // case-insensitively; `found` tells an empty value from a missing attribute.
  std::string_view Attr(std::string_view lower_name, bool* found = nullptr) const;
  bool HasAttr(std::string_view lower_name) const {
    bool found = false;
    Attr(lower_name, &found);
    return found;
  }
};

// Reads the markup starting at s[pos] == '<'. Unterminated markup runs to the
// end of the input.
void ScanMarkup(std::string_view s, std::size_t pos, Tag& tag);

// Offset of the first "</name" (ASCII case-insensitive, followed by a space, '/'
// or '>') at or after `from`, or npos. `lower_name` is lowercase.
std::size_t FindEndTag(std::string_view s, std::size_t from, std::string_view lower_name);

// ASCII case-insensitive equality; `lower` must be lowercase.
bool EqualsLower(std::string_view s, std::string_view lower);

// ASCII case-insensitive substring search; `lower_needle` must be lowercase.
std::size_t FindLower(std::string_view haystack, std::string_view lower_needle,
                      std::size_t from = 0);

inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

}  // namespace cleaner::html
