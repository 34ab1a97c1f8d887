#include "cleaner/detect/vocabulary.h"

#include <algorithm>

#include <utf8proc.h>

namespace cleaner {

void ContentWords(std::string_view text, std::vector<std::string>& out) {
  std::string word;
  int letters = 0;
  auto flush = [&] {
    if (letters == 0) return;
    if (letters >= 4) out.push_back(word);
    word.clear();
    letters = 0;
  };
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {  // ASCII: no utf8proc call
      unsigned char c = *p++;
      bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum) {
        flush();
        continue;
      }
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      ++letters;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
    if (n <= 0) {
      ++p;
      flush();
      continue;
    }
    p += n;
    utf8proc_category_t cat = utf8proc_category(cp);
    bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                 cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_MN;
    if (!alnum) {
      flush();
      continue;
    }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t len = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    word.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(len));
    ++letters;
  }
  flush();
}

double VocabularyOverlap(std::string_view text, const std::unordered_set<std::string>& vocabulary,
                         std::size_t min_words) {
  std::vector<std::string> words;
  ContentWords(text, words);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.size() < min_words) return -1;
  std::size_t shared = 0;
  for (const std::string& w : words) shared += vocabulary.contains(w);
  return static_cast<double>(shared) / static_cast<double>(words.size());
}

}  // namespace cleaner
