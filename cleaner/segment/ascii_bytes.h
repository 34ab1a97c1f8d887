// Eight ASCII bytes at a time in one 64-bit word (SWAR), for the per-line passes
// of the segmenter, the normalizer and the detectors: most scraped text is ASCII,
// and classifying a whole word of bytes at once beats a branch per byte.
// Masks carry one bit per byte, the byte's high bit (0x80); byte 0 is the first.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace cleaner::ascii {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// The eight bytes at p, the first one in the low byte on any platform.
inline std::uint64_t Load8(const void* p) {
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  return x;
}

// The four bytes at p, the first one in the low byte.
inline std::uint64_t Load4(const void* p) {
  std::uint32_t x;
  std::memcpy(&x, p, sizeof x);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap32(x);
  return x;
}

// The n < 8 bytes at p, zero-filled: a line's tail goes through the same word
// steps as its body (a NUL byte is no letter, digit, space or mark). Two
// overlapping loads (or three bytes) rather than a memcpy of n bytes, which
// compiles to a byte loop through the stack and a stalled 8-byte reload.
inline std::uint64_t LoadPartial(const void* p, std::size_t n) {
  const auto* b = static_cast<const unsigned char*>(p);
  if (n >= 4) return Load4(b) | (Load4(b + n - 4) << (8 * (n - 4)));
  if (n == 0) return 0;
  // Bytes 0, n / 2 and n - 1 cover n = 1, 2 or 3.
  return std::uint64_t{b[0]} | (std::uint64_t{b[n / 2]} << (8 * (n / 2))) |
         (std::uint64_t{b[n - 1]} << (8 * (n - 1)));
}

// The n (1..7) bytes before `end`, zero-filled, when eight bytes or more are
// readable there: one load of the last eight, shifted, rather than
// LoadPartial's length-dependent branches (a line's tail length is random).
inline std::uint64_t LoadLast(const void* end, std::size_t n) {
  return Load8(static_cast<const unsigned char*>(end) - 8) >> (8 * (8 - n));
}

// Stores the eight bytes of x at p, byte 0 first: Load8's inverse.
inline void Store8(void* p, std::uint64_t x) {
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  std::memcpy(p, &x, sizeof x);
}

// The mask of the first n (1..8) bytes: the ones LoadPartial(p, n) read.
constexpr std::uint64_t FirstBytes(std::size_t n) { return kHigh >> (8 * (8 - n)); }

// Bytes of `x` that are not ASCII (0x80 and above).
constexpr std::uint64_t NonAscii(std::uint64_t x) { return x & kHigh; }

// For a word of ASCII bytes only: the bytes in [lo, hi] (lo <= hi < 0x80). Per
// byte, b + 0x80 - lo and b + 0x7F - hi stay below 0x100: no carry between bytes.
constexpr std::uint64_t InRange(std::uint64_t x, unsigned char lo, unsigned char hi) {
  return (x + kOnes * (0x80u - lo)) & ~(x + kOnes * (0x7Fu - hi)) & kHigh;
}

// For a word of ASCII bytes only: the bytes equal to c.
constexpr std::uint64_t Equal(std::uint64_t x, unsigned char c) { return InRange(x, c, c); }

// For a word of ASCII bytes only: ASCII letters.
constexpr std::uint64_t Letters(std::uint64_t x) { return InRange(x | kOnes * 0x20, 'a', 'z'); }

// For any bytes (not only ASCII): the bytes equal to c, exact up to the first
// one. A borrow may also mark bytes equal to c ^ 1 right after a match, so only
// First() of the result, or of an OR of such results, is meaningful.
constexpr std::uint64_t FirstEqualAny(std::uint64_t x, unsigned char c) {
  const std::uint64_t y = x ^ (kOnes * c);
  return (y - kOnes) & ~y & kHigh;
}

// Number of bytes a mask marks.
constexpr int Count(std::uint64_t mask) { return static_cast<int>(((mask >> 7) * kOnes) >> 56); }

// Per-byte counters, for loops that count marks over many words: adding
// `mask >> 7` to a word of counters costs a shift and an add where Count costs
// a multiply. Each byte counts up to 255; SumLanes adds the eight up.
constexpr int SumLanes(std::uint64_t lanes) {
  constexpr std::uint64_t kEven = 0x00FF00FF00FF00FFULL;
  const std::uint64_t pairs = (lanes & kEven) + ((lanes >> 8) & kEven);  // four sums <= 510
  return static_cast<int>((pairs * 0x0001000100010001ULL) >> 48);
}

// Index (0..7) of the first / last byte a non-zero mask marks.
constexpr int First(std::uint64_t mask) { return std::countr_zero(mask) >> 3; }
constexpr int Last(std::uint64_t mask) { return (63 - std::countl_zero(mask)) >> 3; }

// The mask moved one byte later: bit of byte i now on byte i + 1; `carry` (0 or 1)
// becomes byte 0's bit (the byte before the word).
constexpr std::uint64_t Previous(std::uint64_t mask, std::uint64_t carry) {
  return (mask << 8) | (carry << 7);
}

}  // namespace cleaner::ascii
