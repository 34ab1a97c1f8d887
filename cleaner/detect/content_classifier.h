// Text-mode content classifier: the jusText-style detector for chrome that has no
// fixed wording (navigation menus, footers, link lists, teaser lists, comment
// prompts). It looks only at the shape of each line and at its neighbours, so it
// needs no stop-word lists and works the same in any language.
//
//   1. Per line, a context-free class from shape alone: bad (copyright, URL,
//      "a | b | c" separators, digit-heavy, date/time-only lines), short,
//      neargood, good (enough words, ending like a sentence).
//   2. Context revision (jusText): a short line between text stays, a long run of
//      one-to-three-word lines is a menu, a neargood line next to text is text.
//   3. Main region (BTE / Finn's body text extraction): the max-sum segment of
//      per-line scores (text positive, chrome negative); text outside it goes
//      (teasers, comments, footers). A list or table introduced by a line ending
//      in ':' belongs to the text it follows.
//   4. A page left with next to no text is judged again with short lines (more
//      than a menu item) as text: pages without prose (schedules, lists).
//
// It is a no-op unless the page carries navigation-like chrome (runs of
// menu-like lines, a '©' footer; see min_chrome_evidence), so a clean article
// is left alone.
#pragma once

#include "cleaner/document.h"

namespace cleaner {

struct ContentClassifierOptions {
  // --- Context-free classes (words: \w+ runs, a CJK ideograph or kana counts as one).
  // A line ending like a sentence (. ! ? … 。 or ':') with this many words is good;
  int good_words = 12;
  // without such an ending it needs this many.
  int good_words_unpunctuated = 30;
  // Neargood: text, but too short to stand alone (needs text next to it).
  int near_words = 5;
  int near_words_unpunctuated = 20;
  // A line holding '©' is bad up to this many words (longer: a paragraph quoting it).
  int max_copyright_words = 29;
  // A line with "http://", "https://" or "www." is bad up to this many words.
  int max_url_words = 11;
  // A line with a time or a date and no sentence end is bad up to this many words.
  int max_date_words = 10;

  // --- When to run at all. Chrome evidence = lines in runs of at least three
  // menu-like lines (at most menu_item_words words, no sentence end, no bullet)
  // + copyright_evidence per '©' line. Below min_chrome_evidence the page reads
  // as a clean article and nothing is dropped.
  int menu_item_words = 3;
  int min_chrome_evidence = 10;
  int copyright_evidence = 5;

  // --- Context revision. A run of more than max_short_run short lines averaging
  // fewer than menu_run_words words is a menu whatever surrounds it.
  int max_short_run = 3;
  double menu_run_words = 4.0;
  // Lines after a text line ending in ':' are kept as a list or table, up to this
  // many lines (the run ends earlier at a sentence, a '©' line or two menu lines).
  int max_list_lines = 80;

  // --- Main region scores. Text: min(words, score_cap), times near_factor for
  // neargood, times alone_factor when no text line is adjacent, looking through
  // lines dropped earlier (teaser summaries and comments stand alone between
  // chrome; article paragraphs come in runs).
  // Any other line: -(line_penalty + line_word_penalty * min(words, 20)).
  int score_cap = 60;
  double near_factor = 0.5;
  double alone_factor = 0.3;
  double line_penalty = 5.0;
  double line_word_penalty = 0.5;

  // --- Pages without prose. When fewer than min_body_words are left, the page is
  // judged again with lines of relaxed_good_words words counting as text (and
  // any line longer than a menu item as neargood); the reading that keeps more wins.
  int min_body_words = 100;
  int relaxed_good_words = 5;
};

// Drops the undecided blocks (decided == false, verdict kKeep) that the classifier
// calls chrome, with reason "detect.content.<class>": bad, short, neargood (shape
// and context) or outside-region (text outside the main region). Blocks a rule
// decided and the title are never touched; blocks already dropped count as chrome
// and blocks a keep rule decided count as text when judging their neighbours.
void ClassifyContent(Document& doc, const ContentClassifierOptions& options = {});

}  // namespace cleaner
