#include "cleaner/html/prescan.h"

#include <bitset>
#include <cstring>

#include "cleaner/html/tag_scanner.h"
#include "cleaner/html/tags.h"

namespace cleaner::html {
namespace {

constexpr std::size_t kMaxJsonLdBytes = 1u << 20;  // per script; bigger ones are not metadata
constexpr std::size_t kMaxJsonLdScripts = 16;

std::size_t NextLt(std::string_view s, std::size_t from) {
  if (from >= s.size()) return std::string_view::npos;
  const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - s.data())
             : std::string_view::npos;
}

std::string_view LowerName(GumboTag tag) { return gumbo_normalized_tagname(tag); }

// Offset just past the element that starts with `tag` (a start tag ending at
// tag.end), content and end tag included. Raw-text elements end at their end
// tag; the others may nest and hold markup. Unclosed: npos.
std::size_t ElementEnd(std::string_view s, const Tag& open, GumboTag id) {
  const std::string_view name = LowerName(id);
  if (HasProp(id, kRawText)) {
    std::size_t close = FindEndTag(s, open.end, name);
    if (close == std::string_view::npos) return close;
    Tag end_tag;
    ScanMarkup(s, close, end_tag);
    return end_tag.end;
  }
  if (open.self_closing && (id == GUMBO_TAG_SVG || id == GUMBO_TAG_MATH)) return open.end;
  int depth = 1;
  std::size_t pos = open.end;
  Tag t;
  while ((pos = NextLt(s, pos)) != std::string_view::npos) {
    ScanMarkup(s, pos, t);
    if (t.kind == MarkupKind::kStartTag) {
      GumboTag inner = LookupTag(t.name);
      if (inner == id && !t.self_closing) {
        ++depth;
      } else if (HasProp(inner, kRawText)) {
        // A script inside a template may spell "</template>" in a string.
        std::size_t close = FindEndTag(s, t.end, LowerName(inner));
        if (close == std::string_view::npos) return close;
        pos = close;
        continue;
      }
    } else if (t.kind == MarkupKind::kEndTag && LookupTag(t.name) == id) {
      if (--depth == 0) return t.end;
    }
    pos = t.end > pos ? t.end : pos + 1;
  }
  return std::string_view::npos;
}

bool IsJsonLd(const Tag& tag) {
  std::string_view type = tag.Attr("type");
  while (!type.empty() && IsHtmlSpace(type.front())) type.remove_prefix(1);
  while (!type.empty() && IsHtmlSpace(type.back())) type.remove_suffix(1);
  return EqualsLower(type, "application/ld+json");
}

// A rough model of the tree builder's stack of open elements plus its list of
// active formatting elements: enough to see how deep Gumbo's tree would get.
class DepthModel {
 public:
  explicit DepthModel(int limit) : limit_(limit) {}

  void Start(GumboTag tag) {
    if (done()) return;
    const std::uint16_t props = TagProps(tag);
    if (props & kVoid) return;
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY) return;
    if (props & kFormatting) {
      // A new <a> closes an open one (the adoption agency); others stack up.
      if (tag == GUMBO_TAG_A) RemoveFormatting(GUMBO_TAG_A);
      formatting_.push_back(tag);
      ++formatting_count_;
      Measure();
      return;
    }
    if ((props & kClosesP) && !stack_.empty() && stack_.back().tag == GUMBO_TAG_P) Pop();
    switch (tag) {
      case GUMBO_TAG_LI:
        PopTo({GUMBO_TAG_LI}, {GUMBO_TAG_UL, GUMBO_TAG_OL});
        break;
      case GUMBO_TAG_DT:
      case GUMBO_TAG_DD:
        PopTo({GUMBO_TAG_DT, GUMBO_TAG_DD}, {GUMBO_TAG_DL});
        break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        PopTo({GUMBO_TAG_TD, GUMBO_TAG_TH}, {GUMBO_TAG_TR, GUMBO_TAG_TABLE});
        break;
      case GUMBO_TAG_TR:
        PopTo({GUMBO_TAG_TR}, {GUMBO_TAG_TABLE});
        break;
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TFOOT:
        PopTo({GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT}, {GUMBO_TAG_TABLE});
        break;
      case GUMBO_TAG_OPTION:
      case GUMBO_TAG_OPTGROUP:
        PopTo({GUMBO_TAG_OPTION}, {GUMBO_TAG_SELECT});
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
        if (!stack_.empty() && HasProp(stack_.back().tag, kHeading)) Pop();
        break;
      default:
        break;
    }
    const bool marker = props & kMarker;
    if (marker) formatting_.push_back(GUMBO_TAG_LAST);  // GUMBO_TAG_LAST = a marker
    stack_.push_back({tag, marker});
    Measure();
  }

