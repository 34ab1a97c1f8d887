// Gumbo tree -> text blocks (cleaner/html/dom_walk.h) and the class/id
// vocabulary it reads (cleaner/html/class_tokens.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cleaner/html/class_tokens.h"
#include "cleaner/html/dom_walk.h"
#include "cleaner/html/gumbo_document.h"

namespace cleaner::html {
namespace {

struct Walked {
  GumboDocument gumbo;
  DomTree tree;
  std::vector<std::string> texts;
};

void Walk(const std::string& html, Walked& w) {
  ASSERT_TRUE(w.gumbo.Parse(html, 100));
  WalkDom(w.gumbo.root(), w.tree);
  w.texts.clear();
  for (const DomBlock& b : w.tree.blocks) w.texts.push_back(b.text);
}

std::vector<std::string> Texts(const std::string& html) {
  Walked w;
  Walk(html, w);
  return w.texts;
}

using Strings = std::vector<std::string>;

TEST(HtmlBlocks, BlockElementsMakeBlocksAndInlineTextJoins) {
  EXPECT_EQ(Texts("<p>One <b>bold</b>\n  <i>word</i>.</p><p>Two</p>"),
            (Strings{"One bold word.", "Two"}));
  EXPECT_EQ(Texts("<div>lead<p>para</p>tail</div>"), (Strings{"lead", "para", "tail"}));
  EXPECT_EQ(Texts("<span>glued</span><span>together</span>"), (Strings{"gluedtogether"}));
  EXPECT_EQ(Texts("<h2>Head</h2><blockquote>Quote</blockquote><dl><dt>T<dd>D</dl>"),
            (Strings{"Head", "Quote", "T", "D"}));
  EXPECT_EQ(Texts("<figure><img src=x><figcaption>Cap</figcaption></figure>"), (Strings{"Cap"}));
}

TEST(HtmlBlocks, LineBreaksSplitBlocks) {
  EXPECT_EQ(Texts("<p>first line<br>second line<br><br>third</p>"),
            (Strings{"first line", "second line", "third"}));
  EXPECT_EQ(Texts("<div>above<hr>below</div>"), (Strings{"above", "below"}));
}

TEST(HtmlBlocks, ListItemsGetBullets) {
  EXPECT_EQ(Texts("<ul><li>a</li><li>b<ul><li>inner</li></ul></li></ul>"),
            (Strings{"\xE2\x80\xA2 a", "\xE2\x80\xA2 b", "  \xE2\x80\xA2 inner"}));
  EXPECT_EQ(Texts("<ol start=3><li>c</li><li><p>d</p></li></ol>"), (Strings{"3. c", "4. d"}));
  EXPECT_EQ(Texts("<ul><li></li><li>x</li></ul><p>after</p>"),
            (Strings{"\xE2\x80\xA2 x", "after"}));
}

TEST(HtmlBlocks, TableRowsAreBlocksUnlessCellsHoldBlocks) {
  EXPECT_EQ(Texts("<table><tr><th>Name<th>Age</tr><tr><td>Ann<td>31</tr></table>"),
            (Strings{"Name | Age", "Ann | 31"}));
  // A layout table: a cell of paragraphs gives blocks of its own.
  EXPECT_EQ(Texts("<table><tr><td>menu</td><td><p>para one</p><p>para two</p></td></tr></table>"),
            (Strings{"menu", "para one", "para two"}));
}

TEST(HtmlBlocks, PreKeepsLinesAndIndentation) {
  EXPECT_EQ(Texts("<pre>int main() {\n  return 0;\n\n}</pre>"),
            (Strings{"int main() {", "  return 0;", "}"}));
}

TEST(HtmlBlocks, SkipsInvisibleAndInteractiveElements) {
  EXPECT_EQ(Texts("<p>a<button>Share</button>b</p><select><option>One</select>"
                  "<div hidden>h1</div><div aria-hidden=\"true\">h2</div>"
                  "<div style=\"display: none\">h3</div><div style=\"visibility:hidden\">h4</div>"
                  "<p>c<span class=\"sr-only\">for screen readers</span></p>"
                  "<p>d<span class=\"screen-reader-text\">too</span></p>"
                  "<object>fallback</object><video>no video</video><p>e</p>"),
            (Strings{"ab", "c", "d", "e"}));
}

TEST(HtmlBlocks, RecordsHeadingsLinksAndPaths) {
  Walked w;
  Walk(
      "<body><div id=main class=\"article story wide\"><h2>Sub</h2>"
      "<p>see <a href=/x>this link</a></p><p><a>no href</a></p></div></body>",
      w);
  ASSERT_EQ(w.tree.blocks.size(), 3u);
  const DomBlock& h = w.tree.blocks[0];
  EXPECT_EQ(h.heading_level, 2);
  EXPECT_EQ(DomPath(w.tree, h.node), "body>div#main.article.story>h2");
  const DomBlock& p = w.tree.blocks[1];
  EXPECT_EQ(p.chars, 13);
  EXPECT_EQ(p.link_chars, 9);
  EXPECT_EQ(w.tree.blocks[2].link_chars, 0);  // <a> without href is no link
  EXPECT_EQ(w.tree.nodes[static_cast<std::size_t>(w.tree.body)].tag, GUMBO_TAG_BODY);
  // The owning <div> holds all three blocks.
  const DomNode& div =
      w.tree.nodes[static_cast<std::size_t>(w.tree.nodes[static_cast<std::size_t>(h.node)].parent)];
  EXPECT_EQ(div.first_block, 0);
  EXPECT_EQ(div.end_block, 3);
  EXPECT_TRUE(div.signals & kSignalPositive);
}

TEST(HtmlBlocks, DeepPathsAreElided) {
  std::string html = "<body>";
  for (int i = 0; i < 20; ++i) html += "<div class=c" + std::to_string(i) + ">";
  html += "<p>deep</p>";
  Walked w;
  Walk(html, w);
  ASSERT_EQ(w.tree.blocks.size(), 1u);
  EXPECT_EQ(DomPath(w.tree, w.tree.blocks[0].node),
            "body>\xE2\x80\xA6>div.c14>div.c15>div.c16>div.c17>div.c18>div.c19>p");
}

TEST(HtmlBlocks, ElementSignals) {
  Walked w;
  Walk(
      "<nav>n</nav><article><p itemprop=articleBody>a</p></article><main role=main>m</main>"
      "<div role=complementary>c</div><p><span class=byline>By "
      "X</span></p><amp-sidebar>s</amp-sidebar>",
      w);
  auto signals_of = [&](std::string_view text) {
    for (const DomBlock& b : w.tree.blocks) {
      if (b.text == text) return w.tree.nodes[static_cast<std::size_t>(b.node)].signals;
    }
    return 0u;
  };
  EXPECT_TRUE(signals_of("n") & kSignalChromeTag);
  EXPECT_TRUE(signals_of("a") & kSignalArticleBody);
  EXPECT_TRUE(signals_of("m") & kSignalMainTag);
  EXPECT_TRUE(signals_of("c") & kSignalChromeTag);
  for (const DomBlock& b : w.tree.blocks) {
    if (b.text == "By X") {
      EXPECT_TRUE(b.inline_signals & kSignalByline);
    }
  }
}

ClassInfo Classify(std::string_view value) {
  ClassInfo info;
  ClassifyClassValue(value, info);
  return info;
}

TEST(HtmlClassTokens, WholeWordsOnly) {
  EXPECT_TRUE(Classify("sidebar").signals & kSignalNegative);
  EXPECT_EQ(Classify("related-posts").negative_word, "related");
  EXPECT_TRUE(Classify("ad-slot").signals & kSignalNegative);
  EXPECT_FALSE(Classify("shadow download").signals & kSignalNegative);  // no "ad" inside words
  EXPECT_FALSE(Classify("footnote").signals & kSignalNegative);
  EXPECT_TRUE(Classify("relatedPosts").signals & kSignalNegative);  // camelCase
  EXPECT_TRUE(Classify("entry-content").signals & kSignalPositive);
  EXPECT_TRUE(Classify("visually-hidden").signals & kSignalHidden);
  EXPECT_TRUE(Classify("screen-reader-text").signals & kSignalHidden);
  EXPECT_TRUE(Classify("post-byline").signals & kSignalByline);
}

TEST(HtmlClassTokens, ArticleBodyTokenOutweighsOtherTokensOnly) {
  ClassInfo body = Classify("article-body pagination-first");
  EXPECT_TRUE(body.signals & kSignalArticleBody);
  EXPECT_FALSE(body.signals & kSignalNegative);
  EXPECT_TRUE(Classify("articleBody").signals & kSignalArticleBody);
  ClassInfo comment = Classify("comment-body");
  EXPECT_FALSE(comment.signals & kSignalArticleBody);
  EXPECT_TRUE(comment.signals & kSignalNegative);
  EXPECT_FALSE(Classify("post-sidebar-content").signals & kSignalArticleBody);
  // An embedded tweet is quoted content, not a share bar.
  EXPECT_FALSE(Classify("social-media-embed").signals & kSignalNegative);
}

}  // namespace
}  // namespace cleaner::html

