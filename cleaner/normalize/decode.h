// Bytes in, valid UTF-8 out. Never fails: invalid sequences become U+FFFD and are
// counted, a leading UTF-8 BOM is dropped, NUL bytes mark the input as binary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cleaner {

struct DecodedText {
  std::string text;  // valid UTF-8
  std::size_t invalid_sequences = 0;
  bool had_bom = false;
  std::size_t first_nul = std::string_view::npos;  // offset of the first NUL byte, if any
  bool IsBinary() const { return first_nul != std::string_view::npos; }
};

// Repairs `bytes` into valid UTF-8. Runs at memcpy-like speed on ASCII.
DecodedText DecodeUtf8(std::string_view bytes);

}  // namespace cleaner
