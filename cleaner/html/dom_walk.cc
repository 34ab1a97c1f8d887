#include "cleaner/html/dom_walk.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <utf8proc.h>

#include "cleaner/html/gumbo_document.h"
#include "cleaner/html/tag_scanner.h"
#include "cleaner/html/tags.h"

namespace cleaner::html {
namespace {

constexpr std::string_view kCellSeparator = " | ";
constexpr int kMaxListIndent = 4;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// style="display: none" / "visibility:hidden", any spacing or case.
bool StyleHides(std::string_view style) {
  for (auto [prop, value] : {std::pair<std::string_view, std::string_view>{"display", "none"},
                             {"visibility", "hidden"}}) {
    std::size_t at = 0;
    while ((at = FindLower(style, prop, at)) != std::string_view::npos) {
      std::size_t i = at + prop.size();
      // "display" must start a declaration, not end "-webkit-box-display".
      const bool starts = at == 0 || style[at - 1] == ';' || IsHtmlSpace(style[at - 1]);
      while (i < style.size() && IsHtmlSpace(style[i])) ++i;
      if (starts && i < style.size() && style[i] == ':') {
        ++i;
        while (i < style.size() && IsHtmlSpace(style[i])) ++i;
        if (EqualsLower(style.substr(i, value.size()), value)) {
          std::size_t after = i + value.size();
          if (after == style.size() || style[after] == ';' || style[after] == '!' ||
              IsHtmlSpace(style[after]))
            return true;
        }
      }
      at = i;
    }
  }
  return false;
}

// The attributes the walk reads, found in one pass (Gumbo's look-up is a
// strcasecmp per attribute per call).
struct Attrs {
  const char* cls = nullptr;
  const char* id = nullptr;
  const char* role = nullptr;
  const char* itemprop = nullptr;
  const char* start = nullptr;
  bool href = false;
  bool hidden = false;  // [hidden], aria-hidden="true", display:none, visibility:hidden
};

Attrs ReadAttrs(const GumboNode* node) {
  Attrs a;
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attrs.data[i]);
    const std::string_view name(attr->name);  // Gumbo lower-cases attribute names
    const char* value = attr->value;
    if (name == "class")
      a.cls = value;
    else if (name == "id")
      a.id = value;
    else if (name == "href")
      a.href = true;
    else if (name == "role")
      a.role = value;
    else if (name == "itemprop")
      a.itemprop = value;
    else if (name == "start")
      a.start = value;
    else if (name == "hidden")
      a.hidden = true;
    else if (name == "aria-hidden")
      a.hidden = a.hidden || EqualsLower(value, "true");
    else if (name == "style")
      a.hidden = a.hidden || StyleHides(value);
  }
  return a;
}

// A table cell with block-level children is laid out like a page region.
bool CellHoldsBlocks(const GumboNode* cell) {
  const GumboVector& children = cell->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag t = child->v.element.tag;
    if (t != GUMBO_TAG_BR && HasProp(t, kBlock)) return true;
  }
  return false;
}

std::uint32_t RoleSignals(std::string_view role, const char*& chrome) {
  if (EqualsLower(role, "main")) return kSignalMainTag;
  if (EqualsLower(role, "article")) return kSignalArticleTag;
  struct RoleWord {
    std::string_view role;
    const char* word;
  };
  static constexpr RoleWord kChromeRoles[] = {{"navigation", "nav"},     {"complementary", "aside"},
                                              {"contentinfo", "footer"}, {"banner", "header"},
                                              {"dialog", "dialog"},      {"alertdialog", "dialog"},
                                              {"search", "search"},      {"menu", "menu"},
                                              {"menubar", "menu"},       {"toolbar", "toolbar"}};
  for (const RoleWord& r : kChromeRoles) {
    if (EqualsLower(role, r.role)) {
      chrome = r.word;
      return kSignalChromeTag;
    }
  }
  return 0;
}

// Inline elements that become Markdown markers.
struct InlineStyle {
  const char* open;
  const char* close;
  bool code;
};

const InlineStyle* StyleOf(GumboTag tag) {
  static constexpr InlineStyle kEm{"*", "*", false};
  static constexpr InlineStyle kStrong{"**", "**", false};
  static constexpr InlineStyle kCode{"`", "`", true};
  switch (tag) {
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
      return &kEm;
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
      return &kStrong;
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_TT:
      return &kCode;
    default:
      return nullptr;
  }
}

