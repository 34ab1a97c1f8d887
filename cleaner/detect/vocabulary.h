// Content-word vocabulary of a text, for detectors that ask "does this block
// talk about the same thing as the article?". Words are lowercased, 4+ letters.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cleaner/segment/ascii_bytes.h"

namespace cleaner {

// Calls emit(word) for each content word of `text` (a lowercased run of 4+
// letters, digits or combining marks), in order. `word` views `scratch`: it is
// valid until the next call. Allocates nothing once `scratch` has grown.
template <typename Emit>
void ForEachContentWord(std::string_view text, std::string& scratch, Emit&& emit);

// Appends the content words of `text` (lowercased runs of 4+ letters or digits).
void ContentWords(std::string_view text, std::vector<std::string>& out);

// Share of the distinct content words of `text` found in `vocabulary`;
// -1 when `text` has fewer than `min_words` content words.
double VocabularyOverlap(std::string_view text, const std::unordered_set<std::string>& vocabulary,
                         std::size_t min_words = 2);

// ------------------------------------------------------------------ details

namespace vocabulary_internal {

constexpr std::array<bool, 256> MakeAlnumTable() {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
  return t;
}
inline constexpr std::array<bool, 256> kAsciiAlnum = MakeAlnumTable();

inline bool IsAsciiAlnum(unsigned char c) { return kAsciiAlnum[c]; }

// Appends the lowercased code point at *p (non-ASCII) to `word` and advances p;
// false (p advanced one byte) when it is not a letter, digit or combining mark.
bool AppendNonAscii(const unsigned char*& p, const unsigned char* end, std::string& word);

}  // namespace vocabulary_internal

template <typename Emit>
void ForEachContentWord(std::string_view text, std::string& scratch, Emit&& emit) {
  using vocabulary_internal::IsAsciiAlnum;
  std::string& word = scratch;
  word.clear();
  int letters = 0;  // code points in `word`
  auto flush = [&] {
    if (letters == 0) return;
    if (letters >= 4) emit(std::string_view(word));
    word.clear();
    letters = 0;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80 && !IsAsciiAlnum(*p)) {  // a separator: mostly one space
      ++p;
      flush();
      continue;
    }
    if (*p < 0x80) {
      // A run of ASCII letters and digits at once; c | 0x20 lowercases them.
      const auto* run = p;
      // Eight bytes at a time up to the first byte that is not an ASCII letter or
      // digit; the line's last bytes zero-filled (NUL stops the run), so no byte
      // loop. The low seven bits are classified, the high bit stops the run too.
      while (p < end) {
        const auto n = static_cast<std::size_t>(std::min<std::ptrdiff_t>(end - p, 8));
        const std::uint64_t x = n == 8 ? ascii::Load8(p) : ascii::LoadPartial(p, n);
        const std::uint64_t low = x & ~ascii::kHigh;
        const std::uint64_t stop =
            (~(ascii::Letters(low) | ascii::InRange(low, '0', '9')) | ascii::NonAscii(x)) &
            ascii::kHigh;
        if (stop != 0) {
          p += ascii::First(stop);  // at most n: a zero-filled byte stops the run
          break;
        }
        p += 8;
      }
      const auto len = static_cast<std::size_t>(p - run);
      if (letters == 0 && (p == end || *p < 0x80) && len <= 64) {
        // A whole word of ASCII (the usual case): lowercased on the stack.
        if (len >= 4) {
          // Eight bytes at a time (`| 0x20` leaves ASCII digits as they are), the
          // first sixteen without a loop when the text has them: most words fit.
          // Bytes past the word may be copied too, never past the 64 bytes.
          char lower[64];
          constexpr std::uint64_t kLower = ascii::kOnes * 0x20;
          std::size_t k = 0;
          if (end - run >= 16) {
            ascii::Store8(lower, ascii::Load8(run) | kLower);
            ascii::Store8(lower + 8, ascii::Load8(run + 8) | kLower);
            k = 16;
          }
          for (; k < len; k += 8) {
            const std::size_t n = std::min<std::size_t>(len - k, 8);
            const std::uint64_t x = n == 8 ? ascii::Load8(run + k) : ascii::LoadPartial(run + k, n);
            ascii::Store8(lower + k, x | kLower);
          }
          emit(std::string_view(lower, len));
        }
        continue;
      }
      const std::size_t at = word.size();
      word.append(reinterpret_cast<const char*>(run), len);
      for (std::size_t k = at; k < word.size(); ++k) word[k] = static_cast<char>(word[k] | 0x20);
      letters += static_cast<int>(len);
      continue;
    }
    if (vocabulary_internal::AppendNonAscii(p, end, word)) {
      ++letters;
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace cleaner
