#include "cleaner/html/selector.h"

#include <cstring>

#include "cleaner/html/gumbo_document.h"
#include "cleaner/html/tag_scanner.h"

namespace cleaner::html {
namespace {

constexpr int kMatchBudget = 4096;  // compound tests per element, at most
constexpr int kMaxNesting = 8;      // :not( inside :not( ...

bool IsIdentChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' ||
         c == '_' || u >= 0x80;
}

// Recursive descent over the selector text; the first error stops it.
class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  bool ParseAll(std::vector<ComplexSelector>& out) {
    if (!ParseList(out, 0)) return false;
    SkipSpace();
    if (i_ < s_.size()) return Fail(s_[i_] == ')' ? "unbalanced ')'" : "unexpected character");
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  bool Fail(std::string_view what) {
    if (error_.empty()) {
      error_ = "column ";
      error_ += std::to_string(i_ + 1);
      error_ += ": ";
      error_ += what;
    }
    return false;
  }

  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }

  bool SkipSpace() {
    const std::size_t start = i_;
    while (!AtEnd() && IsHtmlSpace(s_[i_])) ++i_;
    return i_ > start;
  }

  bool ParseList(std::vector<ComplexSelector>& out, int nesting) {
    if (nesting > kMaxNesting) return Fail(":not() nested too deeply");
    for (;;) {
      SkipSpace();
      ComplexSelector complex;
      if (!ParseComplex(complex, nesting)) return false;
      out.push_back(std::move(complex));
      SkipSpace();
      if (Peek() != ',') return true;
      ++i_;
    }
  }

  bool ParseComplex(ComplexSelector& out, int nesting) {
    CompoundSelector first;
    if (!ParseCompound(first, nesting)) return false;
    out.compounds.push_back(std::move(first));
    for (;;) {
      const bool space = SkipSpace();
      const char c = Peek();
      if (AtEnd() || c == ',' || c == ')') return true;
      Combinator combinator = Combinator::kDescendant;
      if (c == '>') {
        combinator = Combinator::kChild;
        ++i_;
        SkipSpace();
      } else if (c == '+' || c == '~') {
        return Fail("sibling combinators ('+', '~') are not supported");
      } else if (!space) {
        return Fail("unexpected character");
      }
      CompoundSelector next;
      if (!ParseCompound(next, nesting)) return false;
      out.combinators.push_back(combinator);
      out.compounds.push_back(std::move(next));
    }
  }