// Bytes of a Unicode space or an invisible character (NBSP, U+2000..U+200B,
// U+202F, U+205F, U+2060, U+3000, U+FEFF, soft hyphen) starting at `s[i]`, else 0.
// Normalization turns the spaces into ' ' and removes the invisible ones, so
// inside an emphasis span they must sit outside its markers like ' ' does.
std::size_t UnicodeSpaceAt(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  if (b(0) == 0xC2 && (b(1) == 0xA0 || b(1) == 0xAD)) return 2;
  if (b(0) == 0xE2 && b(1) == 0x80 && ((b(2) >= 0x80 && b(2) <= 0x8B) || b(2) == 0xAF)) return 3;
  if (b(0) == 0xE2 && b(1) == 0x81 && (b(2) == 0x9F || b(2) == 0xA0)) return 3;
  if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;
  return 0;
}

// Length of the run of Unicode spaces at the start / end of `s`.
std::size_t LeadingUnicodeSpace(std::string_view s) {
  std::size_t i = 0;
  while (std::size_t n = UnicodeSpaceAt(s, i)) i += n;
  return i;
}

std::size_t TrailingUnicodeSpace(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    std::size_t start = end - 1;
    while (start > 0 && IsContinuation(static_cast<unsigned char>(s[start]))) --start;
    if (UnicodeSpaceAt(s, start) != end - start) break;
    end = start;
  }
  return s.size() - end;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

// CommonMark's classes of the character next to a delimiter run.
enum class CharClass { kSpace, kPunct, kOther };

CharClass ClassOf(std::string_view s, std::size_t at) {
  const auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      return CharClass::kSpace;
    return IsAsciiAlnum(static_cast<char>(c)) || c < 0x21 || c == 0x7F ? CharClass::kOther
                                                                       : CharClass::kPunct;
  }
  utf8proc_int32_t cp = 0;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + at),
                       static_cast<utf8proc_ssize_t>(s.size() - at), &cp) <= 0)
    return CharClass::kOther;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return CharClass::kPunct;
    default:
      return CharClass::kOther;
  }
}

// The class of the character before `at` / from `at` on, skipping the invisible
// characters normalization removes; the line's ends count as space.
CharClass ClassBefore(std::string_view s, std::size_t at) {
  while (at > 0) {
    std::size_t start = at - 1;
    while (start > 0 && IsContinuation(static_cast<unsigned char>(s[start]))) --start;
    const std::size_t n = UnicodeSpaceAt(s, start);
    if (n == 0 || ClassOf(s, start) == CharClass::kSpace) return ClassOf(s, start);
    at = start;
  }
  return CharClass::kSpace;
}

CharClass ClassFrom(std::string_view s, std::size_t at) {
  while (at < s.size()) {
    const std::size_t n = UnicodeSpaceAt(s, at);
    if (n == 0 || ClassOf(s, at) == CharClass::kSpace) return ClassOf(s, at);
    at += n;
  }
  return CharClass::kSpace;
}

// The run of unescaped '*' around `at` in Markdown: [first, last).
std::pair<std::size_t, std::size_t> StarRun(std::string_view s, std::size_t at) {
  auto escaped = [&](std::size_t i) {
    std::size_t backslashes = 0;
    while (i > backslashes && s[i - backslashes - 1] == '\\') ++backslashes;
    return backslashes % 2 == 1;
  };
  std::size_t first = at;
  while (first > 0 && s[first - 1] == '*' && !escaped(first - 1)) --first;
  std::size_t last = at;
  while (last < s.size() && s[last] == '*') ++last;
  return {first, last};
}

// "&amp;", "&#38;", "&#x26;": would be decoded by a Markdown renderer.
bool EntityAt(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) ++j;
  } else if (j >= s.size() || !IsAsciiLetter(s[j])) {
    return false;
  }
  const std::size_t start = j;
  while (j < s.size() && j - start < 32 && IsAsciiAlnum(s[j])) ++j;
  return j > start && j < s.size() && s[j] == ';';
}

// A '<' that a renderer could read as an HTML tag or an autolink.
bool TagStartAt(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size()) return false;
  const char c = s[i + 1];
  return IsAsciiLetter(c) || c == '/' || c == '!' || c == '?';
}

