#include "cleaner/html/arena.h"

#include <bit>
#include <cstdlib>
#include <new>

namespace cleaner::html {

int Arena::ClassOf(std::size_t size) {
  if (size <= 256) return size == 0 ? 0 : static_cast<int>((size - 1) / 16);
  // 512 -> 16, 1024 -> 17, ...
  return kSmallClasses + static_cast<int>(std::bit_width(size - 1)) - 9;
}

std::size_t Arena::ClassSize(int cls) {
  if (cls < kSmallClasses) return static_cast<std::size_t>(cls + 1) * 16;
  return std::size_t{1} << (cls - kSmallClasses + 9);
}

char* Arena::Carve(std::size_t bytes) {
  if (static_cast<std::size_t>(limit_ - cursor_) < bytes) {
    // Big blocks get a chunk of their own; small ones share growing chunks.
    std::size_t chunk = bytes > next_chunk_ / 4 ? bytes : next_chunk_;
    if (chunk == next_chunk_ && next_chunk_ < (8u << 20)) next_chunk_ *= 2;
    char* mem = static_cast<char*>(std::malloc(chunk));
    if (!mem) throw std::bad_alloc();
    chunks_.push_back(mem);
    reserved_ += chunk;
    if (chunk == bytes) return mem;  // private chunk: keep carving from the current one
    cursor_ = mem;
    limit_ = mem + chunk;
  }
  char* p = cursor_;
  cursor_ += bytes;
  return p;
}

void* Arena::Allocate(std::size_t size) {
  const int cls = ClassOf(size);
  if (cls >= kClasses) throw std::bad_alloc();
  ++live_;
  if (void* p = free_[cls]) {
    free_[cls] = *static_cast<void**>(p);
    return p;
  }
  char* block = Carve(kHeader + ClassSize(cls));
  *reinterpret_cast<std::uint32_t*>(block) = static_cast<std::uint32_t>(cls);
  return block + kHeader;
}

void Arena::Free(void* p) {
  if (!p) return;
  --live_;
  const int cls =
      static_cast<int>(*reinterpret_cast<std::uint32_t*>(static_cast<char*>(p) - kHeader));
  *static_cast<void**>(p) = free_[cls];
  free_[cls] = p;
}

void Arena::Release() {
  for (void* c : chunks_) std::free(c);
  chunks_.clear();
  cursor_ = limit_ = nullptr;
  next_chunk_ = 64u << 10;
  reserved_ = 0;
  live_ = 0;
  for (void*& f : free_) f = nullptr;
}

}  // namespace cleaner::html
