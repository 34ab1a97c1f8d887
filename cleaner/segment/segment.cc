#include "cleaner/segment/segment.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include <utf8proc.h>

#include "cleaner/normalize/utf8_step.h"
#include "cleaner/segment/ascii_bytes.h"

namespace cleaner {
namespace {

bool IsWordChar(utf8proc_int32_t cp, utf8proc_category_t cat) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
  switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

// The \w categories beyond letters and numbers, which the content classifier
// does not count as word characters.
bool IsMarkOrConnector(utf8proc_category_t cat) {
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
         cat == UTF8PROC_CATEGORY_ME || cat == UTF8PROC_CATEGORY_PC;
}

// Scripts written without spaces: each character is a word.
bool IsIdeographic(utf8proc_int32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // kana
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK ext A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3FFFF);  // CJK ext B..
}

bool IsSentenceEnd(utf8proc_int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ || cp == 0x3002 /* 。 */ ||
         cp == 0xFF01 /* ！ */ || cp == 0xFF1F /* ？ */ || cp == 0x061F /* ؟ */ ||
         cp == 0x0964 /* । */;
}

bool IsClosingQuoteOrBracket(utf8proc_int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0x00BB || cp == 0x300D || cp == 0x300F || cp == 0xFF09;
}

template <typename F>
void ForEachCodePoint(std::string_view text, F&& f) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    utf8proc_int32_t cp;
    if (*p < 0x80) {
      cp = *p++;
    } else {
      utf8proc_ssize_t n = NextCodePoint(p, end, &cp);
      if (n <= 0) {
        cp = 0xFFFD;
        n = 1;
      }
      p += n;
    }
    f(cp);
  }
}

// "• ", "- ", "* ", "1. ", "2) ", "a) " and friends.
bool StartsWithBullet(std::string_view t) {
  static constexpr std::string_view kBullets[] = {"•", "·", "▪", "◦", "‣", "►", "▶", "■", "□",
                                                  "●", "○", "–", "—", "-", "*", "+", "✓", "✔"};
  // Every bullet starts with one of these bytes; most lines skip the list.
  const char c = t.empty() ? '\0' : t.front();
  const bool maybe = c == '\xE2' || c == '\xC2' || c == '-' || c == '*' || c == '+';
  for (std::string_view b : kBullets) {
    if (!maybe) break;
    if (t.starts_with(b)) {
      std::string_view rest = t.substr(b.size());
      return rest.empty() || rest.front() == ' ' || rest.front() == '\t';
    }
  }
  std::size_t i = 0;
  while (i < t.size() && i < 3 && t[i] >= '0' && t[i] <= '9') ++i;
  if (i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ') return true;
  return false;
}

}  // namespace

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  ForEachCodePoint(text, [&](utf8proc_int32_t cp) {
    if (IsIdeographic(cp)) {
      ++words;
      in_word = false;
      return;
    }
    bool w = IsWordChar(cp, cp < 0x80 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp));
    if (w && !in_word) ++words;
    in_word = w;
  });
  return words;
}

namespace {

// Character classes of ASCII bytes, so the common case needs no utf8proc call.
enum AsciiClass : std::uint8_t {
  kUpper = 1,
  kLower = 2,
  kDigit = 4,
  kWordChar = 8,
  kSentenceEnd = 16,
  kClosing = 32,
  kSpace = 64
};

constexpr std::array<std::uint8_t, 128> MakeAsciiTable() {
  std::array<std::uint8_t, 128> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper | kWordChar;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower | kWordChar;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit | kWordChar;
  t['_'] = kWordChar;
  t['.'] = t['!'] = t['?'] = kSentenceEnd;
  t['"'] = t['\''] = t[')'] = t[']'] = kClosing;
  t[' '] = t['\t'] = kSpace;
  return t;
}
constexpr std::array<std::uint8_t, 128> kAscii = MakeAsciiTable();

// What ComputeFeatures' eight-byte steps count, per byte position (see
// ascii::SumLanes): added to the totals before a lane can pass 255.
struct ByteLaneCounts {
  std::uint64_t letters = 0, uppercase = 0, digits = 0, word_starts = 0;
  int steps = 0;
  void AddTo(int& letters_total, int& uppercase_total, int& digits_total, int& words_total) {
    letters_total += ascii::SumLanes(letters);
    uppercase_total += ascii::SumLanes(uppercase);
    digits_total += ascii::SumLanes(digits);
    words_total += ascii::SumLanes(word_starts);
    *this = {};
  }
};

}  // namespace

