#include "cleaner/rules/literal_prefixes.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

#include <utf8proc.h>

namespace cleaner {
namespace {

using prefix_fold::Collapses;
using prefix_fold::IsSkippedSpace;
using prefix_fold::kFoldAscii;

// a + b, with a run across the junction collapsed.
std::string Join(const std::string& a, const std::string& b) {
  if (!a.empty() && !b.empty() && a.back() == b.front() && Collapses(a.back()))
    return a + b.substr(1);
  return a + b;
}

void AppendUtf8(char32_t c, std::string& out) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// A string a match can start with; `exact` when the match (of the node
// analysed) is exactly this string, so what follows it extends it.
struct Lit {
  std::string text;
  bool exact = false;
  bool operator<(const Lit& o) const { return text != o.text ? text < o.text : exact < o.exact; }
  bool operator==(const Lit& o) const = default;
};
using Lits = std::optional<std::vector<Lit>>;  // nullopt: any string

// A parsed pattern: only what decides which strings a match can start with.
struct Node {
  enum Kind { kEmpty, kEnd, kChars, kAny, kConcat, kAlt, kRepeat } kind = kEmpty;
  std::vector<char32_t> chars;  // kChars: the code points it matches (folded, sorted)
  std::vector<std::unique_ptr<Node>> children;
  int min = 0, max = 0;  // kRepeat; max -1: unbounded
  // Analyze's result, at the start and not: a node is analysed once each way,
  // not once per path to it (nested optional groups would double the paths
  // at every level).
  mutable std::optional<Lits> analysed[2];
};
using NodePtr = std::unique_ptr<Node>;

NodePtr MakeNode(Node::Kind kind) {
  auto node = std::make_unique<Node>();
  node->kind = kind;
  return node;
}

// Classes larger than this are treated as "any character": they would only
// multiply the prefixes without telling blocks apart.
constexpr std::size_t kMaxClassChars = 24;

// Recursive-descent parser for the RE2 syntax rule patterns use. Anything it
// does not know becomes kAny (or fails the parse), never a narrower node.
class Parser {
 public:
  explicit Parser(std::string_view pattern) : p_(pattern) {}

  NodePtr Parse() {
    NodePtr node = ParseAlt();
    if (!ok_ || pos_ != p_.size()) return nullptr;
    return node;
  }

 private:
  bool AtEnd() const { return pos_ >= p_.size(); }
  char Peek() const { return p_[pos_]; }

  char32_t NextCodePoint() {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(p_.data() + pos_),
                         static_cast<utf8proc_ssize_t>(p_.size() - pos_), &c);
    if (n <= 0) {
      ok_ = false;
      ++pos_;
      return 0;
    }
    pos_ += static_cast<std::size_t>(n);
    return static_cast<char32_t>(c);
  }

  NodePtr ParseAlt() {
    auto alt = MakeNode(Node::kAlt);
    alt->children.push_back(ParseConcat());
    while (ok_ && !AtEnd() && Peek() == '|') {
      ++pos_;
      alt->children.push_back(ParseConcat());
    }
    if (alt->children.size() == 1) return std::move(alt->children[0]);
    return alt;
  }

  NodePtr ParseConcat() {
    auto concat = MakeNode(Node::kConcat);
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      NodePtr atom = ParseAtom();
      if (!ok_) break;
      if (!atom) continue;  // a flag group such as (?i): nothing to match
      concat->children.push_back(ParseRepeats(std::move(atom)));
    }
    return concat;
  }

  NodePtr ParseRepeats(NodePtr atom) {
    while (ok_ && !AtEnd()) {
      int min = 0, max = 0;
      const char c = Peek();
      if (c == '*') {
        min = 0, max = -1, ++pos_;
      } else if (c == '+') {
        min = 1, max = -1, ++pos_;
      } else if (c == '?') {
        min = 0, max = 1, ++pos_;
      } else if (c == '{' && ParseCounted(min, max)) {
      } else {
        break;
      }
      if (!AtEnd() && Peek() == '?') ++pos_;  // lazy: same strings
      auto repeat = MakeNode(Node::kRepeat);
      repeat->min = min;
      repeat->max = max;
      repeat->children.push_back(std::move(atom));
      atom = std::move(repeat);
    }
    return atom;
  }

