#include <string>
#include <string_view>

#include "cleaner/detect/detectors.h"

namespace cleaner {
namespace {

// Lowercase ASCII and collapse runs of spaces, for comparing titles to blocks.
std::string Canonical(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    // ASCII only, as std::tolower in the "C" locale the program runs in.
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Canonical(s) == full or == full.substr(0, head_size), without building it:
// most blocks differ from the title in their first characters.
bool CanonicalIsFullOrHead(std::string_view s, std::string_view full, std::size_t head_size) {
  std::size_t k = 0;  // characters of Canonical(s) produced so far
  bool space = false;
  auto take = [&](char c) {
    if (k >= full.size() || full[k] != c) return false;
    ++k;
    return true;
  };
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = k > 0;
      continue;
    }
    if (space && !take(' ')) return false;
    space = false;
    if (!take(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c)) return false;
  }
  return k == full.size() || k == head_size;
}

}  // namespace

void DetectTitle(Document& doc) {
  if (doc.blocks.size() < 2) return;  // a one-line page is body, not a title
  Block& first = doc.blocks.front();
  const BlockFeatures& f = first.features;
  if (first.decided || first.kind == BlockKind::kListItem) return;
  if (f.words < 2 || f.words > 30 || f.sentences > 1) return;
  std::string_view t = first.text;
  char last = t.empty() ? '\0' : t.back();
  bool sentence_end = f.terminal_punct && last != '?' && last != '!';
  if (sentence_end || last == ':' || last == ',' || last == ';') return;
  first.verdict = Verdict::kTitle;
  first.reason = "detect.title";
}

void DetectRepeatedTitle(Document& doc) {
  int title = doc.TitleIndex();
  if (title < 0) return;
  const std::string full = Canonical(doc.blocks[static_cast<std::size_t>(title)].text);
  // "Headline - Site", "Headline | Site": the headline alone is a repeat too.
  std::string head = full;
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " · "}) {
    std::size_t at = full.rfind(sep);
    if (at != std::string::npos && at >= 10) {
      head = full.substr(0, at);
      break;
    }
  }
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (static_cast<int>(i) == title || !Undecided(b) || b.features.words > 40) continue;
    // Canonical() only shrinks runs of spaces: a much shorter or longer block cannot match.
    if (b.text.size() < head.size() || b.text.size() > 2 * full.size()) continue;
    if (CanonicalIsFullOrHead(b.text, full, head.size())) DropBlock(b, "detect.repeated-title");
  }
}

}  // namespace cleaner
