// Runs the [[rule.example]] tables of loaded packs: single-block examples check
// the rule's patterns and shape constraints; whole-page examples (with `output`)
// run the rule's pack alone over the text and compare the kept blocks.
#pragma once

#include <string>
#include <vector>

#include "cleaner/rules/rule_set.h"

namespace cleaner {

struct ExampleFailure {
  SourceLocation where;
  std::string rule_id;
  std::string message;
};

struct ExampleReport {
  int examples = 0;
  int rules_without_examples = 0;
  std::vector<ExampleFailure> failures;
};

ExampleReport RunRuleExamples(const RuleSet& rules);

}  // namespace cleaner
