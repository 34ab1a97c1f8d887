// Emitters: body text (title and dropped blocks excluded), JSON fields, and the
// --explain listing, Markdown. They format what classification decided, nothing more.
#include "cleaner/emit/emit.h"
#include "cleaner/emit/markdown.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace cleaner {
namespace {

Block MakeBlock(const std::string& text, int line, Verdict verdict = Verdict::kKeep,
                const std::string& reason = "") {
  Block b;
  b.text = text;
  b.line = line;
  b.verdict = verdict;
  b.reason = reason;
  b.decided = !reason.empty() && verdict != Verdict::kTitle;
  return b;
}

DroppedLine Blank(int line) {
  DroppedLine d;
  d.line = line;
  d.reason = "normalize.blank";
  return d;
}

// Title, a blank line, body, chrome dropped by a rule and by a detector.
Document SampleDoc() {
  Document doc;
  doc.id = "page.txt";
  doc.url = "https://example.com/a";
  doc.blocks.push_back(MakeBlock("Headline Here", 1, Verdict::kTitle, "detect.title"));
  doc.blocks.push_back(MakeBlock("Body text here.", 3));
  doc.blocks.push_back(MakeBlock("Share", 4, Verdict::kDrop, "t.share"));
  doc.blocks.push_back(MakeBlock("More body.", 5));
  doc.blocks.push_back(MakeBlock("Ask AI", 6, Verdict::kDrop, "detect.ui-labels"));
  doc.blocks.push_back(MakeBlock("New Chat", 7, Verdict::kDrop, "detect.ui-labels"));
  doc.dropped_lines.push_back(Blank(2));
  doc.input_lines = 7;
  doc.invalid_utf8 = 2;
  doc.warnings.push_back("2 invalid UTF-8 sequence(s) replaced with U+FFFD");
  doc.flags["paywalled"] = false;
  doc.flags["ai_disclosure"] = true;
  doc.packs = {"generic.a", "site.b"};
  return doc;
}

TEST(BodyText, KeptBlocksOnlyOneALine) {
  EXPECT_EQ(BodyText(SampleDoc()), "Body text here.\nMore body.\n");
}

TEST(BodyText, EmptyBodyIsEmpty) {
  Document doc;
  EXPECT_EQ(BodyText(doc), "");
  doc.blocks.push_back(MakeBlock("Only a title", 1, Verdict::kTitle, "detect.title"));
  doc.blocks.push_back(MakeBlock("Chrome", 2, Verdict::kDrop, "x"));
  EXPECT_EQ(BodyText(doc), "");
}

TEST(BodyText, IndentationKept) {
  Document doc;
  doc.blocks.push_back(MakeBlock("  - nested item", 1));
  EXPECT_EQ(BodyText(doc), "  - nested item\n");
}

TEST(TitleText, TitleOrEmpty) {
  EXPECT_EQ(TitleText(SampleDoc()), "Headline Here");
  Document doc;
  doc.blocks.push_back(MakeBlock("Body.", 1));
  EXPECT_EQ(TitleText(doc), "");
}

TEST(ToJson, Fields) {
  const nlohmann::ordered_json j = ToJson(SampleDoc());
  EXPECT_EQ(j["id"], "page.txt");
  EXPECT_EQ(j["url"], "https://example.com/a");
  EXPECT_EQ(j["input"], "text");
  EXPECT_EQ(j["title"], "Headline Here");
  EXPECT_EQ(j["body"], "Body text here.\nMore body.\n");
  EXPECT_FALSE(j.contains("metadata")) << "metadata is for HTML input";
  EXPECT_FALSE(j.contains("error"));

  const auto& removed = j["removed"];
  ASSERT_TRUE(removed.is_array());
  ASSERT_EQ(removed.size(), 3u);
  EXPECT_EQ(removed[0]["line"], 4);
  EXPECT_EQ(removed[0]["rule"], "t.share");
  EXPECT_EQ(removed[0]["text"], "Share");
  EXPECT_FALSE(removed[0].contains("path"));
  EXPECT_EQ(removed[1]["rule"], "detect.ui-labels");
  EXPECT_EQ(removed[2]["line"], 7);

  EXPECT_EQ(j["flags"]["ai_disclosure"], true);
  EXPECT_EQ(j["flags"]["paywalled"], false);
  EXPECT_EQ(j["packs"], (std::vector<std::string>{"generic.a", "site.b"}));

  const auto& counts = j["counts"];
  EXPECT_EQ(counts["input_lines"], 7);
  EXPECT_EQ(counts["blank_lines"], 1);
  EXPECT_EQ(counts["blocks"], 6);
  EXPECT_EQ(counts["kept"], 2);
  EXPECT_EQ(counts["removed"], 3);
  EXPECT_EQ(counts["invalid_utf8"], 2);

  EXPECT_EQ(j["removed_by_rule"]["detect.ui-labels"], 2);
  EXPECT_EQ(j["removed_by_rule"]["t.share"], 1);
  EXPECT_EQ(j["removed_by_rule"].size(), 2u);
  ASSERT_TRUE(j.contains("warnings"));
  EXPECT_EQ(j["warnings"].size(), 1u);
}

TEST(ToJson, KeyOrder) {
  const nlohmann::ordered_json j = ToJson(SampleDoc());
  std::vector<std::string> keys;
  for (const auto& item : j.items()) keys.push_back(item.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"id", "url", "input", "title", "body", "removed", "flags",
                                      "packs", "counts", "removed_by_rule", "warnings"}));
}

