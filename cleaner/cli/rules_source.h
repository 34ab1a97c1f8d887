// Finding and loading the rule packs for a command: --rules DIR, else
// $CLEANER_RULES, else the bundled rules/ (source tree, or share/cleaner/rules
// next to an installed binary). Prints every problem to stderr.
#pragma once

#include <memory>
#include <string>

#include "cleaner/rules/rule_set.h"

namespace cleaner {

std::string ResolveRulesDir(const std::string& flag);

// Loads and compiles; null (after printing the errors) when any rule is broken.
std::unique_ptr<RuleSet> LoadRulesOrReport(const std::string& dir, bool quiet);

}  // namespace cleaner
