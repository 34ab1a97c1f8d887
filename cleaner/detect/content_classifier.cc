#include "cleaner/detect/content_classifier.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <utf8proc.h>

#include "cleaner/segment/ascii_bytes.h"

namespace cleaner {
namespace {

// ------------------------------------------------------------------ line shape

// What the classifier needs from a line, recomputed from the text so the module
// does not depend on how the segmenter defines its features. Separators, url and
// datetime are only looked for where a class can depend on them (MarksMatter,
// DateTimeMatters); elsewhere they stay 0 / false.
struct Shape {
  int words = 0;
  int letters = 0;
  int digits = 0;
  int separators = 0;     // "|", " • ", " · ", "»", "›", " / ", " - "
  bool terminal = false;  // ends in . ! ? … 。 ！ ？ ؟ । (closing quotes/brackets skipped)
  bool colon = false;     // ends in ':' (same skipping)
  bool bullet = false;    // "• item", "- item", ...
  bool copyright = false;
  bool url = false;       // http://, https:// or www. anywhere
  bool datetime = false;  // "10:54", "20.11.2019", a year plus a day number
};

bool IsIdeographic(utf8proc_int32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // kana
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK ext A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3FFFF);  // CJK ext B..
}

bool IsSentenceEnd(utf8proc_int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
         cp == 0xFF1F || cp == 0x061F || cp == 0x0964;
}

bool IsCloser(utf8proc_int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0x00BB || cp == 0x300D || cp == 0x300F || cp == 0xFF09;
}

// Letters, numbers and '_': what \w matches, so word counts agree with the scorer.
bool IsWordCategory(utf8proc_category_t cat) {
  switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// Next() for four-byte and invalid sequences.
[[gnu::noinline]] utf8proc_int32_t NextSlow(const utf8proc_uint8_t*& p,
                                            const utf8proc_uint8_t* end) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
  if (n <= 0) {
    p += 1;
    return 0xFFFD;
  }
  p += n;
  return cp;
}

// Decodes one code point at p (p < end); invalid bytes read as U+FFFD. Valid two-
// and three-byte sequences (accents, Cyrillic, curly quotes, CJK) are decoded
// here; anything else goes through utf8proc, which decides what is valid.
inline utf8proc_int32_t Next(const utf8proc_uint8_t*& p, const utf8proc_uint8_t* end) {
  const utf8proc_uint8_t c = *p;
  if (c < 0x80) {
    ++p;
    return c;
  }
  const std::ptrdiff_t left = end - p;
  if (c >= 0xC2 && c <= 0xDF && left >= 2 && (p[1] & 0xC0) == 0x80) {
    const utf8proc_int32_t cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    p += 2;
    return cp;
  }
  if (c >= 0xE0 && c <= 0xEF && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    const utf8proc_int32_t cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {  // not overlong, not a surrogate
      p += 3;
      return cp;
    }
  }
  return NextSlow(p, end);
}

// The code point ending just before `end` (which is > begin).
utf8proc_int32_t Prev(const char* begin, const char*& end) {
  const char* p = end - 1;
  if (static_cast<unsigned char>(*p) < 0x80) {  // most lines end in ASCII: no utf8proc call
    end = p;
    return static_cast<unsigned char>(*p);
  }
  while (p > begin && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) --p;
  utf8proc_int32_t cp;
  const auto* u = reinterpret_cast<const utf8proc_uint8_t*>(p);
  if (utf8proc_iterate(u, end - p, &cp) <= 0) cp = 0xFFFD;
  end = p;
  return cp;
}

// Whether `text` continues at `at` with `lower_needle`, ASCII case ignored.
bool HasAtNoCase(std::string_view text, std::size_t at, std::string_view lower_needle) {
  if (text.size() - at < lower_needle.size()) return false;
  for (std::size_t k = 0; k < lower_needle.size(); ++k) {
    char c = text[at + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_needle[k]) return false;
  }
  return true;
}

// " x " separators between menu items or metadata; each counts its
// non-overlapping occurrences.
constexpr std::array<std::string_view, 4> kSpacedSeparators = {"-", "/", "\u2022", "\u00b7"};

// A maximal \w run, for the date and time shapes.
struct Run {
  std::size_t begin = 0, end = 0;  // byte offsets
  bool ascii_digits = false;       // only 0-9
};

bool DigitRun(const Run& r, std::size_t min_len, std::size_t max_len) {
  std::size_t len = r.end - r.begin;
  return r.ascii_digits && len >= min_len && len <= max_len;
}

// The single character between two runs, or '\0' when they are not one apart.
char Between(std::string_view s, const Run& a, const Run& b) {
  return b.begin == a.end + 1 ? s[a.end] : '\0';
}

bool IsOneOf(char c, std::string_view set) { return c != '\0' && set.find(c) != set.npos; }

// ASCII bytes for the shape pass: \w classes, and the rarer bytes that need a
// closer look: '|', '-' and '/' of " - " and " / ", ':' of "://", '.' of "www.".
enum ShapeBits : unsigned { kLetterBit = 1, kDigitBit = 2, kWordBit = 4, kMarkBit = 8 };

constexpr std::array<std::uint8_t, 128> MakeShapeTable() {
  std::array<std::uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kLetterBit | kWordBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kLetterBit | kWordBit;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kDigitBit | kWordBit;
  t['_'] = kWordBit;
  t['|'] = t['-'] = t['/'] = t[':'] = t['.'] = kMarkBit;
  return t;
}
constexpr std::array<std::uint8_t, 128> kShapeAscii = MakeShapeTable();

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Whether the code point at byte i of s is a \w character (what the forward
// pass reads there).
bool WordCharAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return kShapeAscii[c] & kWordBit;
  const auto* u = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* p = u + i;
  return IsWordCategory(static_cast<utf8proc_category_t>(utf8proc_category(Next(p, u + s.size()))));
}

// Whether the code point ending before byte i (> 0) of s, which starts a
// code point, is a \w character.
bool WordCharBefore(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i - 1]);
  if (c < 0x80) return kShapeAscii[c] & kWordBit;
  // Back to the lead byte. Unless the bytes from there decode as exactly one
  // code point, the forward pass reads the last of them as U+FFFD (not \w).
  std::size_t lead = i - 1;
  while (lead > 0 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
  const auto* u = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* p = u + lead;
  const utf8proc_int32_t cp = Next(p, u + i);
  return p == u + i && IsWordCategory(static_cast<utf8proc_category_t>(utf8proc_category(cp)));
}