  // "{n}", "{n,}", "{n,m}"; anything else is a literal '{' (as in RE2).
  bool ParseCounted(int& min, int& max) {
    std::size_t i = pos_ + 1;
    auto number = [&](int& out) {
      const std::size_t start = i;
      out = 0;
      while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9' && i - start < 4)
        out = out * 10 + (p_[i++] - '0');
      return i > start;
    };
    if (!number(min)) return false;
    max = min;
    if (i < p_.size() && p_[i] == ',') {
      ++i;
      if (!number(max)) max = -1;
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    pos_ = i + 1;
    return true;
  }

  NodePtr Chars(std::vector<char32_t> chars) {
    for (char32_t& c : chars) c = FoldCodePoint(c);
    std::sort(chars.begin(), chars.end());
    chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
    if (chars.empty() || chars.size() > kMaxClassChars) return MakeNode(Node::kAny);
    auto node = MakeNode(Node::kChars);
    node->chars = std::move(chars);
    return node;
  }

  static std::vector<char32_t> Digits() {
    return {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'};
  }
  static std::vector<char32_t> Spaces() { return {' ', '\t', '\n', '\f', '\r'}; }

  NodePtr ParseAtom() {
    const char c = Peek();
    if (c == '(') return ParseGroup();
    if (c == '[') return ParseClass();
    if (c == '\\') return ParseEscape();
    if (c == '.') {
      ++pos_;
      return MakeNode(Node::kAny);
    }
    if (c == '^') {  // an assertion: matches no characters
      ++pos_;
      return MakeNode(Node::kEmpty);
    }
    if (c == '$') {
      ++pos_;
      return MakeNode(Node::kEnd);
    }
    if (c == '*' || c == '+' || c == '?') {  // a repeat of nothing: RE2 rejects it
      ok_ = false;
      return nullptr;
    }
    return Chars({NextCodePoint()});
  }

  NodePtr ParseGroup() {
    ++pos_;  // '('
    if (p_.substr(pos_, 1) == "?") {
      ++pos_;
      if (p_.substr(pos_, 2) == "P<") {
        const std::size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) return Fail();
        pos_ = close + 1;
      } else {
        // Flags: "(?i)" for the rest of the group, or "(?i:...)". Case is folded
        // either way; extended syntax (x) is not understood.
        while (!AtEnd() && Peek() != ')' && Peek() != ':') {
          if (Peek() == 'x') return Fail();
          ++pos_;
        }
        if (AtEnd()) return Fail();
        if (Peek() == ')') {
          ++pos_;
          return nullptr;
        }
        ++pos_;  // ':'
      }
    }
    NodePtr inner = ParseAlt();
    if (!ok_ || AtEnd() || Peek() != ')') return Fail();
    ++pos_;
    return inner;
  }

  NodePtr Fail() {
    ok_ = false;
    return nullptr;
  }

  // After a backslash: a class escape, an assertion or a literal.
  NodePtr ParseEscape() {
    ++pos_;
    if (AtEnd()) return Fail();
    const char c = Peek();
    std::vector<char32_t> listed;
    switch (ParseClassEscape(listed)) {
      case ClassEscape::kListed:
        return Chars(std::move(listed));
      case ClassEscape::kTooMany:
        return MakeNode(Node::kAny);
      case ClassEscape::kNone:
        break;
    }
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        ++pos_;
        return MakeNode(Node::kEmpty);
      case 'Q': {
        ++pos_;
        std::size_t end = p_.find("\\E", pos_);
        if (end == std::string_view::npos) end = p_.size();
        auto concat = MakeNode(Node::kConcat);
        while (pos_ < end && ok_) concat->children.push_back(Chars({NextCodePoint()}));
        pos_ = std::min(p_.size(), end + 2);
        return concat;
      }
      default:
        break;
    }
    char32_t literal = 0;
    if (!EscapedLiteral(literal)) return Fail();
    return Chars({literal});
  }

