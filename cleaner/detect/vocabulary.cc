#include "cleaner/detect/vocabulary.h"

#include <algorithm>

#include <utf8proc.h>

namespace cleaner {
namespace vocabulary_internal {

bool AppendNonAscii(const unsigned char*& p, const unsigned char* end, std::string& word) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
  if (n <= 0) {
    ++p;
    return false;
  }
  p += n;
  utf8proc_category_t cat = utf8proc_category(cp);
  bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
               cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_MN;
  if (!alnum) return false;
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t len = utf8proc_encode_char(utf8proc_tolower(cp), buf);
  word.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(len));
  return true;
}

}  // namespace vocabulary_internal

void ContentWords(std::string_view text, std::vector<std::string>& out) {
  std::string scratch;
  ForEachContentWord(text, scratch, [&](std::string_view word) { out.emplace_back(word); });
}

double VocabularyOverlap(std::string_view text, const std::unordered_set<std::string>& vocabulary,
                         std::size_t min_words) {
  std::vector<std::string> words;
  ContentWords(text, words);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.empty() || words.size() < min_words) return -1;
  std::size_t shared = 0;
  for (const std::string& w : words) shared += vocabulary.contains(w);
  return static_cast<double>(shared) / static_cast<double>(words.size());
}

}  // namespace cleaner
