// Per-stage throughput over the dev pages (text dumps and HTML), one thread.
// Data: $CLEANER_BENCH_DATA or ../shared/bench/scrapinghub-dev next to the repo.
// Every benchmark reports bytes/s of its input, so stages compare directly.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cleaner/detect/content_classifier.h"
#include "cleaner/detect/detectors.h"
#include "cleaner/normalize/decode.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/pipeline/cleaner.h"
#include "cleaner/rules/engine.h"
#include "cleaner/rules/loader.h"
#include "cleaner/segment/segment.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

fs::path DataDir() {
  const char* env = std::getenv("CLEANER_BENCH_DATA");
  return env ? fs::path(env) : fs::path(CLEANER_BENCH_DATA);
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Gunzip(const fs::path& p) {
  std::string out;
  gzFile f = gzopen(p.c_str(), "rb");
  if (!f) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

struct Corpus {
  std::vector<std::string> text;
  std::vector<std::string> html;
  std::size_t text_bytes = 0;
  std::size_t html_bytes = 0;
};

const Corpus& Pages() {
  static const Corpus corpus = [] {
    Corpus c;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(DataDir(), ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string name = p.filename().string();
      if (name.ends_with(".page.txt")) {
        c.text.push_back(ReadFile(p));
        c.text_bytes += c.text.back().size();
      } else if (name.ends_with(".html.gz")) {
        c.html.push_back(Gunzip(p));
        c.html_bytes += c.html.back().size();
      }
    }
    return c;
  }();
  return corpus;
}

const RuleSet& BundledRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    std::vector<RuleError> errors;
    return RuleSet::Compile(LoadRulesDir(CLEANER_RULES_DIR), &errors);
  }();
  return *rules;
}

// No patterns: what the pipeline costs around the rule engine.
const RuleSet& NoRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    std::vector<RuleError> errors;
    return RuleSet::Compile(LoadedRules{}, &errors);
  }();
  return *rules;
}

// The text pages decoded, normalized and segmented, as the detectors see them.
const std::vector<Document>& SegmentedPages() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    for (const std::string& page : Pages().text) {
      Document doc;
      SegmentLines(NormalizeLines(DecodeUtf8(page).text), doc);
      out.push_back(std::move(doc));
    }
    return out;
  }();
  return docs;
}

// Runs `stage` on a fresh copy of every segmented page (the copy is not timed).
template <typename Stage>
void RunOnSegmented(benchmark::State& state, Stage stage) {
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = SegmentedPages();
    for (Document& doc : docs) DetectTitle(doc);
    state.ResumeTiming();
    for (Document& doc : docs) stage(doc);
    benchmark::DoNotOptimize(docs);
    state.PauseTiming();
    docs.clear();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
}

void BM_Decode(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& page : Pages().text) benchmark::DoNotOptimize(DecodeUtf8(page));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
}
BENCHMARK(BM_Decode);

void BM_NormalizeLines(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& page : Pages().text) benchmark::DoNotOptimize(NormalizeLines(page));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
}
BENCHMARK(BM_NormalizeLines);

void BM_Segment(benchmark::State& state) {
  std::vector<NormalizedText> normalized;
  for (const std::string& page : Pages().text) normalized.push_back(NormalizeLines(page));
  for (auto _ : state) {
    for (const NormalizedText& n : normalized) {
      Document doc;
      NormalizedText copy = n;
      SegmentLines(std::move(copy), doc);
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
}
BENCHMARK(BM_Segment);

void BM_ComputeFeatures(benchmark::State& state) {
  std::vector<std::string> lines;
  for (const Document& doc : SegmentedPages()) {
    for (const Block& b : doc.blocks) lines.push_back(b.text);
  }
  for (auto _ : state) {
    for (const std::string& line : lines) benchmark::DoNotOptimize(ComputeFeatures(line));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
}
BENCHMARK(BM_ComputeFeatures);

void BM_DetectDuplicates(benchmark::State& state) { RunOnSegmented(state, DetectDuplicates); }
BENCHMARK(BM_DetectDuplicates);

void BM_DetectUnrelatedHeadlines(benchmark::State& state) {
  RunOnSegmented(state, DetectUnrelatedHeadlines);
}
BENCHMARK(BM_DetectUnrelatedHeadlines);

void BM_DetectRepeatedTitle(benchmark::State& state) { RunOnSegmented(state, DetectRepeatedTitle); }
BENCHMARK(BM_DetectRepeatedTitle);

void BM_ClassifyContent(benchmark::State& state) {
  RunOnSegmented(state, [](Document& doc) { ClassifyContent(doc); });
}
BENCHMARK(BM_ClassifyContent);

// Matching alone: every segmented page through one thread's matcher, as
// ApplyRules does.
void BM_RuleMatch(benchmark::State& state) {
  const RuleSet& rules = BundledRules();
  RuleMatcher matcher(rules);
  PageMatch page;
  std::size_t matched = 0;
  for (auto _ : state) {
    for (const Document& doc : SegmentedPages()) {
      matcher.MatchPage(doc.blocks, false, page);
      matched += page.hits.size();
    }
  }
  benchmark::DoNotOptimize(matched);
  state.counters["rules"] = static_cast<double>(rules.rules().size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
}
BENCHMARK(BM_RuleMatch);

// The whole rule stage on a page: pack selection, matching, shape, zone,
// guards, ranges and precedence.
void BM_ApplyRules(benchmark::State& state) {
  const RuleSet& rules = BundledRules();
  RuleScratch scratch;
  RunOnSegmented(state, [&](Document& doc) { ApplyRules(rules, doc, {}, scratch); });
}
BENCHMARK(BM_ApplyRules);

void BM_CleanText(benchmark::State& state) {
  Cleaner cleaner(BundledRules());
  for (auto _ : state) {
    for (const std::string& page : Pages().text) {
      benchmark::DoNotOptimize(cleaner.Clean(page, {}));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * Pages().text.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond);

// Everything but the rule patterns: decode to detectors, no RE2 work.
void BM_CleanTextNoRules(benchmark::State& state) {
  Cleaner cleaner(NoRules());
  for (auto _ : state) {
    for (const std::string& page : Pages().text) {
      benchmark::DoNotOptimize(cleaner.Clean(page, {}));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().text_bytes));
}
BENCHMARK(BM_CleanTextNoRules)->Unit(benchmark::kMillisecond);

// The baseline HTML mode is measured against: a bare Gumbo parse and teardown.
void BM_GumboParseBaseline(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& page : Pages().html) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Pages().html_bytes));
}
BENCHMARK(BM_GumboParseBaseline)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace cleaner

BENCHMARK_MAIN();
