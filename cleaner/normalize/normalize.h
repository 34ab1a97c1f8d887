// Unicode clean-up of decoded text, line by line (utf8proc):
//   - CRLF, lone CR, U+2028 and U+2029 end a line;
//   - NFC, through a fast path that leaves ASCII and "NFC-inert" characters alone;
//   - no-break and every other space separator (Zs) become a plain space;
//   - zero-width space, word joiner and invisible operators, soft hyphen, stray
//     U+FEFF and C0/C1 control characters (except tab) are removed. ZWJ and ZWNJ
//     stay: they carry meaning in emoji sequences and Persian/Indic scripts;
//   - trailing white space is trimmed, leading indentation is kept;
//   - empty and whitespace-only lines are reported, not returned.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cleaner {

struct NormalizedLine {
  std::string text;
  int line = 0;  // 1-based line number in the input
};

struct NormalizedText {
  std::vector<NormalizedLine> lines;  // non-blank lines, in order
  std::vector<int> blank_lines;       // line numbers dropped as empty / whitespace only
  int total_lines = 0;
};

// `text` must be valid UTF-8 (see DecodeUtf8).
NormalizedText NormalizeLines(std::string_view text);

// Normalizes one line's characters (no line splitting); exposed for tests and for
// the HTML segmenter.
std::string NormalizeLine(std::string_view line);

}  // namespace cleaner