// Offset of the first ASCII digit of s at or after `from`, or s.size(); eight
// bytes at a time (most of a line holds none).
std::size_t NextAsciiDigit(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); i += 8) {
    const std::size_t n = std::min<std::size_t>(s.size() - i, 8);
    const std::uint64_t x =
        n == 8 ? ascii::Load8(s.data() + i) : ascii::LoadPartial(s.data() + i, n);
    // Digits among the low seven bits of every byte, then the ASCII bytes only.
    const std::uint64_t digit = ascii::InRange(x & ~ascii::kHigh, '0', '9') & ~ascii::NonAscii(x);
    if (digit != 0) return i + static_cast<std::size_t>(ascii::First(digit));
  }
  return s.size();
}

// A time "h:mm", a date "d.m.y", or a year plus a day number: \w runs made of
// ASCII digits only, each checked against the two digit runs before it. A run
// of anything else between two digit runs would keep them more than one
// character apart, so only digit runs need tracking.
bool HasDateTime(std::string_view s) {
  std::array<Run, 3> runs{};  // runs not yet seen are empty, never digit runs
  bool datetime = false, year = false, day = false;
  const std::size_t n = s.size();
  for (std::size_t i = NextAsciiDigit(s, 0); i < n; i = NextAsciiDigit(s, i)) {
    std::size_t j = i + 1;
    while (j < n && IsAsciiDigit(s[j])) ++j;
    const bool whole_run = (i == 0 || !WordCharBefore(s, i)) && (j == n || !WordCharAt(s, j));
    if (whole_run) {
      const Run r{i, j, true};
      runs[0] = runs[1];
      runs[1] = runs[2];
      runs[2] = r;
      if (DigitRun(r, 4, 4) && (s.substr(r.begin, 2) == "19" || s.substr(r.begin, 2) == "20")) {
        year = true;
      }
      if (DigitRun(r, 1, 2)) day = true;
      if (DigitRun(runs[1], 1, 2) && DigitRun(runs[2], 2, 2) &&
          IsOneOf(Between(s, runs[1], runs[2]), ":.")) {
        datetime = true;
      }
      if (DigitRun(runs[0], 1, 4) && DigitRun(runs[1], 1, 2) && DigitRun(runs[2], 1, 4) &&
          IsOneOf(Between(s, runs[0], runs[1]), "./-") &&
          IsOneOf(Between(s, runs[1], runs[2]), "./-")) {
        datetime = true;
      }
    }
    i = j;
  }
  return datetime || (year && day);
}

