#include "cleaner/rules/rule_tests.h"

#include "cleaner/emit/emit.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/pipeline/cleaner.h"
#include "cleaner/segment/segment.h"

namespace cleaner {
namespace {

std::string TrimNewlines(std::string s) {
  while (!s.empty() && (s.front() == '\n')) s.erase(s.begin());
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

ExampleReport RunRuleExamples(const RuleSet& rules) {
  ExampleReport report;
  RuleScratch scratch;
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const RuleSet::CompiledRule& cr = rules.rules()[r];
    const Rule& rule = *cr.rule;
    if (rule.examples.empty()) ++report.rules_without_examples;
    for (const RuleExample& ex : rule.examples) {
      ++report.examples;
      if (!ex.has_output) {
        Block block;
        block.text = NormalizeLine(ex.text);
        block.features = ComputeFeatures(block.text);
        block.kind = ClassifyKind(block.text, block.features);
        bool matched = RuleMatchesBlock(rules, static_cast<int>(r), block);
        if (matched != (ex.expect == "drop")) {
          std::string shape = std::string(BlockKindName(block.kind)) + ", " +
                              std::to_string(block.features.words) + " words";
          report.failures.push_back(
              {ex.where, rule.id,
               (matched ? "matched, expected no match: \"" : "did not match: \"") + ex.text +
                   "\" (" + shape + ")"});
        }
        continue;
      }
      Document doc;
      SegmentLines(NormalizeLines(ex.text), doc);
      ApplyRules(rules, doc, {.only_pack = cr.pack}, scratch);
      std::string got = TrimNewlines(BodyText(doc));
      std::string want = TrimNewlines(ex.output);
      if (got != want) {
        report.failures.push_back({ex.where, rule.id,
                                   "page example: expected\n" + want + "\n--- got\n" + got +
                                       "\n--- explain\n" + ExplainText(doc)});
      }
    }
  }
  return report;
}

}  // namespace cleaner