namespace cleaner::html {
namespace {

// The Markdown twin of each block (its text when the block has no inline markup).
std::vector<std::string> Markdown(const std::string& html, std::string_view base = {}) {
  GumboDocument gumbo;
  EXPECT_TRUE(gumbo.Parse(html, 100));
  DomTree tree;
  WalkDom(gumbo.root(), tree, base);
  std::vector<std::string> out;
  for (const DomBlock& b : tree.blocks) out.push_back(b.markdown.empty() ? b.text : b.markdown);
  return out;
}

using Lines = std::vector<std::string>;

TEST(HtmlMarkdown, EmphasisStrongAndCode) {
  EXPECT_EQ(
      Markdown("<p>a <em>b</em>, <i>c</i>, <strong>d</strong>, <b>e</b>, <code>f_g*</code></p>"),
      (Lines{"a *b*, *c*, **d**, **e**, `f_g*`"}));
  EXPECT_EQ(Markdown("<p><b>bold <i>both</i></b>.</p>"), (Lines{"**bold *both***."}));
  EXPECT_EQ(Markdown("<p><b>a <b>b</b></b></p>"), (Lines{"**a b**"})) << "no '****'";
  EXPECT_EQ(Markdown("<p><code>x <em>y</em></code></p>"), (Lines{"`x y`"}))
      << "nothing is markup inside code";
}

TEST(HtmlMarkdown, WhiteSpaceStaysOutsideTheMarkers) {
  EXPECT_EQ(Markdown("<p>one<em> two </em>three</p>"), (Lines{"one *two* three"}));
  EXPECT_EQ(Markdown("<p>one <em> </em>two<em></em>.</p>"), (Lines{"one two."}))
      << "empty spans emit nothing";
}

TEST(HtmlMarkdown, TextIsUnchangedAndPlainBlocksHaveNoTwin) {
  GumboDocument gumbo;
  ASSERT_TRUE(gumbo.Parse(
      "<p>a <em>b</em> [c]</p><p>plain [d] *e*</p><p>nothing to mark</p><pre>x *y*</pre>", 100));
  DomTree tree;
  WalkDom(gumbo.root(), tree);
  ASSERT_EQ(tree.blocks.size(), 4u);
  EXPECT_EQ(tree.blocks[0].text, "a b [c]");
  EXPECT_EQ(tree.blocks[0].markdown, "a *b* \\[c\\]");
  EXPECT_EQ(tree.blocks[1].text, "plain [d] *e*");
  EXPECT_EQ(tree.blocks[1].markdown, "plain \\[d\\] \\*e\\*")
      << "syntax in plain text is escaped too";
  EXPECT_EQ(tree.blocks[2].text, "nothing to mark");
  EXPECT_TRUE(tree.blocks[2].markdown.empty()) << "no twin when it would equal the text";
  EXPECT_EQ(tree.blocks[3].text, "x *y*");
  EXPECT_TRUE(tree.blocks[3].markdown.empty()) << "<pre> is fenced as it is";
}

TEST(HtmlMarkdown, UnicodeSpacesStayOutsideTheMarkers) {
  // NBSP becomes a space and U+200B nothing when the block is normalized.
  EXPECT_EQ(Markdown("<p>a <em>word&nbsp;</em>next <b>&nbsp;lead</b> <i>&nbsp;</i>x "
                     "<i>&#x200B;</i>y</p>"),
            (Lines{"a *word*\u00A0next \u00A0**lead** \u00A0x \u200By"}));
}

TEST(HtmlMarkdown, AdjacentSpansOfOneKindJoin) {
  EXPECT_EQ(Markdown("<p><em>a</em><em>b</em> <b>c</b><b>d</b> <code>e</code><code>f</code></p>"),
            (Lines{"*ab* **cd** `ef`"}));
  EXPECT_EQ(Markdown("<p><b>x</b><i>y</i>, <i>x</i><b>y</b></p>"), (Lines{"**x***y*, *x***y**"}));
  EXPECT_EQ(Markdown("<p><b>Monday</b><b> to Friday</b>, <i>a</i> <i>b</i> <code>c</code> "
                     "<code>d</code></p>"),
            (Lines{"**Monday to Friday**, *a b* `c` `d`"}))
      << "emphasis joins across a space, code does not";
}

TEST(HtmlMarkdown, CodeWithBackticksGetsALongerFence) {
  EXPECT_EQ(Markdown("<p><code>a`b</code> <code>`x</code> <code>a``b</code></p>"),
            (Lines{"``a`b`` `` `x `` ```a``b```"}));
}

TEST(HtmlMarkdown, EmphasisCommonMarkWouldNotReadIsLeftOut) {
  // A closer after punctuation needs space or punctuation after it; an opener
  // before punctuation needs the same before it.
  EXPECT_EQ(Markdown("<p><b>Update:</b>The <b>Note:</b> ok, x<em>\"q\"</em>. "
                     "<em>\"q\"</em>.</p>"),
            (Lines{"Update:The **Note:** ok, x\"q\". *\"q\"*."}));
  EXPECT_EQ(Markdown("<p>in<em>tra</em>word and \xC2\xAB<em>\xC3\xA9t\xC3\xA9</em>\xC2\xBB</p>"),
            (Lines{"in*tra*word and \xC2\xAB*\xC3\xA9t\xC3\xA9*\xC2\xBB"}))
      << "'\xC2\xAB' is punctuation on the outside only";
}

TEST(HtmlMarkdown, LinkAfterAnExclamationMarkIsNoImage) {
  EXPECT_EQ(Markdown("<p>Wow!<a href=\"https://x.example/\">link</a></p>"),
            (Lines{"Wow\\![link](https://x.example/)"}));
}

TEST(HtmlMarkdown, SpansCrossingBlocksCloseAndReopen) {
  EXPECT_EQ(Markdown("<p><i>line one<br>line two</i> after</p>"),
            (Lines{"*line one*", "*line two* after"}));
}

TEST(HtmlMarkdown, Links) {
  EXPECT_EQ(Markdown("<p>see <a href=\"https://x.example/a\">this</a></p>"),
            (Lines{"see [this](https://x.example/a)"}));
  EXPECT_EQ(Markdown("<p><a href=\"/a b\">rel</a></p>", "https://x.example/d/p.html"),
            (Lines{"[rel](https://x.example/a%20b)"}));
  EXPECT_EQ(Markdown("<p><a href=\"javascript:go()\">js</a> <a href=\"#top\">top</a> "
                     "<a>none</a></p>"),
            (Lines{"js top none"}));
  EXPECT_EQ(Markdown("<p><a href=\"/x\"><b>bold</b> link</a></p>"), (Lines{"[**bold** link](/x)"}));
}

TEST(LinkTarget, ResolvesAgainstTheBase) {
  const std::string_view base = "https://x.example/news/2025/story.html?id=1#c";
  EXPECT_EQ(LinkTarget("https://y.example/z", base), "https://y.example/z");
  EXPECT_EQ(LinkTarget("mailto:a@x.example", base), "mailto:a@x.example");
  EXPECT_EQ(LinkTarget("//cdn.example/f", base), "https://cdn.example/f");
  EXPECT_EQ(LinkTarget("/root?q=1", base), "https://x.example/root?q=1");
  EXPECT_EQ(LinkTarget("other.html", base), "https://x.example/news/2025/other.html");
  EXPECT_EQ(LinkTarget("../../up/./a.html#s", base), "https://x.example/up/a.html#s");
  EXPECT_EQ(LinkTarget("../../../../too-far", base), "https://x.example/too-far");
  EXPECT_EQ(LinkTarget("rel/a", "https://x.example"), "https://x.example/rel/a");
  EXPECT_EQ(LinkTarget("rel/a", ""), "rel/a");
  EXPECT_EQ(LinkTarget("  a (b) c ", ""), "a%20%28b%29%20c");
  EXPECT_EQ(LinkTarget("JavaScript:alert(1)", base), "");
  EXPECT_EQ(LinkTarget("data:text/html,x", base), "");
  EXPECT_EQ(LinkTarget("#frag", base), "");
  EXPECT_EQ(LinkTarget("", base), "");
}

TEST(EscapeMarkdown, SyntaxCharacters) {
  EXPECT_EQ(EscapeMarkdown("a*b [c] `d` \\e _f_ snake_case"),
            "a\\*b \\[c\\] \\`d\\` \\\\e \\_f\\_ snake_case");
}

TEST(EscapeMarkdown, HtmlTagsAndEntitiesStayText) {
  EXPECT_EQ(EscapeMarkdown("<div> </p> <!-- <https://x> a < b"),
            "\\<div> \\</p> \\<!-- \\<https://x> a < b");
  EXPECT_EQ(EscapeMarkdown("&amp; &#38; &#x26; AT&T & co &;"),
            "\\&amp; \\&#38; \\&#x26; AT&T & co &;");
}

}  // namespace
}  // namespace cleaner::html