  // A class escape at pos_ (after the backslash): \d and \s add their
  // characters to `chars`; \D, \S, \w, \W, \C, \p{..} and \P{..} match too
  // many characters to list.
  enum class ClassEscape { kNone, kListed, kTooMany };
  ClassEscape ParseClassEscape(std::vector<char32_t>& chars) {
    const char e = Peek();
    if (e == 'd' || e == 's') {
      ++pos_;
      for (char32_t c : e == 'd' ? Digits() : Spaces()) chars.push_back(c);
      return ClassEscape::kListed;
    }
    if (e == 'D' || e == 'S' || e == 'w' || e == 'W' || e == 'C') {
      ++pos_;
      return ClassEscape::kTooMany;
    }
    if (e != 'p' && e != 'P') return ClassEscape::kNone;
    ++pos_;
    if (!AtEnd() && Peek() == '{') {  // \p{Lu}; else one letter: \pL
      const std::size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) ok_ = false;
      pos_ = close == std::string_view::npos ? p_.size() : close + 1;
    } else if (!AtEnd()) {
      ++pos_;
    }
    return ClassEscape::kTooMany;
  }

  // The character of a literal escape at pos_ (after the backslash): \n, \t,
  // \x41, \x{2014}, \. and other punctuation. False for ones not understood.
  bool EscapedLiteral(char32_t& out) {
    const char c = Peek();
    static constexpr std::string_view kControls = "n\nt\tr\rf\fv\va\a";
    for (std::size_t i = 0; i < kControls.size(); i += 2) {
      if (c == kControls[i]) {
        out = static_cast<unsigned char>(kControls[i + 1]);
        ++pos_;
        return true;
      }
    }
    if (c == 'x') {
      ++pos_;
      std::size_t end = pos_ + 2;
      if (!AtEnd() && Peek() == '{') {
        end = p_.find('}', pos_);
        if (end == std::string_view::npos) return false;
        ++pos_;
      }
      if (end > p_.size() || end <= pos_) return false;
      std::uint32_t value = 0;
      for (; pos_ < end; ++pos_) {
        const char h = Peek();
        const int digit = h >= '0' && h <= '9'   ? h - '0'
                          : h >= 'a' && h <= 'f' ? h - 'a' + 10
                          : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                 : -1;
        if (digit < 0 || value > 0x10FFFF) return false;
        value = value * 16 + static_cast<std::uint32_t>(digit);
      }
      if (!AtEnd() && Peek() == '}') ++pos_;
      out = value;
      return true;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u)) {  // \. \( \\ \- ...
      ++pos_;
      out = u;
      return true;
    }
    return false;  // octal, unknown letters: not understood
  }

  NodePtr ParseClass() {
    ++pos_;  // '['
    // Negated, it matches nearly anything: parsed only to find its end.
    const bool negated = !AtEnd() && Peek() == '^';
    if (negated) ++pos_;
    std::vector<char32_t> chars;
    bool any = false;
    bool first = true;  // ']' right after '[' or '[^' is a member
    while (ok_ && !AtEnd() && (Peek() != ']' || first)) {
      first = false;
      if (p_.substr(pos_, 2) == "[:") {  // [:alpha:]
        const std::size_t close = p_.find(":]", pos_ + 2);
        if (close == std::string_view::npos) return Fail();
        pos_ = close + 2;
        any = true;
        continue;
      }
      char32_t lo = 0;
      if (Peek() == '\\') {
        ++pos_;
        if (AtEnd()) return Fail();
        const ClassEscape escape = ParseClassEscape(chars);
        if (escape != ClassEscape::kNone) {
          any = any || escape == ClassEscape::kTooMany;
          continue;
        }
        if (!EscapedLiteral(lo)) return Fail();
      } else {
        lo = NextCodePoint();
      }
      char32_t hi = lo;
      if (p_.substr(pos_, 1) == "-" && p_.substr(pos_ + 1, 1) != "]" && pos_ + 1 < p_.size()) {
        ++pos_;
        if (Peek() == '\\') {
          ++pos_;
          if (AtEnd() || !EscapedLiteral(hi)) return Fail();
        } else {
          hi = NextCodePoint();
        }
        if (hi < lo) return Fail();
      }
      if (hi - lo >= kMaxClassChars) {
        any = true;
        continue;
      }
      for (char32_t x = lo; x <= hi; ++x) chars.push_back(x);
    }
    if (!ok_ || AtEnd()) return Fail();
    ++pos_;  // ']'
    if (any || negated) return MakeNode(Node::kAny);
    // Under (?i) a class matches every case of its members; folding both sides
    // covers that whether or not the flag is on.
    return Chars(std::move(chars));
  }

  std::string_view p_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// At most this many strings per node: past it, strings stop growing (they turn
// inexact), which only makes more blocks candidates.
constexpr std::size_t kMaxLits = 256;

