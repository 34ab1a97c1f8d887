// The byte scanner before Gumbo (cleaner/html/prescan.h) and the tag tokenizer
// it stands on (cleaner/html/tag_scanner.h).
#include <gtest/gtest.h>

#include <string>

#include "cleaner/html/prescan.h"
#include "cleaner/html/tag_scanner.h"

namespace cleaner::html {
namespace {

std::string Cut(std::string_view html) { return Prescan(html, 512).html; }

std::string Repeat(std::string_view unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(unit);
  return out;
}

TEST(HtmlTagScanner, ReadsTagsCommentsAndDeclarations) {
  Tag tag;
  std::string_view s = "<a href=\"x>y\" class='c' data-x=1 hidden>text";
  ScanMarkup(s, 0, tag);
  EXPECT_EQ(tag.kind, MarkupKind::kStartTag);
  EXPECT_EQ(tag.name, "a");
  EXPECT_EQ(s.substr(tag.end), "text");  // the quoted '>' did not end it
  EXPECT_EQ(tag.Attr("href"), "x>y");
  EXPECT_EQ(tag.Attr("class"), "c");
  EXPECT_EQ(tag.Attr("data-x"), "1");
  EXPECT_TRUE(tag.HasAttr("hidden"));
  EXPECT_FALSE(tag.HasAttr("id"));
  EXPECT_EQ(tag.attr_total, 4);

  ScanMarkup("</DIV foo=bar>", 0, tag);
  EXPECT_EQ(tag.kind, MarkupKind::kEndTag);
  EXPECT_EQ(tag.name, "DIV");
  EXPECT_EQ(tag.attr_count, 0);

  std::string_view c = "<!-- a -- b -->rest";
  ScanMarkup(c, 0, tag);
  EXPECT_EQ(tag.kind, MarkupKind::kComment);
  EXPECT_EQ(c.substr(tag.end), "rest");
  ScanMarkup("<!-->x", 0, tag);
  EXPECT_EQ(tag.end, 5u);
  ScanMarkup("<!-- a --!>x", 0, tag);
  EXPECT_EQ(tag.end, 11u);

  ScanMarkup("<!DOCTYPE html>", 0, tag);
  EXPECT_EQ(tag.kind, MarkupKind::kDeclaration);
  ScanMarkup("< p", 0, tag);
  EXPECT_EQ(tag.kind, MarkupKind::kText);
  ScanMarkup("<svg/>", 0, tag);
  EXPECT_TRUE(tag.self_closing);
}

TEST(HtmlTagScanner, FindsEndTagsCaseInsensitively) {
  std::string_view s = "x = '</scriptx>'; </SCRIPT >";
  EXPECT_EQ(FindEndTag(s, 0, "script"), 18u);
  EXPECT_EQ(FindEndTag("no end here", 0, "script"), std::string_view::npos);
  EXPECT_EQ(FindLower("Hello WORLD", "world"), 6u);
}

TEST(HtmlPrescan, CutsScriptStyleCommentsSvgAndFriends) {
  EXPECT_EQ(Cut("<p>a<script>if (a < b) x = '</div>';</script>b</p>"), "<p>ab</p>");
  EXPECT_EQ(Cut("<style>p{color:red}</style><p>x</p>"), "<p>x</p>");
  EXPECT_EQ(Cut("<p>a<!-- <script> -->b</p>"), "<p>ab</p>");
  EXPECT_EQ(Cut("<p>a<svg><svg><text>x</text></svg><title>t</title></svg>b</p>"), "<p>ab</p>");
  EXPECT_EQ(Cut("<p>a<svg/>b</p>"), "<p>ab</p>");
  EXPECT_EQ(Cut("<noscript><img src=x></noscript><p>x</p>"), "<p>x</p>");
  EXPECT_EQ(Cut("<template><p>t</p><script>'</template>'</script></template><p>x</p>"), "<p>x</p>");
  EXPECT_EQ(Cut("<p>a<math><mi>x</mi></math>b<iframe>fallback</iframe>c</p>"), "<p>abc</p>");
  EXPECT_EQ(Cut("<form><textarea>typed <b>text</b></textarea></form>"), "<form></form>");
  // An attribute spelling a tag is not one.
  EXPECT_EQ(Cut("<div title=\"<script>\">x</div>"), "<div>x</div>");
}

TEST(HtmlPrescan, UnclosedElementsAreCutSensibly) {
  EXPECT_EQ(Cut("<p>a</p><script>never closed"), "<p>a</p>");  // raw text: to the end
  EXPECT_EQ(Cut("<p>a</p><!-- never closed"), "<p>a</p>");
  EXPECT_EQ(Cut("<svg><p>text after</p>"), "<p>text after</p>");   // markup: the tag only
  EXPECT_EQ(Cut("<title>T</title><p>x"), "<title>T</title><p>x");  // kept, text skipped
  EXPECT_EQ(Cut("<p>x</p><a href=\"y"), "<p>x</p>");               // EOF inside a tag
}

TEST(HtmlPrescan, KeepsJsonLdAside) {
  PrescanResult r = Prescan(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
      "<script TYPE=' Application/LD+JSON '>[1]</script><script>var x;</script><p>x</p>",
      512);
  ASSERT_EQ(r.json_ld.size(), 2u);
  EXPECT_EQ(r.json_ld[0], "{\"@type\":\"NewsArticle\"}");
  EXPECT_EQ(r.json_ld[1], "[1]");
  EXPECT_EQ(r.html, "<p>x</p>");
}

TEST(HtmlPrescan, SlimsTagsToTheAttributesLaterStagesRead) {
  EXPECT_EQ(Cut("<div class=\"a b\" data-track='{\"x\":1}' onclick=go() id=main>x</div>"),
            "<div class=\"a b\" id=\"main\">x</div>");
  EXPECT_EQ(Cut("<a href=\"https://example.com/very/long\" rel=author>n</a>"),
            "<a href=\"\" rel=\"author\">n</a>");
  EXPECT_EQ(Cut("<link rel=canonical href=/a><link rel=stylesheet href=/s.css>"),
            "<link rel=canonical href=/a>");  // a rewrite would be no shorter
  EXPECT_EQ(Cut("<div hidden>x</div>"), "<div hidden>x</div>");
  EXPECT_EQ(Cut("<p>a<img srcset=\"a 1x, b 2x\" alt=\"x\">b<input type=hidden>c</p>"),
            "<p>abc</p>");
  EXPECT_EQ(Cut("<div style=\"display: none\">x</div><div style=\"color:red\">y</div>"),
            "<div style=\"display: none\">x</div><div>y</div>");
  EXPECT_EQ(Cut("<p title='say \"hi\"'>x</p></p class=z>"), "<p>x</p></p>");
  EXPECT_EQ(Cut("<meta property=\"og:title\" content='A \"B\"'>"),
            "<meta property=\"og:title\" content='A \"B\"'>");
}

TEST(HtmlPrescan, EstimatesNestingDepthLikeTheTreeBuilder) {
  EXPECT_EQ(Prescan("<html><body><div><div><p>x</p></div></div>", 512).max_depth, 3);
  // Unclosed <p>, <li>, <td>: each closes the previous one.
  EXPECT_LE(Prescan(Repeat("<p>x", 10000), 512).max_depth, 2);
  EXPECT_LE(Prescan("<ul>" + Repeat("<li>x", 10000), 512).max_depth, 3);
  EXPECT_LE(Prescan("<table>" + Repeat("<tr><td>x<td>y", 5000), 512).max_depth, 4);
  // A new <a> closes the open one.
  EXPECT_LE(Prescan(Repeat("<a href=x>y", 10000), 512).max_depth, 2);
  // Unclosed formatting elements are reopened in every later paragraph: they count.
  PrescanResult b = Prescan(Repeat("<p><b>x", 1000), 512);
  EXPECT_TRUE(b.too_deep);
  // ... but not past the table cell that holds them.
  EXPECT_FALSE(Prescan("<table><tr>" + Repeat("<td><b>x", 1000), 512).too_deep);
  PrescanResult divs = Prescan(Repeat("<div>", 600) + "x" + Repeat("</div>", 600), 512);
  EXPECT_TRUE(divs.too_deep);
  EXPECT_GT(divs.max_depth, 512);
  EXPECT_FALSE(Prescan(Repeat("<div>", 500) + Repeat("</div>", 500), 512).too_deep);
  EXPECT_FALSE(Prescan(Repeat("<div>x</div>", 10000), 512).too_deep);
  // Void elements and cut elements do not nest.
  EXPECT_EQ(Prescan(Repeat("<br><img src=x><hr><script>1</script>", 1000), 512).max_depth, 0);
}

TEST(HtmlPrescan, CountsElementsAndCutBytes) {
  PrescanResult r = Prescan("<div><p>a</p><script>xx</script><img src=y></div>", 512);
  EXPECT_EQ(r.elements, 2u);
  EXPECT_EQ(r.html, "<div><p>a</p></div>");
  EXPECT_EQ(r.cut_bytes, std::string("<script>xx</script><img src=y>").size());
  const std::string page =
      "<div data-x=1 class=a hidden><p onclick=f() title=t>x</p></div id=z><span hidden>y";
  PrescanResult slim = Prescan(page, 512);
  EXPECT_EQ(slim.cut_bytes, page.size() - slim.html.size());
}

}  // namespace
}  // namespace cleaner::html
