// Helpers for tests that build rule packs from TOML text: compile them (every
// loader or compile error fails the test, with its messages) and write packs.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "cleaner/rules/loader.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner::testing_support {

inline std::string AllErrors(const std::vector<RuleError>& errors) {
  std::string s;
  for (const RuleError& e : errors) s.append(e.ToString()).append("\n");
  return s;
}

// Loads, validates and compiles (file name, TOML text) pairs.
inline std::unique_ptr<RuleSet> CompileFiles(
    const std::vector<std::pair<std::string, std::string>>& files) {
  LoadedRules loaded;
  for (const auto& [name, text] : files) LoadPackText(text, name, loaded);
  ValidateRules(loaded);
  EXPECT_TRUE(loaded.ok()) << AllErrors(loaded.errors);
  std::vector<RuleError> errors;
  auto set = RuleSet::Compile(std::move(loaded), &errors);
  EXPECT_NE(set, nullptr) << AllErrors(errors);
  return set;
}

// As CompileFiles, the packs named pack0.toml, pack1.toml, ...
inline std::unique_ptr<RuleSet> CompilePacks(const std::vector<std::string>& packs) {
  std::vector<std::pair<std::string, std::string>> files;
  for (std::size_t i = 0; i < packs.size(); ++i) {
    std::string name("pack");
    name.append(std::to_string(i)).append(".toml");
    files.emplace_back(std::move(name), packs[i]);
  }
  return CompileFiles(files);
}

// One [[rule]] table: `match_key` is "pattern" (text rules) or "selector" (DOM
// rules), `extra` more TOML lines (max_words, flags, ...).
inline std::string RuleTable(const std::string& id, const std::string& match_key,
                             const std::string& match, const std::string& action,
                             const std::string& extra = "") {
  std::string s("[[rule]]\nid = \"");
  s += id;
  s += "\"\ndescription = \"d\"\n";
  s += match_key;
  s += " = '";
  s += match;
  s += "'\naction = \"";
  s += action;
  s += "\"\n";
  s += extra;
  s += "\n";
  return s;
}

// A [pack] table with `keys` (extra TOML lines: domains, disable, ...) and `rules`.
inline std::string PackText(const std::string& id, const std::string& keys,
                            const std::string& rules) {
  std::string s("[pack]\nid = \"");
  s.append(id).append("\"\ndescription = \"d\"\n").append(keys).append("\n").append(rules);
  return s;
}

}  // namespace cleaner::testing_support
