// The public facade: bytes in, a cleaned Document out.
//
//   LoadedRules loaded = LoadRulesDir("rules");
//   auto rules = RuleSet::Compile(std::move(loaded), &errors);
//   Cleaner cleaner(*rules);
//   Document doc = cleaner.Clean(bytes, {.url = "https://example.com/a"});
//
// Text: decode -> normalize -> segment -> title -> rules ->
// repeated title -> duplicates -> unrelated headlines -> UI labels -> content
// classifier -> orphan headings. HTML (html/html_input.h): charset -> prescan ->
// Gumbo -> DOM blocks -> article region, then the same stages on that region's
// blocks; selector rules decide the blocks their elements hold before that
// (ApplyDomRules). A Cleaner holds per-thread scratch: use one per
// thread; the RuleSet may be shared.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "cleaner/document.h"
#include "cleaner/rules/engine.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner {

namespace html {
class DomRuleSet;
}

// How to read the bytes: kAuto sniffs the start of the page for HTML markup.
enum class InputKind : std::uint8_t { kAuto, kText, kHtml };

struct CleanOptions {
  InputKind input = InputKind::kAuto;
  std::string charset;    // HTML: forced charset (empty: BOM, <meta>, then the bytes)
  std::string url;        // selects site packs by domain
  std::string site;       // forces one site pack by id
  std::string id;         // names the document in messages
  bool detectors = true;  // structural detectors and the content classifier
  bool markdown = false;  // HTML: build Block::markdown (--format markdown)
};

class Cleaner {
 public:
  explicit Cleaner(const RuleSet& rules);
  ~Cleaner();

  // Never throws on bad input: binary input comes back with doc.error set and no
  // blocks; invalid UTF-8 is repaired and counted in doc.invalid_utf8.
  Document Clean(std::string_view bytes, const CleanOptions& options);

  // Runs the classification stages on an already segmented document.
  void Classify(Document& doc, const CleanOptions& options);

 private:
  // HTML: the rules and detectors see only the article region's blocks (what the
  // HTML stage kept); the blocks it dropped keep their html.* verdict.
  void ClassifyHtml(Document& doc, const CleanOptions& options);
  void ClassifyWith(Document& doc, const CleanOptions& options, const RuleRunOptions& run);

 public:
 private:
  const RuleSet& rules_;
  std::unique_ptr<html::DomRuleSet> dom_rules_;  // the selector rules, compiled for HTML
  RuleScratch scratch_;
};

}  // namespace cleaner
