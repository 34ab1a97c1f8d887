#include "cleaner/rules/prefix_trie.h"

#include <algorithm>
#include <stdexcept>

namespace cleaner {

PrefixTrie::PrefixTrie() { root_.fill(kNone); }

void PrefixTrie::Add(std::string_view prefix, int id) {
  if (!prefix.empty()) pending_.emplace_back(std::string(prefix), id);
}

namespace {

// Sorted prefixes put every node's subtree in one contiguous run: the node for
// the first `depth` bytes of pending[begin] covers [begin, end).
struct Builder {
  const std::vector<std::pair<std::string, int>>& pending;
  std::vector<std::uint32_t>& nodes;

  // The runs of [begin, end) that go on past `depth` with the same byte there.
  std::vector<std::pair<std::size_t, std::size_t>> Children(std::size_t begin, std::size_t end,
                                                            std::size_t depth) const {
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (std::size_t i = begin; i < end;) {
      if (pending[i].first.size() <= depth) {
        ++i;
        continue;
      }
      const char byte = pending[i].first[depth];
      std::size_t j = i;
      while (j < end && pending[j].first.size() > depth && pending[j].first[depth] == byte) ++j;
      runs.emplace_back(i, j);
      i = j;
    }
    return runs;
  }

  // Lays out the node for [begin, end) at `depth` and its subtree; returns its offset.
  std::uint32_t Emit(std::size_t begin, std::size_t end, std::size_t depth) {
    const auto at = static_cast<std::uint32_t>(nodes.size());
    std::uint32_t ids = 0;
    nodes.push_back(0);  // header, below
    for (std::size_t i = begin; i < end && pending[i].first.size() == depth; ++i) {
      nodes.push_back(static_cast<std::uint32_t>(pending[i].second));
      ++ids;
    }
    const auto runs = Children(begin, end, depth);
    const std::size_t first_child = nodes.size();
    nodes.resize(nodes.size() + runs.size());
    for (std::size_t c = 0; c < runs.size(); ++c) {
      const auto byte = static_cast<unsigned char>(pending[runs[c].first].first[depth]);
      const std::uint32_t child = Emit(runs[c].first, runs[c].second, depth + 1);
      if (child > 0xFFFFFF) throw std::length_error("prefix trie too large");
      nodes[first_child + c] = static_cast<std::uint32_t>(byte) << 24 | child;
    }
    if (ids > 0xFFFF || runs.size() > 0xFFFF) throw std::length_error("prefix trie node too wide");
    nodes[at] = ids << 16 | static_cast<std::uint32_t>(runs.size());
    return at;
  }
};

}  // namespace

void PrefixTrie::Build() {
  std::sort(pending_.begin(), pending_.end());
  pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
  nodes_.clear();
  root_.fill(kNone);
  Builder builder{pending_, nodes_};
  for (const auto& [begin, end] : builder.Children(0, pending_.size(), 0)) {
    root_[static_cast<unsigned char>(pending_[begin].first[0])] = builder.Emit(begin, end, 1);
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

}  // namespace cleaner