TEST(ToJson, RemovedCountsAddUp) {
  const Document doc = SampleDoc();
  const nlohmann::ordered_json j = ToJson(doc);
  const int title = doc.TitleIndex() >= 0 ? 1 : 0;
  EXPECT_EQ(j["counts"]["kept"].get<int>() + j["counts"]["removed"].get<int>() + title,
            j["counts"]["blocks"].get<int>());
  EXPECT_EQ(j["removed"].size(), j["counts"]["removed"].get<std::size_t>());
}

TEST(ToJson, OptionalFieldsAbsent) {
  Document doc;
  doc.blocks.push_back(MakeBlock("Body.", 1));
  doc.input_lines = 1;
  const nlohmann::ordered_json j = ToJson(doc);
  EXPECT_FALSE(j.contains("id"));
  EXPECT_FALSE(j.contains("url"));
  EXPECT_FALSE(j.contains("warnings"));
  EXPECT_EQ(j["title"], "");
  EXPECT_TRUE(j["removed"].is_array());
  EXPECT_TRUE(j["removed"].empty());
  EXPECT_TRUE(j["flags"].is_object());
  EXPECT_TRUE(j["removed_by_rule"].is_object());
  EXPECT_EQ(j["counts"]["removed"], 0);
}

TEST(ToJson, ErrorDocumentHasOnlyTheError) {
  Document doc;
  doc.id = "bin.dat";
  doc.error = "binary input (NUL byte at offset 3); not cleaned";
  const nlohmann::ordered_json j = ToJson(doc);
  EXPECT_EQ(j.size(), 2u);
  EXPECT_EQ(j["id"], "bin.dat");
  EXPECT_EQ(j["error"], doc.error);
  EXPECT_FALSE(j.contains("body"));
}

TEST(ToJson, HtmlMetadataAndPaths) {
  Document doc;
  doc.is_html = true;
  doc.metadata.title = "Meta Title";
  doc.metadata.author = "Jane Doe";
  doc.metadata.language = "en";
  Block kept = MakeBlock("Body.", 3);
  kept.dom_path = "body>article>p";
  Block dropped = MakeBlock("Sign up", 4, Verdict::kDrop, "html.chrome");
  dropped.dom_path = "body>aside.newsletter>p";
  doc.blocks.push_back(kept);
  doc.blocks.push_back(dropped);
  const nlohmann::ordered_json j = ToJson(doc);
  EXPECT_EQ(j["input"], "html");
  EXPECT_EQ(j["title"], "Meta Title") << "no title block: the metadata title";
  const auto& m = j["metadata"];
  EXPECT_EQ(m["title"], "Meta Title");
  EXPECT_EQ(m["author"], "Jane Doe");
  EXPECT_TRUE(m["published"].is_null());
  EXPECT_TRUE(m["site_name"].is_null());
  EXPECT_TRUE(m["canonical_url"].is_null());
  EXPECT_EQ(m["language"], "en");
  ASSERT_EQ(j["removed"].size(), 1u);
  EXPECT_EQ(j["removed"][0]["path"], "body>aside.newsletter>p");
}

TEST(ToJson, TitleBlockWinsOverMetadata) {
  Document doc = SampleDoc();
  doc.metadata.title = "Meta Title";
  EXPECT_EQ(ToJson(doc)["title"], "Headline Here");
}

TEST(ToJson, DumpsValidUtf8Json) {
  Document doc = SampleDoc();
  doc.blocks[1].text = "Caf\xC3\xA9 \"quoted\" \\ tab\t\xE6\x97\xA5";
  const std::string dumped = ToJson(doc).dump();
  const auto back = nlohmann::ordered_json::parse(dumped);
  EXPECT_EQ(back["body"], "Caf\xC3\xA9 \"quoted\" \\ tab\t\xE6\x97\xA5\nMore body.\n");
}

std::string Row(int line, const std::string& verdict, const std::string& reason, int width,
                const std::string& text) {
  std::string n = std::to_string(line);
  std::string s(5 - n.size(), ' ');
  s.append(n).append("  ").append(verdict).append(6 - verdict.size(), ' ').append(reason);
  s.append(static_cast<std::size_t>(width) - reason.size() + 2, ' ').append(text).append("\n");
  return s;
}

