#include "cleaner/html/charset.h"

#include <iconv.h>

#include <cerrno>
#include <cstring>

#include "cleaner/html/tag_scanner.h"
#include "cleaner/normalize/decode.h"

namespace cleaner::html {
namespace {

constexpr std::size_t kSniffBytes = 4096;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsHtmlSpace(s.front()) || s.front() == '"' || s.front() == '\''))
    s.remove_prefix(1);
  while (!s.empty() && (IsHtmlSpace(s.back()) || s.back() == '"' || s.back() == '\''))
    s.remove_suffix(1);
  return s;
}

// "text/html; charset=windows-1251" -> "windows-1251".
std::string_view CharsetFromContentType(std::string_view content) {
  std::size_t at = FindLower(content, "charset");
  if (at == std::string_view::npos) return {};
  std::size_t i = at + 7;
  while (i < content.size() && IsHtmlSpace(content[i])) ++i;
  if (i >= content.size() || content[i] != '=') return {};
  ++i;
  while (i < content.size() && (IsHtmlSpace(content[i]) || content[i] == '"' || content[i] == '\''))
    ++i;
  std::size_t end = i;
  while (end < content.size() && !IsHtmlSpace(content[end]) && content[end] != ';' &&
         content[end] != '"' && content[end] != '\'')
    ++end;
  return content.substr(i, end - i);
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Upper-cases ASCII, for iconv names.
std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

bool IsUtf16(const std::string& name) { return name == "UTF-16LE" || name == "UTF-16BE"; }

bool IconvKnows(const std::string& name) {
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(cd);
  return true;
}

}  // namespace

std::string SniffDeclaredCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kSniffBytes);
  // <?xml version="1.0" encoding="ISO-8859-1"?>
  if (head.starts_with("<?xml")) {
    std::size_t close = head.find("?>");
    std::string_view decl = head.substr(0, close);
    std::size_t at = decl.find("encoding");
    if (at != std::string_view::npos) {
      std::size_t q = decl.find_first_of("\"'", at);
      if (q != std::string_view::npos) {
        std::size_t e = decl.find(decl[q], q + 1);
        if (e != std::string_view::npos) return std::string(Trim(decl.substr(q + 1, e - q - 1)));
      }
    }
  }
  Tag tag;
  std::size_t pos = 0;
  while (pos < head.size()) {
    const void* hit = std::memchr(head.data() + pos, '<', head.size() - pos);
    if (!hit) break;
    pos = static_cast<std::size_t>(static_cast<const char*>(hit) - head.data());
    ScanMarkup(head, pos, tag);
    if (tag.kind == MarkupKind::kStartTag && EqualsLower(tag.name, "meta")) {
      bool found = false;
      std::string_view cs = tag.Attr("charset", &found);
      if (found && !Trim(cs).empty()) return std::string(Trim(cs));
      if (EqualsLower(Trim(tag.Attr("http-equiv")), "content-type")) {
        std::string_view from_content = CharsetFromContentType(tag.Attr("content"));
        if (!from_content.empty()) return std::string(from_content);
      }
    }
    pos = tag.end > pos ? tag.end : pos + 1;
  }
  return {};
}