BlockFeatures ComputeFeatures(std::string_view text) {
  BlockFeatures f;
  f.computed = true;
  // Leading blanks (a plain loop: find_first_not_of calls memchr per byte).
  std::size_t lead = 0;
  while (lead < text.size() && (text[lead] == ' ' || text[lead] == '\t')) ++lead;
  f.indent = lead == text.size() ? 0 : static_cast<int>(lead);
  // Counters and state in locals (registers); flags as 0 / 1 for the word path.
  int chars = 0, letters = 0, uppercase = 0, digits = 0, words = 0, sentences = 0;
  std::uint64_t in_word = 0;
  std::uint64_t prev_is_end = 0;  // the previous character ends a sentence
  bool seen_letter = false;
  bool last_is_end = false;  // last non-space, non-closing character ends a sentence
  bool plain = true;         // see BlockFeatures::plain_bytes
  ByteLaneCounts lanes;      // the eight-byte steps' counts
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // Eight ASCII bytes at once (fewer at the end of the line, zero-filled): the
    // same steps as the code point loop below.
    const auto n = static_cast<std::size_t>(std::min<std::ptrdiff_t>(end - p, 8));
    const std::uint64_t x = n == 8             ? ascii::Load8(p)
                            : text.size() >= 8 ? ascii::LoadLast(end, n)
                                               : ascii::LoadPartial(p, n);
    if (!ascii::NonAscii(x)) {
      const std::uint64_t valid = ascii::FirstBytes(n);
      const std::uint64_t letter = ascii::Letters(x);
      const std::uint64_t digit = ascii::InRange(x, '0', '9');
      std::uint64_t word = letter | digit;
      std::uint64_t space = ascii::Equal(x, ' ');
      const std::uint64_t upper = letter & ~(x << 2);  // a letter without 0x20 set
      chars += static_cast<int>(n);
      lanes.letters += letter >> 7;
      lanes.uppercase += upper >> 7;
      lanes.digits += digit >> 7;
      if (!seen_letter && letter != 0) {
        f.starts_capital = (upper >> (ascii::First(letter) * 8)) & 0x80;
        seen_letter = true;
      }
      if ((valid & ~(word | space)) == 0) {
        // Most chunks of prose hold letters, digits and spaces only: no sentence
        // ends here, so only a space right after the previous chunk's can count.
        sentences += static_cast<int>(prev_is_end & (space >> 7));  // "end. Next"
        if ((valid & ~space) != 0) last_is_end = false;
        prev_is_end = 0;
      } else {
        word |= ascii::Equal(x, '_');
        space |= ascii::Equal(x, '\t');
        const std::uint64_t is_end =
            ascii::Equal(x, '.') | ascii::Equal(x, '!') | ascii::Equal(x, '?');
        const std::uint64_t closing = ascii::Equal(x, '"') | ascii::Equal(x, '\'') |
                                      ascii::Equal(x, ')') | ascii::Equal(x, ']');
        sentences += ascii::Count(space & ascii::Previous(is_end, prev_is_end));  // "end. Next"
        if (const std::uint64_t other = valid & ~(space | closing); other != 0) {
          last_is_end = (is_end >> (ascii::Last(other) * 8)) & 0x80;
        }
        prev_is_end = is_end >> 63;
      }
      lanes.word_starts += (word & ~ascii::Previous(word, in_word)) >> 7;
      in_word = word >> 63;
      if (++lanes.steps == 255) lanes.AddTo(letters, uppercase, digits, words);
      p += n;
      continue;
    }
    const utf8proc_uint8_t* stop = p + n;  // where the code point loop hands back
    while (p < stop) {
      ++chars;
      if (*p < 0x80) {
        const std::uint8_t cls = kAscii[*p++];
        if (cls & (kUpper | kLower)) {
          ++letters;
          if (cls & kUpper) ++uppercase;
          if (!seen_letter) {
            f.starts_capital = cls & kUpper;
            seen_letter = true;
          }
        }
        if (cls & kDigit) ++digits;
        const std::uint64_t w = (cls & kWordChar) != 0;
        words += static_cast<int>(w & ~in_word);
        in_word = w;
        if (cls & kSpace) {
          if (prev_is_end) ++sentences;  // "end. Next": not "3.5" or "U.S"
        } else if (!(cls & kClosing)) {
          last_is_end = cls & kSentenceEnd;
        }
        prev_is_end = (cls & kSentenceEnd) != 0;
        continue;
      }
      utf8proc_int32_t cp;
      utf8proc_ssize_t step = NextCodePoint(p, end, &cp);
      if (step <= 0) {
        cp = 0xFFFD;
        step = 1;
      }
      p += step;
      const auto cat = static_cast<utf8proc_category_t>(utf8proc_category(cp));
      if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
        ++letters;
        if (cat == UTF8PROC_CATEGORY_LU) ++uppercase;
        if (!seen_letter) {
          // Caseless scripts (CJK, Arabic, ...) count as capitalised.
          f.starts_capital = cat != UTF8PROC_CATEGORY_LL;
          seen_letter = true;
        }
      }
      if (cat == UTF8PROC_CATEGORY_ND) ++digits;
      if (IsIdeographic(cp)) {
        ++words;
        in_word = 0;
        plain = false;
      } else {
        plain = plain && !IsMarkOrConnector(cat);
        const std::uint64_t w = IsWordChar(cp, cat);
        words += static_cast<int>(w & ~in_word);
        in_word = w;
      }
      const bool is_end = IsSentenceEnd(cp);
      if (cat == UTF8PROC_CATEGORY_ZS) {
        if (prev_is_end) ++sentences;
      } else if (!IsClosingQuoteOrBracket(cp)) {
        last_is_end = is_end;
      }
      prev_is_end = is_end;
    }
  }
  lanes.AddTo(letters, uppercase, digits, words);
  f.chars = chars;
  f.plain_bytes = plain ? static_cast<int>(text.size()) : -1;
  f.letters = letters;
  f.uppercase = uppercase;
  f.digits = digits;
  f.words = words;
  f.terminal_punct = last_is_end;
  f.sentences = sentences + (last_is_end ? 1 : 0);
  return f;
}