// Only lines starting with one of these bytes can start with a bullet.
bool MayStartWithBullet(char c) {
  return c == '-' || c == '*' || c == '+' || c == '\xE2' || c == '\xC2';
}

// Separators and URLs, from the bytes kShapeAscii marks and the non-ASCII
// separators: '|', '»', '›', " - ", " / ", " • ", " · ", "http(s)://", "www.".
class MarkScan {
 public:
  MarkScan(std::string_view s, Shape& f) : s_(s), f_(f) {}

  // A spaced separator k starting at `at`: " x " not overlapping the previous
  // one of the same kind (whose closing space may not open the next).
  void Spaced(std::size_t k, std::size_t at) {
    const std::string_view x = kSpacedSeparators[k];
    const std::size_t after = at + x.size();
    if (at >= 1 && s_[at - 1] == ' ' && at - 1 >= next_separator_[k] && after < s_.size() &&
        s_[after] == ' ' && s_.substr(at, x.size()) == x) {
      ++f_.separators;
      next_separator_[k] = after + 1;
    }
  }

  void Ascii(char c, std::size_t at) {
    switch (c) {
      case '|':
        ++f_.separators;
        break;
      case '-':
        Spaced(0, at);
        break;
      case '/':
        Spaced(1, at);
        break;
      case ':':  // "http://", "https://"
        f_.url = f_.url || (at + 2 < s_.size() && s_[at + 1] == '/' && s_[at + 2] == '/' &&
                            ((at >= 4 && HasAtNoCase(s_, at - 4, "http")) ||
                             (at >= 5 && HasAtNoCase(s_, at - 5, "https"))));
        break;
      case '.':  // "www."
        f_.url = f_.url || (at >= 3 && HasAtNoCase(s_, at - 3, "www"));
        break;
      default:
        break;
    }
  }

  // The marks among eight ASCII bytes `x` (LoadPartial's zeros past the end
  // mark nothing) that start at offset `at`.
  void Chunk(std::uint64_t x, std::size_t at) {
    std::uint64_t marks = ascii::InRange(x, '-', '/') | ascii::Equal(x, ':') | ascii::Equal(x, '|');
    for (; marks != 0; marks &= marks - 1) {
      const auto k = static_cast<std::size_t>(ascii::First(marks));
      Ascii(s_[at + k], at + k);
    }
  }

  void NonAscii(utf8proc_int32_t cp, std::size_t at) {
    switch (cp) {
      case 0x00BB:  // »
      case 0x203A:  // ›
        ++f_.separators;
        break;
      case 0x00A9:  // ©
        f_.copyright = true;
        break;
      case 0x2022:  // • of " • "
        Spaced(2, at);
        break;
      case 0x00B7:  // · of " · "
        Spaced(3, at);
        break;
      default:
        break;
    }
  }

 private:
  std::string_view s_;
  Shape& f_;
  std::array<std::size_t, kSpacedSeparators.size()> next_separator_{};
};

