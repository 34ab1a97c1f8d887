#include "cleaner/cli/batch.h"

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "cleaner/cli/atomic_file.h"
#include "cleaner/emit/emit.h"
#include "cleaner/pipeline/cleaner.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

struct ItemResult {
  std::string output;    // what goes to stdout
  std::string messages;  // what goes to stderr
  bool failed = false;
  bool done = false;
};

const char* Extension(OutputFormat format) {
  switch (format) {
    case OutputFormat::kText:
      return ".txt";
    case OutputFormat::kJson:
      return ".json";
    case OutputFormat::kJsonl:
      return ".jsonl";
    case OutputFormat::kExplain:
      return ".explain.txt";
  }
  return ".txt";
}

std::string Render(const Document& doc, OutputFormat format) {
  switch (format) {
    case OutputFormat::kText:
      return BodyText(doc);
    case OutputFormat::kJson:
      return ToJson(doc).dump(2) + "\n";
    case OutputFormat::kJsonl:
      return ToJson(doc).dump() + "\n";
    case OutputFormat::kExplain:
      return ExplainText(doc);
  }
  return {};
}

// Output paths, decided up front so two inputs never write the same file.
std::vector<std::string> PlanOutputs(const std::vector<InputItem>& inputs,
                                     const BatchOptions& options,
                                     std::vector<std::string>& collisions) {
  std::vector<std::string> paths(inputs.size());
  collisions.assign(inputs.size(), "");
  if (options.output_dir.empty()) return paths;
  std::set<std::string> taken;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].error.empty()) continue;
    fs::path rel = inputs[i].relative;
    rel.replace_extension(Extension(options.format));
    // "page.txt" stays "page.txt"; "a.html" becomes "a.txt".
    std::string out = (fs::path(options.output_dir) / rel).lexically_normal().string();
    if (!taken.insert(out).second) {
      collisions[i] = "output " + out + " is already written by an earlier input; skipped";
    }
    paths[i] = out;
  }
  return paths;
}

}  // namespace

BatchSummary RunBatch(const RuleSet& rules, const std::vector<InputItem>& inputs,
                      const BatchOptions& options) {
  const std::size_t n = inputs.size();
  std::vector<std::string> collisions;
  const std::vector<std::string> out_paths = PlanOutputs(inputs, options, collisions);
  if (!options.output_dir.empty()) InstallTempFileCleanup();

  std::vector<ItemResult> results(n);
  std::mutex mu;
  std::condition_variable cv;
  std::size_t next = 0;     // next input to take
  std::size_t printed = 0;  // inputs reported so far
  const int jobs = std::max(1, options.jobs);
  // Workers stay at most this far ahead of the printer: bounded memory.
  const std::size_t window = static_cast<std::size_t>(jobs) * 4;

  auto process = [&](std::size_t i, Cleaner& cleaner, ItemResult& r) {
    const InputItem& item = inputs[i];
    const std::string name = item.path == "-" ? "<stdin>" : item.path;
    auto fail = [&](const std::string& message) {
      r.messages += "cleaner: " + name + ": " + message + "\n";
      r.failed = true;
    };
    if (!item.error.empty()) return fail(item.error);
    if (!collisions[i].empty()) return fail(collisions[i]);
    std::string bytes;
    if (std::string err = ReadInput(item.path, bytes); !err.empty()) return fail(err);
    Document doc = cleaner.Clean(bytes, {.url = options.url, .site = options.site, .id = name});
    if (!doc.error.empty()) {
      if (options.format == OutputFormat::kJsonl) r.output = Render(doc, options.format);
      return fail(doc.error);
    }
    if (!options.quiet) {
      for (const std::string& w : doc.warnings)
        r.messages += "cleaner: " + name + ": warning: " + w + "\n";
      if (bytes.empty()) r.messages += "cleaner: " + name + ": warning: empty input\n";
    }
    std::string rendered = Render(doc, options.format);
    if (options.output_dir.empty()) {
      r.output = std::move(rendered);
    } else if (std::string err = WriteFileAtomically(out_paths[i], rendered); !err.empty()) {
      fail(err);
    }
  };

  auto worker = [&] {
    Cleaner cleaner(rules);
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return next >= n || next < printed + window; });
        if (next >= n) return;
        i = next++;
      }
      ItemResult r;
      process(i, cleaner, r);
      {
        std::lock_guard lock(mu);
        r.done = true;
        results[i] = std::move(r);
      }
      cv.notify_all();
    }
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  BatchSummary summary;
  summary.inputs = static_cast<int>(n);
  while (printed < n) {
    ItemResult r;
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return results[printed].done; });
      r = std::move(results[printed]);
      results[printed] = ItemResult{};
      ++printed;
    }
    cv.notify_all();
    std::fwrite(r.output.data(), 1, r.output.size(), stdout);
    if (!r.messages.empty()) {
      std::fflush(stdout);
      std::fwrite(r.messages.data(), 1, r.messages.size(), stderr);
    }
    summary.failed += r.failed;
  }
  for (std::thread& t : threads) t.join();
  std::fflush(stdout);
  return summary;
}

}  // namespace cleaner
