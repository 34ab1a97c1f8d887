// What an anchored rule pattern's matches must start with, as case-folded
// literal strings, so a block can be checked against ~200 anchored patterns by
// one walk of a prefix trie (prefix_trie.h) instead of several RE2::Set calls:
// RE2 then only confirms the few patterns whose prefix the block starts with.
//
// The analysis is conservative: a pattern it cannot bound (a class such as
// \p{Lu} or \w at its start, an unknown construct, too many strings) has no
// prefixes and keeps being matched by RE2 on every block. A false "no" would
// lose a match, so every approximation errs towards "may match".
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cleaner {

// Longest prefix kept, in folded bytes: enough to tell "the article" from
// "the company", short enough that the cross products of alternatives stay
// small, and that std::string keeps them without allocating.
constexpr std::size_t kPrefixBytes = 15;

// Stands for the end of the text ('$') in prefixes and folded block starts: a
// byte valid UTF-8 never holds, so "share\xff" only lets through a block that
// is "Share" and nothing more.
constexpr char kEndOfText = '\xff';

// For a pattern that can only match at the start of the text ('^' first;
// PatternStartsAnchored): folded strings at least one of which every match
// starts with, once the text's leading whitespace is skipped (FoldBlockStart);
// none empty or starting with whitespace. nullopt when the pattern cannot be
// bounded that way.
std::optional<std::vector<std::string>> AnchoredPrefixes(std::string_view pattern);

// Folds one code point the way prefixes and block starts are compared: every
// code point RE2's (?i) treats as equal folds to the same one (ASCII
// lowercased; others lower(upper(c)), which maps K, k and the Kelvin sign to
// k, or σ, ς and Σ to σ); ASCII digits all fold to '0' and whitespace to ' '.
char32_t FoldCodePoint(char32_t c);

// The first kPrefixBytes bytes of `text` folded, after its leading whitespace
// (RE2's \s: space, \t, \n, \f, \r; and \v) is skipped, into `out`; when the
// text ends before that, its folded rest and kEndOfText. Invalid UTF-8 bytes
// are copied as they are.
void FoldBlockStart(std::string_view text, std::string& out);

// How ASCII folds, shared by the analysis and BlockStartFolder's inline path.
namespace prefix_fold {

// Whitespace skipped at a block's start: RE2's \s, plus \v (skipping more than
// a pattern could is safe: RE2 still confirms).
inline constexpr bool IsSkippedSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v';
}

// ASCII folded: lowercase; every digit is '0' and every whitespace character a
// space, so "\\d{1,2}:\\d{2}" or "\\s+" give a handful of prefixes, not hundreds.
inline constexpr std::array<char, 128> kFoldAscii = [] {
  std::array<char, 128> fold{};
  for (int c = 0; c < 128; ++c) {
    char f = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z') f = static_cast<char>(c + ('a' - 'A'));
    if (c >= '0' && c <= '9') f = '0';
    if (IsSkippedSpace(static_cast<char32_t>(c))) f = ' ';
    fold[static_cast<std::size_t>(c)] = f;
  }
  return fold;
}();

// Runs of digits or of whitespace fold to one '0' or one ' ', so "\\d+" or
// "\\s+" is one exact string, not an open-ended one that stops the prefix.
inline constexpr bool Collapses(char c) { return c == '0' || c == ' '; }

}  // namespace prefix_fold

// FoldBlockStart one byte at a time, for a trie walk that mostly stops after
// a byte or two: nothing past where it stops is folded.
class BlockStartFolder {
 public:
  explicit BlockStartFolder(std::string_view text);
  // The next folded byte (0-255), or -1 after the last.
  int operator()() {
    if (emitted_ >= kPrefixBytes) return -1;
    if (pending_at_ < pending_size_) return Emit(pending_[pending_at_++]);
    while (at_ < text_.size()) {
      const auto byte = static_cast<unsigned char>(text_[at_]);
      if (byte >= 0x80) return NextNonAscii();
      ++at_;
      const char folded = prefix_fold::kFoldAscii[byte];
      if (prefix_fold::Collapses(folded) && folded == last_) continue;  // runs fold to one
      return Emit(folded);
    }
    if (ended_) return -1;
    ended_ = true;
    return Emit(kEndOfText);
  }

 private:
  int NextNonAscii();
  int Emit(char c) {
    last_ = c;
    ++emitted_;
    return static_cast<unsigned char>(c);
  }
  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t emitted_ = 0;
  char last_ = 0;
  bool ended_ = false;
  char pending_[4] = {};  // the rest of a folded multi-byte character
  int pending_at_ = 0, pending_size_ = 0;
};

}  // namespace cleaner
