// What each rule pattern costs the rule stage, to find the slow ones.
//
//   build/tests/bench/pattern_cost [rules_dir] [--loo]
//
// First the engine's own sets as a crawl meets them (CrawlCost). Then, to find
// slow patterns, the dev pages' blocks (text mode: normalized lines) against
// two sets: all anchored patterns in one, and the ones scanning every byte
// (PatternScansBlock); a block skips a set whose rules all take fewer words.
// Prints each set's time
// over the corpus, then each pattern's time alone (a one-pattern set over the
// blocks its set sees), slowest first. With --loo it also prints how much each
// set speeds up without each of its patterns (leave one out), which catches the
// patterns that blow up the combined automaton rather than being slow alone.
// Data: $CLEANER_BENCH_DATA or ../shared/bench/scrapinghub-dev.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cleaner/normalize/decode.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/rules/loader.h"
#include "cleaner/rules/rule_set.h"
#include "cleaner/segment/segment.h"

namespace {

namespace fs = std::filesystem;
using cleaner::Block;

struct Line {
  std::string text;
  int words;
};

struct Pattern {
  std::string source;
  std::string rule;
  int max_words;
};

struct Group {
  RE2::Anchor anchor;
  std::vector<Pattern> patterns;
  int max_words = 0;
};

std::unique_ptr<RE2::Set> Build(const std::vector<Pattern>& patterns, RE2::Anchor anchor,
                                std::size_t skip) {
  RE2::Options options = cleaner::RulePatternOptions();
  options.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(options, anchor);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i != skip) set->Add(patterns[i].source, nullptr);
  }
  if (!set->Compile()) return nullptr;
  return set;
}

// Seconds per pass of `set` over the lines with at most `max_words` words: the
// best of `rounds` passes after one warm-up pass (which builds the DFA).
double Time(const RE2::Set& set, const std::vector<Line>& lines, int max_words, int rounds,
            long* hits) {
  std::vector<int> v;
  double best = 1e9;
  for (int r = 0; r <= rounds; ++r) {
    long h = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const Line& line : lines) {
      if (line.words > max_words) continue;
      const re2::StringPiece text(line.text.data(), line.text.size());
      if (set.Match(text, nullptr)) {
        ++h;
        set.Match(text, &v);
      }
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r > 0) best = std::min(best, s);
    if (hits) *hits = h;
  }
  return best;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The engine's own sets (RuleSet + RuleMatcher) as a crawl meets them: RE2