// The marks of s alone, for text whose counts the segmenter already has: eight
// ASCII bytes at a time, else one code point at a time (no category look-up).
void ScanMarks(std::string_view s, MarkScan& scan) {
  const auto* begin = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* end = begin + s.size();
  const auto* p = begin;
  while (p < end) {
    const auto n = static_cast<std::size_t>(std::min<std::ptrdiff_t>(end - p, 8));
    const std::uint64_t x = n == 8 ? ascii::Load8(p) : ascii::LoadPartial(p, n);
    if (!ascii::NonAscii(x)) {
      scan.Chunk(x, static_cast<std::size_t>(p - begin));
      p += n;
      continue;
    }
    for (const utf8proc_uint8_t* stop = p + n; p < stop;) {
      const auto at = static_cast<std::size_t>(p - begin);
      if (*p < 0x80) {
        if (kShapeAscii[*p] & kMarkBit) scan.Ascii(static_cast<char>(*p), at);
        ++p;
      } else {
        scan.NonAscii(Next(p, end), at);
      }
    }
  }
}

// Forward pass: words, letters, digits (\w runs; an ideograph is a word of its
// own) and marks. Eight ASCII bytes at a time where it can, else one code point
// at a time; the counters are locals so that they stay in registers. Returns
// the number of ASCII digits.
unsigned CountAndMark(std::string_view s, Shape& f, MarkScan& scan) {
  unsigned words = 0, letters = 0, ascii_digits = 0, other_digits = 0;
  std::uint64_t in_word = 0;  // 0 or 1
  const auto* begin = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* end = begin + s.size();
  const auto* p = begin;
  while (p < end) {
    const utf8proc_uint8_t* stop = end;  // where the code point loop hands back
    if (end - p >= 8) {
      const std::uint64_t x = ascii::Load8(p);
      if (!ascii::NonAscii(x)) {
        const std::uint64_t letter = ascii::Letters(x);
        const std::uint64_t digit = ascii::InRange(x, '0', '9');
        const std::uint64_t word = letter | digit | ascii::Equal(x, '_');
        letters += static_cast<unsigned>(ascii::Count(letter));
        ascii_digits += static_cast<unsigned>(ascii::Count(digit));
        words += static_cast<unsigned>(ascii::Count(word & ~ascii::Previous(word, in_word)));
        in_word = word >> 63;
        scan.Chunk(x, static_cast<std::size_t>(p - begin));
        p += 8;
        continue;
      }
      stop = p + 8;
    }
    while (p < stop) {
      if (*p < 0x80) {
        const unsigned t = kShapeAscii[*p];
        const unsigned word = (t & kWordBit) >> 2;
        words += word & ~static_cast<unsigned>(in_word);
        in_word = word;
        letters += t & kLetterBit;
        ascii_digits += (t & kDigitBit) >> 1;
        if (t & kMarkBit) scan.Ascii(static_cast<char>(*p), static_cast<std::size_t>(p - begin));
        ++p;
        continue;
      }
      const auto at = static_cast<std::size_t>(p - begin);
      const utf8proc_int32_t cp = Next(p, end);
      scan.NonAscii(cp, at);
      const auto cat = static_cast<utf8proc_category_t>(utf8proc_category(cp));
      letters += cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
      other_digits += cat == UTF8PROC_CATEGORY_ND;
      if (!IsWordCategory(cat)) {
        in_word = 0;
      } else if (IsIdeographic(cp)) {
        ++words;
        in_word = 0;
      } else {
        words += static_cast<unsigned>(in_word ^ 1);
        in_word = 1;
      }
    }
  }
  f.words = static_cast<int>(words);
  f.letters = static_cast<int>(letters);
  f.digits = static_cast<int>(ascii_digits + other_digits);
  return ascii_digits;
}

