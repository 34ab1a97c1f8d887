#include "cleaner/html/content.h"

#include <algorithm>
#include <cmath>

namespace cleaner::html {
namespace {

constexpr std::uint32_t kChromeSignals = kSignalNegative | kSignalChromeTag;
// Block values, per character (the dev pages score the same from 0.3 to 1.0 for
// the first and 0.25 to 0.5 for the second: a plateau, not a tuned point).
constexpr double kNonLinkWeight = 0.5;      // short text outside links
constexpr double kInlineLinkWeight = 0.25;  // links inside long blocks
constexpr int kLongWords = 20;              // a block this long is prose whatever its links

double LinkDensity(const DomBlock& b) {
  return b.chars > 0 ? static_cast<double>(b.link_chars) / b.chars : 0.0;
}

// Prose: what an article body is made of.
bool IsProse(const DomBlock& b, const BlockFeatures& f) {
  if (b.heading_level > 0 || LinkDensity(b) > 0.4) return false;
  if (f.words >= 25) return true;
  return f.words >= 8 && (f.terminal_punct || f.sentences >= 1);
}

// What a block says about the region holding it, in characters. Links in long
// blocks are inline links of prose (roundups link every item's first sentence);
// in short blocks they are navigation.
double BlockValue(const DomBlock& b, const BlockFeatures& f) {
  if (f.chars == 0 || b.heading_level > 0) return 0;
  const double link = b.link_chars, text = b.chars - b.link_chars;
  if (f.words >= kLongWords) return text - kInlineLinkWeight * link;
  if (IsProse(b, f)) return text - link;
  return -link + kNonLinkWeight * text;
}

// A date or time on a line of its own ("October 12, 2017", "15:23 2019",
// "Published Nov. 18th 2019 8:54 am PT"): a time, or a month name with a
// number, and no word that is not part of a date.
bool IsDateLine(const DomBlock& b, const BlockFeatures& f) {
  if (b.preformatted || f.words == 0 || f.words > 9 || f.chars > 60 || f.digits == 0) return false;
  std::string_view t = b.text;
  if (t.find('|') != std::string_view::npos || t.starts_with("http") || t.starts_with("www.") ||
      t.starts_with("\xE2\x80\x94"))  // "— Name (@handle) date": a tweet's signature
    return false;
  static constexpr std::string_view kMonths[] = {
      "jan",    "january",   "feb",     "february", "mar",     "march",    "apr",     "april",
      "may",    "jun",       "june",    "jul",      "july",    "aug",      "august",  "sep",
      "sept",   "september", "oct",     "october",  "nov",     "november", "dec",     "december",
      "januar", "februar",   "juni",    "juli",     "oktober", "dezember", "janvier", "avril",
      "mai",    "juin",      "juillet", "ene",      "enero",   "abr",      "ago",     "dic",
      "gen",    "giu",       "lug",     "ott",      "dez",     "fev"};
  static constexpr std::string_view kDateWords[] = {
      "mon",       "monday",  "tue",    "tuesday",  "wed", "wednesday", "thu", "thursday",
      "fri",       "friday",  "sat",    "saturday", "sun", "sunday",    "am",  "pm",
      "published", "updated", "posted", "last",     "on",  "at",        "gmt", "utc",
      "et",        "pt",      "ct",     "est",      "edt", "pst",       "pdt", "cet",
      "cest",      "bst",     "ist",    "amt",      "th",  "st",        "nd",  "rd",
      "de",        "of",      "h",      "uhr",      "um",  "le",        "el",  "del"};
  bool month = false, time = false;
  std::size_t i = 0;
  while (i < t.size()) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c >= 0x80) return false;  // a word of another script: not a date we know
    if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
      if (j + 2 < t.size() && t[j] == ':' && t[j + 1] >= '0' && t[j + 1] <= '9') time = true;
      i = j;
      continue;
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      std::size_t j = i;
      std::string word;
      while (j < t.size() && ((t[j] | 0x20) >= 'a' && (t[j] | 0x20) <= 'z'))
        word.push_back(static_cast<char>(t[j++] | 0x20));
      const bool is_month =
          std::find(std::begin(kMonths), std::end(kMonths), word) != std::end(kMonths);
      const bool is_date_word =
          std::find(std::begin(kDateWords), std::end(kDateWords), word) != std::end(kDateWords);
      if (!is_month && !is_date_word) return false;
      month = month || is_month;
      i = j;
      continue;
    }
    ++i;
  }
  return time || month;
}

