#include "cleaner/html/metadata.h"

#include <nlohmann/json.hpp>

#include "cleaner/html/gumbo_document.h"
#include "cleaner/html/tag_scanner.h"
#include "cleaner/normalize/normalize.h"

namespace cleaner::html {
namespace {

constexpr int kMaxJsonDepth = 48;        // deeper JSON-LD is not metadata
constexpr std::size_t kMaxValue = 2000;  // metadata fields are short; bodies are not fields

// Nesting depth of a JSON text, strings skipped; stops counting past `limit`.
int JsonDepth(std::string_view s, int limit) {
  int depth = 0, max = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max;
}

bool IsArticleType(const nlohmann::json& type) {
  auto one = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.ends_with("Article") || s == "BlogPosting" || s == "LiveBlogPosting" ||
           s == "Report" || s == "SocialMediaPosting" || s == "DiscussionForumPosting";
  };
  if (type.is_array()) {
    for (const auto& t : type) {
      if (one(t)) return true;
    }
    return false;
  }
  return one(type);
}

// Depth-first search (bounded: the depth was checked) for article-typed objects.
void FindArticles(const nlohmann::json& j, int depth, std::vector<const nlohmann::json*>& out) {
  if (depth > kMaxJsonDepth) return;
  if (j.is_object()) {
    if (auto t = j.find("@type"); t != j.end() && IsArticleType(*t)) out.push_back(&j);
    for (const auto& [key, value] : j.items()) {
      if (value.is_structured()) FindArticles(value, depth + 1, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) FindArticles(v, depth + 1, out);
  }
}

std::string JsonString(const nlohmann::json& j) {
  return j.is_string() ? j.get<std::string>() : std::string();
}

// "author": "X" | {"name": "X"} | [{"name": "X"}, {"name": "Y"}]
std::string JsonNames(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object()) {
    if (auto n = j.find("name"); n != j.end()) return JsonNames(*n);
    return {};
  }
  if (j.is_array()) {
    std::string out;
    for (const auto& item : j) {
      std::string name = item.is_object() || item.is_string() ? JsonNames(item) : std::string();
      if (name.empty()) continue;
      if (!out.empty()) out += ", ";
      out += name;
    }
    return out;
  }
  return {};
}

struct JsonLdFields {
  std::string headline, author, published, publisher, url, language, body;
};

void ReadJsonLd(const std::vector<std::string>& scripts, JsonLdFields& f) {
  for (const std::string& script : scripts) {
    if (JsonDepth(script, kMaxJsonDepth) > kMaxJsonDepth) continue;
    nlohmann::json j = nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    std::vector<const nlohmann::json*> articles;
    FindArticles(j, 0, articles);
    for (const nlohmann::json* a : articles) {
      auto get = [&](const char* key) -> const nlohmann::json* {
        auto it = a->find(key);
        return it == a->end() ? nullptr : &*it;
      };
      if (f.headline.empty())
        if (auto* v = get("headline")) f.headline = JsonString(*v);
      if (f.author.empty())
        if (auto* v = get("author")) f.author = JsonNames(*v);
      if (f.published.empty())
        if (auto* v = get("datePublished")) f.published = JsonString(*v);
      if (f.publisher.empty())
        if (auto* v = get("publisher")) f.publisher = JsonNames(*v);
      if (f.url.empty())
        if (auto* v = get("url")) f.url = JsonString(*v);
      if (f.language.empty())
        if (auto* v = get("inLanguage")) f.language = JsonString(*v);
      if (f.body.empty())
        if (auto* v = get("articleBody")) f.body = JsonString(*v);
    }
  }
}

// Text content of an element (iterative), white space collapsed.
std::string TextOf(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  bool space = false;
  while (!stack.empty() && out.size() < kMaxValue) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      for (const char* p = n->v.text.text; *p; ++p) {
        if (IsHtmlSpace(*p)) {
          space = true;
        } else {
          if (space && !out.empty()) out.push_back(' ');
          space = false;
          out.push_back(*p);
        }
      }
      space = space || n->type == GUMBO_NODE_WHITESPACE;
      continue;
    }
    const GumboVector* children = ChildrenOf(n);
    if (!children) continue;
    for (unsigned i = children->length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
  return out;
}

void SetOnce(std::string& field, const char* value) {
  if (field.empty() && value) field = value;
}

void ReadMetaTags(const GumboNode* root, PageTags& m) {
  if (const char* lang = AttrOf(root, "lang")) m.lang = lang;
  if (m.lang.empty())
    if (const char* lang = AttrOf(root, "xml:lang")) m.lang = lang;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_META) {
      const char* content = AttrOf(n, "content");
      if (!content) continue;
      std::string key;
      for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
        if (const char* k = AttrOf(n, attr)) {
          key = k;
          break;
        }
      }
      for (char& c : key) c = ToLowerAscii(c);
      if (key == "og:title")
        SetOnce(m.og_title, content);
      else if (key == "twitter:title")
        SetOnce(m.twitter_title, content);
      else if (key == "author")
        SetOnce(m.author, content);
      else if (key == "article:author")
        SetOnce(m.article_author, content);
      else if (key == "parsely-author" || key == "sailthru.author" || key == "dc.creator" ||
               key == "byl" || key == "dcterms.creator")
        SetOnce(m.other_author, content);
      else if (key == "article:published_time" || key == "og:published_time")
        SetOnce(m.published, content);
      else if (key == "datepublished")
        SetOnce(m.itemprop_date, content);
      else if (key == "date" || key == "pubdate" || key == "publishdate" || key == "publish-date" ||
               key == "dc.date" || key == "dc.date.issued" || key == "dcterms.created" ||
               key == "sailthru.date" || key == "parsely-pub-date" || key == "publish_date")
        SetOnce(m.other_date, content);
      else if (key == "og:site_name")
        SetOnce(m.site_name, content);
      else if (key == "application-name")
        SetOnce(m.app_name, content);
      else if (key == "og:url")
        SetOnce(m.og_url, content);
      else if (key == "content-language")
        SetOnce(m.content_language, content);
      else if (key == "og:locale")
        SetOnce(m.og_locale, content);
      continue;
    }
    if (tag == GUMBO_TAG_LINK) {
      const char* rel = AttrOf(n, "rel");
      if (rel && EqualsLower(rel, "canonical")) SetOnce(m.canonical, AttrOf(n, "href"));
      continue;
    }
    if (tag == GUMBO_TAG_TITLE) {
      if (m.title_tag.empty()) m.title_tag = TextOf(n);
      continue;
    }
    // <svg><title> is not the page title; the body's scripts are gone already.
    if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) continue;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
}

