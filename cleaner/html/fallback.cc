#include "cleaner/html/fallback.h"

#include <bitset>
#include <cstring>

#include "cleaner/html/entities.h"
#include "cleaner/html/tag_scanner.h"
#include "cleaner/html/tags.h"

namespace cleaner::html {
namespace {

// Collapses white space of decoded text into `line`.
void AppendCollapsed(std::string_view text, std::string& line, bool& pending_space) {
  for (char c : text) {
    if (IsHtmlSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !line.empty()) line.push_back(' ');
    pending_space = false;
    line.push_back(c);
  }
}

}  // namespace

FallbackText StripTags(std::string_view s) {
  FallbackText out;
  std::string line;
  std::string decoded;
  bool pending_space = false;
  auto flush = [&] {
    if (!line.empty()) out.lines.push_back(std::move(line));
    line.clear();
    pending_space = false;
  };
  auto text = [&](std::string_view raw) {
    decoded.clear();
    AppendDecoded(raw, decoded);
    AppendCollapsed(decoded, line, pending_space);
  };
  std::size_t pos = 0;
  Tag tag;
  std::bitset<GUMBO_TAG_LAST + 1> no_end;  // end tags known to be missing: search once
  while (pos < s.size()) {
    const void* hit = std::memchr(s.data() + pos, '<', s.size() - pos);
    std::size_t lt =
        hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - s.data()) : s.size();
    text(s.substr(pos, lt - pos));
    if (lt == s.size()) break;
    ScanMarkup(s, lt, tag);
    if (tag.kind == MarkupKind::kText) {
      text("<");
      pos = lt + 1;
      continue;
    }
    pos = tag.end > lt ? tag.end : lt + 1;
    if (tag.kind != MarkupKind::kStartTag && tag.kind != MarkupKind::kEndTag) continue;
    const GumboTag id = LookupTag(tag.name);
    if (HasProp(id, kBlock) || id == GUMBO_TAG_TD || id == GUMBO_TAG_TH) flush();
    if (tag.kind != MarkupKind::kStartTag) continue;
    if (id == GUMBO_TAG_TITLE ||
        (HasProp(id, kSkip) && !HasProp(id, kVoid) && id != GUMBO_TAG_HEAD)) {
      // Skipped elements do not nest in practice; a missing end tag skips nothing.
      if (no_end[id]) continue;
      std::size_t close = FindEndTag(s, pos, gumbo_normalized_tagname(id));
      if (close == std::string_view::npos) {
        no_end[id] = true;
        continue;
      }
      if (id == GUMBO_TAG_TITLE && out.title.empty()) {
        std::string t;
        bool space = false;
        decoded.clear();
        AppendDecoded(s.substr(pos, close - pos), decoded);
        AppendCollapsed(decoded, t, space);
        out.title = std::move(t);
      }
      ScanMarkup(s, close, tag);
      pos = tag.end;
    }
  }
  flush();
  return out;
}

}  // namespace cleaner::html
