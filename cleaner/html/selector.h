// A small CSS selector subset for DOM rules, matched over a walked page
// (dom_walk.h):
//
//   tag  *  .class  #id  [attr]  [attr=v]  [attr~=v]  [attr^=v]  [attr$=v]  [attr*=v]
//   A B (descendant)  A > B (child)  A, B (either)  :not(list)  :has-text(re)
//
// `.class` is a whole space-separated token, as in CSS: `.foot` is not
// "footnote" nor "foot-note". Tag and attribute names are case-insensitive,
// values case-sensitive. `:has-text(re)` takes an RE2 pattern (bare, balanced
// parentheses, or quoted) searched in the element's text: its blocks joined by
// newlines (its first 32 KiB). Anything else (pseudo-classes, `+`, `~`, namespaces) is a parse
// error naming the column, never silently ignored.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "cleaner/html/dom_walk.h"

namespace cleaner::html {

// The text `:has-text` searches: a node's blocks joined by newlines, at most the
// first kMaxBytes (so a general selector on a deep page stays linear-ish).
class NodeText {
 public:
  static constexpr std::size_t kMaxBytes = 32 << 10;
  explicit NodeText(const DomTree& tree) : tree_(tree) {}
  // Valid until the next call.
  std::string_view TextOf(int node);

 private:
  const DomTree& tree_;
  std::string buffer_;
};

struct AttrTest {
  enum class Op { kExists, kEquals, kWord, kPrefix, kSuffix, kContains };
  std::string name;  // lower case
  Op op = Op::kExists;
  std::string value;
};

struct ComplexSelector;

// One element's tests: `div.share[data-x]:not(.keep)`.
struct CompoundSelector {
  std::string tag;  // lower case; empty = any element
  std::vector<std::string> ids;
  std::vector<std::string> classes;
  std::vector<AttrTest> attrs;
  std::vector<std::vector<ComplexSelector>> nots;  // each :not(list)
  std::vector<std::shared_ptr<const RE2>> has_text;
};

enum class Combinator { kDescendant, kChild };

// Compounds joined by combinators: combinators[i] sits between compounds[i]
// and compounds[i + 1]; the last compound is the element matched.
struct ComplexSelector {
  std::vector<CompoundSelector> compounds;
  std::vector<Combinator> combinators;
};

class Selector {
 public:
  // Parses `text`; on failure returns null and sets `error` ("column N: ...").
  static std::unique_ptr<Selector> Parse(std::string_view text, std::string* error);

  const std::string& text() const { return text_; }
  const std::vector<ComplexSelector>& alternatives() const { return alternatives_; }

  // Whether element `node` of `tree` matches any alternative.
  bool Matches(const DomTree& tree, int node, NodeText& text) const;

 private:
  std::string text_;
  std::vector<ComplexSelector> alternatives_;
};

// Whether `complex` matches element `node`. Matching walks ancestors for
// descendant combinators; a budget bounds the backtracking on deep pages (a
// selector that exhausts it does not match).
bool MatchesComplex(const ComplexSelector& complex, const DomTree& tree, int node, NodeText& text);

// Whether `token` is one of the space-separated tokens of `value`.
bool HasToken(std::string_view value, std::string_view token);

}  // namespace cleaner::html
