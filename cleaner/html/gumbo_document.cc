#include "cleaner/html/gumbo_document.h"

#include <climits>

namespace cleaner::html {

bool GumboDocument::Parse(std::string html, unsigned max_errors) {
  output_ = nullptr;
  arena_.Release();
  html_ = std::move(html);
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::GumboAllocate;
  options.deallocator = &Arena::GumboFree;
  options.userdata = &arena_;
  options.max_errors = max_errors > INT_MAX ? INT_MAX : static_cast<int>(max_errors);
  output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
  return output_ != nullptr && output_->root != nullptr;
}

}  // namespace cleaner::html
