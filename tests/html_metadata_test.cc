// Page metadata from <meta>, <link>, <title>, <time>, <html lang> and JSON-LD
// (cleaner/html/metadata.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cleaner/html/dom_walk.h"
#include "cleaner/html/gumbo_document.h"
#include "cleaner/html/metadata.h"

namespace cleaner::html {
namespace {

PageMetadata Extract(const std::string& html, const std::vector<std::string>& json_ld = {}) {
  GumboDocument gumbo;
  EXPECT_TRUE(gumbo.Parse(html, 100));
  DomTree tree;
  WalkDom(gumbo.root(), tree);
  return ExtractMetadata(gumbo.root(), tree, json_ld);
}

TEST(HtmlMetadata, MetaTagsFirst) {
  PageMetadata m = Extract(
      "<html lang=en-GB><head><title>Tag Title | Site</title>"
      "<meta property=og:title content=\"OG  Title\">"
      "<meta name=author content=\"Ann Writer\">"
      "<meta property=article:published_time content=2019-11-19T10:00:00Z>"
      "<meta property=og:site_name content=\"The Site\">"
      "<link rel=canonical href=\"https://example.com/a\">"
      "<meta property=og:url content=\"https://example.com/og\">"
      "</head><body><h1>H1 Title</h1><time datetime=2001-01-01>then</time></body></html>");
  EXPECT_EQ(m.metadata.title, "OG Title");
  EXPECT_EQ(m.metadata.author, "Ann Writer");
  EXPECT_EQ(m.metadata.published, "2019-11-19T10:00:00Z");
  EXPECT_EQ(m.metadata.site_name, "The Site");
  EXPECT_EQ(m.metadata.canonical_url, "https://example.com/a");
  EXPECT_EQ(m.metadata.language, "en-GB");
  EXPECT_EQ(m.title_tag, "Tag Title | Site");
  EXPECT_EQ(m.og_title, "OG Title");
}

TEST(HtmlMetadata, JsonLdFillsTheGaps) {
  PageMetadata m =
      Extract("<head><title>T</title></head><body><p>x</p></body>",
              {"not json at all",
               R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"W"},
          {"@type":["NewsArticle"],"headline":"LD Headline","datePublished":"2019-11-18",
           "author":[{"@type":"Person","name":"A One"},{"name":"B Two"}],
           "publisher":{"@type":"Organization","name":"LD Pub"},"inLanguage":"fr",
           "url":"https://example.com/ld","articleBody":"The body text."}]})"});
  EXPECT_EQ(m.metadata.title, "LD Headline");
  EXPECT_EQ(m.metadata.author, "A One, B Two");
  EXPECT_EQ(m.metadata.published, "2019-11-18");
  EXPECT_EQ(m.metadata.site_name, "LD Pub");
  EXPECT_EQ(m.metadata.canonical_url, "https://example.com/ld");
  EXPECT_EQ(m.metadata.language, "fr");
  EXPECT_EQ(m.json_ld_body, "The body text.");
}

TEST(HtmlMetadata, BodyFallbacks) {
  PageMetadata m = Extract(
      "<html><head><title> Only\n the   tag </title>"
      "<meta http-equiv=content-language content=de></head>"
      "<body><h1>The <em>H1</em></h1><a rel=author href=/ann>Ann Author</a>"
      "<time datetime=\"2019-11-20T08:00\">Nov 20</time>"
      "<meta property=article:author content=\"https://facebook.com/x\"></body></html>");
  EXPECT_EQ(m.metadata.title, "The H1");
  EXPECT_EQ(m.metadata.author, "Ann Author");  // the URL-valued article:author is skipped
  EXPECT_EQ(m.metadata.published, "2019-11-20T08:00");
  EXPECT_EQ(m.metadata.language, "de");
  EXPECT_EQ(m.title_tag, "Only the tag");
}

TEST(HtmlMetadata, AuthorStringAndSvgTitles) {
  PageMetadata m =
      Extract("<head><svg><title>icon</title></svg><title>Real</title></head><body></body>",
              {R"({"@type":"BlogPosting","author":"Plain Name"})"});
  EXPECT_EQ(m.title_tag, "Real");
  EXPECT_EQ(m.metadata.author, "Plain Name");
}

TEST(HtmlMetadata, HostileJsonLdIsIgnored) {
  std::string deep(100000, '[');
  PageMetadata m = Extract("<p>x</p>", {deep, R"({"@type":"Article","headline":"ok"})"});
  EXPECT_EQ(m.metadata.title, "ok");
}

TEST(HtmlMetadata, CleanValueCollapsesAndBounds) {
  EXPECT_EQ(CleanValue("  a \n\t b\xC2\xA0"
                       "c  "),
            "a b c");
  EXPECT_LE(CleanValue(std::string(10000, 'x')).size(), 2000u);
}

}  // namespace
}  // namespace cleaner::html