BlockKind ClassifyKind(std::string_view text, const BlockFeatures& f) {
  std::string_view t = text.substr(static_cast<std::size_t>(f.indent));
  if (StartsWithBullet(t) || (f.indent >= 2 && f.words > 0)) return BlockKind::kListItem;
  if ((f.terminal_punct && f.words >= 6) || f.words >= 30) return BlockKind::kParagraph;
  bool ends_with_colon = !t.empty() && t.back() == ':';
  if (f.words >= 1 && f.words <= 20 && f.starts_capital && (!f.terminal_punct || t.back() == '?') &&
      !ends_with_colon) {
    return BlockKind::kHeading;
  }
  return BlockKind::kLine;
}

void SegmentLines(NormalizedText&& text, Document& doc) {
  doc.input_lines = text.total_lines;
  doc.blocks.clear();
  doc.blocks.reserve(text.lines.size());
  for (NormalizedLine& line : text.lines) {
    Block& block = doc.blocks.emplace_back();  // built in place: a Block is large
    block.features = ComputeFeatures(line.text);
    block.kind = ClassifyKind(line.text, block.features);
    block.text = std::move(line.text);
    block.line = line.line;
  }
  doc.dropped_lines.clear();
  for (int n : text.blank_lines) doc.dropped_lines.push_back({n, "normalize.blank"});
}

}  // namespace cleaner
