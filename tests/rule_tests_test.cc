// RunRuleExamples: single-block examples check patterns and shape; page
// examples (with `output`) run the rule's pack alone and compare kept blocks.
#include "cleaner/rules/rule_tests.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/rule_packs.h"

namespace cleaner {
namespace {

std::unique_ptr<RuleSet> Compile(const std::vector<std::string>& packs) {
  return testing_support::CompilePacks(packs);
}

std::string Failures(const ExampleReport& r) {
  std::string s;
  for (const ExampleFailure& f : r.failures) {
    s.append(f.where.ToString()).append(" ").append(f.rule_id).append(": ").append(f.message);
    s.append("\n");
  }
  return s;
}

const char* kPassing = R"toml([pack]
id = "generic.ok"
description = "d"

[[rule]]
id = "ok.trial"
description = "d"
pattern = '(?i)^keep reading with an? \d+[- ]day free trial'
action = "drop_to_end"
max_words = 12

  [[rule.example]]
  text = "Keep reading with a 7-day free trial"
  expect = "drop"

  [[rule.example]]
  text = "Keep reading with a 7-day free trial, the company said, because it has grown its audience."
  expect = "keep"

  [[rule.example]]
  text = '''
The article body is a long enough paragraph with plenty of words in it.
Keep reading with a 7-day free trial
Subscribe to Example to keep reading this post
'''
  output = '''
The article body is a long enough paragraph with plenty of words in it.
'''

[[rule]]
id = "ok.no-examples"
description = "d"
pattern = '^Nothing$'
action = "drop"
)toml";

TEST(RuleExamples, PassingExamples) {
  auto rules = Compile({kPassing});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  EXPECT_EQ(report.examples, 3);
  EXPECT_EQ(report.rules_without_examples, 1);
  EXPECT_TRUE(report.failures.empty()) << Failures(report);
}

TEST(RuleExamples, DropExampleThatDoesNotMatchFails) {
  auto rules = Compile({R"toml([pack]
id = "generic.bad"
description = "d"

[[rule]]
id = "bad.share"
description = "d"
pattern = '^Share this$'
action = "drop"

  [[rule.example]]
  text = "Share this article"
  expect = "drop"
)toml"});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  EXPECT_EQ(report.examples, 1);
  ASSERT_EQ(report.failures.size(), 1u);
  const ExampleFailure& f = report.failures[0];
  EXPECT_EQ(f.rule_id, "bad.share");
  EXPECT_NE(f.message.find("did not match"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("Share this article"), std::string::npos) << f.message;
  EXPECT_EQ(f.where.file, "pack0.toml");
  EXPECT_EQ(f.where.line, 11);
}

TEST(RuleExamples, KeepExampleThatMatchesFails) {
  auto rules = Compile({R"toml([pack]
id = "generic.bad"
description = "d"

[[rule]]
id = "bad.greedy"
description = "d"
pattern = '(?i)subscribe'
action = "drop"

  [[rule.example]]
  text = "Readers who subscribe to the print edition get the magazine for free."
  expect = "keep"
)toml"});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].rule_id, "bad.greedy");
  EXPECT_NE(report.failures[0].message.find("matched, expected no match"), std::string::npos);
  EXPECT_NE(report.failures[0].message.find("paragraph"), std::string::npos)
      << "the message shows the block's kind: " << report.failures[0].message;
}

TEST(RuleExamples, ShapeConstraintsApplyToExamples) {
  // The pattern matches, but max_words keeps the long example: expect = "drop" fails.
  auto rules = Compile({R"toml([pack]
id = "generic.bad"
description = "d"

[[rule]]
id = "bad.short"
description = "d"
pattern = '(?i)subscribe'
action = "drop"
max_words = 3
kinds = ["heading"]

  [[rule.example]]
  text = "Subscribe Now"
  expect = "drop"

  [[rule.example]]
  text = "Subscribe to our newsletter for daily updates"
  expect = "drop"

  [[rule.example]]
  text = "- Subscribe"
  expect = "drop"
)toml"});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  EXPECT_EQ(report.examples, 3);
  ASSERT_EQ(report.failures.size(), 2u) << Failures(report);
  EXPECT_NE(report.failures[0].message.find("7 words"), std::string::npos)
      << report.failures[0].message;
  EXPECT_NE(report.failures[1].message.find("list_item"), std::string::npos)
      << report.failures[1].message;
}

TEST(RuleExamples, PageExampleWithWrongOutputFails) {
  auto rules = Compile({R"toml([pack]
id = "generic.page"
description = "d"

[[rule]]
id = "page.ask"
description = "d"
pattern = '^Ask AI$'
action = "drop"

  [[rule.example]]
  text = '''
A long enough paragraph of the article body goes here, with enough words.
Ask AI
New Chat
'''
  output = '''
A long enough paragraph of the article body goes here, with enough words.
'''
)toml"});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  ASSERT_EQ(report.failures.size(), 1u);
  const std::string& m = report.failures[0].message;
  EXPECT_EQ(report.failures[0].rule_id, "page.ask");
  EXPECT_NE(m.find("page example"), std::string::npos) << m;
  EXPECT_NE(m.find("--- got\nA long enough paragraph of the article body goes here, with enough "
                   "words.\nNew Chat"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("--- explain"), std::string::npos) << m;
}

TEST(RuleExamples, PageExampleRunsOnlyItsOwnPack) {
  // Another pack would drop "Footer"; the example of pack A must not see it.
  auto rules = Compile({R"toml([pack]
id = "generic.a"
description = "d"

[[rule]]
id = "a.ask"
description = "d"
pattern = '^Ask AI$'
action = "drop"

  [[rule.example]]
  text = '''
Body text of the article.
Ask AI
Footer
'''
  output = '''
Body text of the article.
Footer
'''
)toml",
                        R"toml([pack]
id = "generic.b"
description = "d"

[[rule]]
id = "b.footer"
description = "d"
pattern = '^Footer$'
action = "drop"
)toml"});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  EXPECT_TRUE(report.failures.empty()) << Failures(report);
  EXPECT_EQ(report.rules_without_examples, 1);
}

TEST(RuleExamples, PageExampleOfASitePackRunsWithoutUrl) {
  auto rules = Compile({R"toml([pack]
id = "site.x"
description = "d"
domains = ["x.com"]

[[rule]]
id = "x.promo"
description = "d"
pattern = '^Promo$'
action = "drop"

  [[rule.example]]
  text = '''
Body.
Promo
'''
  output = "Body."
)toml"});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  EXPECT_TRUE(report.failures.empty()) << Failures(report);
}

TEST(RuleExamples, EveryFailureIsReported) {
  auto rules = Compile({R"toml([pack]
id = "generic.many"
description = "d"

[[rule]]
id = "m.one"
description = "d"
pattern = '^One$'
action = "drop"
  [[rule.example]]
  text = "Two"
  expect = "drop"

[[rule]]
id = "m.two"
description = "d"
pattern = '^Two$'
action = "drop"
  [[rule.example]]
  text = "Two"
  expect = "keep"
  [[rule.example]]
  text = "Two"
  expect = "drop"
)toml"});
  ASSERT_NE(rules, nullptr);
  ExampleReport report = RunRuleExamples(*rules);
  EXPECT_EQ(report.examples, 3);
  ASSERT_EQ(report.failures.size(), 2u) << Failures(report);
  EXPECT_EQ(report.failures[0].rule_id, "m.one");
  EXPECT_EQ(report.failures[1].rule_id, "m.two");
}

}  // namespace
}  // namespace cleaner