// Lower-cased letters and digits, other ASCII collapsed to single spaces; bytes
// of other scripts kept as they are.
std::string TitleKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool word =
        c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!word) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : ch);
  }
  return out;
}

// A heading "matches" a page title when one contains the other and they are of
// similar length ("Headline" vs "Headline | Site").
bool SameTitle(const std::string& heading, const std::string& title) {
  if (heading.empty() || title.empty()) return false;
  const std::string& shorter = heading.size() <= title.size() ? heading : title;
  const std::string& longer = heading.size() <= title.size() ? title : heading;
  if (shorter.size() * 10 < longer.size() * 5) return false;
  return longer.find(shorter) != std::string::npos;
}

class Selector {
 public:
  Selector(const DomTree& tree, const std::vector<BlockFeatures>& features,
           const ContentHints& hints)
      : tree_(tree),
        features_(features),
        hints_(hints),
        nb_(tree.blocks.size()),
        nn_(tree.nodes.size()) {}

  std::vector<BlockDecision> Run() {
    out_.assign(nb_, {});
    if (nb_ == 0 || nn_ == 0) return out_;
    PickTitle(nb_, false);  // by the page's titles alone
    FindLinkLists();
    MarkChrome(false);
    PickRegion();
    if (RegionProse() < 0.3 * prose_[0]) {
      MarkChrome(true);
      PickRegion();
    }
    FollowJsonLdBody();
    // A headline after the region is a teaser repeating it: look again, before.
    const auto region_end = static_cast<std::size_t>(node(region_).end_block);
    if (title_ < 0 || static_cast<std::size_t>(title_) >= region_end) PickTitle(region_end, true);
    Decide();
    DropOrphanHeadings();
    return out_;
  }

 private:
  const DomBlock& block(std::size_t i) const { return tree_.blocks[i]; }
  const DomNode& node(int n) const { return tree_.nodes[static_cast<std::size_t>(n)]; }
  std::size_t owner(std::size_t i) const { return static_cast<std::size_t>(block(i).node); }

  // Adds each node's value to its parent, bottom-up (nodes are in pre-order).
  void SumUp(std::vector<double>& v) const {
    for (std::size_t n = nn_; n-- > 1;) {
      const int p = tree_.nodes[n].parent;
      if (p >= 0) v[static_cast<std::size_t>(p)] += v[n];
    }
  }

  // Nearest chrome / byline / caption ancestor (self included), -1 for none.
  // With `relax`, a "chrome" element holding most of the page's prose is taken
  // for a layout wrapper (<form id="aspnetForm">, "content-with-sidebar"): only
  // tried when honoring every chrome word leaves the region without prose, since
  // teaser rails and comment threads hold much prose too.
  void MarkChrome(bool relax) {
    std::vector<double> prose(nn_, 0.0);
    for (std::size_t i = 0; i < nb_; ++i) {
      if (IsProse(block(i), features_[i])) prose[owner(i)] += block(i).chars;
    }
    SumUp(prose);
    const double total = prose[0];
    if (teasers_.empty()) FindTeaserLists();
    chrome_.assign(nn_, -1);
    byline_.assign(nn_, -1);
    caption_.assign(nn_, -1);
    for (std::size_t n = 0; n < nn_; ++n) {
      const DomNode& dn = tree_.nodes[n];
      const int p = dn.parent;
      const auto up = [&](const std::vector<int>& v) {
        return p >= 0 ? v[static_cast<std::size_t>(p)] : -1;
      };
      const bool wrapper = relax && prose[n] > 0.5 * total;
      const int self = static_cast<int>(n);
      chrome_[n] = ((dn.signals & kChromeSignals) || teasers_[n]) && !wrapper ? self : up(chrome_);
      byline_[n] = (dn.signals & (kSignalByline | kSignalAddress)) ? self : up(byline_);
      caption_[n] = (dn.signals & (kSignalCaption | kSignalFigure)) ? self : up(caption_);
    }
    prose_ = std::move(prose);
  }

