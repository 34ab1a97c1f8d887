#include "cleaner/html/dom_rules.h"

#include <algorithm>

#include "cleaner/html/tag_scanner.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner::html {
namespace {

// Matches of one rule nested in each other that are recorded (the innermost
// wins ties): bounds the work on pages of deeply nested matching elements.
constexpr std::size_t kMaxNestedMatches = 4;

// Nested matches of one rule: the innermost element speaks for the block.
void AddHit(std::vector<SelectorHit>& hits, int rule, int depth, bool holds_article) {
  for (SelectorHit& h : hits) {
    if (h.rule == rule) {
      h.depth = std::max(h.depth, depth);
      h.holds_article = h.holds_article && holds_article;
      return;
    }
  }
  SelectorHit hit;
  hit.rule = rule;
  hit.depth = depth;
  hit.holds_article = holds_article;
  hits.push_back(hit);
}

}  // namespace

std::unique_ptr<DomRuleSet> DomRuleSet::Compile(const RuleSet& rules) {
  auto set = std::make_unique<DomRuleSet>();
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const Rule& rule = *rules.rules()[r].rule;
    for (const std::string& text : rule.selectors) {
      auto selector = Selector::Parse(text, nullptr);
      if (!selector) continue;
      for (const ComplexSelector& complex : selector->alternatives()) {
        const int index = static_cast<int>(set->entries_.size());
        Entry entry;
        entry.rule = static_cast<int>(r);
        entry.min_words = rule.min_words;
        entry.max_words = rule.max_words;
        entry.complex = &complex;
        set->entries_.push_back(entry);
        const CompoundSelector& last = complex.compounds.back();
        const AttrTest* literal = nullptr;
        for (const AttrTest& test : last.attrs) {
          if (test.op != AttrTest::Op::kExists && !test.value.empty()) literal = &test;
        }
        if (!last.ids.empty()) {
          set->by_id_[last.ids.front()].push_back(index);
        } else if (!last.classes.empty()) {
          set->by_class_[last.classes.front()].push_back(index);
        } else if (literal != nullptr) {
          LiteralIndex& li = set->by_literal_[literal->name];
          if (!li.set) {
            RE2::Options options;
            options.set_log_errors(false);
            li.set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
          }
          li.set->Add(RE2::QuoteMeta(literal->value), nullptr);
          li.entry.push_back(index);
        } else if (!last.attrs.empty()) {
          set->by_attr_[last.attrs.front().name].push_back(index);
        } else if (!last.tag.empty()) {
          set->by_tag_[last.tag].push_back(index);
        } else {
          set->any_.push_back(index);
        }
      }
      set->selectors_.push_back(std::move(selector));
    }
  }
  for (auto& [name, li] : set->by_literal_) {
    if (!li.set->Compile()) li.set.reset();  // out of memory: those selectors never match
  }
  return set;
}

void DomRuleSet::Match(const DomTree& tree, const std::vector<int>& words,
                       const std::vector<char>& kept,
                       std::vector<std::vector<SelectorHit>>& hits) const {
  const std::size_t blocks = tree.blocks.size();
  hits.assign(blocks, {});
  if (entries_.empty()) return;
  std::vector<long> words_before(blocks + 1, 0), kept_before(blocks + 1, 0);
  for (std::size_t b = 0; b < blocks; ++b) {
    words_before[b + 1] = words_before[b] + words[b];
    kept_before[b + 1] = kept_before[b] + (kept[b] ? words[b] : 0);
  }
  const long kept_total = kept_before[blocks];

  // Per rule, the matches enclosing the element being looked at (pre-order:
  // a match stays open until the walk passes its last block).
  std::map<int, std::vector<std::size_t>> open;  // per rule: where its open matches end
  std::vector<int> depth(tree.nodes.size(), 0);
  NodeText text(tree);
  std::vector<int> candidates;
  std::vector<int> literal_hits;
  auto add_bucket = [&](const std::map<std::string, std::vector<int>, std::less<>>& index,
                        std::string_view key) {
    if (auto it = index.find(key); it != index.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  };
  for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
    const DomNode& dn = tree.nodes[n];
    if (dn.parent >= 0) depth[n] = depth[static_cast<std::size_t>(dn.parent)] + 1;
    if (dn.first_block >= dn.end_block || dn.node == nullptr) continue;
    if (dn.node->type != GUMBO_NODE_ELEMENT && dn.node->type != GUMBO_NODE_TEMPLATE) continue;
    candidates.clear();
    const GumboVector& attrs = dn.node->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
      const auto* attr = static_cast<const GumboAttribute*>(attrs.data[i]);
      const std::string_view name(attr->name);
      if (!by_attr_.empty()) add_bucket(by_attr_, name);
      if (auto it = by_literal_.find(name); it != by_literal_.end() && it->second.set) {
        const std::string_view value(attr->value);
        if (it->second.set->Match(re2::StringPiece(value.data(), value.size()), &literal_hits)) {
          for (int hit : literal_hits)
            candidates.push_back(it->second.entry[static_cast<std::size_t>(hit)]);
        }
      }
      if (name == "id" && !by_id_.empty()) {
        add_bucket(by_id_, attr->value);
      } else if (name == "class" && !by_class_.empty()) {
        std::string_view value(attr->value);
        while (!value.empty()) {
          std::size_t start = 0;
          while (start < value.size() && IsHtmlSpace(value[start])) ++start;
          std::size_t end = start;
          while (end < value.size() && !IsHtmlSpace(value[end])) ++end;
          if (end > start) add_bucket(by_class_, value.substr(start, end - start));
          value.remove_prefix(end);
        }
      }
    }
    if (!by_tag_.empty()) {
      const std::string_view tag = TagName(dn.node);
      if (dn.tag != GUMBO_TAG_UNKNOWN) {
        add_bucket(by_tag_, tag);
      } else {
        std::string lower(tag);  // custom elements keep the page's case
        for (char& c : lower) c = ToLowerAscii(c);
        add_bucket(by_tag_, lower);
      }
    }
    candidates.insert(candidates.end(), any_.begin(), any_.end());
    if (candidates.empty()) continue;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    const auto first = static_cast<std::size_t>(dn.first_block);
    const auto end = static_cast<std::size_t>(dn.end_block);
    const long element_words = words_before[end] - words_before[first];
    int last_rule = -1;
    for (int c : candidates) {
      const Entry& entry = entries_[static_cast<std::size_t>(c)];
      if (entry.rule == last_rule) continue;  // another alternative of a rule that matched
      if (element_words < entry.min_words || element_words > entry.max_words) continue;
      if (!MatchesComplex(*entry.complex, tree, static_cast<int>(n), text)) continue;
      last_rule = entry.rule;
      const bool holds =
          kept_total > 0 && (kept_before[end] - kept_before[first]) * 2 >= kept_total;
      // An enclosing match of the same rule already covers these blocks; a
      // nested one only deepens them, so cap how often that is recorded.
      std::vector<std::size_t>& stack = open[entry.rule];
      while (!stack.empty() && stack.back() <= first) stack.pop_back();
      if (stack.size() >= kMaxNestedMatches) continue;
      stack.push_back(end);
      for (std::size_t b = first; b < end; ++b) AddHit(hits[b], entry.rule, depth[n], holds);
    }
  }
  for (auto& h : hits) {
    if (h.size() > 1) {
      std::sort(h.begin(), h.end(),
                [](const SelectorHit& a, const SelectorHit& b) { return a.rule < b.rule; });
    }
  }
}

}  // namespace cleaner::html
