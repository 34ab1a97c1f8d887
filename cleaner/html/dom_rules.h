// The selector (DOM) rules of a RuleSet, compiled for matching over walked
// pages. Matching records, for every block, which rules' elements hold it;
// which of those apply (site scoping, `disable`, precedence) is decided later
// by the rule engine (engine.h, ApplyDomRules), like text rules.
//
// A rule acts on the blocks that start and end inside its element: an inline
// element within a paragraph (a <span> in a <p>) holds no block of its own.
// Selectors are indexed by the id, class, attribute or tag of their last
// compound, so a page's elements meet only the selectors that could match them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/set.h>

#include "cleaner/document.h"
#include "cleaner/html/dom_walk.h"
#include "cleaner/html/selector.h"

namespace cleaner {
class RuleSet;
}

namespace cleaner::html {

class DomRuleSet {
 public:
  // Every selector rule of `rules` (selectors were validated by the loader; one
  // that fails to parse anyway is skipped).
  static std::unique_ptr<DomRuleSet> Compile(const RuleSet& rules);

  bool empty() const { return selectors_.empty(); }

  // `words[i]` and `kept[i]` describe tree.blocks[i] (kept: in the article
  // region the content stage picked). Fills `hits[i]`, ascending by rule, once
  // per rule.
  void Match(const DomTree& tree, const std::vector<int>& words, const std::vector<char>& kept,
             std::vector<std::vector<SelectorHit>>& hits) const;

 private:
  struct Entry {
    int rule = -1;
    int min_words = 0;
    int max_words = 0;
    const ComplexSelector* complex = nullptr;
  };
  std::vector<std::unique_ptr<Selector>> selectors_;
  std::vector<Entry> entries_;
  // Attribute-value tests ([class*=paywall], [role=dialog]) of one attribute:
  // their values as literals in one RE2::Set, so an element's value is scanned
  // once for all of them.
  struct LiteralIndex {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> entry;  // set pattern -> entry index
  };
  // Entry indices by the last compound's id, else class, else an attribute
  // value literal, else an attribute name, else tag, else any.
  std::map<std::string, std::vector<int>, std::less<>> by_id_, by_class_, by_attr_, by_tag_;
  std::map<std::string, LiteralIndex, std::less<>> by_literal_;
  std::vector<int> any_;
};

}  // namespace cleaner::html
