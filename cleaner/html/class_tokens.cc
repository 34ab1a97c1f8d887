#include "cleaner/html/class_tokens.h"

#include <array>
#include <unordered_map>

namespace cleaner::html {
namespace {

struct Entry {
  std::string_view word;
  std::uint32_t signal;
};

constexpr Entry kVocabulary[] = {
    // Containers of the article itself (Readability's "positive" list, whole words).
    {"article", kSignalPositive},
    {"content", kSignalPositive},
    {"entry", kSignalPositive},
    {"post", kSignalPositive},
    {"story", kSignalPositive},
    {"body", kSignalPositive},
    {"text", kSignalPositive},
    {"prose", kSignalPositive},
    {"blog", kSignalPositive},
    // Navigation and page furniture.
    {"nav", kSignalNegative},
    {"navbar", kSignalNegative},
    {"navigation", kSignalNegative},
    {"menu", kSignalNegative},
    {"breadcrumb", kSignalNegative},
    {"breadcrumbs", kSignalNegative},
    {"footer", kSignalNegative},
    {"masthead", kSignalNegative},
    {"header", kSignalNegative},
    {"sidebar", kSignalNegative},
    {"aside", kSignalNegative},
    {"rail", kSignalNegative},
    {"toolbar", kSignalNegative},
    {"pagination", kSignalNegative},
    {"pager", kSignalNegative},
    {"skip", kSignalNegative},
    {"topbar", kSignalNegative},
    // Sharing and social widgets.
    {"share", kSignalNegative},
    {"sharing", kSignalNegative},
    {"sharebar", kSignalNegative},
    {"social", kSignalNegative},
    {"follow", kSignalNegative},
    // Lists of other stories.
    {"related", kSignalNegative},
    {"recommended", kSignalNegative},
    {"recommendations", kSignalNegative},
    {"recirc", kSignalNegative},
    {"trending", kSignalNegative},
    {"popular", kSignalNegative},
    {"outbrain", kSignalNegative},
    {"taboola", kSignalNegative},
    {"teaser", kSignalNegative},
    {"teasers", kSignalNegative},
    // Reader comments.
    {"comment", kSignalNegative},
    {"comments", kSignalNegative},
    {"disqus", kSignalNegative},
    // Sign-up boxes.
    {"newsletter", kSignalNegative},
    {"subscribe", kSignalNegative},
    {"subscription", kSignalNegative},
    {"signup", kSignalNegative},
    {"login", kSignalNegative},
    {"register", kSignalNegative},
    // Advertising and promotion ("ad" only as a whole word).
    {"ad", kSignalNegative},
    {"ads", kSignalNegative},
    {"adv", kSignalNegative},
    {"advert", kSignalNegative},
    {"advertisement", kSignalNegative},
    {"advertising", kSignalNegative},
    {"dfp", kSignalNegative},
    {"sponsor", kSignalNegative},
    {"sponsored", kSignalNegative},
    {"promo", kSignalNegative},
    {"promotion", kSignalNegative},
    {"banner", kSignalNegative},
    // Overlays.
    {"cookie", kSignalNegative},
    {"cookies", kSignalNegative},
    {"consent", kSignalNegative},
    {"gdpr", kSignalNegative},
    {"modal", kSignalNegative},
    {"popup", kSignalNegative},
    {"overlay", kSignalNegative},
    {"widget", kSignalNegative},
    // Tag clouds and print/email tools.
    {"tags", kSignalNegative},
    {"print", kSignalNegative},
    // Text for screen readers or hidden by the page's own CSS.
    {"hidden", kSignalHidden},
    {"hide", kSignalHidden},
    {"sr", kSignalHidden},            // "sr-only"
    {"screenreader", kSignalHidden},  // "screenReader"; "screen-reader" is checked as a pair
    {"visuallyhidden", kSignalHidden},
    {"invisible", kSignalHidden},
    // Shown on hover only: an inline card of a person's other stories.
    {"tooltip", kSignalHidden},
    {"popover", kSignalHidden},
    {"rollover", kSignalHidden},
    {"hovercard", kSignalHidden},
    // Bylines and datelines: the gold bodies leave them out.
    {"byline", kSignalByline},
    {"author", kSignalByline},
    {"authors", kSignalByline},
    {"dateline", kSignalByline},
    {"timestamp", kSignalByline},
    {"published", kSignalByline},
    {"pubdate", kSignalByline},
    // Image captions and credits.
    {"caption", kSignalCaption},
    {"credit", kSignalCaption},
    {"credits", kSignalCaption},
    {"figcaption", kSignalCaption},
    // The headline repeated inside the article container.
    {"headline", kSignalTitle},
};

const std::unordered_map<std::string_view, std::uint32_t>& Vocabulary() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, std::uint32_t>();
    for (const Entry& e : kVocabulary) (*m)[e.word] = e.signal;
    return m;
  }();
  return *map;
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void ClassifyClassValue(std::string_view value, ClassInfo& info) {
  const auto& vocabulary = Vocabulary();
  std::array<char, 32> word;
  std::size_t len = 0;
  bool too_long = false;
  bool after_screen = false;  // "screen-reader-text" is WordPress's hidden-text class
  // Per space-separated token.
  std::uint32_t token_signals = 0;
  bool container_word = false, text_word = false;
  bool embed_word = false;  // "social-media-embed": a tweet quoted in the article, not a share bar
  std::string_view token_negative;
  // Per value.
  std::uint32_t signals = 0;
  std::string_view negative;
  bool body_token = false;
  auto flush_word = [&] {
    if (len > 0 && !too_long) {
      const std::string_view w(word.data(), len);
      if (after_screen && w == "reader") token_signals |= kSignalHidden;
      after_screen = w == "screen";
      container_word = container_word || w == "article" || w == "post" || w == "story" ||
                       w == "entry" || w == "blog";
      text_word = text_word || w == "body" || w == "content" || w == "text";
      embed_word = embed_word || w == "embed" || w == "embedded";
      auto it = vocabulary.find(w);
      if (it != vocabulary.end()) {
        token_signals |= it->second;
        if ((it->second & kSignalNegative) && token_negative.empty()) token_negative = it->first;
      }
    }
    len = 0;
    too_long = false;
  };
  auto flush_token = [&] {
    flush_word();
    if (embed_word) token_signals &= ~kSignalNegative;
    if (container_word && text_word && !(token_signals & kSignalNegative)) body_token = true;
    signals |= token_signals;
    if (negative.empty() && (token_signals & kSignalNegative)) negative = token_negative;
    token_signals = 0;
    container_word = text_word = embed_word = false;
    token_negative = {};
  };
  char prev = '\0';
  for (const char c : value) {
    if (IsLower(c) || IsUpper(c) || IsDigit(c)) {
      if (IsUpper(c) && IsLower(prev)) flush_word();  // camelCase hump
      if (len < word.size()) {
        word[len++] = IsUpper(c) ? static_cast<char>(c + 32) : c;
      } else {
        too_long = true;
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      flush_token();
    } else {
      flush_word();
    }
    prev = c;
  }
  flush_token();
  if (body_token) {
    signals = (signals | kSignalArticleBody | kSignalPositive) & ~kSignalNegative;
    negative = {};
  }
  info.signals |= signals;
  if (info.negative_word.empty() && (signals & kSignalNegative)) info.negative_word = negative;
}

}  // namespace cleaner::html