  bool ParseIdent(std::string& out, std::string_view what) {
    out.clear();
    while (!AtEnd()) {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        out += s_[i_ + 1];
        i_ += 2;
      } else if (IsIdentChar(s_[i_])) {
        out += s_[i_++];
      } else {
        break;
      }
    }
    if (out.empty()) {
      std::string message = "expected ";
      message += what;
      return Fail(message);
    }
    return true;
  }

  bool ParseQuoted(std::string& out) {
    const char quote = s_[i_++];
    out.clear();
    while (!AtEnd() && s_[i_] != quote) {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;
      out += s_[i_++];
    }
    if (AtEnd()) return Fail("unterminated string");
    ++i_;
    return true;
  }

  bool ParseCompound(CompoundSelector& out, int nesting) {
    const std::size_t start = i_;
    if (Peek() == '*') {
      ++i_;
    } else if (IsIdentChar(Peek())) {
      if (!ParseIdent(out.tag, "a tag name")) return false;
      for (char& c : out.tag) c = ToLowerAscii(c);
    }
    for (;;) {
      const char c = Peek();
      if (c == '.' || c == '#') {
        ++i_;
        std::string name;
        if (!ParseIdent(name, c == '.' ? "a class name after '.'" : "an id after '#'"))
          return false;
        (c == '.' ? out.classes : out.ids).push_back(std::move(name));
      } else if (c == '[') {
        AttrTest test;
        if (!ParseAttr(test)) return false;
        out.attrs.push_back(std::move(test));
      } else if (c == ':') {
        if (!ParsePseudo(out, nesting)) return false;
      } else {
        break;
      }
    }
    if (i_ == start) return Fail("expected a selector (tag, *, .class, #id, [attr] or :not())");
    return true;
  }

  bool ParseAttr(AttrTest& out) {
    ++i_;  // '['
    SkipSpace();
    if (!ParseIdent(out.name, "an attribute name")) return false;
    for (char& c : out.name) c = ToLowerAscii(c);
    SkipSpace();
    if (Peek() == ']') {
      ++i_;
      return true;
    }
    static const std::pair<std::string_view, AttrTest::Op> kOps[] = {
        {"=", AttrTest::Op::kEquals},
        {"~=", AttrTest::Op::kWord},
        {"^=", AttrTest::Op::kPrefix},
        {"$=", AttrTest::Op::kSuffix},
        {"*=", AttrTest::Op::kContains}};
    bool found = false;
    for (auto [text, op] : kOps) {
      if (s_.substr(i_, text.size()) == text) {
        out.op = op;
        i_ += text.size();
        found = true;
        break;
      }
    }
    if (!found) return Fail("expected ']' or an operator (=, ~=, ^=, $=, *=)");
    SkipSpace();
    if (Peek() == '"' || Peek() == '\'') {
      if (!ParseQuoted(out.value)) return false;
    } else if (!ParseIdent(out.value, "a value")) {
      return false;
    }
    SkipSpace();
    if (Peek() != ']') return Fail("expected ']'");
    ++i_;
    return true;
  }

  bool ParsePseudo(CompoundSelector& out, int nesting) {
    ++i_;  // ':'
    std::string name;
    if (!ParseIdent(name, "a pseudo-class after ':'")) return false;
    for (char& c : name) c = ToLowerAscii(c);
    if (name != "not" && name != "has-text") {
      std::string message = "unsupported pseudo-class ':";
      message += name;
      message += "' (supported: :not(), :has-text())";
      return Fail(message);
    }
    if (Peek() != '(') return Fail("expected '(' after the pseudo-class");
    ++i_;
    if (name == "not") {
      std::vector<ComplexSelector> list;
      if (!ParseList(list, nesting + 1)) return false;
      if (Peek() != ')') return Fail("expected ')' closing :not(");
      ++i_;
      out.nots.push_back(std::move(list));
      return true;
    }
    std::string pattern;
    if (!ParseTextArgument(pattern)) return false;
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<const RE2>(pattern, options);
    if (!re->ok()) {
      std::string message = ":has-text pattern is not valid RE2: ";
      message += re->error();
      return Fail(message);
    }
    out.has_text.push_back(std::move(re));
    return true;
  }

  // The argument of :has-text( up to its ')': quoted, or raw with balanced
  // parentheses (escapes and [...] classes may hold any bracket).
  bool ParseTextArgument(std::string& out) {
    SkipSpace();
    if (Peek() == '"' || Peek() == '\'') {
      if (!ParseQuoted(out)) return false;
      SkipSpace();
      if (Peek() != ')') return Fail("expected ')' after the :has-text string");
      ++i_;
      return true;
    }
    const std::size_t start = i_;
    int depth = 0;
    bool in_class = false;
    for (; !AtEnd(); ++i_) {
      const char c = s_[i_];
      if (c == '\\') {
        ++i_;
      } else if (in_class) {
        in_class = c != ']';
      } else if (c == '[') {
        in_class = true;
        if (i_ + 1 < s_.size() && s_[i_ + 1] == ']') ++i_;  // "[]...]": ']' is a member
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (depth == 0) break;
        --depth;
      }
    }
    if (AtEnd()) return Fail("expected ')' closing :has-text(");
    out.assign(s_.substr(start, i_ - start));
    while (!out.empty() && IsHtmlSpace(out.back())) out.pop_back();
    ++i_;
    if (out.empty()) return Fail(":has-text() needs a pattern");
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string error_;
};