// Whether the character at `text[i]` is Markdown syntax EscapeMarkdown escapes.
bool EscapeAt(std::string_view text, std::size_t i) {
  switch (text[i]) {
    case '\\':
    case '*':
    case '`':
    case '[':
    case ']':
      return true;
    case '_':
      // "snake_case": an underscore inside a word cannot emphasize (CommonMark).
      return !(i > 0 && i + 1 < text.size() && IsAsciiAlnum(text[i - 1]) &&
               IsAsciiAlnum(text[i + 1]));
    case '<':
      return TagStartAt(text, i);
    case '&':
      return EntityAt(text, i);
    default:
      return false;
  }
}

bool NeedsMarkdownEscape(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (EscapeAt(text, i)) return true;
  }
  return false;
}

class Walker {
 public:
  Walker(DomTree& out, std::string_view base_url, bool markdown)
      : out_(out), base_url_(base_url), markdown_(markdown) {}

  void Run(const GumboNode* root) {
    out_.nodes.clear();
    out_.blocks.clear();
    out_.body = -1;
    if (!root || root->type != GUMBO_NODE_ELEMENT) return;
    Enter(root, nullptr);
    while (!stack_.empty()) {
      Frame& f = stack_.back();
      const GumboVector* children = ChildrenOf(f.node);
      if (children && f.next < children->length) {
        const auto* child = static_cast<const GumboNode*>(children->data[f.next++]);
        switch (child->type) {
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_CDATA:
            AppendText(child->v.text.text, stack_.back());
            break;
          case GUMBO_NODE_WHITESPACE:
            if (stack_.back().pre) {
              AppendText(child->v.text.text, stack_.back());
            } else {
              pending_space_ = true;
            }
            break;
          case GUMBO_NODE_ELEMENT:
            Enter(child, &stack_.back());
            break;
          default:  // comments, templates (cut by the prescan anyway)
            break;
        }
        continue;
      }
      Leave();
    }
    Flush();
  }

 private:
  struct Span {
    int dom = -1;              // the inline element
    const char* open = "";     // "*", "**", "`", "["
    const char* close = "";    // (links close with "](href)")
    std::string href;          // links only
    bool code = false;         // contents are literal
    bool opened = false;       // the marker is in cur_md_
    std::size_t open_pos = 0;  // where the opening marker is in cur_md_
  };

  // An emphasis span's markers in cur_md_, checked against CommonMark's
  // flanking rules when the block is complete.
  struct Mark {
    std::size_t open = 0;
    std::size_t open_len = 0;
    std::size_t close = 0;
    std::size_t close_len = 0;
  };

  struct Frame {
    const GumboNode* node;
    unsigned next;
    int dom;
    int owner;                     // innermost block-level element (DomNode index)
    int heading;                   // 1..6 inside <hN>
    int list_depth;                // nesting of <ul>/<ol>
    std::uint32_t inline_signals;  // class signals of inline elements since the owner
    const char* inline_chrome;
    bool block;
    bool link;
    bool pre;
  };

