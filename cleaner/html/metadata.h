// Page metadata from <meta>, <link>, <title>, <html lang>, <time> and JSON-LD,
// in this order of preference:
//   title          og:title, JSON-LD headline, twitter:title, first <h1>, <title>
//   author         meta author, JSON-LD author.name, article:author (not a URL),
//                  parsely/sailthru/dc.creator metas, rel="author" link text
//   published      article:published_time, JSON-LD datePublished, itemprop
//                  datePublished, date/pubdate metas, first <time datetime>
//   site_name      og:site_name, JSON-LD publisher.name, application-name
//   canonical_url  <link rel="canonical">, og:url, JSON-LD url
//   language       <html lang>, content-language, og:locale, JSON-LD inLanguage
// Values are white-space collapsed and NormalizeLine'd; "" when the page has none.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

#include "cleaner/document.h"
#include "cleaner/html/dom_walk.h"

namespace cleaner::html {

struct PageMetadata {
  Metadata metadata;
  std::string json_ld_body;  // JSON-LD articleBody, when the page gives one
  std::string title_tag;     // <title> as written (for the title block)
  std::string og_title;      // og:title / JSON-LD headline
};

// The <meta>, <link>, <title> and lang values of a page, as written: read
// before the body walk, which resolves Markdown links against `canonical`.
struct PageTags {
  std::string og_title, twitter_title, title_tag, author, article_author, other_author, published,
      other_date, itemprop_date, site_name, app_name, canonical, og_url, content_language,
      og_locale, lang;
};

// `root` is the <html> element.
PageTags ReadPageTags(const GumboNode* root);

// `tags` from ReadPageTags; `tree` the walked body (for <h1>, <time>,
// rel=author); `json_ld` the script bodies the prescan set aside.
PageMetadata ExtractMetadata(const PageTags& tags, const DomTree& tree,
                             const std::vector<std::string>& json_ld);

// As above, reading the tags from `root` first.
PageMetadata ExtractMetadata(const GumboNode* root, const DomTree& tree,
                             const std::vector<std::string>& json_ld);

// Collapses white space, trims and normalizes one metadata value.
std::string CleanValue(std::string_view value);

}  // namespace cleaner::html
