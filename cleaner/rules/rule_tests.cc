#include "cleaner/rules/rule_tests.h"

#include "cleaner/emit/emit.h"
#include "cleaner/html/dom_rules.h"
#include "cleaner/html/html_input.h"
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

// Whether selector rule `rule` would decide a block of the page `html`: its
// element holds a block, and (generic drop rules) not most of the article.
bool DomRuleFires(const RuleSet& rules, const html::DomRuleSet& dom, int rule,
                  const std::string& html) {
  Document doc;
  HtmlOptions options;
  options.dom_rules = &dom;
  HtmlToDocument(html, options, doc);
  for (const Block& b : doc.blocks) {
    for (const SelectorHit& hit : b.selector_hits) {
      if (hit.rule == rule && !SelectorHitVetoed(rules, hit)) return true;
    }
  }
  return false;
}

}  // namespace

ExampleReport RunRuleExamples(const RuleSet& rules) {
  ExampleReport report;
  RuleScratch scratch;
  std::unique_ptr<html::DomRuleSet> dom = html::DomRuleSet::Compile(rules);
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const RuleSet::CompiledRule& cr = rules.rules()[r];
    const Rule& rule = *cr.rule;
    if (rule.examples.empty()) ++report.rules_without_examples;
    for (const RuleExample& ex : rule.examples) {
      ++report.examples;
      if (ex.is_html) {
        const bool fired = DomRuleFires(rules, *dom, static_cast<int>(r), ex.text);
        if (fired != (ex.expect == "drop")) {
          report.failures.push_back({ex.where, rule.id,
                                     (fired ? "selector matched, expected no match in: "
                                            : "selector did not match in: ") +
                                         ex.text});
        }
        continue;
      }
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
