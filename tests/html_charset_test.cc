// Charset detection and transcoding of HTML bytes (cleaner/html/charset.h).
#include <gtest/gtest.h>

#include <string>

#include "cleaner/html/charset.h"

namespace cleaner::html {
namespace {

bool HasWarning(const HtmlText& t, std::string_view needle) {
  for (const std::string& w : t.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(HtmlCharset, SniffsMetaCharsetHttpEquivAndXmlProlog) {
  EXPECT_EQ(SniffDeclaredCharset("<html><head><meta charset=\"windows-1251\">"), "windows-1251");
  EXPECT_EQ(SniffDeclaredCharset("<META CHARSET=Shift_JIS>"), "Shift_JIS");
  EXPECT_EQ(SniffDeclaredCharset("<meta http-equiv=\"Content-Type\" "
                                 "content=\"text/html; charset=ISO-8859-1\">"),
            "ISO-8859-1");
  EXPECT_EQ(SniffDeclaredCharset("<meta content='text/html;charset=gb2312' "
                                 "http-equiv='content-type'>"),
            "gb2312");
  EXPECT_EQ(SniffDeclaredCharset("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><html>"), "EUC-JP");
  EXPECT_EQ(SniffDeclaredCharset("<html><head><title>x</title></head>"), "");
  // A '>' inside a quoted attribute does not end the tag early.
  EXPECT_EQ(SniffDeclaredCharset("<meta name=\"a>b\" charset=\"koi8-r\">"), "koi8-r");
  // Beyond the first 4 KB nothing counts.
  EXPECT_EQ(SniffDeclaredCharset(std::string(5000, ' ') + "<meta charset=latin1>"), "");
}

TEST(HtmlCharset, CanonicalNamesFollowWhatwgAliases) {
  EXPECT_EQ(CanonicalCharset("UTF8"), "UTF-8");
  EXPECT_EQ(CanonicalCharset(" latin1 "), "WINDOWS-1252");
  EXPECT_EQ(CanonicalCharset("ISO-8859-1"), "WINDOWS-1252");
  EXPECT_EQ(CanonicalCharset("us-ascii"), "WINDOWS-1252");
  EXPECT_EQ(CanonicalCharset("gb2312"), "GBK");
  EXPECT_EQ(CanonicalCharset("Shift_JIS"), "CP932");
  EXPECT_EQ(CanonicalCharset("euc-kr"), "CP949");
  EXPECT_EQ(CanonicalCharset("cp1251"), "WINDOWS-1251");
  EXPECT_EQ(CanonicalCharset("utf-16"), "UTF-8");  // a <meta> cannot mean it
  EXPECT_EQ(CanonicalCharset("koi8-r"), "KOI8-R");
  EXPECT_EQ(CanonicalCharset(""), "");
}

TEST(HtmlCharset, ByteOrderMarksWin) {
  HtmlText utf8 = DecodeHtmlBytes("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "windows-1252");
  EXPECT_EQ(utf8.text, "<p>caf\xC3\xA9</p>");
  EXPECT_EQ(utf8.source, "bom");

  const std::string le("\xFF\xFE<\0p\0>\0\xE9\0", 10);
  HtmlText u16le = DecodeHtmlBytes(le, "");
  EXPECT_EQ(u16le.text, "<p>\xC3\xA9");
  EXPECT_EQ(u16le.charset, "UTF-16LE");

  const std::string be("\xFE\xFF\0<\0p\0>\x04\x1F", 10);
  HtmlText u16be = DecodeHtmlBytes(be, "");
  EXPECT_EQ(u16be.text, "<p>\xD0\x9F");  // П
}

TEST(HtmlCharset, DeclaredLegacyCharsetIsTranscoded) {
  // "Привет" in windows-1251.
  HtmlText t = DecodeHtmlBytes("<meta charset=windows-1251><p>\xCF\xF0\xE8\xE2\xE5\xF2", "");
  EXPECT_EQ(t.text,
            "<meta charset=windows-1251><p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  EXPECT_EQ(t.charset, "WINDOWS-1251");
  EXPECT_EQ(t.source, "meta");
  EXPECT_EQ(t.invalid_sequences, 0u);

  // "日本" in Shift_JIS and ISO-2022-JP (the latter is all ASCII bytes plus escapes).
  HtmlText sjis = DecodeHtmlBytes("<meta charset=shift_jis>\x93\xFA\x96\x7B", "");
  EXPECT_EQ(sjis.text, "<meta charset=shift_jis>\xE6\x97\xA5\xE6\x9C\xAC");
  HtmlText jis = DecodeHtmlBytes("<meta charset=iso-2022-jp>\x1B$BF|K\\\x1B(B", "");
  EXPECT_EQ(jis.text, "<meta charset=iso-2022-jp>\xE6\x97\xA5\xE6\x9C\xAC");
}

TEST(HtmlCharset, ValidUtf8BeatsAStaleDeclaration) {
  // Re-encoded to UTF-8 by a scraper, the old <meta> left behind.
  HtmlText t = DecodeHtmlBytes("<meta charset=iso-8859-1><p>caf\xC3\xA9", "");
  EXPECT_EQ(t.text, "<meta charset=iso-8859-1><p>caf\xC3\xA9");
  EXPECT_EQ(t.charset, "UTF-8");
  EXPECT_TRUE(HasWarning(t, "valid UTF-8"));
  // Pure ASCII needs no transcoding whatever is declared.
  HtmlText ascii = DecodeHtmlBytes("<meta charset=windows-1251><p>plain", "");
  EXPECT_EQ(ascii.text, "<meta charset=windows-1251><p>plain");
  EXPECT_TRUE(ascii.warnings.empty());
}

TEST(HtmlCharset, UndeclaredLegacyBytesReadAsWindows1252) {
  HtmlText t = DecodeHtmlBytes("<p>caf\xE9 cr\xE8me \x93quoted\x94</p>", "");
  EXPECT_EQ(t.text, "<p>caf\xC3\xA9 cr\xC3\xA8me \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  EXPECT_EQ(t.charset, "WINDOWS-1252");
  EXPECT_EQ(t.source, "fallback");
}

TEST(HtmlCharset, MostlyUtf8WithDamageIsRepaired) {
  std::string page = "<p>";
  for (int i = 0; i < 20; ++i) page += "caf\xC3\xA9 ";
  page += "bad\xFF byte";
  HtmlText t = DecodeHtmlBytes(page, "");
  EXPECT_EQ(t.charset, "UTF-8");
  EXPECT_EQ(t.invalid_sequences, 1u);
  EXPECT_NE(t.text.find("bad\xEF\xBF\xBD byte"), std::string::npos);
}

TEST(HtmlCharset, ForcedCharsetOverridesTheDeclaration) {
  HtmlText t = DecodeHtmlBytes("<meta charset=utf-8><p>\xE9t\xE9", "latin1");
  EXPECT_EQ(t.text, "<meta charset=utf-8><p>\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(t.source, "forced");
}

TEST(HtmlCharset, UnknownCharsetsWarnAndRepair) {
  HtmlText declared = DecodeHtmlBytes("<meta charset=x-no-such-thing><p>ok\xFF", "");
  EXPECT_TRUE(HasWarning(declared, "unknown charset"));
  EXPECT_EQ(declared.charset, "UTF-8");
  EXPECT_EQ(declared.text, "<meta charset=x-no-such-thing><p>ok\xEF\xBF\xBD");

  HtmlText forced = DecodeHtmlBytes("<p>ok", "bogus-charset");
  EXPECT_TRUE(HasWarning(forced, "unknown charset 'bogus-charset'"));
  EXPECT_EQ(forced.text, "<p>ok");
}

TEST(HtmlCharset, TranscodeReplacesBytesTheCharsetLacks) {
  std::string out;
  std::size_t invalid = 0;
  // 0x81 is unassigned in windows-1252 for iconv.
  ASSERT_TRUE(
      TranscodeToUtf8("a\x81"
                      "b",
                      "WINDOWS-1252", out, invalid));
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(invalid, 1u);
  EXPECT_FALSE(TranscodeToUtf8("a", "NO-SUCH-CHARSET", out, invalid));
}

}  // namespace
}  // namespace cleaner::html