// How s (trimmed, not empty) ends, and whether it starts with a bullet.
void ShapeEnds(std::string_view s, Shape& f) {
  // Backward: the last character that is not a closing quote or bracket.
  const char* tail = s.data() + s.size();
  while (tail > s.data()) {
    utf8proc_int32_t cp = Prev(s.data(), tail);
    if (IsCloser(cp)) continue;
    f.terminal = IsSentenceEnd(cp);
    f.colon = cp == ':';
    break;
  }

  static constexpr std::string_view kBullets[] = {
      "\u2022", "\u00b7", "\u25aa", "\u25e6", "\u2023", "\u25ba", "\u25b6", "\u25a0", "\u25a1",
      "\u25cf", "\u25cb", "\u2013", "\u2014", "-",      "*",      "+",      "\u2713", "\u2714"};
  if (MayStartWithBullet(s.front())) {
    for (std::string_view b : kBullets) {
      if (s.size() > b.size() && s.starts_with(b) && s[b.size()] == ' ') f.bullet = true;
    }
  }
}

// ContextFree alone reads separators, URLs and dates, and only on lines short
// enough or without a sentence end: on the rest (most of an article's bytes)
// they are not looked for. The options that decide it are the same in both
// readings.
bool MarksMatter(const Shape& f, const ContentClassifierOptions& o) {
  return !f.terminal || f.words <= o.max_url_words;
}
bool DateTimeMatters(const Shape& f, const ContentClassifierOptions& o) {
  return !f.terminal && f.words <= o.max_date_words;
}

// `features` are the segmenter's for `text` when computed (blocks built by hand
// have none). Unless the text holds marks, connectors or ideographs (plain_bytes
// == text.size()), they hold the \w counts this module defines, so then only the
// separators, URLs and '©' need a pass over the text, and only '©' when the
// others cannot matter.
Shape ComputeShape(std::string_view text, const BlockFeatures& features,
                   const ContentClassifierOptions& options) {
  Shape f;
  std::size_t lead = 0;
  while (lead < text.size() && (text[lead] == ' ' || text[lead] == '\t')) ++lead;
  std::string_view s = text.substr(lead);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return f;

  bool digits = false;  // whether s may hold an ASCII digit
  if (features.computed && static_cast<std::size_t>(features.plain_bytes) == text.size()) {
    f.words = features.words;
    f.letters = features.letters;
    f.digits = features.digits;
    digits = features.digits > 0;  // ASCII digits or others: HasDateTime tells
    ShapeEnds(s, f);
    if (MarksMatter(f, options)) {
      MarkScan scan(s, f);
      ScanMarks(s, scan);
    } else {
      // U+00A9 in UTF-8; 0xC2 is never a continuation byte, so no false match.
      f.copyright = s.find("\u00a9") != std::string_view::npos;
    }
  } else {
    MarkScan scan(s, f);
    digits = CountAndMark(s, f, scan) > 0;
    ShapeEnds(s, f);
  }
  f.datetime = digits && DateTimeMatters(f, options) && HasDateTime(s);
  return f;
}

// ------------------------------------------------------------------ classes

enum class Class : std::uint8_t { kBad, kShort, kNear, kGood };

// What earlier stages decided about a line.
enum class State : std::uint8_t {
  kFree,       // undecided: the classifier may drop it
  kChrome,     // a rule or an earlier detector dropped it: counts as bad
  kProtected,  // a keep rule decided it: counts as good, never dropped
};

struct Line {
  Block* block = nullptr;
  Shape shape;
  State state = State::kFree;
  Class cf = Class::kShort;   // context-free class
  Class rev = Class::kShort;  // after context revision
  bool list = false;          // inside a list introduced by a ':' line
  double score = 0;
  // Context, kept here rather than in per-call arrays. Revise: cf with headings
  // promoted, and the nearest such class before / after that is not short (any)
  // or is bad or good (strong). Score: whether the nearest line before / after
  // that was not dropped earlier is text.
  Class cur = Class::kShort;
  Class prev_any = Class::kBad, prev_strong = Class::kBad;
  Class next_any = Class::kBad, next_strong = Class::kBad;
  bool text_before = false, text_after = false;
  // The reading's verdict: the reason the line goes ("detect.content.<class>"),
  // or nullptr when it stays.
  const char* drop = nullptr;
};