std::string CanonicalCharset(std::string_view label) {
  label = Trim(label);
  std::string l;
  l.reserve(label.size());
  for (char c : label) l.push_back(ToLowerAscii(c));
  if (l.empty()) return {};
  auto any = [&](std::initializer_list<std::string_view> names) {
    for (std::string_view n : names) {
      if (l == n) return true;
    }
    return false;
  };
  if (any({"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8"}))
    return "UTF-8";
  // A <meta> cannot truthfully declare UTF-16 (it would not be readable as ASCII).
  if (any({"utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "csunicode", "unicodefeff"}))
    return "UTF-8";
  if (any({"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "ascii", "us-ascii",
           "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
           "iso_8859-1:1987", "ansi_x3.4-1968", "x-user-defined"}))
    return "WINDOWS-1252";
  if (any({"iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254", "cp1254"}))
    return "WINDOWS-1254";
  if (any({"iso-8859-11", "tis-620", "windows-874", "dos-874"})) return "WINDOWS-874";
  if (any({"gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "gb_2312", "cp936",
           "ms936", "windows-936"}))
    return "GBK";
  if (l == "gb18030") return "GB18030";
  if (any({"big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"})) return "BIG5-HKSCS";
  if (any({"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis",
           "ms932", "cp932"}))
    return "CP932";
  if (any({"euc-kr", "ks_c_5601-1987", "windows-949", "korean", "cseuckr", "cp949"}))
    return "CP949";
  if (l.starts_with("cp125") && l.size() == 6) return "WINDOWS-" + l.substr(2);
  return Upper(l);
}

bool TranscodeToUtf8(std::string_view bytes, const std::string& from, std::string& out,
                     std::size_t& invalid) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.resize(bytes.size() * 2 + 64);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  while (true) {
    char* dst = out.data() + used;
    std::size_t out_left = out.size() - used;
    std::size_t r =
        iconv(cd, in_left > 0 ? &in : nullptr, in_left > 0 ? &in_left : nullptr, &dst, &out_left);
    used = out.size() - out_left;
    if (r != static_cast<std::size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ (a byte the charset does not map) or EINVAL (truncated at the end).
    const bool truncated = errno == EINVAL;
    if (out.size() - used < kReplacement.size()) out.resize(out.size() * 2);
    std::memcpy(out.data() + used, kReplacement.data(), kReplacement.size());
    used += kReplacement.size();
    ++invalid;
    if (truncated || in_left == 0) break;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state after the bad byte
  }
  // Flush any shift state (ISO-2022-*).
  char* dst = out.data() + used;
  std::size_t out_left = out.size() - used;
  iconv(cd, nullptr, nullptr, &dst, &out_left);
  used = out.size() - out_left;
  out.resize(used);
  iconv_close(cd);
  return true;
}

HtmlText DecodeHtmlBytes(std::string_view bytes, std::string_view forced_charset) {
  HtmlText out;
  auto finish_utf8 = [&](std::string_view utf8, const char* source) {
    DecodedText d = DecodeUtf8(utf8);
    out.text = std::move(d.text);
    out.invalid_sequences += d.invalid_sequences;
    out.charset = "UTF-8";
    out.source = source;
  };
  auto transcode = [&](std::string_view in, const std::string& cs, const char* source) {
    std::size_t invalid = 0;
    std::string text;
    if (!TranscodeToUtf8(in, cs, text, invalid)) return false;
    // iconv output is UTF-8 already; DecodeUtf8 is a cheap guarantee (and drops a BOM).
    finish_utf8(text, source);
    out.invalid_sequences += invalid;
    out.charset = cs;
    return true;
  };

  // 1. Byte-order mark.
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    finish_utf8(bytes.substr(3), "bom");
    return out;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const std::string cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (transcode(bytes.substr(2), cs, "bom")) return out;
  }

  // 2. The caller's charset.
  if (!forced_charset.empty()) {
    std::string cs = CanonicalCharset(forced_charset);
    if (cs == "UTF-8") {
      finish_utf8(bytes, "forced");
      return out;
    }
    if (IsAscii(bytes) && !cs.starts_with("ISO-2022") && !IsUtf16(cs) && IconvKnows(cs)) {
      finish_utf8(bytes, "forced");
      out.charset = cs;
      return out;
    }
    if (transcode(bytes, cs, "forced")) return out;
    out.warnings.push_back("unknown charset '" + std::string(forced_charset) +
                           "' given; read as UTF-8");
  }

  // 3. The page's declaration, checked against the bytes.
  DecodedText as_utf8 = DecodeUtf8(bytes);
  const bool valid_utf8 = as_utf8.invalid_sequences == 0;
  const bool ascii = valid_utf8 && as_utf8.text.size() == bytes.size() && IsAscii(bytes);
  std::string declared = SniffDeclaredCharset(bytes);
  std::string cs = CanonicalCharset(declared);
  if (!cs.empty() && cs != "UTF-8") {
    const bool escapes = cs.starts_with("ISO-2022") && bytes.find('\x1B') != std::string_view::npos;
    if (ascii && !escapes) {
      out.text = std::move(as_utf8.text);
      out.charset = cs;
      out.source = "meta";
      return out;
    }
    if (valid_utf8 && !escapes) {
      out.text = std::move(as_utf8.text);
      out.charset = "UTF-8";
      out.source = "bytes";
      out.warnings.push_back("page declares charset '" + declared +
                             "' but its bytes are valid UTF-8; read as UTF-8");
      return out;
    }
    if (transcode(bytes, cs, "meta")) return out;
    out.warnings.push_back("page declares unknown charset '" + declared +
                           "'; read as UTF-8 with repair");
    out.text = std::move(as_utf8.text);
    out.invalid_sequences = as_utf8.invalid_sequences;
    out.charset = "UTF-8";
    out.source = "fallback";
    return out;
  }

  // 4. No (usable) declaration: the bytes decide. Mostly-valid UTF-8 with a few bad
  // bytes is UTF-8 with damage; mostly-invalid is a legacy single-byte page.
  if (!valid_utf8 && cs.empty()) {
    std::size_t multibyte = 0;
    for (unsigned char c : bytes) multibyte += c >= 0xC2 && c <= 0xF4;
    if (as_utf8.invalid_sequences * 4 > multibyte) {
      if (transcode(bytes, "WINDOWS-1252", "fallback")) return out;
    }
  }
  out.text = std::move(as_utf8.text);
  out.invalid_sequences = as_utf8.invalid_sequences;
  out.charset = "UTF-8";
  out.source = cs.empty() ? "bytes" : "meta";
  return out;
}

}  // namespace cleaner::html
