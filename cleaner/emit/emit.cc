#include "cleaner/emit/emit.h"

#include <algorithm>
#include <map>

namespace cleaner {

std::string BodyText(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (b.verdict != Verdict::kKeep) continue;
    out += b.text;
    out += '\n';
  }
  return out;
}

std::string TitleText(const Document& doc) {
  int title = doc.TitleIndex();
  return title < 0 ? std::string() : doc.blocks[static_cast<std::size_t>(title)].text;
}

nlohmann::ordered_json ToJson(const Document& doc) {
  using nlohmann::ordered_json;
  ordered_json j;
  if (!doc.id.empty()) j["id"] = doc.id;
  if (!doc.url.empty()) j["url"] = doc.url;
  if (!doc.error.empty()) {
    j["error"] = doc.error;
    return j;
  }
  j["input"] = doc.is_html ? "html" : "text";
  std::string title = TitleText(doc);
  j["title"] = title.empty() ? doc.metadata.title : title;
  j["body"] = BodyText(doc);
  if (doc.is_html) {
    const Metadata& m = doc.metadata;
    auto field = [](const std::string& v) {
      return v.empty() ? ordered_json(nullptr) : ordered_json(v);
    };
    j["metadata"] = {{"title", field(m.title)},
                     {"author", field(m.author)},
                     {"published", field(m.published)},
                     {"site_name", field(m.site_name)},
                     {"canonical_url", field(m.canonical_url)},
                     {"language", field(m.language)}};
  }
  ordered_json removed = ordered_json::array();
  std::map<std::string, int> by_reason;
  int kept = 0;
  for (const Block& b : doc.blocks) {
    if (b.verdict == Verdict::kKeep) {
      ++kept;
      continue;
    }
    if (b.verdict == Verdict::kTitle) continue;
    ordered_json entry = {{"line", b.line}, {"rule", b.reason}, {"text", b.text}};
    if (!b.dom_path.empty()) entry["path"] = b.dom_path;
    removed.push_back(std::move(entry));
    ++by_reason[b.reason];
  }
  j["removed"] = std::move(removed);
  ordered_json flags = ordered_json::object();
  for (const auto& [flag, on] : doc.flags) flags[flag] = on;
  j["flags"] = std::move(flags);
  j["packs"] = doc.packs;
  j["counts"] = {{"input_lines", doc.input_lines},
                 {"blank_lines", doc.dropped_lines.size()},
                 {"blocks", doc.blocks.size()},
                 {"kept", kept},
                 {"removed", doc.blocks.size() - static_cast<std::size_t>(kept) -
                                 (doc.TitleIndex() >= 0 ? 1 : 0)},
                 {"invalid_utf8", doc.invalid_utf8}};
  j["removed_by_rule"] = by_reason;
  if (!doc.warnings.empty()) j["warnings"] = doc.warnings;
  return j;
}

namespace {

// Explain is for people: very long lines are cut (on a UTF-8 boundary).
constexpr std::size_t kExplainWidth = 400;
std::string Shortened(std::string_view text) {
  if (text.size() <= kExplainWidth) return std::string(text);
  std::size_t cut = kExplainWidth;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + " … [" + std::to_string(text.size()) + " bytes]";
}

}  // namespace

std::string ExplainText(const Document& doc) {
  struct Row {
    int line;
    const char* verdict;
    std::string_view reason;
    std::string_view text;
    const std::vector<std::string>* notes;
    std::string_view path;  // HTML: the dropped block's DOM path
  };
  std::vector<Row> rows;
  rows.reserve(doc.blocks.size() + doc.dropped_lines.size());
  for (const Block& b : doc.blocks) {
    const char* verdict = b.verdict == Verdict::kKeep   ? "KEEP"
                          : b.verdict == Verdict::kDrop ? "DROP"
                                                        : "TITLE";
    std::string_view reason = b.reason.empty() ? std::string_view("-") : std::string_view(b.reason);
    std::string_view path = b.verdict == Verdict::kDrop ? std::string_view(b.dom_path) : "";
    rows.push_back({b.line, verdict, reason, b.text, &b.notes, path});
  }
  for (const DroppedLine& d : doc.dropped_lines)
    rows.push_back({d.line, "DROP", d.reason, "", nullptr, ""});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.line < b.line; });
  std::size_t width = 1;
  for (const Row& r : rows) width = std::max(width, r.reason.size());
  std::string out;
  for (const Row& r : rows) {
    std::string line_no = std::to_string(r.line);
    out += std::string(line_no.size() < 5 ? 5 - line_no.size() : 0, ' ') + line_no + "  ";
    out += r.verdict;
    out += std::string(6 - std::string_view(r.verdict).size(), ' ');
    out += r.reason;
    out += std::string(width - r.reason.size() + 2, ' ');
    out += Shortened(r.text);
    out += '\n';
    if (!r.path.empty()) {
      out += "         path: ";
      out += r.path;
      out += '\n';
    }
    if (r.notes) {
      for (const std::string& note : *r.notes) out += "         note: " + note + "\n";
    }
  }
  return out;
}

}  // namespace cleaner