TEST(ExplainText, EveryLineWithVerdictAndReason) {
  Document doc = SampleDoc();
  doc.blocks[3].notes.push_back("rule t.ask vetoed: needs 40 words of prose before, has 3");
  const int w = 16;  // "detect.ui-labels"
  std::string want;
  want.append(Row(1, "TITLE", "detect.title", w, "Headline Here"));
  want.append(Row(2, "DROP", "normalize.blank", w, ""));
  want.append(Row(3, "KEEP", "-", w, "Body text here."));
  want.append(Row(4, "DROP", "t.share", w, "Share"));
  want.append(Row(5, "KEEP", "-", w, "More body."));
  want.append("         note: rule t.ask vetoed: needs 40 words of prose before, has 3\n");
  want.append(Row(6, "DROP", "detect.ui-labels", w, "Ask AI"));
  want.append(Row(7, "DROP", "detect.ui-labels", w, "New Chat"));
  EXPECT_EQ(ExplainText(doc), want);
}

TEST(ExplainText, KeepRuleReasonShown) {
  Document doc;
  doc.blocks.push_back(MakeBlock("Correction: a date was wrong", 1, Verdict::kKeep, "t.keep"));
  EXPECT_EQ(ExplainText(doc), Row(1, "KEEP", "t.keep", 6, "Correction: a date was wrong"));
}

TEST(ExplainText, DroppedHtmlBlockShowsItsPath) {
  Document doc;
  Block kept = MakeBlock("Body.", 1);
  kept.dom_path = "body>p";
  Block dropped = MakeBlock("Sign up", 2, Verdict::kDrop, "html.chrome");
  dropped.dom_path = "body>aside>p";
  doc.blocks.push_back(kept);
  doc.blocks.push_back(dropped);
  const std::string out = ExplainText(doc);
  EXPECT_NE(out.find("         path: body>aside>p\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("body>p"), std::string::npos) << "kept blocks show no path: " << out;
}

TEST(ExplainText, LongLinesCutOnACharacterBoundary) {
  Document doc;
  std::string text(399, 'a');
  text.append("\xC3\xA9");  // bytes 399 and 400
  text.append(200, 'b');
  doc.blocks.push_back(MakeBlock(text, 1));
  const std::string out = ExplainText(doc);
  std::string want(399, 'a');
  want.append(" \xE2\x80\xA6 [601 bytes]\n");
  EXPECT_TRUE(out.ends_with(want)) << out;
  EXPECT_LT(out.size(), 450u);
}

TEST(ExplainText, EmptyDocument) { EXPECT_EQ(ExplainText(Document{}), ""); }

// An HTML block with its Markdown twin (empty: the same as the text).
Block HtmlBlock(const std::string& text, const std::string& markdown, int line) {
  Block b = MakeBlock(text, line);
  b.markdown = markdown;
  return b;
}

TEST(MarkdownText, InlineMarkupFromTheTwin) {
  Document doc;
  doc.is_html = true;
  doc.blocks.push_back(MakeBlock("Headline [live]", 1, Verdict::kTitle, "html.title"));
  doc.blocks.back().markdown = "Headline \\[live\\]";
  Block heading = HtmlBlock("What changed for riders", "What changed for *riders*", 2);
  heading.heading_level = 2;
  heading.kind = BlockKind::kHeading;
  doc.blocks.push_back(heading);
  doc.blocks.push_back(HtmlBlock("See the new map.", "See the [new map](https://x.example/m).", 3));
  Block item = HtmlBlock("\xE2\x80\xA2 North: 06:40", "\xE2\x80\xA2 **North:** 06:40", 4);
  item.kind = BlockKind::kListItem;
  doc.blocks.push_back(item);
  Block quote = HtmlBlock("It works, she said.", "It *works*, she said.", 5);
  quote.markup = kMarkupQuote;
  doc.blocks.push_back(quote);
  Block row = HtmlBlock("a_b | c", "`a_b` | c", 6);
  row.markup = kMarkupTableRow;
  doc.blocks.push_back(row);
  Block pre = HtmlBlock("x = *p;", "", 7);
  pre.markup = kMarkupPreformatted;
  doc.blocks.push_back(pre);
  doc.blocks.push_back(HtmlBlock("Dropped *chrome*", "Dropped \\*chrome\\*", 8));
  doc.blocks.back().verdict = Verdict::kDrop;
  EXPECT_EQ(MarkdownText(doc),
            "# Headline \\[live\\]\n\n"
            "## What changed for *riders*\n\n"
            "See the [new map](https://x.example/m).\n\n"
            "- **North:** 06:40\n\n"
            "> It *works*, she said.\n\n"
            "|   |   |\n| --- | --- |\n| `a_b` | c |\n\n"
            "```\nx = *p;\n```\n");
}

TEST(MarkdownText, TextInputHasNoTwin) {
  Document doc;
  doc.blocks.push_back(MakeBlock("Plain *text* stays as written.", 1));
  EXPECT_EQ(MarkdownText(doc), "Plain *text* stays as written.\n");
}

}  // namespace
}  // namespace cleaner
