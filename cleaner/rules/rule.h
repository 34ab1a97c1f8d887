// Rule packs as plain data, as the loader reads them from TOML (see rules/README.md).
#pragma once

#include <climits>
#include <string>
#include <vector>

#include "cleaner/document.h"

namespace cleaner {

enum class Action { kDrop, kDropToEnd, kDropBefore, kDropRange, kKeep };
enum class Zone { kAny, kHead, kTail };

const char* ActionName(Action action);

// Where something in a rule file is, for error messages: "file:line:column".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string ToString() const;
};

struct RuleExample {
  std::string text;  // a block (text rules) or, in `html`, a page snippet (selector rules)
  bool is_html = false;
  std::string expect;  // "drop" | "keep" (single block); empty when `output` is set
  std::string output;  // expected kept blocks, one per line (whole-document example)
  bool has_output = false;
  SourceLocation where;
};

struct Rule {
  std::string id;
  std::string description;
  std::vector<std::string> patterns;   // RE2, any-of (text rules)
  std::vector<std::string> selectors;  // CSS subset, any-of (DOM rules: HTML input only)
  Action action = Action::kDrop;
  std::vector<BlockKind> kinds;  // empty: any kind
  int min_words = 0;             // text rules: the block's words; DOM rules: the element's
  int max_words = INT_MAX;
  Zone zone = Zone::kAny;
  int min_words_before = 0;        // guard: paragraph words before the block
  int min_words_after = 0;         // guard: paragraph words after the block
  std::string until;               // drop_range: closing pattern (inclusive)
  int max_blocks = 20;             // drop_range: blocks after the start, at most
  int range_max_words = INT_MAX;   // drop_range: stop before a longer block
  std::vector<std::string> flags;  // document flags set when the rule fires
  std::vector<RuleExample> examples;
  SourceLocation where;

  bool IsDomRule() const { return !selectors.empty(); }
};

struct Pack {
  std::string id;
  std::string description;
  std::vector<std::string> domains;       // site packs: host or any subdomain
  std::vector<std::string> fingerprints;  // site packs: RE2 over the blocks, for text without URL
  std::vector<std::string> disable;       // generic rule ids switched off by this pack
  int priority = 0;
  std::vector<Rule> rules;
  SourceLocation where;

  bool IsSite() const { return !domains.empty() || !fingerprints.empty(); }
};

// A problem found while loading or checking rules; never fatal by itself.
struct RuleError {
  SourceLocation where;
  std::string rule_id;  // empty when the problem is about the file or the pack
  std::string message;
  std::string ToString() const;
};

// Builds a RuleError; a function rather than nested braces, which GCC 12 misreads
// as maybe-uninitialized at -O2.
RuleError MakeRuleError(SourceLocation where, std::string rule_id, std::string message);

}  // namespace cleaner
