// The allocator Gumbo parses into. Gumbo frees its tree with a recursive walk
// (gumbo_destroy_node) that overflows the stack on deep trees, so we never call
// it: everything Gumbo allocates comes from this arena, and the arena is dropped
// whole. Blocks Gumbo frees while parsing (it grows vectors and string buffers
// by allocate-copy-free) go to per-size free lists and are reused, so the peak
// stays close to Gumbo's own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cleaner::html {

class Arena {
 public:
  Arena() = default;
  ~Arena() { Release(); }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* Allocate(std::size_t size);
  void Free(void* p);
  void Release();  // frees every chunk; pointers handed out become invalid

  std::size_t reserved_bytes() const { return reserved_; }
  std::size_t live_allocations() const { return live_; }

  // Adapters with the signatures of GumboOptions::allocator / deallocator.
  static void* GumboAllocate(void* arena, std::size_t size) {
    return static_cast<Arena*>(arena)->Allocate(size);
  }
  static void GumboFree(void* arena, void* p) { static_cast<Arena*>(arena)->Free(p); }

 private:
  // Size classes: multiples of 16 up to 256 bytes (16 classes), then powers of two.
  static constexpr int kSmallClasses = 16;
  static constexpr int kClasses = kSmallClasses + 40;
  static constexpr std::size_t kHeader = 16;  // keeps the 16-byte alignment malloc gives
  static int ClassOf(std::size_t size);
  static std::size_t ClassSize(int cls);

  char* Carve(std::size_t bytes);

  std::vector<void*> chunks_;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  std::size_t next_chunk_ = 64u << 10;
  std::size_t reserved_ = 0;
  std::size_t live_ = 0;
  void* free_[kClasses] = {};
};

}  // namespace cleaner::html
