// Reads rule packs from TOML files into plain data (rule.h). Every problem is
// reported with file:line:column and the rule id, and loading goes on so one
// run shows all of them: a broken rule file is never a crash and never a silent skip.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/rules/rule.h"

namespace cleaner {

struct LoadedRules {
  std::vector<Pack> packs;        // sorted by file path: load order is deterministic
  std::vector<RuleError> errors;  // empty when every pack is valid
  std::vector<RuleError> warnings;
  bool ok() const { return errors.empty(); }
};

// Loads every *.toml below `dir` (recursively). A missing or unreadable directory
// is an error in the result.
LoadedRules LoadRulesDir(const std::filesystem::path& dir);

// Parses one pack from TOML text; `file` names it in messages.
// `default_priority` applies when the pack sets none and is not a site pack.
void LoadPackText(std::string_view toml_text, const std::string& file, LoadedRules& out);

// Cross-pack checks after loading: duplicate ids, patterns RE2 rejects, `disable`
// naming unknown rules. Called by LoadRulesDir; exposed for tests.
void ValidateRules(LoadedRules& rules);

}  // namespace cleaner