constexpr int kHeadingWords = 15;  // a heading is at most this long, without an ending
constexpr int kPenaltyWords = 20;  // longer chrome lines cost no more than this

Class ContextFree(const Shape& f, const ContentClassifierOptions& o) {
  if (f.words == 0) return Class::kBad;
  if (f.copyright && f.words <= o.max_copyright_words) return Class::kBad;
  if (f.url && f.words <= o.max_url_words) return Class::kBad;
  if (f.separators >= 2 && !f.terminal) return Class::kBad;
  if (f.letters > 0 && f.digits > f.letters && f.words < 10) return Class::kBad;
  if (f.datetime && f.words <= o.max_date_words && !f.terminal) return Class::kBad;
  const bool sentence = f.terminal || f.colon;
  if ((sentence && f.words >= o.good_words) || f.words >= o.good_words_unpunctuated) {
    return Class::kGood;
  }
  if ((sentence && f.words >= o.near_words) || f.words >= o.near_words_unpunctuated) {
    return Class::kNear;
  }
  return Class::kShort;
}

bool IsMenuLine(const Shape& f, const ContentClassifierOptions& o) {
  return f.words <= o.menu_item_words && !f.terminal && !f.bullet;
}

// Lines in runs of at least three menu-like lines, plus the '©' lines: the
// navigation and footer every scraped page carries and a clean article lacks.
int ChromeEvidence(const std::vector<Line>& lines, const ContentClassifierOptions& o) {
  int evidence = 0;
  int run = 0;
  for (const Line& l : lines) {
    if (l.shape.copyright) evidence += o.copyright_evidence;
    if (IsMenuLine(l.shape, o)) {
      ++run;
      continue;
    }
    if (run >= 3) evidence += run;
    run = 0;
  }
  if (run >= 3) evidence += run;
  return evidence;
}

// Marks the lines a text line ending in ':' introduces ("Here are the results:"):
// a list or table of the article, up to the next sentence, a '©' line or two
// menu-like lines without digits.
void MarkLists(std::vector<Line>& lines, const ContentClassifierOptions& o) {
  const std::size_t n = lines.size();
  auto menu = [&](std::size_t j) {
    return IsMenuLine(lines[j].shape, o) && lines[j].shape.digits == 0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Line& intro = lines[i];
    if (!intro.shape.colon || (intro.cf != Class::kGood && intro.cf != Class::kNear)) continue;
    const std::size_t last = i + static_cast<std::size_t>(std::max(o.max_list_lines, 0));
    for (std::size_t j = i + 1; j < n && j <= last; ++j) {
      const Shape& f = lines[j].shape;
      if (lines[j].cf == Class::kGood && f.terminal && !f.bullet) break;
      if (f.copyright) break;
      if (menu(j) && j + 1 < n && menu(j + 1)) break;
      lines[j].list = true;
    }
  }
}

