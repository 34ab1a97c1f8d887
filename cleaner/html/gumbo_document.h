// RAII ownership of one Gumbo parse: the HTML buffer (Gumbo's tree points into
// it), the arena every node lives in, and the output. Teardown frees the arena;
// gumbo_destroy_output (recursive: google/gumbo-parser#387) is never called.
//
//   GumboDocument doc;
//   if (doc.Parse(std::move(html), /*max_errors=*/1000)) Walk(doc.root());
//
// Not copyable or movable: the tree holds pointers into the object.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

#include "cleaner/html/arena.h"

namespace cleaner::html {

class GumboDocument {
 public:
  GumboDocument() = default;
  ~GumboDocument() = default;  // the arena frees the tree
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;

  // Parses `html` (UTF-8), replacing any earlier parse. Gumbo records at most
  // `max_errors` parse errors. Returns false only if Gumbo produced nothing.
  // May throw std::bad_alloc when memory runs out.
  bool Parse(std::string html, unsigned max_errors);

  const GumboNode* document() const { return output_ ? output_->document : nullptr; }
  const GumboNode* root() const { return output_ ? output_->root : nullptr; }  // <html>
  std::size_t error_count() const { return output_ ? output_->errors.length : 0; }
  std::size_t arena_bytes() const { return arena_.reserved_bytes(); }
  std::string_view html() const { return html_; }

 private:
  std::string html_;
  Arena arena_;
  GumboOutput* output_ = nullptr;
};

// Children of an element or document node (empty for text nodes).
inline const GumboVector* ChildrenOf(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
    return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

// Attribute value of an element, or null when absent (names are lowercase).
inline const char* AttrOf(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

}  // namespace cleaner::html