// builds each DFA state the first time some text needs it, so pages never seen
// before cost far more than the same pages again, which is all a benchmark of
// repeated pages shows. Fresh sets each round: the first half of the pages
// (cold), then the second half (unseen pages, warm sets), then the second half
// again (seen). Best of three rounds.
void CrawlCost(const std::string& rules_dir, const std::vector<Line>& lines, std::size_t pages) {
  const std::size_t half = lines.size() / 2;
  double best[3] = {1e9, 1e9, 1e9};
  std::size_t prefixed = 0, in_sets = 0;
  for (int round = 0; round < 3; ++round) {
    std::vector<cleaner::RuleError> errors;
    auto rules = cleaner::RuleSet::Compile(cleaner::LoadRulesDir(rules_dir), &errors);
    if (!rules) return;
    prefixed = rules->prefixed_patterns();
    in_sets = rules->set_patterns();
    cleaner::RuleMatcher matcher(*rules);
    std::vector<int> hits;
    auto pass = [&](std::size_t from, std::size_t to) {
      const auto start = std::chrono::steady_clock::now();
      for (std::size_t i = from; i < to; ++i)
        matcher.MatchRules(lines[i].text, lines[i].words, hits);
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const double t[3] = {pass(0, half), pass(half, lines.size()), pass(half, lines.size())};
    for (int k = 0; k < 3; ++k) best[k] = std::min(best[k], t[k]);
  }
  std::printf(
      "engine as a crawl (%zu pages in two halves): first half cold %.1f ms, second half "
      "unseen %.1f ms, second half again %.1f ms\n"
      "  (%zu anchored patterns through literal prefixes, compiled on first use in the cold "
      "half; %zu in sets)\n",
      pages, best[0] * 1e3, best[1] * 1e3, best[2] * 1e3, prefixed, in_sets);
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_dir = CLEANER_RULES_DIR;
  bool loo = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--loo")
      loo = true;
    else
      rules_dir = a;
  }
  const char* env = std::getenv("CLEANER_BENCH_DATA");
  const fs::path data = env ? fs::path(env) : fs::path(CLEANER_BENCH_DATA);
  std::vector<Line> lines;
  std::size_t bytes = 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(data)) {
    if (e.path().string().ends_with(".page.txt")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    const std::string page = ReadFile(p);
    bytes += page.size();
    cleaner::Document doc;
    cleaner::SegmentLines(cleaner::NormalizeLines(cleaner::DecodeUtf8(page).text), doc);
    for (Block& b : doc.blocks) lines.push_back({std::move(b.text), b.features.words});
  }
  cleaner::LoadedRules loaded = cleaner::LoadRulesDir(rules_dir);
  CrawlCost(rules_dir, lines, files.size());
  // Per pattern, two sets: every anchored pattern in one (the engine cuts them
  // into up to four, rule_set.cc), and the ones scanning every byte.
  constexpr std::size_t kSets = 2;
  Group groups[kSets] = {{RE2::ANCHOR_START, {}, 0}, {RE2::UNANCHORED, {}, 0}};
  const char* names[kSets] = {"anchored", "scanning"};
  for (const cleaner::Pack& pack : loaded.packs) {
    for (const cleaner::Rule& rule : pack.rules) {
      for (const std::string& source : rule.patterns) {
        const std::size_t g = cleaner::PatternScansBlock(source) ? 1 : 0;
        groups[g].patterns.push_back({source, rule.id, rule.max_words});
        groups[g].max_words = std::max(groups[g].max_words, rule.max_words);
      }
    }
  }
  std::printf("%zu blocks, %.2f MB of text pages\n", lines.size(),
              static_cast<double>(bytes) / 1e6);
  struct Cost {
    double seconds;
    std::string what;
  };
  std::vector<Cost> alone, builds;
  double total = 0;
  for (std::size_t g = 0; g < kSets; ++g) {
    const Group& group = groups[g];
    if (group.patterns.empty()) continue;
    const auto built = std::chrono::steady_clock::now();
    auto set = Build(group.patterns, group.anchor, SIZE_MAX);
    std::printf(
        "%-17s built in %.2f ms\n", names[g],
        std::chrono::duration<double>(std::chrono::steady_clock::now() - built).count() * 1e3);
    long hits = 0;
    const double t = Time(*set, lines, group.max_words, 5, &hits);
    total += t;
    long seen = 0;
    std::size_t seen_bytes = 0;
    for (const Line& l : lines) {
      if (l.words <= group.max_words) {
        ++seen;
        seen_bytes += l.text.size();
      }
    }
    std::printf("%-17s %3zu patterns  max_words %-10d %6ld blocks %8zu B  %7.2f ms  %ld hits\n",
                names[g], group.patterns.size(), group.max_words, seen, seen_bytes, t * 1e3, hits);
    for (std::size_t i = 0; i < group.patterns.size(); ++i) {
      const Pattern& p = group.patterns[i];
      std::vector<Pattern> one = {p};
      const auto b0 = std::chrono::steady_clock::now();
      auto single = Build(one, group.anchor, SIZE_MAX);
      builds.push_back(
          {std::chrono::duration<double>(std::chrono::steady_clock::now() - b0).count(),
           p.rule + "  " + p.source.substr(0, 90)});
      const double ts = Time(*single, lines, group.max_words, 3, nullptr);
      char buf[160];
      std::snprintf(buf, sizeof buf, "%-17s %-32s #%zu", names[g], p.rule.c_str(), i);
      alone.push_back({ts, std::string(buf) + "  " + p.source.substr(0, 90)});
      if (loo) {
        auto without = Build(group.patterns, group.anchor, i);
        const double tw = Time(*without, lines, group.max_words, 3, nullptr);
        std::printf("  loo %-32s #%-3zu saves %7.2f ms  %s\n", p.rule.c_str(), i, (t - tw) * 1e3,
                    p.source.substr(0, 70).c_str());
      }
    }
  }
  std::printf("all sets: %.2f ms per pass = %.1f MB/s of page text\n", total * 1e3,
              static_cast<double>(bytes) / 1e6 / total);
  {
    // As the engine runs them: every set on one block, then the next block.
    std::unique_ptr<RE2::Set> sets[kSets];
    for (std::size_t g = 0; g < kSets; ++g) {
      if (!groups[g].patterns.empty())
        sets[g] = Build(groups[g].patterns, groups[g].anchor, SIZE_MAX);
    }
    std::vector<int> v;
    double best = 1e9;
    for (int r = 0; r <= 20; ++r) {
      const auto start = std::chrono::steady_clock::now();
      for (const Line& line : lines) {
        const re2::StringPiece text(line.text.data(), line.text.size());
        for (std::size_t g = 0; g < kSets; ++g) {
          if (!sets[g] || line.words > groups[g].max_words) continue;
          if (sets[g]->Match(text, nullptr)) sets[g]->Match(text, &v);
        }
      }
      const double s =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (r > 0) best = std::min(best, s);
    }
    std::printf("block by block:  %.2f ms per pass\n", best * 1e3);
  }
  for (auto* costs : {&alone, &builds}) {
    std::sort(costs->begin(), costs->end(),
              [](const Cost& a, const Cost& b) { return a.seconds > b.seconds; });
    std::printf(costs == &alone ? "slowest patterns alone (ms per pass):\n"
                                : "slowest patterns to compile (ms):\n");
    for (std::size_t i = 0; i < costs->size() && i < 15; ++i)
      std::printf("  %7.2f  %s\n", (*costs)[i].seconds * 1e3, (*costs)[i].what.c_str());
  }
  return 0;
}