  // Lists of other stories: an element with three or more children that are
  // each a short item with a linked headline and some text of its own ("More in
  // Sports": headline link, date, two-line summary). Such a list never holds the
  // page's own headline.
  void FindTeaserLists() {
    std::vector<double> headlines(nn_, 0.0), words(nn_, 0.0), has_title(nn_, 0.0),
        unlinked(nn_, 0.0);
    for (std::size_t i = 0; i < nb_; ++i) {
      const BlockFeatures& f = features_[i];
      words[owner(i)] += f.words;
      unlinked[owner(i)] += block(i).chars - block(i).link_chars;
      if (LinkDensity(block(i)) >= 0.8 && f.words >= 4 && f.words <= 25) headlines[owner(i)] += 1;
    }
    if (title_ >= 0) has_title[owner(static_cast<std::size_t>(title_))] = 1;
    SumUp(headlines);
    SumUp(words);
    SumUp(has_title);
    SumUp(unlinked);
    std::vector<int> items(nn_, 0), children(nn_, 0);
    for (std::size_t n = 1; n < nn_; ++n) {
      const int p = tree_.nodes[n].parent;
      if (p < 0 || words[n] == 0) continue;
      ++children[static_cast<std::size_t>(p)];
      // A headline and something more (a date, a summary): bare links are a link list.
      if (headlines[n] >= 1 && headlines[n] <= 2 && words[n] <= 150 && unlinked[n] >= 30)
        ++items[static_cast<std::size_t>(p)];
    }
    teasers_.assign(nn_, 0);
    for (std::size_t n = 0; n < nn_; ++n) {
      teasers_[n] = items[n] >= 3 && items[n] * 10 >= children[n] * 6 && has_title[n] == 0;
    }
  }

  // Lists of links: a <ul>/<ol> of three or more short items that each carry a
  // link, a third of its text linked ("More Great Stories", "Read more:").
  void FindLinkLists() {
    std::vector<int> items(nn_, 0), linked(nn_, 0);
    std::vector<double> chars(nn_, 0.0), links(nn_, 0.0), words(nn_, 0.0);
    for (std::size_t i = 0; i < nb_; ++i) {
      const int li = ListItemOf(owner(i));
      if (li < 0) continue;
      const auto list = static_cast<std::size_t>(node(li).parent);
      chars[list] += block(i).chars;
      links[list] += block(i).link_chars;
      words[list] += features_[i].words;
    }
    // Items: count each <li> once, and whether it has a link.
    std::vector<char> item_linked(nn_, 0);
    for (std::size_t i = 0; i < nb_; ++i) {
      const int li = ListItemOf(owner(i));
      if (li >= 0 && block(i).link_chars > 0) item_linked[static_cast<std::size_t>(li)] = 1;
    }
    for (std::size_t n = 0; n < nn_; ++n) {
      if (tree_.nodes[n].tag != GUMBO_TAG_LI || tree_.nodes[n].parent < 0) continue;
      const auto list = static_cast<std::size_t>(tree_.nodes[n].parent);
      if (tree_.nodes[n].end_block == tree_.nodes[n].first_block) continue;
      ++items[list];
      linked[list] += item_linked[n];
    }
    link_list_.assign(nn_, 0);
    for (std::size_t n = 0; n < nn_; ++n) {
      link_list_[n] = items[n] >= 3 && linked[n] == items[n] && words[n] < 20.0 * items[n] &&
                      links[n] >= 0.3 * chars[n];
    }
  }

  // The <li> a block's owner belongs to (itself or an ancestor up to 3 levels), or -1.
  int ListItemOf(std::size_t n) const {
    int cur = static_cast<int>(n);
    for (int hops = 0; cur >= 0 && hops < 4; ++hops) {
      if (node(cur).tag == GUMBO_TAG_LI) {
        const int p = node(cur).parent;
        return p >= 0 && (node(p).tag == GUMBO_TAG_UL || node(p).tag == GUMBO_TAG_OL) ? cur : -1;
      }
      cur = node(cur).parent;
    }
    return -1;
  }