// jusText's context pass, for text: a heading right before good text counts as
// neargood; a short line becomes good between text with good on one side, unless
// it sits in a long run of one-to-three-word lines (a menu); a neargood line is
// good unless bad lies on both sides. The page edges count as bad.
void Revise(std::vector<Line>& lines, const ContentClassifierOptions& o) {
  const std::size_t n = lines.size();
  // cur: classes with headings promoted; the passes below read cur, write rev.
  for (std::size_t i = 0; i < n; ++i) {
    Line& l = lines[i];
    l.rev = l.cf;
    const bool heading = l.shape.words <= kHeadingWords && !l.shape.terminal && !l.shape.colon;
    if (l.cf == Class::kShort && heading && i + 1 < n && lines[i + 1].cf == Class::kGood) {
      l.rev = Class::kNear;
    }
  }
  // Nearest line before / after each line that is not short (and not neargood).
  for (Line& l : lines) l.cur = l.rev;
  Class any = Class::kBad, strong = Class::kBad;
  for (Line& l : lines) {
    l.prev_any = any;
    l.prev_strong = strong;
    if (l.cur != Class::kShort) any = l.cur;
    if (l.cur == Class::kBad || l.cur == Class::kGood) strong = l.cur;
  }
  any = strong = Class::kBad;
  for (auto l = lines.rbegin(); l != lines.rend(); ++l) {
    l->next_any = any;
    l->next_strong = strong;
    if (l->cur != Class::kShort) any = l->cur;
    if (l->cur == Class::kBad || l->cur == Class::kGood) strong = l->cur;
  }
  std::size_t i = 0;
  while (i < n) {
    if (lines[i].cur == Class::kNear) {
      const bool both_bad =
          lines[i].prev_strong == Class::kBad && lines[i].next_strong == Class::kBad;
      lines[i].rev = both_bad ? Class::kBad : Class::kGood;
      ++i;
      continue;
    }
    if (lines[i].cur != Class::kShort) {
      ++i;
      continue;
    }
    std::size_t end = i;
    int words = 0;
    while (end < n && lines[end].cur == Class::kShort) words += lines[end++].shape.words;
    const std::size_t run = end - i;
    const bool menu = run > static_cast<std::size_t>(o.max_short_run) &&
                      static_cast<double>(words) / static_cast<double>(run) < o.menu_run_words;
    for (std::size_t k = i; k < end; ++k) {
      const Class pv = lines[k].prev_any, nx = lines[k].next_any;
      const bool good = !menu && pv != Class::kBad && nx != Class::kBad &&
                        (pv == Class::kGood || nx == Class::kGood);
      lines[k].rev = good ? Class::kGood : Class::kBad;
    }
    i = end;
  }
}

// Per-line region scores. They come from the context-free classes: lines the
// context pass promoted must not pull the region across a teaser list.
void Score(std::vector<Line>& lines, const ContentClassifierOptions& o) {
  const std::size_t n = lines.size();
  // Whether the nearest line before / after that was not dropped earlier is text:
  // a rule removing an inline ad must not isolate the paragraphs around it.
  bool text = false;
  for (std::size_t i = 0; i < n; ++i) {
    lines[i].text_before = text;
    if (lines[i].state != State::kChrome) {
      text = lines[i].cf == Class::kGood || lines[i].cf == Class::kNear;
    }
  }
  text = false;
  for (std::size_t i = n; i-- > 0;) {
    lines[i].text_after = text;
    if (lines[i].state != State::kChrome) {
      text = lines[i].cf == Class::kGood || lines[i].cf == Class::kNear;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    Line& l = lines[i];
    const double words = l.shape.words;
    if (l.cf == Class::kGood || (l.cf == Class::kNear && l.rev == Class::kGood)) {
      // Article paragraphs come in runs; a text line alone between chrome is
      // usually a teaser summary or a comment.
      const bool alone = !lines[i].text_before && !lines[i].text_after;
      double s = std::min(words, static_cast<double>(o.score_cap)) *
                 (l.cf == Class::kGood ? 1.0 : o.near_factor);
      l.score = s * (alone ? o.alone_factor : 1.0);
    } else if (l.list) {
      l.score = 0;
    } else {
      l.score = -o.line_penalty -
                std::min(words, static_cast<double>(kPenaltyWords)) * o.line_word_penalty;
    }
  }
}

}  // namespace

