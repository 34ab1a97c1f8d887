// A byte trie from folded prefixes (literal_prefixes.h) to the patterns that
// start with them: one walk over a block's folded start lists every pattern
// whose prefix it starts with, whatever the number of patterns.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cleaner {

class PrefixTrie {
 public:
  PrefixTrie();
  // Registers `id` under `prefix` (not empty). Call Build() once after the last Add.
  void Add(std::string_view prefix, int id);
  void Build();
  bool empty() const { return nodes_.empty(); }

  // Appends to `out` the ids of every prefix `folded` starts with (an id
  // registered under several such prefixes comes once per prefix).
  void Find(std::string_view folded, std::vector<int>& out) const {
    std::size_t i = 0;
    Walk([&] { return i < folded.size() ? static_cast<unsigned char>(folded[i++]) : -1; }, out);
  }

  // As Find, over the bytes next() gives (0-255; below 0 at the end), reading
  // only as many as the trie has nodes for.
  template <typename NextByte>
  void Walk(NextByte next, std::vector<int>& out) const {
    int byte = next();
    if (byte < 0) return;
    std::uint32_t at = root_[static_cast<unsigned char>(byte)];
    while (at != kNone) {
      const std::uint32_t header = nodes_[at];
      const std::uint32_t ids = header >> 16, children = header & 0xFFFF;
      const std::uint32_t* id = &nodes_[at + 1];
      out.insert(out.end(), id, id + ids);
      if (children == 0 || (byte = next()) < 0) break;
      const std::uint32_t* child = id + ids;
      at = kNone;
      for (std::uint32_t c = 0; c < children; ++c) {
        if (child[c] >> 24 == static_cast<std::uint32_t>(byte)) {
          at = child[c] & 0xFFFFFF;
          break;
        }
      }
    }
  }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // The built trie, one node after another in depth-first order, so that a
  // walk down a path mostly reads memory it has just read: a header word
  // (ids << 16 | children), the ids, then one word per child (byte << 24 |
  // offset of the child's node). The root's children are in a table.
  std::array<std::uint32_t, 256> root_;
  std::vector<std::uint32_t> nodes_;
  // Before Build(): every (prefix, id) added.
  std::vector<std::pair<std::string, int>> pending_;
};

}  // namespace cleaner
