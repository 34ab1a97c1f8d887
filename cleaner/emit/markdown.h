// Markdown output (--format markdown): the kept blocks with their structure.
// The title (if any) as "# title"; HTML headings as "#".."######" by level;
// list items as "- " (ordered items keep "N. "), nesting kept from the
// indentation; block quotes as "> "; runs of table rows as a pipe table (a
// header row from <th> cells, else an empty header); <pre> as a fenced block.
// HTML blocks come out as their Markdown twin (Block::markdown: inline
// emphasis, code and links, syntax in the text escaped) where they have one.
// Text input has no markup: its blocks come out as paragraphs and list items.
// Blocks are separated by a blank line, as Markdown paragraphs must be.
#pragma once

#include <string>

#include "cleaner/document.h"

namespace cleaner {

std::string MarkdownText(const Document& doc);

}  // namespace cleaner
