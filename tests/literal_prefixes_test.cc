// literal_prefixes: what an anchored pattern's matches must start with, and
// the folding that block starts are compared in. A prefix set that leaves out
// a way a pattern can match would silently drop a rule hit, so besides the
// unit cases every bundled pattern is checked against RE2 on real page lines.
#include "cleaner/rules/literal_prefixes.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <utf8proc.h>

#include "cleaner/rules/loader.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner {
namespace {

using Prefixes = std::vector<std::string>;

Prefixes Of(std::string_view pattern) {
  auto prefixes = AnchoredPrefixes(pattern);
  EXPECT_TRUE(prefixes.has_value()) << pattern;
  return prefixes.value_or(Prefixes{});
}

std::string End(std::string s) { return s + kEndOfText; }

std::string Folded(std::string_view text) {
  std::string out;
  FoldBlockStart(text, out);
  return out;
}

std::string Utf8(char32_t c) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

TEST(AnchoredPrefixes, AlternativesAndLeadingWhitespace) {
  EXPECT_EQ(Of(R"((?i)^\s*(keep|start) reading\b)"), (Prefixes{"keep reading", "start reading"}));
  EXPECT_EQ(Of(R"(^\s+foo)"), (Prefixes{"foo"}));     // the block's whitespace is skipped
  EXPECT_EQ(Of(R"(^(\s*)?Foo)"), (Prefixes{"foo"}));  // folded
  EXPECT_EQ(Of(R"(^\s*(?i:by)\s+\p{Lu})"), (Prefixes{"by "}));
  // Whitespace the pattern wants after its own leading run is in that run too.
  EXPECT_EQ(Of(R"(^\s*(\s+foo|bar))"), (Prefixes{"bar", "foo"}));
}

TEST(AnchoredPrefixes, OptionalPartsBranch) {
  EXPECT_EQ(Of(R"((?i)^\s*(note:\s*)?this\b)"), (Prefixes{"note: this", "note:this", "this"}));
  EXPECT_EQ(Of(R"(^\s*a(b|c)?d)"), (Prefixes{"abd", "acd", "ad"}));
}

TEST(AnchoredPrefixes, EndOfTextAndRuns) {
  EXPECT_EQ(Of(R"((?i)^\s*share$)"), (Prefixes{End("share")}));
  EXPECT_EQ(Of(R"(^\s*share\s*$)"), (Prefixes{End("share "), End("share")}));  // sorted
  // Digits fold to '0' and runs of them to one: "\d{1,2}:\d{2}" is one string.
  EXPECT_EQ(Of(R"(^\s*\d{1,2}:\d{2}$)"), (Prefixes{End("0:0")}));
  EXPECT_EQ(Of(R"(^\s*$)"), (Prefixes{End("")}));
}

TEST(AnchoredPrefixes, LongPrefixesAreCut) {
  for (const std::string& p : Of(R"((?i)^\s*this article was written with the help of ai)"))
    EXPECT_EQ(p.size(), kPrefixBytes);
}

// Each node is analysed once each way: nested optional groups, which double
// the paths to the innermost at every level, would otherwise take 2^depth.
TEST(AnchoredPrefixes, DeepNestingIsLinear) {
  std::string pattern = "^";
  for (int i = 0; i < 200; ++i) pattern += "(";
  pattern += "a";
  for (int i = 0; i < 200; ++i) pattern += "?)";
  pattern += "b";
  EXPECT_EQ(Of(pattern), (Prefixes{"ab", "b"}));
}

// Thousands of alternatives: the strings are cut shorter until few enough.
TEST(AnchoredPrefixes, HugeAlternationsStayBounded) {
  std::string pattern = "^(";
  for (int i = 0; i < 5000; ++i) pattern += (i ? "|w" : "w") + std::to_string(i) + "x";
  pattern += ")";
  const Prefixes prefixes = Of(pattern);
  EXPECT_FALSE(prefixes.empty());
  EXPECT_LE(prefixes.size(), 256u);
  for (const std::string& p : prefixes) EXPECT_TRUE(p.starts_with("w")) << p;
}

// Syntax rule writers may use: whatever prefixes a pattern gets, no text RE2
// matches falls outside them.
TEST(AnchoredPrefixes, SyntaxVarietyLosesNoMatch) {
  const std::vector<std::string> patterns = {R"(^\s*(?i)foo)",
                                             R"(^\x{41}b)",
                                             R"(^[\]a]x)",
                                             R"(^\Qa.b\E)",
                                             R"(^(?P<w>ab|cd)e)",
                                             R"(^(?:x|y){2,3}z)",
                                             R"(^a{0,2}b)",
                                             R"(^[a-cX]+-)",
                                             R"(^\s*[-–—]\s*ok)",
                                             R"(^\d+\s*(min|h)\b)",
                                             R"((?i)^\s*ÉTÉ\b)",
                                             R"(^\s*\tx)",
                                             R"((?i)^\s*stra(ss|ß)e)",
                                             R"(^(?i:K)elvin)",
                                             R"(^\.{3}$)",
                                             R"(^a|^b\s+c)",
                                             R"(^\s*(\d{1,2}[./]){2}\d{4}$)"};
  const std::vector<std::string> texts = {
      "foo",         "  FOO bar", "Ab",    "]x",      "ax",         "a.b",
      "abe",         "cde",       "xyz",   "yyyz",    "b",          "aab",
      "abcX-",       "– ok",      "  -ok", "12 min",  "3h",         "été",
      "  Été 2024",  "\tx",       " \t x", "STRASSE", "straße",     "Kelvin",
      "\u212Aelvin", "...",       "a",     "b  c",    "01.02.2024", " 1/2/2024"};
  int matches = 0;
  for (const std::string& pattern : patterns) {
    RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    auto prefixes = AnchoredPrefixes(pattern);
    for (const std::string& text : texts) {
      if (!RE2::PartialMatch(text, re)) continue;
      ++matches;
      if (!prefixes) continue;
      const std::string folded = Folded(text);
      EXPECT_TRUE(std::any_of(prefixes->begin(), prefixes->end(),
                              [&](const std::string& p) { return folded.starts_with(p); }))
          << pattern << " matches " << text;
    }
  }
  EXPECT_GT(matches, 25);
}

TEST(AnchoredPrefixes, UnboundedStartsHaveNone) {
  for (const char* pattern :
       {R"(^\s*\p{Lu}\w+ says:$)", R"((?i)^\s*.+ is a reader)", R"(^\s*[^.]+ weiter)",
        R"(^\s*\w*\s*foo)", R"(^\s*(foo|\S+) bar)", R"(^\s*[A-Z]{2})"}) {
    EXPECT_FALSE(AnchoredPrefixes(pattern).has_value()) << pattern;
  }
}

TEST(AnchoredPrefixes, SyntaxItDoesNotKnowGivesNone) {
  for (const char* pattern : {R"(^(?x) a b)", R"(^\1)", R"(^(a)", R"(^[a)", R"(^\)"}) {
    EXPECT_FALSE(AnchoredPrefixes(pattern).has_value()) << pattern;
  }
}

TEST(FoldBlockStart, SkipsLeadingSpaceFoldsAndMarksTheEnd) {
  EXPECT_EQ(Folded("  \tKeep Reading"), End("keep reading"));
  EXPECT_EQ(Folded("Share"), End("share"));
  EXPECT_EQ(Folded("On 2024-11-05  at\t10:30 the council"), "on 0-0-0 at 0:0");  // kPrefixBytes
  EXPECT_EQ(Folded(""), End(""));
  EXPECT_EQ(Folded("ÜBER UNS"), End("über uns"));
}

TEST(FoldCodePoint, CaseVariantsFoldTogether) {
  EXPECT_EQ(FoldCodePoint(U'K'), FoldCodePoint(U'\u212A'));  // Kelvin sign
  EXPECT_EQ(FoldCodePoint(U'ς'), FoldCodePoint(U'Σ'));
  EXPECT_EQ(FoldCodePoint(U'σ'), FoldCodePoint(U'Σ'));
  EXPECT_EQ(FoldCodePoint(U'ſ'), FoldCodePoint(U's'));
  EXPECT_EQ(FoldCodePoint(U'ẞ'), FoldCodePoint(U'ß'));
}

// Whatever RE2's (?i) treats as the same letter must fold alike, or a block
// written in the other case would never reach RE2. For every code point with
// case: its upper, lower and title forms and its fold, wherever (?i) matches
// them with it, fold as it does. (Folding more together, as dotless ı with i,
// only lets more blocks through to RE2.)
TEST(FoldCodePoint, AgreesWithRe2CaseFolding) {
  int checked = 0;
  for (char32_t c = 0x80; c < 0x20000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    const auto cp = static_cast<utf8proc_int32_t>(c);
    const char32_t fold = FoldCodePoint(c);
    std::vector<char32_t> forms;
    for (utf8proc_int32_t f : {utf8proc_toupper(cp), utf8proc_tolower(cp), utf8proc_totitle(cp)})
      if (f != cp) forms.push_back(static_cast<char32_t>(f));
    if (fold != c) forms.push_back(fold);
    if (forms.empty()) continue;
    RE2 same("(?i)" + RE2::QuoteMeta(Utf8(c)));
    for (char32_t form : forms) {
      if (!RE2::FullMatch(Utf8(form), same)) continue;
      EXPECT_EQ(FoldCodePoint(form), fold)
          << std::hex << static_cast<std::uint32_t>(c) << " ~ " << static_cast<std::uint32_t>(form);
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000);
}

// Every line of the golden fixtures, the rule examples and variants of them
// (other case, more space, other digits) against every bundled anchored
// pattern that has prefixes: where RE2 finds a match, the line's folded start
// must begin with one of the pattern's prefixes.
std::vector<std::string> SampleLines(const LoadedRules& rules) {
  std::vector<std::string> lines;
  for (const auto& entry : std::filesystem::directory_iterator(CLEANER_FIXTURES_DIR)) {
    std::ifstream in(entry.path() / "input.txt");
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  for (const Pack& pack : rules.packs) {
    for (const Rule& rule : pack.rules) {
      for (const RuleExample& example : rule.examples) {
        std::istringstream in(example.text);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
      }
    }
  }
  const std::size_t originals = lines.size();
  for (std::size_t i = 0; i < originals; ++i) {
    std::string upper = lines[i], spaced = "  " + lines[i], digits = lines[i];
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : digits) {
      if (c >= '0' && c <= '8') ++c;
    }
    lines.push_back(upper);
    lines.push_back(spaced);
    lines.push_back(digits);
  }
  return lines;
}

TEST(AnchoredPrefixes, BundledPatternsLoseNoMatch) {
  LoadedRules rules = LoadRulesDir(CLEANER_RULES_DIR);
  const std::vector<std::string> lines = SampleLines(rules);
  ASSERT_GT(lines.size(), 2000u);
  int prefixed = 0, matches = 0;
  for (const Pack& pack : rules.packs) {
    for (const Rule& rule : pack.rules) {
      for (const std::string& pattern : rule.patterns) {
        if (PatternScansBlock(pattern)) continue;
        auto prefixes = AnchoredPrefixes(pattern);
        if (!prefixes) continue;
        ++prefixed;
        RE2 re(pattern);
        ASSERT_TRUE(re.ok()) << pattern;
        for (const std::string& line : lines) {
          if (!RE2::PartialMatch(line, re)) continue;
          ++matches;
          const std::string folded = Folded(line);
          EXPECT_TRUE(std::any_of(prefixes->begin(), prefixes->end(),
                                  [&](const std::string& p) { return folded.starts_with(p); }))
              << rule.id << ": " << pattern << "\n  matches: " << line;
        }
      }
    }
  }
  EXPECT_GT(prefixed, 150);  // nearly all anchored patterns go through prefixes
  EXPECT_GT(matches, 500);
}

}  // namespace
}  // namespace cleaner
