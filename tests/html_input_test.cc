// HTML input end to end (cleaner/html/html_input.h): bytes -> Document.
#include <gtest/gtest.h>

#include <string>

#include "cleaner/html/html_input.h"

namespace cleaner {
namespace {

const Block* Find(const Document& doc, std::string_view prefix) {
  for (const Block& b : doc.blocks) {
    if (b.text.starts_with(prefix)) return &b;
  }
  return nullptr;
}

std::string Prose(const std::string& topic) {
  std::string out;
  for (int i = 0; i < 3; ++i) {
    out += "The " + topic + " story " + std::to_string(i) +
           " explains what happened at the meeting, and why it matters to readers. ";
  }
  return out;
}

const std::string kPage =
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
    "<title>Council Votes | Daily</title><meta property=og:title content=\"Council Votes\">"
    "<script>var x = '<p>not text</p>';</script><style>p{}</style></head><body>"
    "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>"
    "<article><h1>Council Votes</h1><p class=byline>By Ann Writer</p>"
    "<p>" +
    Prose("budget") +
    "</p>"
    "<h2>What\xE2\x80\x8B comes next</h2>"
    "<p>Non&nbsp;breaking and soft&shy;hyphen text, <a href=/more>with a link</a> inside it. " +
    Prose("tax") +
    "</p>"
    "<ul><li>First point of the plan</li><li>Second point of the plan</li></ul>"
    "</article><footer><p>Copyright 2019 Daily News. All rights reserved.</p></footer>"
    "</body></html>";

TEST(HtmlInput, SniffsHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  \n<html lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<div class=x>hi</div>"));
  EXPECT_TRUE(LooksLikeHtml("<p>para"));
  EXPECT_TRUE(LooksLikeHtml("<!-- generated --><html>"));
  EXPECT_TRUE(LooksLikeHtml("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC><html>"));
  EXPECT_TRUE(LooksLikeHtml(std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14)));
  EXPECT_TRUE(LooksLikeHtml("garbage first <!doctype html><html>"));  // markup early on
  EXPECT_FALSE(LooksLikeHtml("Just a line of text.\nAnother line."));
  EXPECT_FALSE(LooksLikeHtml("<3 you"));
  EXPECT_FALSE(LooksLikeHtml("{\"json\": true}"));
  EXPECT_FALSE(LooksLikeHtml(""));
  EXPECT_FALSE(LooksLikeHtml("a < b > c"));
  EXPECT_FALSE(LooksLikeHtml("<pre-formatted> is not a tag we know"));
}

TEST(HtmlInput, BuildsDocumentBlocks) {
  Document doc;
  HtmlToDocument(kPage, {}, doc);
  EXPECT_TRUE(doc.is_html);
  EXPECT_TRUE(doc.error.empty());
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_EQ(doc.metadata.title, "Council Votes");
  EXPECT_EQ(doc.metadata.language, "en");
  ASSERT_FALSE(doc.blocks.empty());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    EXPECT_EQ(doc.blocks[i].line, static_cast<int>(i) + 1);
    EXPECT_EQ(doc.blocks[i].text.find("not text"), std::string::npos);
  }

  const Block* title = Find(doc, "Council Votes");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->verdict, Verdict::kTitle);
  EXPECT_EQ(title->reason, "html.title");
  EXPECT_EQ(title->heading_level, 1);

  const Block* home = Find(doc, "\xE2\x80\xA2 Home");
  ASSERT_NE(home, nullptr);
  EXPECT_EQ(home->verdict, Verdict::kDrop);
  EXPECT_FALSE(home->decided);
  EXPECT_TRUE(home->reason.starts_with("html."));
  EXPECT_EQ(home->kind, BlockKind::kListItem);
  EXPECT_FLOAT_EQ(home->link_density, 1.0f);  // "• Home": the bullet is decoration

  EXPECT_EQ(Find(doc, "By Ann Writer")->reason, "html.byline");
  EXPECT_EQ(Find(doc, "Copyright 2019")->verdict, Verdict::kDrop);

  const Block* budget = Find(doc, "The budget story 0");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(budget->verdict, Verdict::kKeep);
  EXPECT_EQ(budget->kind, BlockKind::kParagraph);
  EXPECT_EQ(budget->dom_path, "body>article>p");
  EXPECT_GT(budget->features.words, 30);
  EXPECT_TRUE(budget->features.terminal_punct);

  // NormalizeLine ran: the zero-width space, no-break space and soft hyphen are gone.
  const Block* sub = Find(doc, "What comes next");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->heading_level, 2);
  EXPECT_EQ(sub->kind, BlockKind::kHeading);
  EXPECT_EQ(sub->verdict, Verdict::kKeep);
  const Block* nb = Find(doc, "Non breaking and softhyphen text, with a link inside it.");
  ASSERT_NE(nb, nullptr);
  EXPECT_GT(nb->link_density, 0.0f);
  EXPECT_LT(nb->link_density, 0.1f);

  const Block* point = Find(doc, "\xE2\x80\xA2 First point");
  ASSERT_NE(point, nullptr);
  EXPECT_EQ(point->kind, BlockKind::kListItem);
  EXPECT_EQ(point->verdict, Verdict::kKeep);
}

