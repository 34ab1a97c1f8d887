// The tag-stripping extraction for pages Gumbo must not see
// (cleaner/html/fallback.h) and its character references (entities.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cleaner/html/entities.h"
#include "cleaner/html/fallback.h"

namespace cleaner::html {
namespace {

using Strings = std::vector<std::string>;

std::string Decode(std::string_view s) {
  std::string out;
  AppendDecoded(s, out);
  return out;
}

TEST(HtmlEntities, NumericAndNamedReferences) {
  EXPECT_EQ(Decode("a &amp; b &lt;c&gt; &quot;q&quot; &#39;s"), "a & b <c> \"q\" 's");
  EXPECT_EQ(Decode("&eacute;&#233;&#xE9;&#XE9;"), "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
  EXPECT_EQ(Decode("&mdash;&hellip;&euro;&nbsp;"), "\xE2\x80\x94\xE2\x80\xA6\xE2\x82\xAC\xC2\xA0");
  EXPECT_EQ(Decode("&#150;"), "\xE2\x80\x93");  // windows-1252 range, as browsers read it
  EXPECT_EQ(Decode("&#0;&#xD800;&#x110000;"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(Decode("AT&T &unknown; & &#; &#x;"), "AT&T &unknown; & &#; &#x;");
  EXPECT_EQ(Decode("&amp"), "&");  // no semicolon, still a reference
}

TEST(HtmlFallback, OneLinePerBlockElement) {
  FallbackText t = StripTags(
      "<html><head><title>The &amp; Title</title><meta charset=utf-8></head><body>"
      "<div>first <b>bold</b>\n text</div><p>second<br>third</p>"
      "<table><tr><td>a</td><td>b</td></tr></table>"
      "<select><option>hidden option</option></select><button>Click</button>"
      "<ul><li>item &eacute;</li></ul>text after</body></html>");
  EXPECT_EQ(t.title, "The & Title");
  EXPECT_EQ(t.lines, (Strings{"first bold text", "second", "third", "a", "b", "item \xC3\xA9",
                              "text after"}));
}

TEST(HtmlFallback, MissingEndTagsSkipNothing) {
  // <select> is inline; unclosed, its content is kept rather than lost.
  FallbackText t = StripTags("<p>one<select>two<p>three<select>four");
  EXPECT_EQ(t.lines, (Strings{"onetwo", "threefour"}));
  EXPECT_EQ(StripTags("a < b and c > d").lines, (Strings{"a < b and c > d"}));
  EXPECT_TRUE(StripTags("").lines.empty());
}

}  // namespace
}  // namespace cleaner::html