bool OnlySpaces(const Node& node) {
  if (node.kind == Node::kChars)
    return std::all_of(node.chars.begin(), node.chars.end(), IsSkippedSpace);
  if (node.kind == Node::kRepeat) return OnlySpaces(*node.children[0]);
  return false;
}

void Dedupe(std::vector<Lit>& lits) {
  std::sort(lits.begin(), lits.end());
  lits.erase(std::unique(lits.begin(), lits.end()), lits.end());
}

// Too many strings: without duplicates, then shorter ones (inexact) until few
// enough. Shorter prefixes only make more blocks candidates. (Duplicates are
// otherwise left until the end: sorting every intermediate set was most of
// the analysis' time.)
bool Shrink(std::vector<Lit>& lits) {
  if (lits.size() <= kMaxLits) return true;
  Dedupe(lits);
  for (std::size_t len : {8, 4, 2, 1}) {
    if (lits.size() <= kMaxLits) return true;
    for (Lit& lit : lits) {
      if (lit.text.size() > len) {
        lit.text.resize(len);
        lit.exact = false;
      }
    }
    Dedupe(lits);
  }
  return lits.size() <= kMaxLits;
}

const Lits& Analyze(const Node& node, bool at_start);

// What follows the strings so far: each exact one is extended by what `tails`
// gives; at the start (nothing matched yet: the exact empty string) by what it
// gives at the start, where leading whitespace is skipped. False when every
// string is final.
template <typename Tails>
bool Extend(std::vector<Lit>& current, bool at_start, Tails tails) {
  const bool empty_here = std::any_of(current.begin(), current.end(),
                                      [](const Lit& l) { return l.exact && l.text.empty(); });
  const bool others = std::any_of(current.begin(), current.end(),
                                  [](const Lit& l) { return l.exact && !l.text.empty(); });
  if (!empty_here && !others) return false;
  // tails() gives references to results kept for the analysis' length.
  const Lits* from_start = empty_here ? &tails(at_start) : nullptr;
  const Lits* after = others ? &tails(false) : nullptr;
  std::vector<Lit> next;
  for (const Lit& lit : current) {
    const Lits& ends = lit.text.empty() ? *from_start : *after;
    if (!lit.exact || !ends) {
      next.push_back({lit.text, false});
      continue;
    }
    for (const Lit& tail : *ends) {
      Lit joined{Join(lit.text, tail.text), tail.exact};
      if (joined.text.size() >= kPrefixBytes) {
        joined.text.resize(kPrefixBytes);
        joined.exact = false;
      }
      next.push_back(std::move(joined));
    }
  }
  if (!Shrink(next)) {  // cannot: stop growing, what we had (inexact)
    for (Lit& lit : current) lit.exact = false;
    return false;
  }
  current = std::move(next);
  return true;
}

// Repeats are expanded up to this many copies; past it, strings stop growing.
constexpr int kMaxExpandedRepeats = 4;

Lits AnalyzeRepeat(const Node& node, bool at_start) {
  const Node& child = *node.children[0];
  // Leading whitespace runs are skipped in the block (FoldBlockStart).
  if (at_start && OnlySpaces(child)) return std::vector<Lit>{{"", true}};
  // A run of digits or of whitespace folds to one character (Collapses).
  if (const Lits& sub = Analyze(child, at_start); sub && sub->size() == 1 && sub->front().exact &&
                                                  sub->front().text.size() == 1 &&
                                                  Collapses(sub->front().text[0])) {
    Lits run = sub;
    if (node.min == 0) run->push_back({"", true});
    return run;
  }
  auto once = [&](bool start) -> const Lits& { return Analyze(child, start); };
  // X? and X*, at the start and not, made once.
  std::optional<Lits> optionals[2], stars[2];
  auto optional = [&](bool start) -> const Lits& {
    std::optional<Lits>& lits = optionals[start ? 1 : 0];
    if (!lits) {
      lits = Analyze(child, start);
      if (*lits) (*lits)->push_back({"", true});
    }
    return *lits;
  };
  // X*: empty, or one X followed by anything.
  auto star = [&](bool start) -> const Lits& {
    std::optional<Lits>& lits = stars[start ? 1 : 0];
    if (!lits) {
      lits = Analyze(child, start);
      if (*lits) {
        for (Lit& lit : **lits) lit.exact = false;
        (*lits)->push_back({"", true});
        Dedupe(**lits);
      }
    }
    return *lits;
  };
  std::vector<Lit> current{{"", true}};
  for (int i = 0; i < node.min; ++i) {
    if (i == kMaxExpandedRepeats) {
      for (Lit& lit : current) lit.exact = false;
      return current;
    }
    if (!Extend(current, at_start, once)) return current;
  }
  if (node.max < 0 || node.max - node.min > kMaxExpandedRepeats) {
    Extend(current, at_start, star);
    return current;
  }
  for (int i = node.min; i < node.max; ++i) {
    if (!Extend(current, at_start, optional)) break;
  }
  return current;
}