bool LooksLikeUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("/");
}

}  // namespace

std::string CleanValue(std::string_view value) {
  if (value.size() > kMaxValue) {  // cut at a character boundary
    std::size_t end = kMaxValue;
    while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    value = value.substr(0, end);
  }
  std::string collapsed;
  collapsed.reserve(value.size() < kMaxValue ? value.size() : kMaxValue);
  bool space = false;
  for (char c : value) {
    if (IsHtmlSpace(c)) {
      space = true;
      continue;
    }
    if (space && !collapsed.empty()) collapsed.push_back(' ');
    space = false;
    collapsed.push_back(c);
  }
  std::string out = NormalizeLine(collapsed);
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

PageTags ReadPageTags(const GumboNode* root) {
  PageTags tags;
  if (root) ReadMetaTags(root, tags);
  return tags;
}

PageMetadata ExtractMetadata(const GumboNode* root, const DomTree& tree,
                             const std::vector<std::string>& json_ld) {
  return ExtractMetadata(ReadPageTags(root), tree, json_ld);
}

PageMetadata ExtractMetadata(const PageTags& m, const DomTree& tree,
                             const std::vector<std::string>& json_ld) {
  PageMetadata out;
  JsonLdFields j;
  ReadJsonLd(json_ld, j);

  // Elements the body walk saw: the first <h1>, <time datetime>, rel="author".
  std::string h1, time, rel_author;
  for (const DomNode& n : tree.nodes) {
    if (n.tag == GUMBO_TAG_H1 && h1.empty()) h1 = TextOf(n.node);
    if (n.tag == GUMBO_TAG_TIME && time.empty())
      if (const char* dt = AttrOf(n.node, "datetime")) time = dt;
    if (n.tag == GUMBO_TAG_A && rel_author.empty()) {
      const char* rel = AttrOf(n.node, "rel");
      if (rel && FindLower(rel, "author") != std::string_view::npos) rel_author = TextOf(n.node);
    }
  }

  auto first = [](std::initializer_list<const std::string*> candidates) {
    for (const std::string* c : candidates) {
      std::string v = CleanValue(*c);
      if (!v.empty()) return v;
    }
    return std::string();
  };
  Metadata& md = out.metadata;
  md.title = first({&m.og_title, &j.headline, &m.twitter_title, &h1, &m.title_tag});
  std::string article_author = LooksLikeUrl(m.article_author) ? std::string() : m.article_author;
  md.author = first({&m.author, &j.author, &article_author, &m.other_author, &rel_author});
  md.published = first({&m.published, &j.published, &m.itemprop_date, &m.other_date, &time});
  md.site_name = first({&m.site_name, &j.publisher, &m.app_name});
  md.canonical_url = first({&m.canonical, &m.og_url, &j.url});
  md.language = first({&m.lang, &m.content_language, &m.og_locale, &j.language});
  out.json_ld_body = std::move(j.body);
  out.title_tag = CleanValue(m.title_tag);
  out.og_title = first({&m.og_title, &j.headline});
  return out;
}

}  // namespace cleaner::html