  void Enter(const GumboNode* node, const Frame* parent) {
    const GumboElement& el = node->v.element;
    const GumboTag tag = el.tag;
    const std::uint16_t props = TagProps(tag);
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML || (props & kSkip)) return;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
      Flush();
      return;
    }
    if (props & kVoid) return;
    const Attrs attrs = ReadAttrs(node);
    if (parent && attrs.hidden) return;

    ClassInfo info;
    if (attrs.cls) ClassifyClassValue(attrs.cls, info);
    if (attrs.id) ClassifyClassValue(attrs.id, info);
    if (tag == GUMBO_TAG_UNKNOWN) ClassifyClassValue(TagName(node), info);  // <amp-sidebar>
    // Hidden-text classes hide inline helpers ("sr-only"); a big container with
    // "hidden" in its class is usually shown by script: judge by its content.
    if ((info.signals & kSignalHidden) && !HasProp(tag, kBlock)) return;

    DomNode dn;
    dn.node = node;
    dn.parent = parent ? parent->dom : -1;
    dn.tag = tag;
    dn.signals = info.signals & ~kSignalHidden;
    if (!info.negative_word.empty()) dn.chrome = info.negative_word.data();
    const char* tag_chrome = nullptr;
    switch (tag) {
      case GUMBO_TAG_NAV:
        tag_chrome = "nav";
        break;
      case GUMBO_TAG_ASIDE:
        tag_chrome = "aside";
        break;
      case GUMBO_TAG_FOOTER:
        tag_chrome = "footer";
        break;
      case GUMBO_TAG_HEADER:
        tag_chrome = "header";
        break;
      case GUMBO_TAG_FORM:
        tag_chrome = "form";
        break;
      case GUMBO_TAG_MENU:
        tag_chrome = "menu";
        break;
      case GUMBO_TAG_ARTICLE:
        dn.signals |= kSignalArticleTag;
        break;
      case GUMBO_TAG_MAIN:
        dn.signals |= kSignalMainTag;
        break;
      case GUMBO_TAG_A:
        if (attrs.href) dn.signals |= kSignalLink;
        break;
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_DL:
        dn.signals |= kSignalList;
        break;
      case GUMBO_TAG_TABLE:
        dn.signals |= kSignalTable;
        break;
      case GUMBO_TAG_FIGURE:
        dn.signals |= kSignalFigure;
        break;
      case GUMBO_TAG_FIGCAPTION:
        dn.signals |= kSignalFigure | kSignalCaption;
        break;
      case GUMBO_TAG_TIME:
        dn.signals |= kSignalTimeTag;
        break;
      case GUMBO_TAG_ADDRESS:
        dn.signals |= kSignalAddress;
        break;
      default:
        break;
    }
    if (tag_chrome) {
      dn.signals |= kSignalChromeTag;
      dn.chrome = tag_chrome;
    }
    if (const char* role = attrs.role) {
      const char* role_chrome = nullptr;
      dn.signals |= RoleSignals(role, role_chrome);
      if (role_chrome && !dn.chrome) dn.chrome = role_chrome;
    }
    if (const char* itemprop = attrs.itemprop;
        itemprop && FindLower(itemprop, "articlebody") != std::string_view::npos)
      dn.signals |= kSignalArticleBody;
    if (tag == GUMBO_TAG_OL) {
      // strtol, clamped: a hostile start="99999999999999" must not overflow.
      const long start = attrs.start ? std::strtol(attrs.start, nullptr, 10) : 1;
      dn.list_counter = static_cast<int>(std::clamp(start, -1000000L, 1000000L));
    }

    bool block = props & kBlock;
    if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !CellHoldsBlocks(node)) {
      block = false;  // a plain cell: part of its row's block
      if (!cur_.empty()) pending_sep_ = true;
    }
    if (block) Flush();

    const int index = static_cast<int>(out_.nodes.size());
    dn.first_block = static_cast<int>(out_.blocks.size());
    out_.nodes.push_back(dn);
    if (tag == GUMBO_TAG_BODY && out_.body < 0) out_.body = index;

    Frame f{};
    f.node = node;
    f.next = 0;
    f.dom = index;
    f.owner = block || !parent ? index : parent->owner;
    f.heading = HasProp(tag, kHeading) ? HeadingLevel(tag) : (parent ? parent->heading : 0);
    f.list_depth = (parent ? parent->list_depth : 0) + (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL);
    f.block = block;
    f.link = (parent && parent->link) || (dn.signals & kSignalLink);
    f.pre = (parent && parent->pre) || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING ||
            tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT;
    if (block || !parent) {
      f.inline_signals = 0;
      f.inline_chrome = nullptr;
    } else {
      f.inline_signals = parent->inline_signals | dn.signals;
      f.inline_chrome = parent->inline_chrome ? parent->inline_chrome : dn.chrome;
    }
    if (tag == GUMBO_TAG_LI) StartListItem(f, index);
    if (markdown_ && !block && !f.pre && !InCode()) PushSpan(node, tag, index);
    stack_.push_back(f);
  }

  bool InCode() const { return !spans_.empty() && spans_.back().code; }

  void PushSpan(const GumboNode* node, GumboTag tag, int index) {
    Span span;
    span.dom = index;
    if (tag == GUMBO_TAG_A) {
      const char* href = AttrOf(node, "href");
      if (href == nullptr) return;
      span.href = LinkTarget(href, base_url_);
      if (span.href.empty()) return;
      span.open = "[";
    } else if (const InlineStyle* style = StyleOf(tag)) {
      // <b> inside <b> says nothing new, and "****" would not render.
      for (const Span& s : spans_) {
        if (s.close == style->close) return;
      }
      span.open = style->open;
      span.close = style->close;
      span.code = style->code;
    } else {
      return;
    }
    spans_.push_back(std::move(span));
  }

  void OpenSpan(Span& span) {
    span.opened = true;
    if (!span.href.empty()) {
      // "![" would make an image of the link.
      if (!cur_md_.empty() && cur_md_.back() == '!') cur_md_.insert(cur_md_.size() - 1, 1, '\\');
      span.open_pos = cur_md_.size();
      cur_md_ += '[';
      return;
    }
    // Adjacent spans of one kind (<b>a</b><b>b</b>) join: "**a****b**" would
    // not render. Emphasis joins across one space too: "**a b**", not "**a** **b**".
    const bool adjacent = last_close_at_ == cur_md_.size();
    const bool spaced = !span.code && last_close_at_ + 1 == cur_md_.size() && cur_md_.back() == ' ';
    if (last_close_ != nullptr && (adjacent || spaced) &&
        std::string_view(last_close_) == span.close) {
      const std::size_t len = std::strlen(span.close);
      cur_md_.erase(last_close_at_ - len, len);
      span.open_pos = last_close_open_;
      if (!span.code && !marks_.empty()) marks_.pop_back();
      last_close_ = nullptr;
      return;
    }
    span.open_pos = cur_md_.size();
    cur_md_ += span.open;
  }

  void CloseSpan(Span& span) {
    if (!span.opened) return;
    span.opened = false;
    const std::size_t content = span.open_pos + std::strlen(span.open);
    // NBSP and the like become spaces (or nothing) later: outside the markers.
    std::size_t trailing = 0;
    if (!span.code && cur_md_.size() > content)
      trailing = TrailingUnicodeSpace(std::string_view(cur_md_).substr(content));
    std::string spaces = cur_md_.substr(cur_md_.size() - trailing);
    cur_md_.resize(cur_md_.size() - trailing);
    if (cur_md_.size() <= content) {  // nothing inside: no markers
      cur_md_.resize(span.open_pos);
      cur_md_ += spaces;
      return;
    }
    if (!span.href.empty()) {
      cur_md_ += "](";
      cur_md_ += span.href;
      cur_md_ += ')';
      last_close_ = nullptr;
    } else {
      const std::size_t close_pos = cur_md_.size();
      last_close_ = span.close;
      if (span.code) {
        cur_md_ += FenceCode(span.open_pos);
      } else {
        cur_md_ += span.close;
        marks_.push_back(
            {span.open_pos, std::strlen(span.open), close_pos, std::strlen(span.close)});
      }
      last_close_at_ = cur_md_.size();
      last_close_open_ = span.open_pos;
    }
    cur_md_ += spaces;
  }

  // A code span whose text holds backticks gets a longer fence (and a space
  // inside it next to a backtick), as CommonMark reads code spans; returns the
  // closing fence. A longer fence is not joined with the next code span.
  std::string FenceCode(std::size_t open_pos) {
    const std::string_view text = std::string_view(cur_md_).substr(open_pos + 1);
    std::size_t longest = 0;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t j = i;
      while (j < text.size() && text[j] == '`') ++j;
      longest = std::max(longest, j - i);
      i = j == i ? i + 1 : j;
    }
    if (longest == 0) return "`";
    std::string fence(longest + 1, '`');
    const bool pad = text.front() == '`' || text.back() == '`';
    std::string rebuilt = fence;
    if (pad) rebuilt += ' ';
    rebuilt += text;
    if (pad) rebuilt += ' ';
    cur_md_.resize(open_pos);
    cur_md_ += rebuilt;
    last_close_ = nullptr;
    return fence;
  }

  // Emphasis CommonMark would not read as such ("**Note:**Text", 'a*"b"*') is
  // left out: the text renders plain rather than with stray asterisks.
  void DropUnflankedMarks() {
    std::vector<std::pair<std::size_t, std::size_t>> cuts;
    for (const Mark& m : marks_) {
      const auto [open_first, open_last] = StarRun(cur_md_, m.open);
      const auto [close_first, close_last] = StarRun(cur_md_, m.close);
      const CharClass after_open = ClassFrom(cur_md_, open_last);
      const CharClass before_close = ClassBefore(cur_md_, close_first);
      const bool opens = after_open != CharClass::kSpace &&
                         (after_open != CharClass::kPunct ||
                          ClassBefore(cur_md_, open_first) != CharClass::kOther);
      const bool closes = before_close != CharClass::kSpace &&
                          (before_close != CharClass::kPunct ||
                           ClassFrom(cur_md_, close_last) != CharClass::kOther);
      if (opens && closes) continue;
      cuts.emplace_back(m.open, m.open_len);
      cuts.emplace_back(m.close, m.close_len);
    }
    std::sort(cuts.begin(), cuts.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [at, len] : cuts) cur_md_.erase(at, len);
  }

  void StartListItem(const Frame& f, int index) {
    // The nearest <ul>/<ol> above decides the bullet.
    int list = out_.nodes[static_cast<std::size_t>(index)].parent;
    for (int hops = 0; list >= 0 && hops < 3; ++hops) {
      GumboTag t = out_.nodes[static_cast<std::size_t>(list)].tag;
      if (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) break;
      list = out_.nodes[static_cast<std::size_t>(list)].parent;
    }
    bullet_.clear();
    const int indent = f.list_depth > 1
                           ? (f.list_depth - 1 < kMaxListIndent ? f.list_depth - 1 : kMaxListIndent)
                           : 0;
    bullet_.append(static_cast<std::size_t>(indent) * 2, ' ');
    if (list >= 0 && out_.nodes[static_cast<std::size_t>(list)].tag == GUMBO_TAG_OL) {
      bullet_ += std::to_string(out_.nodes[static_cast<std::size_t>(list)].list_counter++);
      bullet_ += ". ";
    } else {
      bullet_ += "\xE2\x80\xA2 ";  // "• "
    }
    bullet_owner_ = index;
  }

  void Leave() {
    const Frame f = stack_.back();
    stack_.pop_back();
    if (!spans_.empty() && spans_.back().dom == f.dom) {
      CloseSpan(spans_.back());
      spans_.pop_back();
    }
    if (f.block) Flush();
    if (bullet_owner_ == f.dom) bullet_owner_ = -1;  // an empty item: no bullet left over
    out_.nodes[static_cast<std::size_t>(f.dom)].end_block = static_cast<int>(out_.blocks.size());
  }

  void StartBlock(const Frame& f) {
    cur_owner_ = f.owner;
    cur_heading_ = f.heading;
    cur_pre_ = f.pre;
    cur_chars_ = cur_link_chars_ = cur_flagged_chars_ = 0;
    cur_flagged_signals_ = 0;
    cur_flagged_chrome_ = nullptr;
    pending_space_ = false;
    pending_sep_ = false;
    if (bullet_owner_ >= 0) {
      cur_ = bullet_;
      bullet_owner_ = -1;
    }
  }

  void AppendRun(std::string_view run, const Frame& f) {
    if (cur_owner_ < 0) {
      StartBlock(f);  // the first text of a block (cur_ may hold a list bullet)
    } else if (pending_sep_ || pending_space_) {
      const std::string_view gap = pending_sep_ ? kCellSeparator : " ";
      cur_ += gap;
      if (md_used_) cur_md_ += gap;
      // The space counts as a character; as a link's only between two link runs.
      ++cur_chars_;
      if (f.link && last_run_link_) ++cur_link_chars_;
    }
    pending_space_ = pending_sep_ = false;
    AppendMarkdown(run, f);
    cur_.append(run);
    last_run_link_ = f.link;
    int chars = 0;
    for (char c : run) chars += !IsContinuation(static_cast<unsigned char>(c));
    cur_chars_ += chars;
    if (f.link) cur_link_chars_ += chars;
    if (f.inline_signals & (kSignalNegative | kSignalByline | kSignalCaption | kSignalTitle)) {
      cur_flagged_chars_ += chars;
      cur_flagged_signals_ |= f.inline_signals;
      if (!cur_flagged_chrome_) cur_flagged_chrome_ = f.inline_chrome;
    }
  }

  // The Markdown twin of cur_ is only built once a block has inline markup:
  // then what came before is escaped into it, and it follows cur_ from there.
  void AppendMarkdown(std::string_view run, const Frame& f) {
    if (f.pre) return;
    bool opening = false;
    for (const Span& s : spans_) opening = opening || !s.opened;
    if (opening && !md_used_) {
      cur_md_ = EscapeMarkdown(cur_);
      md_used_ = true;
    }
    if (!md_used_) return;
    if (opening) {
      // Leading NBSP and the like go before the markers; a run of nothing else
      // opens none.
      const std::size_t lead = LeadingUnicodeSpace(run);
      cur_md_.append(run.substr(0, lead));
      run.remove_prefix(lead);
      if (run.empty()) return;
      for (Span& s : spans_) {
        if (!s.opened) OpenSpan(s);
      }
    }
    if (InCode()) {
      cur_md_ += run;
    } else {
      cur_md_ += EscapeMarkdown(run);
    }
  }

  void AppendText(const char* text, const Frame& f) {
    std::string_view s(text);
    if (f.pre) {
      std::size_t start = 0;
      while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        std::string_view line = s.substr(start, nl == std::string_view::npos ? s.npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) AppendRun(line, f);
        if (nl == std::string_view::npos) break;
        Flush();
        start = nl + 1;
      }
      return;
    }
    std::size_t i = 0;
    while (i < s.size()) {
      if (IsHtmlSpace(s[i])) {
        pending_space_ = true;
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && !IsHtmlSpace(s[j])) ++j;
      AppendRun(s.substr(i, j - i), f);
      i = j;
    }
  }

  void Flush() {
    if (cur_chars_ > 0 && cur_owner_ >= 0) {
      DomBlock b;
      b.text = std::move(cur_);
      b.node = cur_owner_;
      b.chars = cur_chars_;
      b.link_chars = cur_link_chars_;
      b.heading_level = cur_heading_;
      b.preformatted = cur_pre_;
      // Text mostly inside inline chrome (<span class="byline">) carries its signals.
      if (cur_flagged_chars_ * 10 >= cur_chars_ * 6) {
        b.inline_signals = cur_flagged_signals_;
        b.inline_chrome = cur_flagged_chrome_;
      }
      if (md_used_) {
        for (auto s = spans_.rbegin(); s != spans_.rend(); ++s) CloseSpan(*s);
        if (!marks_.empty()) DropUnflankedMarks();
        b.markdown = std::move(cur_md_);
      } else if (markdown_ && !cur_pre_ && NeedsMarkdownEscape(b.text)) {
        b.markdown = EscapeMarkdown(b.text);  // "*" and "[" in plain text stay literal
      }
      out_.blocks.push_back(std::move(b));
    }
    for (Span& s : spans_) s.opened = false;  // reopened in the next block
    cur_md_.clear();
    marks_.clear();
    last_close_ = nullptr;
    md_used_ = false;
    cur_.clear();
    cur_owner_ = -1;
    cur_chars_ = 0;
    pending_space_ = pending_sep_ = false;
  }

  DomTree& out_;
  std::string_view base_url_;
  bool markdown_;
  std::vector<Frame> stack_;
  std::vector<Span> spans_;  // open inline elements, outermost first
  std::string cur_md_;
  bool md_used_ = false;
  std::vector<Mark> marks_;  // emphasis markers in cur_md_
  // The last marker closed in cur_md_ ("*", "**", "`"), where it ends and where
  // its span opened: an adjacent span of the same kind continues it.
  const char* last_close_ = nullptr;
  std::size_t last_close_at_ = 0;
  std::size_t last_close_open_ = 0;
  std::string cur_;
  int cur_owner_ = -1;
  int cur_heading_ = 0;
  bool cur_pre_ = false;
  int cur_chars_ = 0;
  int cur_link_chars_ = 0;
  int cur_flagged_chars_ = 0;
  std::uint32_t cur_flagged_signals_ = 0;
  const char* cur_flagged_chrome_ = nullptr;
  bool pending_space_ = false;
  bool pending_sep_ = false;
  bool last_run_link_ = false;
  std::string bullet_;
  int bullet_owner_ = -1;
};

