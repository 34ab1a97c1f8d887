// Character references for the fallback extractor (Gumbo decodes its own):
// numeric references and the named ones pages actually use.
#pragma once

#include <string>
#include <string_view>

namespace cleaner::html {

// Appends `text` to `out` with &name; / &#N; / &#xN; decoded; unknown names stay as written.
void AppendDecoded(std::string_view text, std::string& out);

}  // namespace cleaner::html
