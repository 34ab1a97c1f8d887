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