bool AttrMatches(const AttrTest& test, const GumboNode* node) {
  const char* raw = AttrOf(node, test.name.c_str());
  if (raw == nullptr) return false;
  const std::string_view value(raw);
  switch (test.op) {
    case AttrTest::Op::kExists:
      return true;
    case AttrTest::Op::kEquals:
      return value == test.value;
    case AttrTest::Op::kWord:
      return HasToken(value, test.value);
    case AttrTest::Op::kPrefix:
      return !test.value.empty() && value.starts_with(test.value);
    case AttrTest::Op::kSuffix:
      return !test.value.empty() && value.ends_with(test.value);
    case AttrTest::Op::kContains:
      return !test.value.empty() && value.find(test.value) != std::string_view::npos;
  }
  return false;
}

bool CompoundMatches(const CompoundSelector& c, const DomTree& tree, int node, NodeText& text) {
  const GumboNode* g = tree.nodes[static_cast<std::size_t>(node)].node;
  if (g == nullptr || (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE))
    return false;
  if (!c.tag.empty() && !EqualsLower(TagName(g), c.tag)) return false;
  for (const std::string& id : c.ids) {
    const char* value = AttrOf(g, "id");
    if (value == nullptr || id != value) return false;
  }
  if (!c.classes.empty()) {
    const char* value = AttrOf(g, "class");
    if (value == nullptr) return false;
    for (const std::string& cls : c.classes) {
      if (!HasToken(value, cls)) return false;
    }
  }
  for (const AttrTest& test : c.attrs) {
    if (!AttrMatches(test, g)) return false;
  }
  for (const auto& list : c.nots) {
    for (const ComplexSelector& complex : list) {
      if (MatchesComplex(complex, tree, node, text)) return false;
    }
  }
  for (const auto& re : c.has_text) {
    const std::string_view t = text.TextOf(node);
    if (!RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *re)) return false;
  }
  return true;
}

bool MatchFrom(const ComplexSelector& complex, std::size_t k, const DomTree& tree, int node,
               NodeText& text, int& budget) {
  if (--budget < 0) return false;
  if (!CompoundMatches(complex.compounds[k], tree, node, text)) return false;
  if (k == 0) return true;
  int up = tree.nodes[static_cast<std::size_t>(node)].parent;
  if (complex.combinators[k - 1] == Combinator::kChild) {
    return up >= 0 && MatchFrom(complex, k - 1, tree, up, text, budget);
  }
  for (; up >= 0 && budget > 0; up = tree.nodes[static_cast<std::size_t>(up)].parent) {
    if (MatchFrom(complex, k - 1, tree, up, text, budget)) return true;
  }
  return false;
}

}  // namespace

std::string_view NodeText::TextOf(int node) {
  buffer_.clear();
  const DomNode& n = tree_.nodes[static_cast<std::size_t>(node)];
  for (int b = n.first_block; b < n.end_block && buffer_.size() < kMaxBytes; ++b) {
    const std::string& t = tree_.blocks[static_cast<std::size_t>(b)].text;
    if (t.empty()) continue;
    if (!buffer_.empty()) buffer_ += '\n';
    buffer_.append(t, 0, kMaxBytes - std::min(kMaxBytes, buffer_.size()));
  }
  return buffer_;
}

bool HasToken(std::string_view value, std::string_view token) {
  if (token.empty()) return false;
  std::size_t at = 0;
  while ((at = value.find(token, at)) != std::string_view::npos) {
    const std::size_t end = at + token.size();
    if ((at == 0 || IsHtmlSpace(value[at - 1])) && (end == value.size() || IsHtmlSpace(value[end])))
      return true;
    at = end;
  }
  return false;
}

bool MatchesComplex(const ComplexSelector& complex, const DomTree& tree, int node, NodeText& text) {
  int budget = kMatchBudget;
  return MatchFrom(complex, complex.compounds.size() - 1, tree, node, text, budget);
}

std::unique_ptr<Selector> Selector::Parse(std::string_view text, std::string* error) {
  auto selector = std::make_unique<Selector>();
  selector->text_ = std::string(text);
  Parser parser(text);
  if (!parser.ParseAll(selector->alternatives_)) {
    if (error) *error = parser.error();
    return nullptr;
  }
  return selector;
}

bool Selector::Matches(const DomTree& tree, int node, NodeText& text) const {
  for (const ComplexSelector& complex : alternatives_) {
    if (MatchesComplex(complex, tree, node, text)) return true;
  }
  return false;
}

}  // namespace cleaner::html