  // The element whose blocks sum highest; chrome counts against in full.
  void PickRegion() {
    std::vector<double> sum(nn_, 0.0);
    for (std::size_t i = 0; i < nb_; ++i) {
      const DomBlock& b = block(i);
      double v = BlockValue(b, features_[i]);
      if (chrome_[owner(i)] >= 0 || (b.inline_signals & kSignalNegative))
        v = -std::abs(v) - 0.3 * b.chars;
      sum[owner(i)] += v;
    }
    SumUp(sum);
    region_ = tree_.body >= 0 ? tree_.body : 0;
    double best = 0;
    for (std::size_t n = nn_; n-- > 0;) {  // children first: ties go to the deepest
      if (chrome_[n] >= 0) continue;
      if (sum[n] > best) {
        best = sum[n];
        region_ = static_cast<int>(n);
      }
    }
  }

  // Prose characters the region keeps (not under chrome inside it).
  double RegionProse() const {
    double sum = 0;
    for (int i = node(region_).first_block; i < node(region_).end_block; ++i) {
      const auto bi = static_cast<std::size_t>(i);
      if (chrome_[owner(bi)] <= region_ && IsProse(block(bi), features_[bi]))
        sum += block(bi).chars;
    }
    return sum;
  }

  // The page's JSON-LD articleBody, when it has one, names the article's
  // paragraphs: if the region misses a tenth of those found on the page, the
  // region becomes the deepest element holding nine tenths of them.
  void FollowJsonLdBody() {
    if (hints_.json_ld_body.size() < 400) return;
    // Bounded work on hostile pages: a 256 KB body, 3000 probes.
    const std::string body = TitleKey(hints_.json_ld_body.substr(0, 256u << 10));
    std::vector<double> found(nn_, 0.0);
    int blocks = 0, probes = 0;
    for (std::size_t i = 0; i < nb_ && probes < 3000; ++i) {
      if (features_[i].words < 12) continue;
      ++probes;
      const std::string key = TitleKey(block(i).text);
      if (key.size() < 60) continue;
      // The middle of the paragraph: pages and JSON-LD differ at the edges.
      if (body.find(std::string_view(key).substr(key.size() / 2 - 20, 40)) == std::string::npos)
        continue;
      found[owner(i)] += block(i).chars;
      ++blocks;
    }
    if (blocks < 3) return;
    SumUp(found);
    const double total = found[0];
    if (found[static_cast<std::size_t>(region_)] >= 0.9 * total) return;
    for (std::size_t n = nn_; n-- > 0;) {  // deepest first
      if (found[n] >= 0.9 * total) {
        region_ = static_cast<int>(n);
        return;
      }
    }
  }

  bool Inside(std::size_t i) const {
    const int ib = static_cast<int>(i);
    return ib >= node(region_).first_block && ib < node(region_).end_block;
  }

  // The headline among the first `limit` blocks: an <h1> matching a page title,
  // else any matching heading, else (with `any_h1`) the first <h1>.
  void PickTitle(std::size_t limit, bool any_h1) {
    std::vector<std::string> keys;
    for (std::string_view t : hints_.titles) {
      std::string k = TitleKey(t);
      if (!k.empty()) keys.push_back(std::move(k));
    }
    int first_h1 = -1, any_match = -1;
    for (std::size_t i = 0; i < limit && i < nb_; ++i) {
      const DomBlock& b = block(i);
      if (features_[i].chars == 0) continue;
      const bool headline = b.heading_level > 0 || (b.inline_signals & kSignalTitle);
      if (!headline) continue;
      if (b.heading_level == 1 && first_h1 < 0) first_h1 = static_cast<int>(i);
      const std::string key = TitleKey(b.text);
      const bool match = std::any_of(keys.begin(), keys.end(),
                                     [&](const std::string& k) { return SameTitle(key, k); });
      if (!match) continue;
      if (b.heading_level == 1) {
        title_ = static_cast<int>(i);
        return;
      }
      if (any_match < 0) any_match = static_cast<int>(i);
    }
    title_ = any_match >= 0 ? any_match : (any_h1 ? first_h1 : -1);
  }

