#include "cleaner/normalize/decode.h"

#include <cstring>

#include <utf8proc.h>

#include "cleaner/normalize/utf8_step.h"

namespace cleaner {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the ASCII prefix of [p, end), eight bytes at a time.
std::size_t AsciiPrefix(const unsigned char* p, const unsigned char* end) {
  const unsigned char* start = p;
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ULL) break;
    p += 8;
  }
  while (p < end && *p < 0x80) ++p;
  return static_cast<std::size_t>(p - start);
}

}  // namespace

DecodedText DecodeUtf8(std::string_view bytes) {
  DecodedText out;
  if (bytes.starts_with(kBom)) {
    bytes.remove_prefix(kBom.size());
    out.had_bom = true;
  }
  // The offset is reported to the user: count it in the file's bytes, BOM included.
  out.first_nul = bytes.find('\0');
  if (out.first_nul != std::string_view::npos && out.had_bom) out.first_nul += kBom.size();
  out.text.reserve(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  // Bytes from `kept` to p are valid: copied in one append when an invalid
  // sequence (or the end) is reached.
  const auto* kept = p;
  while (p < end) {
    p += AsciiPrefix(p, end);
    if (p >= end) break;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = NextCodePoint(p, end, &cp);
    if (n > 0) {
      p += n;
      continue;
    }
    // One replacement per maximal invalid run start; skip continuation bytes of it.
    out.text.append(reinterpret_cast<const char*>(kept), static_cast<std::size_t>(p - kept));
    out.text.append(kReplacement);
    ++out.invalid_sequences;
    ++p;
    while (p < end && (*p & 0xC0) == 0x80) ++p;
    kept = p;
  }
  out.text.append(reinterpret_cast<const char*>(kept), static_cast<std::size_t>(end - kept));
  return out;
}

}  // namespace cleaner
