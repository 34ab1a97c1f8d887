#include "cleaner/emit/markdown.h"

#include <string_view>
#include <vector>

namespace cleaner {
namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2 ";  // "• ", the list-item prefix of HTML blocks

// Characters that would turn a plain paragraph into Markdown syntax at line start.
bool NeedsEscape(std::string_view text) {
  if (text.empty()) return false;
  char c = text.front();
  if (c == '#' || c == '>' || c == '|' || c == '=' || c == '`') return true;
  if ((c == '-' || c == '+' || c == '*') && (text.size() == 1 || text[1] == ' ')) return true;
  return false;
}

std::string Paragraph(std::string_view text) {
  std::string out;
  if (NeedsEscape(text)) out += '\\';
  out += text;
  return out;
}

// "  • item" -> "  - item"; "1. item" stays; other text is a paragraph.
std::string ListItemOrParagraph(std::string_view text) {
  std::size_t indent = text.find_first_not_of(' ');
  if (indent == std::string_view::npos) return std::string(text);
  std::string_view rest = text.substr(indent);
  if (rest.substr(0, kBullet.size()) == kBullet) {
    std::string out(indent, ' ');
    out += "- ";
    out += rest.substr(kBullet.size());
    return out;
  }
  return Paragraph(text);
}

// "a | b | c" -> "| a | b | c |"; the pipe-joined cells come from the HTML walk.
std::string TableRow(std::string_view text) {
  std::string out = "| ";
  out += text;
  out += " |";
  return out;
}

std::string TableRule(std::string_view row) {
  std::size_t cells = 1;
  for (std::size_t at = row.find(" | "); at != std::string_view::npos;
       at = row.find(" | ", at + 3)) {
    ++cells;
  }
  std::string out = "|";
  for (std::size_t i = 0; i < cells; ++i) out += " --- |";
  return out;
}

std::string TableHeaderless(std::string_view first_row) {
  std::string rule = TableRule(first_row);
  std::string header = "|";
  for (char c : rule) {
    if (c == '|') header += "   |";
  }
  header.resize(header.size() - 4);  // one '|' too many: rule starts with one
  header += '\n';
  header += rule;
  return header;
}

}  // namespace

std::string MarkdownText(const Document& doc) {
  // Each part is one Markdown block; `tight` parts (list items after a list item)
  // join their predecessor without a blank line, so a list stays one list.
  struct Part {
    std::string text;
    bool tight = false;
  };
  std::vector<Part> parts;
  if (const int title = doc.TitleIndex(); title >= 0) {
    // The title block's Markdown twin when it has one (HTML: <h1> with inline markup).
    const Block& t = doc.blocks[static_cast<std::size_t>(title)];
    std::string heading("# ");
    heading.append(t.markdown.empty() ? t.text : t.markdown);
    if (!t.text.empty()) parts.push_back({std::move(heading), false});
  }
  bool previous_item = false;
  std::vector<const Block*> kept;
  for (const Block& b : doc.blocks) {
    if (b.verdict == Verdict::kKeep) kept.push_back(&b);
  }
  // Inline emphasis, code and links where the HTML walk found them.
  auto body = [](const Block* b) -> const std::string& {
    return b->markdown.empty() ? b->text : b->markdown;
  };
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const Block& b = *kept[i];
    if (b.markup & kMarkupTableRow) {
      // A run of rows is one table: header row first (or an empty one).
      std::string table;
      std::size_t j = i;
      if (b.markup & kMarkupTableHeader) {
        table = TableRow(body(&b));
        table += '\n';
        table += TableRule(b.text);
        ++j;
      } else {
        table = TableHeaderless(b.text);
      }
      while (j < kept.size() && (kept[j]->markup & kMarkupTableRow)) {
        table += '\n';
        table += TableRow(body(kept[j]));
        ++j;
      }
      parts.push_back({std::move(table), false});
      previous_item = false;
      i = j - 1;
      continue;
    }
    std::string text;
    const bool item = b.kind == BlockKind::kListItem && b.heading_level == 0;
    if (b.markup & kMarkupQuote) text = "> ";
    if (b.markup & kMarkupPreformatted) {
      text.append("```\n").append(b.text).append("\n```");
    } else if (b.heading_level > 0) {
      text.append(static_cast<std::size_t>(b.heading_level), '#').append(" ").append(body(&b));
    } else {
      text.append(ListItemOrParagraph(body(&b)));
    }
    parts.push_back({std::move(text), item && previous_item});
    previous_item = item;
  }
  std::string out;
  for (const Part& p : parts) {
    if (!out.empty() && !p.tight) out += '\n';
    out += p.text;
    out += '\n';
  }
  return out;
}

}  // namespace cleaner
