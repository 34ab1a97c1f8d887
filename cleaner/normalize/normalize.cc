#include "cleaner/normalize/normalize.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include <utf8proc.h>

#include "cleaner/normalize/utf8_step.h"
#include "cleaner/segment/ascii_bytes.h"

namespace cleaner {
namespace {

bool IsRemovedInvisible(utf8proc_int32_t cp) {
  return cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || cp == 0x00AD || cp == 0xFEFF ||
         cp == 0x180E || (cp >= 0x80 && cp <= 0x9F);
}

// What NormalizeLine does with the BMP code points beyond ASCII. A "copied"
// code point stays as it is whatever surrounds it: NFC leaves it alone
// (combining class 0, NFC(c) == c, never the second element of a canonical
// composition, not a Hangul jamo), and it is neither a space separator nor a
// removed invisible. A line made only of these (and printable ASCII) is copied
// whole, with no utf8proc call.
class CopiedTable {
 public:
  CopiedTable() {
    std::bitset<0x10000> second;  // second (or later) element of some decomposition
    utf8proc_int32_t buf[8];
    for (utf8proc_int32_t cp = 0x80; cp < 0x10000; ++cp) {
      int last = 0;
      utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, &last);
      for (utf8proc_ssize_t i = 1; i < n && i < 8; ++i) {
        if (buf[i] < 0x10000) second.set(static_cast<std::size_t>(buf[i]));
      }
    }
    copied_.set();
    for (utf8proc_int32_t cp = 0x80; cp < 0x10000; ++cp) {
      const utf8proc_property_t* prop = utf8proc_get_property(cp);
      bool hangul_jamo = (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
                         (cp >= 0xD7B0 && cp <= 0xD7FF);
      // Only code points with a canonical decomposition can change under NFC
      // (singletons, exclusions); those few thousand are checked with utf8proc.
      bool canonical = prop->decomp_seqindex != UINT16_MAX && prop->decomp_type == 0;
      bool unstable = canonical && !NfcStable(cp);
      bool nfc_changes = prop->combining_class != 0 || hangul_jamo ||
                         second.test(static_cast<std::size_t>(cp)) || unstable;
      bool replaced = IsRemovedInvisible(cp) || prop->category == UTF8PROC_CATEGORY_ZS;
      if (nfc_changes || replaced) copied_.reset(static_cast<std::size_t>(cp));
    }
  }
  bool Copied(utf8proc_int32_t cp) const {
    return cp < 0x10000 && copied_.test(static_cast<std::size_t>(cp));
  }