void AppendSegment(const DomNode& n, std::string& out) {
  std::string_view name = TagName(n.node);
  for (char c : name) out.push_back(ToLowerAscii(c));
  auto clip = [](std::string_view s) { return s.substr(0, 32); };
  if (const char* id = AttrOf(n.node, "id"); id && *id) {
    out += '#';
    out += clip(id);
  }
  if (const char* cls = AttrOf(n.node, "class")) {
    std::string_view c(cls);
    int taken = 0;
    std::size_t i = 0;
    while (i < c.size() && taken < 2) {
      while (i < c.size() && IsHtmlSpace(c[i])) ++i;
      std::size_t j = i;
      while (j < c.size() && !IsHtmlSpace(c[j])) ++j;
      if (j > i) {
        out += '.';
        out += clip(c.substr(i, j - i));
        ++taken;
      }
      i = j;
    }
  }
}

}  // namespace

std::string_view TagName(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  if (piece.length == 0) return "unknown";
  return std::string_view(piece.data, piece.length);
}

void WalkDom(const GumboNode* root, DomTree& out, std::string_view base_url, bool markdown) {
  Walker(out, base_url, markdown).Run(root);
}

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (EscapeAt(text, i)) out += '\\';
    out += text[i];
  }
  return out;
}

namespace {

// "/a/b/../c/./d?q" -> "/a/c/d?q" (RFC 3986 5.2.4, on the path before ? or #).
std::string RemoveDotSegments(std::string_view target) {
  const std::size_t end = std::min(target.find_first_of("?#"), target.size());
  std::vector<std::string_view> kept;
  std::string_view path = target.substr(0, end);
  std::size_t start = 1;  // after the leading '/'
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view segment = path.substr(start, slash - start);
    const bool last = slash == path.size();
    if (segment == "..") {
      if (!kept.empty()) kept.pop_back();
      if (last) kept.emplace_back();  // "/a/.." -> "/"
    } else if (segment == ".") {
      if (last) kept.emplace_back();
    } else {
      kept.push_back(segment);
    }
    start = slash + 1;
  }
  std::string out;
  for (std::string_view segment : kept) {
    out += '/';
    out += segment;
  }
  if (out.empty()) out += '/';
  out += target.substr(end);
  return out;
}

}  // namespace

