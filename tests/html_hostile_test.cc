// Hostile HTML must finish in bounded time with a defined result. Each input is
// generated here; the time limits are hang guards (generous: debug builds and
// busy machines), the real numbers are printed and measured by the benchmark.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "cleaner/html/dom_rules.h"
#include "cleaner/html/html_input.h"
#include "cleaner/rules/loader.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner {
namespace {

constexpr double kHangGuardSeconds = 30;

struct Timed {
  Document doc;
  double seconds = 0;
};

Timed Clean(const std::string& page, const HtmlOptions& options = {}) {
  Timed t;
  const auto start = std::chrono::steady_clock::now();
  HtmlToDocument(page, options, t.doc);
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("    %.1f MB in %.3f s, %zu blocks\n", static_cast<double>(page.size()) / 1e6,
              t.seconds, t.doc.blocks.size());
  return t;
}

std::string Repeat(std::string_view unit, std::size_t n) {
  std::string out;
  out.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) out.append(unit);
  return out;
}

bool HasWarning(const Document& doc, std::string_view needle) {
  for (const std::string& w : doc.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

bool HasBlock(const Document& doc, std::string_view text) {
  for (const Block& b : doc.blocks) {
    if (b.text == text) return true;
  }
  return false;
}

TEST(HtmlHostile, HundredThousandNestedDivsFallBack) {
  std::string page = "<html><body>" + Repeat("<div>", 100000) + "deep text" +
                     Repeat("</div>", 100000) + "</body></html>";
  Timed t = Clean(page);
  EXPECT_LT(t.seconds, kHangGuardSeconds);
  EXPECT_TRUE(HasWarning(t.doc, "nests deeper than 512"));
  EXPECT_TRUE(HasBlock(t.doc, "deep text"));
}

TEST(HtmlHostile, HundredThousandNestedDivsUnclosed) {
  Timed t = Clean("<body>" + Repeat("<div>x", 100000));
  EXPECT_LT(t.seconds, kHangGuardSeconds);
  EXPECT_TRUE(HasWarning(t.doc, "nests deeper"));
  EXPECT_EQ(t.doc.blocks.size(), 100000u);
}

TEST(HtmlHostile, MillionUnclosedParagraphs) {
  // <p> closes the previous <p>: the tree is flat, but a million nodes would cost
  // Gumbo ~400 MB, so the element limit sends it to the fallback.
  Timed t = Clean("<html><body>" + Repeat("<p>word ", 1000000));
  EXPECT_LT(t.seconds, kHangGuardSeconds);
  EXPECT_TRUE(t.doc.error.empty());
  EXPECT_FALSE(HasWarning(t.doc, "nests deeper"));
  EXPECT_TRUE(HasWarning(t.doc, "over the limit of 250000"));
  EXPECT_EQ(t.doc.blocks.size(), 1000000u);
  // Under the limits the same shape goes through Gumbo: flat, linear.
  Timed parsed = Clean("<html><body>" + Repeat("<p>word ", 200000));
  EXPECT_LT(parsed.seconds, kHangGuardSeconds);
  EXPECT_TRUE(parsed.doc.warnings.empty());
  EXPECT_EQ(parsed.doc.blocks.size(), 200000u);
}

TEST(HtmlHostile, UnclosedFormattingElementsFallBack) {
  // Gumbo reopens every unclosed <b> in each new paragraph: quadratic (#391).
  std::string page = "<body>";
  for (int i = 0; i < 200000; ++i) page += "<p><b id=" + std::to_string(i) + ">x";
  Timed t = Clean(page);
  EXPECT_LT(t.seconds, kHangGuardSeconds);
  EXPECT_TRUE(HasWarning(t.doc, "nests deeper"));
}

TEST(HtmlHostile, UnclosedFontsAndAnchors) {
  Timed fonts = Clean("<body>" + Repeat("<font size=2>x", 200000));
  EXPECT_LT(fonts.seconds, kHangGuardSeconds);
  EXPECT_TRUE(HasWarning(fonts.doc, "nests deeper"));
  // A new <a> closes the open one: flat, parsed normally.
  Timed anchors = Clean("<body>" + Repeat("<a href=x>link text ", 200000));
  EXPECT_LT(anchors.seconds, kHangGuardSeconds);
  EXPECT_FALSE(HasWarning(anchors.doc, "nests deeper"));
}

TEST(HtmlHostile, FiftyMegabytePageFallsBackLinearly) {
  std::string para = "<p>The quick brown fox jumps over the lazy dog, again and again.</p>\n";
  std::string page = "<html><head><title>Big</title></head><body>" +
                     Repeat(para, (50u << 20) / para.size()) + "</body></html>";
  ASSERT_GT(page.size(), 50u << 20);
  Timed t = Clean(page);
  EXPECT_LT(t.seconds, kHangGuardSeconds);
  EXPECT_TRUE(HasWarning(t.doc, "over the"));
  EXPECT_EQ(t.doc.metadata.title, "Big");
  EXPECT_GT(t.doc.blocks.size(), 700000u);
}

TEST(HtmlHostile, BinaryJunkIsAnErrorOrText) {
  std::mt19937 rng(42);
  std::string junk(8u << 20, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  Timed t = Clean(junk);
  EXPECT_LT(t.seconds, kHangGuardSeconds);
  EXPECT_FALSE(t.doc.error.empty());  // NUL bytes and no markup: binary
  EXPECT_TRUE(t.doc.blocks.empty());
  // Junk without NULs, behind a doctype: parsed, whatever it yields.
  for (char& c : junk) {
    if (c == '\0') c = '<';
  }
  Timed html = Clean("<!doctype html>" + junk);
  EXPECT_LT(html.seconds, kHangGuardSeconds);
  EXPECT_TRUE(html.doc.error.empty());
}

TEST(HtmlHostile, UnterminatedMarkupRunsToTheEnd) {
  for (const char* unit : {"<!--", "<script>", "<svg>", "<title>", "<noscript>", "<template>",
                           "<!x", "</3", "<a title='", "<textarea>", "<style>"}) {
    SCOPED_TRACE(unit);
    Timed t = Clean("<body><p>before</p>" + Repeat(unit, 300000));
    EXPECT_LT(t.seconds, kHangGuardSeconds);
    EXPECT_TRUE(t.doc.error.empty());
  }
}

TEST(HtmlHostile, ManyCommentsAndAttributes) {
  Timed comments = Clean("<body>" + Repeat("<!-- c -->text ", 500000));
  EXPECT_LT(comments.seconds, kHangGuardSeconds);
  std::string attrs = "<body><div";
  for (int i = 0; i < 200000; ++i) attrs += " data-a" + std::to_string(i) + "='v'";
  attrs += ">text</div>";
  Timed many = Clean(attrs);
  EXPECT_LT(many.seconds, kHangGuardSeconds);
  EXPECT_TRUE(HasBlock(many.doc, "text"));
}

TEST(HtmlHostile, DeepTablesAndLists) {
  Timed tables = Clean("<body>" + Repeat("<table><tr><td>", 50000) + "cell");
  EXPECT_LT(tables.seconds, kHangGuardSeconds);
  Timed lists = Clean("<body>" + Repeat("<ul><li>item", 50000));
  EXPECT_LT(lists.seconds, kHangGuardSeconds);
  Timed items = Clean("<body><ul>" + Repeat("<li>item", 200000));  // flat: parsed
  EXPECT_LT(items.seconds, kHangGuardSeconds);
  EXPECT_TRUE(items.doc.warnings.empty());
}

// Selector rules built to backtrack (descendant chains), to read every
// element's text (:has-text on `*`) and to match everywhere, on a page 450
// elements deep and on one 100 000 elements wide.
TEST(HtmlHostile, SelectorRulesOnDeepAndWidePages) {
  LoadedRules loaded;
  LoadPackText(R"toml([pack]
id = "generic.hostile"
description = "d"

[[rule]]
id = "h.chain"
description = "d"
selectors = ['div div div div div div p', 'section > div div > div p']
action = "drop"

[[rule]]
id = "h.text"
description = "d"
selectors = ['*:has-text((?i)subscribe\\s+now)', ':not(.x) :not(.y) .b']
action = "drop"
)toml",
               "hostile.toml", loaded);
  ValidateRules(loaded);
  ASSERT_TRUE(loaded.ok());
  auto rules = RuleSet::Compile(std::move(loaded), nullptr);
  ASSERT_NE(rules, nullptr);
  auto dom = html::DomRuleSet::Compile(*rules);
  HtmlOptions options;
  options.dom_rules = dom.get();

  std::string deep = "<html><body>";
  for (int i = 0; i < 450; ++i) deep += "<div class=\"b share\"><p>Subscribe now to read on.</p>";
  Timed d = Clean(deep, options);
  EXPECT_TRUE(d.doc.error.empty());
  EXPECT_EQ(d.doc.blocks.size(), 450u) << "parsed, not the fallback";
  EXPECT_LT(d.seconds, kHangGuardSeconds);

  std::string wide = "<html><body>";
  for (int i = 0; i < 100000; ++i) wide += "<div class=\"b\"><p>Subscribe now.</p></div>";
  Timed w = Clean(wide, options);
  EXPECT_TRUE(w.doc.error.empty());
  EXPECT_EQ(w.doc.blocks.size(), 100000u);
  EXPECT_FALSE(w.doc.blocks.back().selector_hits.empty());
  EXPECT_LT(w.seconds, kHangGuardSeconds);
}

}  // namespace
}  // namespace cleaner