namespace {

// Every line of the page body with its shape and what earlier stages decided.
// Shapes depend only on options the strict and relaxed readings share
// (max_url_words, max_date_words), so both readings use them.
std::vector<Line> ShapeLines(Document& doc, const ContentClassifierOptions& options) {
  std::vector<Line> lines;
  lines.reserve(doc.blocks.size());
  for (Block& b : doc.blocks) {
    if (b.verdict == Verdict::kTitle) continue;  // the title is not part of the page body
    // Filled in place: a Line built on the stack and copied in costs a
    // store-forwarding stall per field.
    Line& l = lines.emplace_back();
    l.block = &b;
    l.shape = ComputeShape(b.text, b.features, options);
    if (b.verdict == Verdict::kDrop) {
      l.state = State::kChrome;
    } else if (b.decided) {
      l.state = State::kProtected;
    }
  }
  return lines;
}

enum class Outcome { kNoText, kDecided };

// One reading of the page under `options`: sets every line's drop. Writes
// nothing to the blocks, so a second reading can start from the same lines.
Outcome Read(std::vector<Line>& lines, const ContentClassifierOptions& options) {
  for (Line& l : lines) {
    l.drop = nullptr;
    l.list = false;  // MarkLists only sets it
    switch (l.state) {
      case State::kFree:
        l.cf = ContextFree(l.shape, options);
        break;
      case State::kChrome:
        l.cf = Class::kBad;
        break;
      case State::kProtected:
        l.cf = Class::kGood;
        break;
    }
  }
  MarkLists(lines, options);
  Revise(lines, options);
  Score(lines, options);

  // The main region: the max-sum segment (Kadane), then any list it introduces.
  double best = 0, sum = 0;
  std::ptrdiff_t lo = 0, hi = -1, start = 0;
  const auto n = static_cast<std::ptrdiff_t>(lines.size());
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += lines[static_cast<std::size_t>(i)].score;
    if (sum > best) {
      best = sum;
      lo = start;
      hi = i;
    }
  }
  if (hi < lo) return Outcome::kNoText;  // nothing to anchor a decision on
  while (hi + 1 < n && lines[static_cast<std::size_t>(hi + 1)].list) ++hi;

  for (std::ptrdiff_t i = 0; i < n; ++i) {
    Line& l = lines[static_cast<std::size_t>(i)];
    if (l.state != State::kFree) continue;
    const bool inside = i >= lo && i <= hi;
    if (inside && (l.rev == Class::kGood || l.list)) continue;
    const char* reason = "detect.content.outside-region";
    if (l.cf == Class::kBad) {
      reason = "detect.content.bad";
    } else if (l.rev != Class::kGood) {
      reason = l.cf == Class::kNear ? "detect.content.neargood" : "detect.content.short";
    }
    l.drop = reason;
  }
  return Outcome::kDecided;
}

// Words of the blocks kept (the title aside) were the reading in `lines`
// applied to the page: dropped lines are blocks kept until now.
int KeptBodyWords(const Document& doc, const std::vector<Line>& lines) {
  int words = 0;
  for (const Block& b : doc.blocks) {
    if (b.verdict == Verdict::kKeep) words += b.features.words;
  }
  for (const Line& l : lines) {
    if (l.drop != nullptr) words -= l.block->features.words;
  }
  return words;
}

void Apply(const std::vector<Line>& lines) {
  for (const Line& l : lines) {
    if (l.drop == nullptr) continue;
    l.block->verdict = Verdict::kDrop;
    l.block->reason = l.drop;
  }
}

}  // namespace

void ClassifyContent(Document& doc, const ContentClassifierOptions& options) {
  std::vector<Line> lines = ShapeLines(doc, options);
  if (ChromeEvidence(lines, options) < options.min_chrome_evidence) return;  // a clean page
  const Outcome outcome = Read(lines, options);
  const int strict_words = outcome == Outcome::kDecided ? KeptBodyWords(doc, lines) : -1;
  if (strict_words < options.min_body_words) {
    // Next to no prose left: maybe the page has none (a race calendar, a meal
    // plan, a gadget list as short lines). Read it again with any line longer
    // than a menu item as text, and keep that reading if it finds more.
    std::vector<const char*> strict(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) strict[i] = lines[i].drop;
    ContentClassifierOptions relaxed = options;
    relaxed.good_words = relaxed.good_words_unpunctuated = options.relaxed_good_words;
    relaxed.near_words = relaxed.near_words_unpunctuated = options.menu_item_words + 1;
    if (Read(lines, relaxed) != Outcome::kDecided || KeptBodyWords(doc, lines) <= strict_words) {
      for (std::size_t i = 0; i < lines.size(); ++i) lines[i].drop = strict[i];
    }
  }
  Apply(lines);
}

}  // namespace cleaner