 private:
  static bool NfcStable(utf8proc_int32_t cp) {
    utf8proc_uint8_t in[4];
    utf8proc_ssize_t len = utf8proc_encode_char(cp, in);
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t out_len = utf8proc_map(
        in, len, &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    bool same = out_len == len && out != nullptr && std::equal(in, in + len, out);
    std::free(out);
    return same;
  }
  std::bitset<0x10000> copied_;
};

const CopiedTable& Copied() {
  static const CopiedTable table;  // built once, on the first non-ASCII line
  return table;
}

bool IsSpaceSeparator(utf8proc_int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS; }

std::string Nfc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0 || out == nullptr) return s;  // cannot happen on valid UTF-8; keep the text
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

void TrimTrailingSpace(std::string& s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

// The first byte at or after p that is not printable ASCII (0x20..0x7E), or
// end; eight bytes at a time.
const utf8proc_uint8_t* SkipPrintableAscii(const utf8proc_uint8_t* p, const utf8proc_uint8_t* end) {
  for (; end - p >= 8; p += 8) {
    const std::uint64_t x = ascii::Load8(p);
    const std::uint64_t printable = ascii::InRange(x & ~ascii::kHigh, 0x20, 0x7E) & ~x;
    if (printable != ascii::kHigh) return p + ascii::First(printable ^ ascii::kHigh);
  }
  while (p < end && *p >= 0x20 && *p < 0x7F) ++p;
  return p;
}

const utf8proc_uint8_t* Bytes(std::string_view s) {
  return reinterpret_cast<const utf8proc_uint8_t*>(s.data());
}

// Offset of the first '\n', '\r' or 0xE2 (which starts U+2028 and U+2029) at or
// after `from`, or s.size(); eight bytes at a time, for long non-ASCII lines.
std::size_t NextBreakByte(std::string_view s, std::size_t from) {
  std::size_t i = from;
  for (; s.size() - i >= 8; i += 8) {
    const std::uint64_t x = ascii::Load8(s.data() + i);
    const std::uint64_t breaks = ascii::FirstEqualAny(x, '\n') | ascii::FirstEqualAny(x, '\r') |
                                 ascii::FirstEqualAny(x, 0xE2);
    if (breaks != 0) return i + static_cast<std::size_t>(ascii::First(breaks));
  }
  for (; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\xE2') return i;
  }
  return s.size();
}

}  // namespace

std::string NormalizeLine(std::string_view line) {
  const auto* p = Bytes(line);
  const auto* end = p + line.size();
  std::string out;
  out.reserve(line.size());
  // Bytes from `kept` to p are copied as they are, in one append when a
  // character that changes (or the end of the line) is reached.
  const auto* kept = p;
  auto replace = [&](std::size_t length, std::string_view with) {
    out.append(reinterpret_cast<const char*>(kept), static_cast<std::size_t>(p - kept));
    out.append(with);
    p += length;
    kept = p;
  };
  bool needs_nfc = false;
  while (p < end) {
    p = SkipPrintableAscii(p, end);
    if (p >= end) break;
    if (*p < 0x80) {  // a C0 control or DEL: dropped, but for tabs
      if (*p == '\t') {
        ++p;
      } else {
        replace(1, {});
      }
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = NextCodePoint(p, end, &cp);
    if (n <= 0) {  // not valid UTF-8: callers decode first; replace defensively
      replace(1, "\xEF\xBF\xBD");
    } else if (Copied().Copied(cp)) {
      p += n;
    } else if (IsRemovedInvisible(cp)) {
      replace(static_cast<std::size_t>(n), {});
    } else if (IsSpaceSeparator(cp)) {
      replace(static_cast<std::size_t>(n), " ");
    } else {  // kept, but NFC may change it or its neighbours
      needs_nfc = true;
      p += n;
    }
  }
  out.append(reinterpret_cast<const char*>(kept), static_cast<std::size_t>(end - kept));
  if (needs_nfc) out = Nfc(out);
  TrimTrailingSpace(out);
  return out;
}

NormalizedText NormalizeLines(std::string_view text) {
  NormalizedText result;
  std::size_t pos = 0;
  int line_no = 0;
  auto record = [&](std::string line) {  // the next line, normalized
    ++line_no;
    if (IsBlank(line)) {
      result.blank_lines.push_back(line_no);
    } else {
      result.lines.emplace_back(std::move(line), line_no);
    }
  };
  while (pos < text.size()) {
    // Fast path: a line of printable ASCII up to '\n' needs no normalizing but
    // the trailing-space trim. Eight bytes at a time; anything else (controls,
    // '\r', tabs, non-ASCII) goes through NormalizeLine below.
    std::size_t i = static_cast<std::size_t>(
        SkipPrintableAscii(Bytes(text) + pos, Bytes(text) + text.size()) - Bytes(text));
    if (i < text.size() && text[i] == '\n') {
      std::string_view raw = text.substr(pos, i - pos);
      while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
      record(std::string(raw));
      pos = i + 1;
      continue;
    }
    // Bytes before i are printable ASCII: no line break starts there.
    std::size_t next = std::string_view::npos;
    std::size_t line_end = text.size();
    for (i = NextBreakByte(text, i); i < text.size(); i = NextBreakByte(text, i + 1)) {
      char c = text[i];
      if (c == '\n') {
        line_end = i;
        next = i + 1;
        break;
      }
      if (c == '\r') {
        line_end = i;
        next = (i + 1 < text.size() && text[i + 1] == '\n') ? i + 2 : i + 1;
        break;
      }
      // U+2028 LINE SEPARATOR / U+2029 PARAGRAPH SEPARATOR: E2 80 A8 / E2 80 A9
      if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
          (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
        line_end = i;
        next = i + 3;
        break;
      }
    }
    record(NormalizeLine(text.substr(pos, line_end - pos)));
    if (next == std::string_view::npos) {
      pos = text.size();
      break;
    }
    pos = next;
  }
  result.total_lines = line_no;
  return result;
}

}  // namespace cleaner
