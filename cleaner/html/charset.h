// Bytes of an HTML page -> valid UTF-8. Order of authority: a byte-order mark,
// then the caller's forced charset, then a declaration in the first 4 KB
// (<meta charset>, <meta http-equiv=content-type>, <?xml encoding>), then the
// bytes themselves (valid UTF-8, else windows-1252). A declared single-byte or
// legacy charset is ignored when the bytes are valid, non-ASCII UTF-8: scrapers
// often re-encode pages to UTF-8 and leave the old <meta> behind. Never fails:
// unknown or broken declarations give a warning and UTF-8 with repair.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cleaner::html {

struct HtmlText {
  std::string text;                   // valid UTF-8, no BOM
  std::string charset;                // what the bytes were read as: "UTF-8", "WINDOWS-1252", ...
  std::string source;                 // why: "bom", "forced", "meta", "bytes" or "fallback"
  std::size_t invalid_sequences = 0;  // replaced by U+FFFD
  std::vector<std::string> warnings;
};

// The charset label declared in the first 4 KB, as written (trimmed), or "".
std::string SniffDeclaredCharset(std::string_view bytes);

// A charset label (any case, WHATWG aliases) -> the iconv name we decode it
// with, e.g. "latin1" -> "WINDOWS-1252", "gb2312" -> "GBK", "utf8" -> "UTF-8".
// Unknown labels come back upper-cased for iconv to judge; "" for an empty label.
std::string CanonicalCharset(std::string_view label);

// Converts with iconv; bytes iconv rejects become U+FFFD (counted in
// `invalid`). Returns false when iconv does not know `from`.
bool TranscodeToUtf8(std::string_view bytes, const std::string& from, std::string& out,
                     std::size_t& invalid);

HtmlText DecodeHtmlBytes(std::string_view bytes, std::string_view forced_charset);

}  // namespace cleaner::html
