// The arena Gumbo allocates from and the RAII parse that owns it
// (cleaner/html/arena.h, cleaner/html/gumbo_document.h).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "cleaner/html/arena.h"
#include "cleaner/html/gumbo_document.h"

namespace cleaner::html {
namespace {

TEST(HtmlArena, AlignedBlocksOfTheSizeAsked) {
  Arena arena;
  std::vector<char*> blocks;
  for (std::size_t size : {0u, 1u, 15u, 16u, 17u, 100u, 256u, 257u, 4000u, 70000u, 3u << 20}) {
    auto* p = static_cast<char*>(arena.Allocate(size));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 16, 0u) << size;
    std::memset(p, 0xAB, size);  // the whole block is writable (ASan would tell)
    blocks.push_back(p);
  }
  EXPECT_EQ(arena.live_allocations(), blocks.size());
  for (char* p : blocks) arena.Free(p);
  EXPECT_EQ(arena.live_allocations(), 0u);
}

TEST(HtmlArena, FreedBlocksAreReused) {
  Arena arena;
  void* a = arena.Allocate(100);
  arena.Free(a);
  EXPECT_EQ(arena.Allocate(97), a);  // same size class
  void* big = arena.Allocate(5000);
  arena.Free(big);
  EXPECT_EQ(arena.Allocate(8000), big);  // 8 KB class
  // Growing by doubling (as Gumbo's vectors do) stays near the live size.
  std::size_t size = 16;
  void* v = arena.Allocate(size);
  for (int i = 0; i < 20; ++i) {
    void* bigger = arena.Allocate(size * 2);
    arena.Free(v);
    v = bigger;
    size *= 2;
  }
  EXPECT_LT(arena.reserved_bytes(), 6 * size);
  arena.Release();
  EXPECT_EQ(arena.reserved_bytes(), 0u);
}

TEST(HtmlGumboDocument, ParsesIntoTheArena) {
  GumboDocument doc;
  ASSERT_TRUE(doc.Parse("<title>T</title><p class=x>Hello <b>world</b>", 100));
  const GumboNode* root = doc.root();
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->v.element.tag, GUMBO_TAG_HTML);
  const GumboNode* body = static_cast<const GumboNode*>(root->v.element.children.data[1]);
  EXPECT_EQ(body->v.element.tag, GUMBO_TAG_BODY);
  const GumboNode* p = static_cast<const GumboNode*>(body->v.element.children.data[0]);
  EXPECT_STREQ(AttrOf(p, "class"), "x");
  EXPECT_EQ(AttrOf(p, "id"), nullptr);
  EXPECT_EQ(ChildrenOf(p)->length, 2u);
  EXPECT_GT(doc.arena_bytes(), 0u);
  // A second parse replaces the first.
  ASSERT_TRUE(doc.Parse("<p>again", 100));
  EXPECT_EQ(doc.html(), "<p>again");
}

TEST(HtmlGumboDocument, DeepTreesTearDownWithoutRecursion) {
  // gumbo_destroy_output recurses once per level and overflows the stack on a
  // tree this deep; dropping the arena does not recurse at all.
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<span>";
  html += "x";
  {
    GumboDocument doc;
    ASSERT_TRUE(doc.Parse(std::move(html), 10));
    const GumboNode* n = doc.root();
    int depth = 0;
    while (ChildrenOf(n) && ChildrenOf(n)->length > 0) {
      n = static_cast<const GumboNode*>(ChildrenOf(n)->data[ChildrenOf(n)->length - 1]);
      ++depth;
    }
    EXPECT_GT(depth, 20000);
  }  // destructor: must not crash
  SUCCEED();
}

TEST(HtmlGumboDocument, MaxErrorsIsHonoured) {
  std::string junk;
  for (int i = 0; i < 500; ++i) junk += "</x>";
  GumboDocument doc;
  ASSERT_TRUE(doc.Parse(junk, 7));
  EXPECT_LE(doc.error_count(), 7u);
}

}  // namespace
}  // namespace cleaner::html
