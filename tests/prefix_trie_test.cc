// PrefixTrie: every id whose prefix a folded block start begins with, once per
// prefix, and nothing else.
#include "cleaner/rules/prefix_trie.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace cleaner {
namespace {

std::vector<int> Find(const PrefixTrie& trie, std::string_view text) {
  std::vector<int> out;
  trie.Find(text, out);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PrefixTrie, FindsEveryPrefixOnThePath) {
  PrefixTrie trie;
  trie.Add("a", 1);
  trie.Add("ab", 2);
  trie.Add("abc", 3);
  trie.Add("abd", 4);
  trie.Add("b", 5);
  trie.Add("abc", 6);
  trie.Build();
  EXPECT_EQ(Find(trie, "abcx"), (std::vector<int>{1, 2, 3, 6}));
  EXPECT_EQ(Find(trie, "abd"), (std::vector<int>{1, 2, 4}));
  EXPECT_EQ(Find(trie, "ab"), (std::vector<int>{1, 2}));
  EXPECT_EQ(Find(trie, "b"), (std::vector<int>{5}));
  EXPECT_TRUE(Find(trie, "c").empty());
  EXPECT_TRUE(Find(trie, "").empty());
  EXPECT_TRUE(Find(trie, "xab").empty());
}

TEST(PrefixTrie, AnIdUnderTwoPrefixesComesOncePerPrefix) {
  PrefixTrie trie;
  trie.Add("sh", 7);
  trie.Add("share", 7);
  trie.Add("share", 7);  // the same pair twice counts once
  trie.Build();
  EXPECT_EQ(Find(trie, "share this"), (std::vector<int>{7, 7}));
}

TEST(PrefixTrie, BytesAboveAsciiAndTheEndMark) {
  PrefixTrie trie;
  trie.Add("über", 1);
  trie.Add(std::string("ok") + '\xff', 2);
  trie.Build();
  EXPECT_EQ(Find(trie, "über uns"), (std::vector<int>{1}));
  EXPECT_EQ(Find(trie, std::string("ok") + '\xff'), (std::vector<int>{2}));
  EXPECT_TRUE(Find(trie, "okay").empty());
}

TEST(PrefixTrie, EmptyTrieFindsNothing) {
  PrefixTrie trie;
  trie.Add("", 1);  // ignored: every prefix has at least one byte
  trie.Build();
  EXPECT_TRUE(trie.empty());
  EXPECT_TRUE(Find(trie, "anything").empty());
}

TEST(PrefixTrie, ManyPrefixesSharingStarts) {
  PrefixTrie trie;
  std::vector<std::string> words;
  for (int i = 0; i < 2000; ++i) {
    words.push_back(std::string("w").append(std::to_string(i)));
    trie.Add(words.back(), i);
  }
  trie.Build();
  for (int i = 0; i < 2000; i += 97) {
    std::vector<int> found = Find(trie, words[static_cast<std::size_t>(i)] + "!");
    EXPECT_TRUE(std::find(found.begin(), found.end(), i) != found.end()) << i;
    for (int id : found) {  // only ids whose word the text starts with
      EXPECT_TRUE((words[static_cast<std::size_t>(i)] + "!")
                      .starts_with(words[static_cast<std::size_t>(id)]));
    }
  }
}

}  // namespace
}  // namespace cleaner