  void End(GumboTag tag) {
    if (done()) return;
    if (HasProp(tag, kFormatting)) {
      RemoveFormatting(tag);
      return;
    }
    for (std::size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i].tag == tag) {
        while (stack_.size() > i) Pop();
        return;
      }
    }
  }

  int max_depth() const { return max_depth_; }
  bool too_deep() const { return max_depth_ > limit_; }

 private:
  struct Open {
    GumboTag tag;
    bool marker;
  };

  bool done() const { return max_depth_ > limit_; }

  void Measure() {
    int depth = static_cast<int>(stack_.size()) + formatting_count_;
    if (depth > max_depth_) max_depth_ = depth;
  }

  void Pop() {
    if (stack_.back().marker) {
      while (!formatting_.empty()) {
        GumboTag t = formatting_.back();
        formatting_.pop_back();
        if (t == GUMBO_TAG_LAST) break;
        --formatting_count_;
      }
    }
    stack_.pop_back();
  }

  // Pops through the nearest open element in `targets`, unless a `barrier` is
  // nearer; only the top few entries are searched, like the spec's scopes.
  void PopTo(std::initializer_list<GumboTag> targets, std::initializer_list<GumboTag> barriers) {
    const std::size_t lowest = stack_.size() > 6 ? stack_.size() - 6 : 0;
    for (std::size_t i = stack_.size(); i-- > lowest;) {
      GumboTag t = stack_[i].tag;
      for (GumboTag b : barriers) {
        if (t == b) return;
      }
      for (GumboTag target : targets) {
        if (t == target) {
          while (stack_.size() > i) Pop();
          return;
        }
      }
    }
  }

  void RemoveFormatting(GumboTag tag) {
    for (std::size_t i = formatting_.size(); i-- > 0;) {
      if (formatting_[i] == GUMBO_TAG_LAST) return;
      if (formatting_[i] == tag) {
        formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(i));
        --formatting_count_;
        return;
      }
    }
  }

  int limit_;
  int max_depth_ = 0;
  int formatting_count_ = 0;
  std::vector<Open> stack_;
  std::vector<GumboTag> formatting_;  // GUMBO_TAG_LAST entries are markers
};

// Void elements that never carry text or metadata: cut whole (an <img> with a
// srcset is often longer than the paragraph next to it).
bool DropsWhole(GumboTag id, const Tag& tag) {
  switch (id) {
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_INPUT:
      return true;
    case GUMBO_TAG_LINK: {  // only rel=canonical / author links are metadata
      std::string_view rel = tag.Attr("rel");
      return FindLower(rel, "canonical") == std::string_view::npos &&
             FindLower(rel, "author") == std::string_view::npos;
    }
    default:
      return false;
  }
}

// Attributes the walk (class/id/role/itemprop/hidden/style/href/start), the
// metadata (lang/rel/name/property/content/http-equiv/charset/datetime/href) and
// the JSON-LD test (type) read. Everything else — data-*, srcset, onclick, the
// long href of every link — only costs Gumbo time.
bool KeepsAttribute(std::string_view name, GumboTag id, std::string_view value, bool link_targets,
                    bool& empty_value) {
  empty_value = false;
  static constexpr std::string_view kKept[] = {
      "class",      "id",       "role",     "itemprop", "hidden",   "aria-hidden",
      "lang",       "xml:lang", "rel",      "name",     "property", "content",
      "http-equiv", "charset",  "datetime", "start",    "type"};
  for (std::string_view k : kKept) {
    if (EqualsLower(name, k)) return true;
  }
  if (EqualsLower(name, "href")) {
    empty_value = id == GUMBO_TAG_A && !link_targets;  // links: that there is one is enough
    return true;
  }
  if (EqualsLower(name, "style")) {  // only to tell hidden elements
    return FindLower(value, "none") != std::string_view::npos ||
           FindLower(value, "hidden") != std::string_view::npos;
  }
  return false;
}

void AppendSlimTag(std::string_view s, const Tag& tag, GumboTag id, bool link_targets,
                   std::string& out) {
  out.push_back('<');
  out.append(tag.name);
  for (int i = 0; i < tag.attr_count; ++i) {
    const TagAttr& a = tag.attrs[i];
    bool empty_value = false;
    if (!KeepsAttribute(a.name, id, a.value, link_targets, empty_value)) continue;
    // Keep the value's bytes as written (entities are Gumbo's to decode), in
    // quotes that cannot occur inside it.
    const std::string_view value = empty_value ? std::string_view() : a.value;
    const char* at = a.value.data();
    char quote = at > s.data() && (at[-1] == '"' || at[-1] == '\'') ? at[-1] : '"';
    if (value.find(quote) != std::string_view::npos) quote = quote == '"' ? '\'' : '"';
    if (value.find(quote) != std::string_view::npos) continue;  // both quotes: unquotable
    out.push_back(' ');
    out.append(a.name);
    out += "=";
    out.push_back(quote);
    out.append(value);
    out.push_back(quote);
  }
  if (tag.self_closing) out.push_back('/');
  out.push_back('>');
}

}  // namespace