Lits AnalyzeOnce(const Node& node, bool at_start);

const Lits& Analyze(const Node& node, bool at_start) {
  std::optional<Lits>& memo = node.analysed[at_start ? 1 : 0];
  if (!memo) memo = AnalyzeOnce(node, at_start);
  return *memo;
}

Lits AnalyzeOnce(const Node& node, bool at_start) {
  switch (node.kind) {
    case Node::kEmpty:
      return std::vector<Lit>{{"", true}};
    case Node::kEnd:
      return std::vector<Lit>{{std::string(1, kEndOfText), false}};
    case Node::kAny:
      return std::nullopt;
    case Node::kChars: {
      if (at_start && OnlySpaces(node)) return std::vector<Lit>{{"", true}};
      std::vector<Lit> lits;
      for (char32_t c : node.chars) {
        Lit lit{"", true};
        AppendUtf8(c, lit.text);
        lits.push_back(std::move(lit));
      }
      return lits;
    }
    case Node::kConcat: {
      std::vector<Lit> current{{"", true}};
      for (const NodePtr& child : node.children) {
        if (!Extend(current, at_start,
                    [&](bool start) -> const Lits& { return Analyze(*child, start); }))
          break;
      }
      return current;
    }
    case Node::kAlt: {
      std::vector<Lit> lits;
      for (const NodePtr& child : node.children) {
        const Lits& sub = Analyze(*child, at_start);
        if (!sub) return std::nullopt;
        lits.insert(lits.end(), sub->begin(), sub->end());
      }
      if (!Shrink(lits)) return std::nullopt;
      return lits;
    }
    case Node::kRepeat:
      return AnalyzeRepeat(node, at_start);
  }
  return std::nullopt;
}

}  // namespace

char32_t FoldCodePoint(char32_t c) {
  if (c < 0x80) return static_cast<unsigned char>(kFoldAscii[c]);
  const auto cp = static_cast<utf8proc_int32_t>(c);
  return static_cast<char32_t>(utf8proc_tolower(utf8proc_toupper(cp)));
}

std::optional<std::vector<std::string>> AnchoredPrefixes(std::string_view pattern) {
  NodePtr root = Parser(pattern).Parse();
  if (!root) return std::nullopt;
  Lits lits = Analyze(*root, true);
  if (!lits) return std::nullopt;
  std::vector<std::string> prefixes;
  for (Lit& lit : *lits) {
    if (lit.text.empty() || IsSkippedSpace(static_cast<unsigned char>(lit.text[0])))
      return std::nullopt;
    prefixes.push_back(std::move(lit.text));
  }
  std::sort(prefixes.begin(), prefixes.end());
  prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
  return prefixes;
}

BlockStartFolder::BlockStartFolder(std::string_view text) : text_(text) {
  while (at_ < text_.size() && IsSkippedSpace(static_cast<unsigned char>(text_[at_]))) ++at_;
}

int BlockStartFolder::NextNonAscii() {
  utf8proc_int32_t c = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + at_),
                       static_cast<utf8proc_ssize_t>(text_.size() - at_), &c);
  if (n <= 0) return Emit(text_[at_++]);  // invalid UTF-8: the byte as it is
  at_ += static_cast<std::size_t>(n);
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t len = utf8proc_encode_char(
      static_cast<utf8proc_int32_t>(FoldCodePoint(static_cast<char32_t>(c))), buf);
  for (utf8proc_ssize_t k = 1; k < len; ++k) pending_[k - 1] = static_cast<char>(buf[k]);
  pending_at_ = 0;
  pending_size_ = static_cast<int>(len) - 1;
  return Emit(static_cast<char>(buf[0]));
}

void FoldBlockStart(std::string_view text, std::string& out) {
  out.clear();
  BlockStartFolder folder(text);
  for (int byte = folder(); byte >= 0; byte = folder()) out.push_back(static_cast<char>(byte));
}

}  // namespace cleaner
