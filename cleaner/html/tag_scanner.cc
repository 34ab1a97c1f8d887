#include "cleaner/html/tag_scanner.h"

#include <cstring>

namespace cleaner::html {

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (ToLowerAscii(s[i]) != lower[i]) return false;
  }
  return true;
}

std::size_t FindLower(std::string_view haystack, std::string_view lower_needle, std::size_t from) {
  if (lower_needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
  const char first = lower_needle[0];
  const char first_upper = first >= 'a' && first <= 'z' ? static_cast<char>(first - 32) : first;
  for (std::size_t i = from; i + lower_needle.size() <= haystack.size(); ++i) {
    char c = haystack[i];
    if (c != first && c != first_upper) continue;
    if (EqualsLower(haystack.substr(i, lower_needle.size()), lower_needle)) return i;
  }
  return std::string_view::npos;
}

std::string_view Tag::Attr(std::string_view lower_name, bool* found) const {
  for (int i = 0; i < attr_count; ++i) {
    if (EqualsLower(attrs[i].name, lower_name)) {
      if (found) *found = true;
      return attrs[i].value;
    }
  }
  if (found) *found = false;
  return {};
}

std::size_t FindEndTag(std::string_view s, std::size_t from, std::string_view lower_name) {
  const std::size_t n = s.size();
  while (from < n) {
    const void* hit = std::memchr(s.data() + from, '<', n - from);
    if (!hit) return std::string_view::npos;
    std::size_t lt = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    std::size_t name_at = lt + 2;
    if (name_at + lower_name.size() <= n && s[lt + 1] == '/' &&
        EqualsLower(s.substr(name_at, lower_name.size()), lower_name)) {
      std::size_t after = name_at + lower_name.size();
      if (after == n || IsHtmlSpace(s[after]) || s[after] == '/' || s[after] == '>') return lt;
    }
    from = lt + 1;
  }
  return std::string_view::npos;
}

namespace {

std::size_t FindChar(std::string_view s, std::size_t from, char c) {
  if (from >= s.size()) return s.size();
  const void* hit = std::memchr(s.data() + from, c, s.size() - from);
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - s.data()) : s.size();
}

// Attributes and the closing '>' of a start or end tag; `i` is just past the name.
void ScanAttributes(std::string_view s, std::size_t i, Tag& tag) {
  const std::size_t n = s.size();
  while (i < n) {
    while (i < n && (IsHtmlSpace(s[i]) || s[i] == '/')) {
      if (s[i] == '/' && i + 1 < n && s[i + 1] == '>') tag.self_closing = true;
      ++i;
    }
    if (i >= n) break;
    if (s[i] == '>') {
      tag.end = i + 1;
      return;
    }
    // Attribute name: the first character may be anything (even '='), as in the spec.
    std::size_t name_start = i++;
    while (i < n && !IsHtmlSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    std::string_view name = s.substr(name_start, i - name_start);
    std::size_t j = i;
    while (j < n && IsHtmlSpace(s[j])) ++j;
    std::string_view value;
    if (j < n && s[j] == '=') {
      ++j;
      while (j < n && IsHtmlSpace(s[j])) ++j;
      if (j < n && (s[j] == '"' || s[j] == '\'')) {
        std::size_t close = FindChar(s, j + 1, s[j]);
        value = s.substr(j + 1, close - (j + 1));
        i = close < n ? close + 1 : n;
      } else {
        std::size_t v = j;
        while (j < n && !IsHtmlSpace(s[j]) && s[j] != '>') ++j;
        value = s.substr(v, j - v);
        i = j;
      }
    }
    ++tag.attr_total;
    if (tag.attr_count < Tag::kMaxAttrs) tag.attrs[tag.attr_count++] = {name, value};
  }
  tag.end = n;
}

}  // namespace

void ScanMarkup(std::string_view s, std::size_t pos, Tag& tag) {
  tag.kind = MarkupKind::kText;
  tag.name = {};
  tag.self_closing = false;
  tag.attr_count = 0;
  tag.attr_total = 0;
  tag.end = pos + 1;
  const std::size_t n = s.size();
  if (pos + 1 >= n) return;
  const char c = s[pos + 1];
  if (IsAsciiAlpha(c)) {
    std::size_t i = pos + 1;
    while (i < n && !IsHtmlSpace(s[i]) && s[i] != '/' && s[i] != '>') ++i;
    tag.kind = MarkupKind::kStartTag;
    tag.name = s.substr(pos + 1, i - pos - 1);
    ScanAttributes(s, i, tag);
    return;
  }
  if (c == '/') {
    if (pos + 2 < n && IsAsciiAlpha(s[pos + 2])) {
      std::size_t i = pos + 2;
      while (i < n && !IsHtmlSpace(s[i]) && s[i] != '/' && s[i] != '>') ++i;
      tag.kind = MarkupKind::kEndTag;
      tag.name = s.substr(pos + 2, i - pos - 2);
      ScanAttributes(s, i, tag);
      tag.attr_count = 0;  // attributes on end tags mean nothing
      return;
    }
    // "</>" is dropped; "</3" and friends are bogus comments.
    tag.kind = MarkupKind::kDeclaration;
    std::size_t close = FindChar(s, pos + 2, '>');
    tag.end = close < n ? close + 1 : n;
    return;
  }
  if (c == '!' && s.substr(pos + 2, 2) == "--") {
    tag.kind = MarkupKind::kComment;
    std::size_t body = pos + 4;
    // "<!-->" and "<!--->" are complete (empty) comments.
    if (s.substr(body, 1) == ">") {
      tag.end = body + 1;
      return;
    }
    if (s.substr(body, 2) == "->") {
      tag.end = body + 2;
      return;
    }
    std::size_t close = s.find("-->", body);
    // "--!>" also closes a comment; look for it only before the "-->" (or a
    // page of many comments would be scanned to its end once per comment).
    std::size_t bang =
        s.substr(0, close == std::string_view::npos ? n : close + 1).find("--!>", body);
    if (bang != std::string_view::npos) {
      tag.end = bang + 4;
    } else {
      tag.end = close == std::string_view::npos ? n : close + 3;
    }
    return;
  }
  if (c == '!' || c == '?') {
    // Outside foreign content "<![CDATA[" is a bogus comment too, up to the first '>'.
    tag.kind = MarkupKind::kDeclaration;
    std::size_t close = FindChar(s, pos + 2, '>');
    tag.end = close < n ? close + 1 : n;
    return;
  }
}

}  // namespace cleaner::html