PrescanResult Prescan(std::string_view s, int depth_limit, bool link_targets) {
  PrescanResult out;
  out.html.reserve(s.size());
  DepthModel depth(depth_limit);
  // Tags whose end was searched for and not found: never search again, or a page
  // of a million unclosed <svg>s or <title>s would cost a scan each (quadratic).
  std::bitset<GUMBO_TAG_LAST + 1> no_end;
  std::size_t copied = 0;  // s[copied, pos) is still to be copied
  std::size_t pos = 0;
  Tag tag;
  auto cut = [&](std::size_t from, std::size_t to) {
    out.html.append(s.data() + copied, from - copied);
    out.cut_bytes += to - from;
    copied = to;
  };
  while ((pos = NextLt(s, pos)) != std::string_view::npos) {
    ScanMarkup(s, pos, tag);
    switch (tag.kind) {
      case MarkupKind::kText:
        ++pos;
        continue;
      case MarkupKind::kComment:
        cut(pos, tag.end);
        break;
      case MarkupKind::kDeclaration:
        break;
      case MarkupKind::kEndTag:
        depth.End(LookupTag(tag.name));
        if (tag.attr_total > 0) {  // attributes on an end tag mean nothing
          out.html.append(s.data() + copied, pos - copied);
          out.html += "</";
          out.html.append(tag.name);
          out.html += '>';
          out.cut_bytes += (tag.end - pos) - (tag.name.size() + 3);
          copied = tag.end;
        }
        break;
      case MarkupKind::kStartTag: {
        const GumboTag id = LookupTag(tag.name);
        if (id == GUMBO_TAG_PLAINTEXT) {
          pos = s.size();  // everything after <plaintext> is text
          continue;
        }
        if (HasProp(id, kCut)) {
          std::size_t end = no_end[id] ? std::string_view::npos : ElementEnd(s, tag, id);
          if (end == std::string_view::npos) no_end[id] = true;
          if (id == GUMBO_TAG_SCRIPT && IsJsonLd(tag) && out.json_ld.size() < kMaxJsonLdScripts) {
            std::size_t body_end = end == std::string_view::npos ? s.size() : end;
            std::size_t close = FindEndTag(s, tag.end, "script");
            if (close != std::string_view::npos) body_end = close;
            if (body_end - tag.end <= kMaxJsonLdBytes)
              out.json_ld.emplace_back(s.substr(tag.end, body_end - tag.end));
          }
          if (end == std::string_view::npos) {
            // Unclosed: raw text runs to the end (as in the tokenizer); markup
            // containers lose only their start tag.
            end = HasProp(id, kRawText) ? s.size() : tag.end;
          }
          cut(pos, end);
          pos = end;
          continue;
        }
        depth.Start(id);
        const bool unterminated = tag.end == s.size() && s.back() != '>';
        if (DropsWhole(id, tag) || unterminated) {  // EOF inside a tag drops the tag
          cut(pos, tag.end);
        } else {
          ++out.elements;
          if (tag.attr_total > 0) {
            // Rewrite the tag with only the attributes the later stages read (of
            // the first Tag::kMaxAttrs: more is junk, and costs Gumbo n^2),
            // unless that is no shorter (<div hidden> -> <div hidden="">).
            out.html.append(s.data() + copied, pos - copied);
            copied = pos;
            const std::size_t before = out.html.size();
            AppendSlimTag(s, tag, id, link_targets, out.html);
            const std::size_t slim = out.html.size() - before;
            if (slim < tag.end - pos) {
              out.cut_bytes += (tag.end - pos) - slim;
              copied = tag.end;
            } else {
              out.html.resize(before);
            }
          }
        }
        if (HasProp(id, kRawText) && !no_end[id]) {  // <title>, <xmp>: skip their text, keep it
          std::size_t close = FindEndTag(s, tag.end, LowerName(id));
          if (close != std::string_view::npos) {
            pos = close;
            continue;
          }
          no_end[id] = true;
        }
        break;
      }
    }
    pos = tag.end > pos ? tag.end : pos + 1;
  }
  out.html.append(s.data() + copied, s.size() - copied);
  out.max_depth = depth.max_depth();
  out.too_deep = depth.too_deep();
  return out;
}

}  // namespace cleaner::html
