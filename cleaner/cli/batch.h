// Cleans a list of inputs on a pool of worker threads. Each worker owns a
// Cleaner (its scratch); the compiled rules are shared read-only. Results are
// printed (stdout) or written (-o DIR) and messages reported in input order,
// so output bytes do not depend on the number of threads.
#pragma once

#include <string>
#include <vector>

#include "cleaner/cli/inputs.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner {

enum class OutputFormat { kText, kJson, kJsonl, kExplain };

struct BatchOptions {
  OutputFormat format = OutputFormat::kText;
  std::string output_dir;  // empty: stdout
  std::string url;
  std::string site;
  int jobs = 1;
  bool quiet = false;  // no warnings on stderr
};

struct BatchSummary {
  int inputs = 0;
  int failed = 0;
};

BatchSummary RunBatch(const RuleSet& rules, const std::vector<InputItem>& inputs,
                      const BatchOptions& options);

}  // namespace cleaner