HtmlOptions With(void (*set)(HtmlOptions&)) {
  HtmlOptions o;
  set(o);
  return o;
}

TEST(HtmlInput, DecodesDeclaredCharsets) {
  Document doc;
  HtmlToDocument(
      "<html><head><meta charset=windows-1251></head><body><p>\xCF\xF0\xE8\xE2\xE5\xF2"
      "</p></body></html>",
      {}, doc);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  Document forced;
  HtmlToDocument("<p>caf\xE9</p>", With([](HtmlOptions& o) { o.charset = "latin1"; }), forced);
  ASSERT_EQ(forced.blocks.size(), 1u);
  EXPECT_EQ(forced.blocks[0].text, "caf\xC3\xA9");
}

TEST(HtmlInput, RepairsInvalidUtf8WithAWarning) {
  std::string page = "<p>";
  for (int i = 0; i < 10; ++i) page += "caf\xC3\xA9 ";
  page += "bad\xC3 end</p>";
  Document doc;
  HtmlToDocument(page, {}, doc);
  EXPECT_EQ(doc.invalid_utf8, 1u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("U+FFFD"), std::string::npos);
}

TEST(HtmlInput, BinaryInputIsAnError) {
  Document doc;
  HtmlToDocument(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), {}, doc);
  EXPECT_NE(doc.error.find("binary"), std::string::npos);
  EXPECT_TRUE(doc.blocks.empty());
  // A stray NUL in a real page is not.
  Document page;
  HtmlToDocument(std::string("<html><body><p>text\0here</p>") + std::string(200, ' '), {}, page);
  EXPECT_TRUE(page.error.empty());
  ASSERT_EQ(page.blocks.size(), 1u);
}

TEST(HtmlInput, LimitsGiveTheTagStrippingFallback) {
  Document big;
  HtmlToDocument(kPage, With([](HtmlOptions& o) { o.max_bytes = 100; }), big);
  ASSERT_EQ(big.warnings.size(), 1u);
  EXPECT_NE(big.warnings[0].find("over the 100-byte limit"), std::string::npos);
  EXPECT_EQ(big.metadata.title, "Council Votes | Daily");
  ASSERT_NE(Find(big, "Home"), nullptr);  // no article detection: everything kept
  for (const Block& b : big.blocks) EXPECT_EQ(b.verdict, Verdict::kKeep);

  Document deep;
  HtmlToDocument(kPage, With([](HtmlOptions& o) { o.max_depth = 2; }), deep);
  ASSERT_EQ(deep.warnings.size(), 1u);
  EXPECT_NE(deep.warnings[0].find("nests deeper than 2"), std::string::npos);

  Document many;
  HtmlToDocument(kPage, With([](HtmlOptions& o) { o.max_elements = 5; }), many);
  ASSERT_EQ(many.warnings.size(), 1u);
  EXPECT_NE(many.warnings[0].find("over the limit of 5"), std::string::npos);
}

TEST(HtmlInput, EmptyAndTextOnlyInputs) {
  Document empty;
  HtmlToDocument("", {}, empty);
  EXPECT_TRUE(empty.error.empty());
  EXPECT_TRUE(empty.blocks.empty());
  Document text;
  HtmlToDocument("just some words", {}, text);
  ASSERT_EQ(text.blocks.size(), 1u);
  EXPECT_EQ(text.blocks[0].text, "just some words");
}

TEST(HtmlInput, ReusedDocumentIsReset) {
  Document doc;
  doc.id = "kept";
  HtmlToDocument(kPage, With([](HtmlOptions& o) { o.max_depth = 2; }), doc);
  EXPECT_FALSE(doc.warnings.empty());
  HtmlToDocument("<p>second page</p>", {}, doc);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "second page");
  EXPECT_TRUE(doc.metadata.title.empty());
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_EQ(doc.id, "kept");
}

}  // namespace
}  // namespace cleaner