  void Drop(std::size_t i, std::string reason) {
    out_[i].verdict = Verdict::kDrop;
    out_[i].reason = std::move(reason);
  }

  void Decide() {
    for (std::size_t i = 0; i < nb_; ++i) {
      const DomBlock& b = block(i);
      const BlockFeatures& f = features_[i];
      const std::size_t o = owner(i);
      if (static_cast<int>(i) == title_) {
        out_[i].verdict = Verdict::kTitle;
        out_[i].reason = "html.title";
        continue;
      }
      if (!Inside(i)) {
        Drop(i, "html.outside");
        continue;
      }
      if (title_ >= 0 && static_cast<int>(i) < title_) {
        Drop(i, "html.before-title");
        continue;
      }
      if (chrome_[o] > region_) {
        const auto c = static_cast<std::size_t>(chrome_[o]);
        Drop(i, teasers_[c] && !(tree_.nodes[c].signals & kChromeSignals)
                    ? std::string("html.teasers")
                    : std::string("html.chrome.") +
                          (tree_.nodes[c].chrome ? tree_.nodes[c].chrome : "class"));
        continue;
      }
      if (b.inline_signals & kSignalNegative) {
        Drop(i, std::string("html.chrome.") + (b.inline_chrome ? b.inline_chrome : "class"));
        continue;
      }
      const bool prose = IsProse(b, f);
      if ((byline_[o] > region_ || (b.inline_signals & kSignalByline)) && !prose) {
        Drop(i, "html.byline");
        continue;
      }
      if (caption_[o] > region_ || (b.inline_signals & kSignalCaption)) {
        Drop(i, "html.caption");
        continue;
      }
      if (const int li = ListItemOf(o);
          li >= 0 && link_list_[static_cast<std::size_t>(node(li).parent)]) {
        Drop(i, "html.link-list");
        continue;
      }
      if (IsDateLine(b, f)) {
        Drop(i, "html.dateline");
        continue;
      }
      const double ld = LinkDensity(b);
      // A printed URL is text the reader sees (sources, shop links), not navigation.
      const bool url = b.text.starts_with("http://") || b.text.starts_with("https://") ||
                       b.text.starts_with("www.");
      if (!url && ((!prose && ld > 0.5 && f.words < kLongWords) || ld > 0.8)) {
        Drop(i, "html.links");
        continue;
      }
    }
  }

  // A heading with nothing kept between it and the next heading of the same or
  // a higher level ("Related Articles", "Comments" once their lists are gone).
  void DropOrphanHeadings() {
    int next_kept_level = 0;  // level of the nearest kept heading below, 7 = body text
    bool body_after = false;
    for (std::size_t i = nb_; i-- > 0;) {
      const DomBlock& b = block(i);
      if (out_[i].verdict != Verdict::kKeep || features_[i].chars == 0) continue;
      if (b.heading_level == 0) {
        body_after = true;
        next_kept_level = 7;
        continue;
      }
      const bool has_content = body_after && next_kept_level > b.heading_level;
      if (!has_content) {
        Drop(i, "html.orphan-heading");
        continue;
      }
      next_kept_level = b.heading_level;
    }
  }

  const DomTree& tree_;
  const std::vector<BlockFeatures>& features_;
  const ContentHints& hints_;
  const std::size_t nb_, nn_;
  std::vector<BlockDecision> out_;
  std::vector<int> chrome_, byline_, caption_;
  std::vector<double> prose_;    // prose characters per subtree
  std::vector<char> teasers_;    // lists of other stories
  std::vector<char> link_list_;  // lists of links
  int region_ = 0;
  int title_ = -1;
};

}  // namespace

std::vector<BlockDecision> SelectContent(const DomTree& tree,
                                         const std::vector<BlockFeatures>& features,
                                         const ContentHints& hints) {
  return Selector(tree, features, hints).Run();
}

}  // namespace cleaner::html