std::string LinkTarget(std::string_view href, std::string_view base_url) {
  while (!href.empty() && IsHtmlSpace(href.front())) href.remove_prefix(1);
  while (!href.empty() && IsHtmlSpace(href.back())) href.remove_suffix(1);
  if (href.empty() || href.front() == '#') return {};
  std::string resolved;
  const std::size_t colon = href.find(':');
  const std::size_t first_special = href.find_first_of("/?#");
  const bool has_scheme = colon != std::string_view::npos && colon > 0 && colon < first_special;
  if (has_scheme) {
    const std::string_view scheme = href.substr(0, colon);
    if (EqualsLower(scheme, "javascript") || EqualsLower(scheme, "data") ||
        EqualsLower(scheme, "vbscript"))
      return {};
    resolved = href;
  } else {
    const std::size_t base_scheme = base_url.find("://");
    if (base_scheme == std::string_view::npos) {
      resolved = href;  // no base: relative as the page wrote it
    } else if (href.starts_with("//")) {
      resolved.assign(base_url.substr(0, base_scheme + 1)).append(href);
    } else {
      const std::size_t path = base_url.find_first_of("/?#", base_scheme + 3);
      const std::string_view origin = base_url.substr(0, path);
      if (href.front() == '/') {
        resolved.assign(origin).append(href);
      } else {
        std::string_view dir = path == std::string_view::npos ? "/" : base_url.substr(path);
        dir = dir.substr(0, dir.find_first_of("?#"));
        dir = dir.substr(0, dir.rfind('/') + 1);
        if (dir.empty()) dir = "/";
        resolved.assign(origin).append(RemoveDotSegments(std::string(dir).append(href)));
      }
    }
  }
  std::string out;
  out.reserve(resolved.size());
  for (char c : resolved) {
    if (c == ' ') {
      out += "%20";
    } else if (c == '(') {
      out += "%28";
    } else if (c == ')') {
      out += "%29";
    } else if (c != '\n' && c != '\r' && c != '\t') {
      out += c;
    }
  }
  return out;
}

std::string DomPath(const DomTree& tree, int node) {
  constexpr int kMaxLevels = 8;
  int chain[kMaxLevels];
  int count = 0;
  bool elided = false;
  for (int n = node; n >= 0; n = tree.nodes[static_cast<std::size_t>(n)].parent) {
    if (tree.nodes[static_cast<std::size_t>(n)].tag == GUMBO_TAG_HTML) break;
    if (tree.nodes[static_cast<std::size_t>(n)].tag == GUMBO_TAG_BODY) break;
    if (count == kMaxLevels - 1) {
      elided = true;
      break;
    }
    chain[count++] = n;
  }
  std::string out = "body";
  if (elided) out += ">\xE2\x80\xA6";  // "…"
  for (int i = count; i-- > 0;) {
    out += '>';
    AppendSegment(tree.nodes[static_cast<std::size_t>(chain[i])], out);
  }
  return out;
}

}  // namespace cleaner::html
