// The defined result for pages Gumbo must not see (over HtmlOptions::max_bytes,
// or nested deeper than max_depth): a linear tag-stripping pass over the
// prescanned page. Block-level tags and <br> end lines; the content of <head>,
// form controls and other skipped elements is left out; character references
// are decoded; white space is collapsed. No DOM, so no article detection: every
// line is kept, and the <title> is returned for the metadata.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cleaner::html {

struct FallbackText {
  std::vector<std::string> lines;  // one per block-level element / <br> run, trimmed
  std::string title;
};

FallbackText StripTags(std::string_view html);

}  // namespace cleaner::html
