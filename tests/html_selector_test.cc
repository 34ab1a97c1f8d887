// CSS selector subset: what parses (and what is refused, with a column), and
// what matches over a walked page.
#include "cleaner/html/selector.h"

#include <string>

#include <gtest/gtest.h>

#include "cleaner/html/gumbo_document.h"

namespace cleaner::html {
namespace {

// A parsed page and its walk; finds elements by their `data-t` attribute.
class Page {
 public:
  explicit Page(const std::string& html) {
    gumbo_.Parse(html, 1000);
    WalkDom(gumbo_.root(), tree_);
  }
  const DomTree& tree() const { return tree_; }
  int Find(std::string_view t) const {
    for (std::size_t i = 0; i < tree_.nodes.size(); ++i) {
      const GumboNode* g = tree_.nodes[i].node;
      const GumboAttribute* a = gumbo_get_attribute(&g->v.element.attributes, "data-t");
      if (a != nullptr && t == a->value) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no element with data-t=" << t;
    return 0;
  }
  bool Matches(const std::string& selector, std::string_view t) const {
    std::string error;
    auto s = Selector::Parse(selector, &error);
    EXPECT_NE(s, nullptr) << selector << ": " << error;
    if (!s) return false;
    NodeText text(tree_);
    return s->Matches(tree_, Find(t), text);
  }

 private:
  GumboDocument gumbo_;
  DomTree tree_;
};

std::string ParseError(const std::string& selector) {
  std::string error;
  auto s = Selector::Parse(selector, &error);
  EXPECT_EQ(s, nullptr) << selector << " should not parse";
  return error;
}

const char* kPage = R"html(<html><body>
<div id="main" class="page wrap" data-t="main">
  <article class="story premium" data-t="article">
    <p data-t="p1">The council voted to close the bridge.</p>
    <div class="share-tools social" data-kind="bar" data-t="share"><a href="#">Share</a></div>
    <p class="footnote" data-t="footnote">1. Minutes of the meeting.</p>
  </article>
  <aside class="sidebar" data-t="aside"><div class="box" data-t="box"><p data-t="boxp">Most read this week</p></div></aside>
</div>
<my-widget data-t="custom"><p>Ask AI anything</p></my-widget>
</body></html>)html";

TEST(Selector, TagClassIdAndUniversal) {
  Page page(kPage);
  EXPECT_TRUE(page.Matches("article", "article"));
  EXPECT_TRUE(page.Matches("ARTICLE", "article")) << "tag names are case-insensitive";
  EXPECT_TRUE(page.Matches("*", "p1"));
  EXPECT_TRUE(page.Matches(".premium", "article"));
  EXPECT_TRUE(page.Matches("article.story.premium", "article"));
  EXPECT_FALSE(page.Matches("article.story.free", "article"));
  EXPECT_TRUE(page.Matches("#main", "main"));
  EXPECT_TRUE(page.Matches("div#main.wrap", "main"));
  EXPECT_FALSE(page.Matches("#Main", "main")) << "ids are case-sensitive";
  EXPECT_TRUE(page.Matches("my-widget", "custom")) << "custom elements by name";
}

TEST(Selector, ClassIsAWholeToken) {
  Page page(kPage);
  EXPECT_FALSE(page.Matches(".foot", "footnote"));
  EXPECT_FALSE(page.Matches(".share", "share")) << "'share-tools' is not 'share'";
  EXPECT_TRUE(page.Matches(".share-tools", "share"));
  EXPECT_TRUE(page.Matches(".social", "share"));
}

TEST(Selector, AttributeOperators) {
  Page page(kPage);
  EXPECT_TRUE(page.Matches("[data-kind]", "share"));
  EXPECT_FALSE(page.Matches("[data-other]", "share"));
  EXPECT_TRUE(page.Matches("[data-kind=bar]", "share"));
  EXPECT_TRUE(page.Matches("[data-kind=\"bar\"]", "share"));
  EXPECT_FALSE(page.Matches("[data-kind=ba]", "share"));
  EXPECT_TRUE(page.Matches("[class^=share]", "share"));
  EXPECT_FALSE(page.Matches("[class^=tools]", "share"));
  EXPECT_TRUE(page.Matches("[class$=social]", "share"));
  EXPECT_TRUE(page.Matches("[class*=re-to]", "share"));
  EXPECT_TRUE(page.Matches("[class~=social]", "share"));
  EXPECT_FALSE(page.Matches("[class~=share]", "share"));
  EXPECT_TRUE(page.Matches("[CLASS~=social]", "share")) << "attribute names are case-insensitive";
  EXPECT_FALSE(page.Matches("[class*='']", "share")) << "an empty substring matches nothing";
}

TEST(Selector, DescendantAndChildCombinators) {
  Page page(kPage);
  EXPECT_TRUE(page.Matches("article p", "p1"));
  EXPECT_TRUE(page.Matches("#main p", "p1"));
  EXPECT_TRUE(page.Matches("article > p", "p1"));
  EXPECT_FALSE(page.Matches("#main > p", "p1")) << "a grandchild is no child";
  EXPECT_TRUE(page.Matches("#main > article > .footnote", "footnote"));
  EXPECT_TRUE(page.Matches("div aside .box p", "boxp"));
  EXPECT_FALSE(page.Matches("article .box p", "boxp"));
  EXPECT_TRUE(page.Matches("body   >   div   p", "p1")) << "spaces around '>'";
}

TEST(Selector, ListsAndNot) {
  Page page(kPage);
  EXPECT_TRUE(page.Matches(".nothing, .footnote", "footnote"));
  EXPECT_TRUE(page.Matches("p:not(.footnote)", "p1"));
  EXPECT_FALSE(page.Matches("p:not(.footnote)", "footnote"));
  EXPECT_FALSE(page.Matches("p:not(.x, .footnote)", "footnote"));
  EXPECT_FALSE(page.Matches("p:not(aside p)", "boxp")) << ":not takes complex selectors";
  EXPECT_TRUE(page.Matches("p:not(article > p)", "boxp"));
}

TEST(Selector, HasTextSearchesTheElementsText) {
  Page page(kPage);
  EXPECT_TRUE(page.Matches("aside:has-text(Most read)", "aside"));
  EXPECT_TRUE(page.Matches("aside:has-text((?i)^most (read|viewed))", "aside"));
  EXPECT_TRUE(page.Matches("aside:has-text(\"Most read\")", "aside"));
  EXPECT_FALSE(page.Matches("aside:has-text(council)", "aside"));
  EXPECT_TRUE(page.Matches("article:has-text(council):has-text(Minutes)", "article"));
  EXPECT_TRUE(page.Matches("p:has-text([)(]|bridge)", "p1")) << "brackets inside a class";
  EXPECT_TRUE(page.Matches("my-widget:has-text(Ask AI)", "custom"));
}

TEST(Selector, ErrorsNameTheColumn) {
  EXPECT_EQ(ParseError(""),
            "column 1: expected a selector (tag, *, .class, #id, [attr] or :not())");
  EXPECT_EQ(ParseError("div +p"), "column 5: sibling combinators ('+', '~') are not supported");
  EXPECT_EQ(ParseError("a:hover"),
            "column 8: unsupported pseudo-class ':hover' (supported: :not(), :has-text())");
  EXPECT_EQ(ParseError("div."), "column 5: expected a class name after '.'");
  EXPECT_EQ(ParseError("[x|=y]"), "column 3: expected ']' or an operator (=, ~=, ^=, $=, *=)");
  EXPECT_EQ(ParseError("[x='y]"), "column 7: unterminated string");
  EXPECT_EQ(ParseError("p:not(.a"), "column 9: expected ')' closing :not(");
  EXPECT_EQ(ParseError("p)"), "column 2: unbalanced ')'");
  EXPECT_EQ(ParseError("p, "),
            "column 4: expected a selector (tag, *, .class, #id, [attr] or :not())");
  EXPECT_NE(ParseError("p:has-text((unclosed)").find("expected ')'"), std::string::npos);
  EXPECT_NE(ParseError("p:has-text(a(b)").find("expected ')'"), std::string::npos);
  EXPECT_NE(ParseError("p:has-text(\\)").find("expected ')'"), std::string::npos);
  EXPECT_NE(ParseError("p:has-text(x{2,1})").find("not valid RE2"), std::string::npos);
  EXPECT_NE(ParseError("p:not(p:not(p:not(p:not(p:not(p:not(p:not(p:not(p:not(p)))))))))")
                .find("nested too deeply"),
            std::string::npos);
}

TEST(Selector, DeepPagesStayBounded) {
  // 400 nested divs: "div div div div p" backtracks up the chain; the budget
  // bounds it and the nearest matches are found first.
  std::string html = "<html><body>";
  for (int i = 0; i < 400; ++i) html += "<div>";
  html += "<p data-t=\"deep\">x</p>";
  Page page(html);
  EXPECT_TRUE(page.Matches("div div div div p", "deep"));
  EXPECT_FALSE(page.Matches("section div div div p", "deep"));
}

TEST(HasToken, WholeTokensOnly) {
  EXPECT_TRUE(HasToken("a share b", "share"));
  EXPECT_TRUE(HasToken("share", "share"));
  EXPECT_TRUE(HasToken("x\tshare\n", "share"));
  EXPECT_FALSE(HasToken("shares share-bar", "share"));
  EXPECT_FALSE(HasToken("anything", ""));
}

}  // namespace
}  // namespace cleaner::html
