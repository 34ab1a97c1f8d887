// The HTML speed baseline: a bare gumbo_parse + gumbo_destroy_output of each
// file named on the command line, nothing else. run.sh times it next to
// `cleaner --input html` on the same files, so the ratio is from one run.
#include <gumbo.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  std::size_t nodes_seen = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    nodes_seen += out->root->v.element.children.length;  // keeps the parse observable
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
  return nodes_seen == static_cast<std::size_t>(-1) ? 1 : 0;
}
