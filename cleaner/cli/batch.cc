#include "cleaner/cli/batch.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "cleaner/cli/atomic_file.h"
#include "cleaner/cli/ordered_pool.h"
#include "cleaner/cli/progress.h"
#include "cleaner/cli/warc_reader.h"
#include "cleaner/emit/emit.h"
#include "cleaner/emit/markdown.h"
#include "cleaner/pipeline/cleaner.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

struct Job {
  std::string name;   // for messages and the JSON id
  std::string path;   // files: read by the worker
  std::string bytes;  // jsonl: the record's page
  std::string line;   // jsonl: the record's line, parsed by the worker (ParseRecord)
  std::size_t line_no = 0;
  std::string url;
  InputKind input = InputKind::kAuto;
  std::string charset;         // JSONL "charset" field, WARC: from the HTTP Content-Type
  std::string error;           // failed before cleaning
  std::string out_path;        // files with -o: where the result goes
  bool record = false;         // a JSONL record
  bool end_of_stream = false;  // jsonl with -o: commit the stream's file
  std::size_t stream = 0;
  ordered_json passthrough;  // jsonl: the record's other fields
};

struct Result {
  std::string output;
  std::string messages;
  std::uint64_t bytes = 0;  // input bytes cleaned
  long blocks = 0;
  long kept = 0;
  std::vector<std::string> dropped;  // --stats: reason of every dropped block
  bool failed = false;
  bool counts = true;  // false for end-of-stream markers
  bool end_of_stream = false;
  std::size_t stream = 0;
};

const char* Extension(OutputFormat format) {
  switch (format) {
    case OutputFormat::kText:
      return ".txt";
    case OutputFormat::kJson:
      return ".json";
    case OutputFormat::kJsonl:
      return ".jsonl";
    case OutputFormat::kMarkdown:
      return ".md";
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
    case OutputFormat::kMarkdown:
      return MarkdownText(doc);
    case OutputFormat::kExplain:
      return ExplainText(doc);
  }
  return {};
}

// Where each input's output goes below -o DIR; decided up front so two inputs
// never write the same file.
std::string PlanOutput(const InputItem& item, const BatchOptions& options, const char* extension,
                       std::set<std::string>& taken, std::string& collision) {
  fs::path rel = item.relative;
  rel.replace_extension(extension);  // "page.txt" stays "page.txt"; "a.html" -> "a.txt"
  std::string out = (fs::path(options.output_dir) / rel).lexically_normal().string();
  if (!taken.insert(out).second) {
    collision = "output " + out + " is already written by an earlier input; skipped";
  }
  return out;
}

// Turns one JSONL line into a job: the page in "html" or "text", the rest passed through.
void ParseRecord(const std::string& line, std::size_t line_no, const std::string& stream_name,
                 Job& job) {
  job.record = true;
  job.name = stream_name + ":" + std::to_string(line_no);
  ordered_json record = ordered_json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded() || !record.is_object()) {
    job.error = "line " + std::to_string(line_no) + ": not a JSON object";
    return;
  }
  for (auto& [key, value] : record.items()) {
    if (key == "html" || key == "text") {
      if (!value.is_string()) {
        job.error = "line " + std::to_string(line_no) + ": '" + key + "' must be a string";
        return;
      }
      job.bytes = value.get<std::string>();
      job.input = key == "html" ? InputKind::kHtml : InputKind::kText;
    } else {
      if (key == "charset" && value.is_string()) job.charset = value.get<std::string>();
      if (key == "url" && value.is_string()) job.url = value.get<std::string>();
      if (key == "id") job.name = value.is_string() ? value.get<std::string>() : value.dump();
      job.passthrough[key] = value;
    }
  }
  if (!record.contains("html") && !record.contains("text")) {
    job.error = "line " + std::to_string(line_no) + ": no 'html' or 'text' field";
  }
}

// Pulls jobs from the inputs: one per file, or one per JSONL line.
class JobSource {
 public:
  JobSource(const std::vector<InputItem>& inputs, const BatchOptions& options)
      : inputs_(inputs), options_(options) {}

  bool Next(Job& job) {
    switch (options_.input_format) {
      case InputFormat::kFiles:
        return NextFile(job);
      case InputFormat::kJsonl:
        return NextRecord(job);
      case InputFormat::kWarc:
        return NextWarcRecord(job);
    }
    return false;
  }

 private:
  bool NextFile(Job& job) {
    if (index_ >= inputs_.size()) return false;
    const InputItem& item = inputs_[index_++];
    job.name = item.path == "-" ? "<stdin>" : item.path;
    job.path = item.path;
    job.url = options_.url;
    job.error = item.error;
    if (item.error.empty() && !options_.output_dir.empty()) {
      job.out_path = PlanOutput(item, options_, Extension(options_.format), taken_, job.error);
    }
    return true;
  }

  bool NextRecord(Job& job) {
    for (;;) {
      if (!stream_) {
        if (index_ >= inputs_.size()) return false;
        const InputItem& item = inputs_[index_];
        stream_index_ = index_++;
        stream_name_ = item.path == "-" ? "<stdin>" : item.path;
        line_no_ = 0;
        if (!item.error.empty()) {
          job.name = stream_name_;
          job.error = item.error;
          return true;
        }
        if (item.path == "-") {
          stream_ = std::unique_ptr<std::istream, void (*)(std::istream*)>(&std::cin,
                                                                           [](std::istream*) {});
        } else {
          stream_ = std::unique_ptr<std::istream, void (*)(std::istream*)>(
              new std::ifstream(item.path, std::ios::binary), [](std::istream* s) { delete s; });
          if (!*stream_) {
            stream_.reset();
            job.name = stream_name_;
            job.error = "cannot open";
            return true;
          }
        }
      }
      std::string line;
      if (std::getline(*stream_, line)) {
        ++line_no_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
        // Parsed by the worker: the source runs under the pool's lock.
        job.record = true;
        job.stream = stream_index_;
        job.name = stream_name_;
        job.line = std::move(line);
        job.line_no = line_no_;
        return true;
      }
      stream_.reset();
      if (!options_.output_dir.empty()) {
        job.end_of_stream = true;
        job.stream = stream_index_;
        return true;
      }
    }
  }

  // WARC/WET: one job per response or conversion record.
  bool NextWarcRecord(Job& job) {
    for (;;) {
      if (!warc_) {
        if (index_ >= inputs_.size()) return false;
        const InputItem& item = inputs_[index_];
        stream_index_ = index_++;
        stream_name_ = item.path == "-" ? "<stdin>" : item.path;
        std::string err = item.error;
        if (err.empty()) {
          warc_ = std::make_unique<WarcReader>();
          err = warc_->Open(item.path);
        }
        if (!err.empty()) {
          warc_.reset();
          job.name = stream_name_;
          job.error = err;
          return true;
        }
      }
      WarcRecord record;
      if (warc_->Next(record)) {
        job.record = true;
        job.stream = stream_index_;
        job.name = record.record_id.empty() ? stream_name_ : record.record_id;
        job.url = record.url.empty() ? options_.url : record.url;
        job.charset = record.charset;
        job.error = record.error;
        job.bytes = std::move(record.payload);
        job.passthrough = ordered_json::object();
        if (!record.record_id.empty()) job.passthrough["id"] = record.record_id;
        if (!record.url.empty()) job.passthrough["url"] = record.url;
        job.passthrough["warc_type"] = record.type;
        // WET conversion records are extracted text; responses are sniffed.
        job.input = record.type == "conversion" ? InputKind::kText : InputKind::kAuto;
        return true;
      }
      warc_.reset();
      if (!options_.output_dir.empty()) {
        job.end_of_stream = true;
        job.stream = stream_index_;
        return true;
      }
    }
  }

  const std::vector<InputItem>& inputs_;
  const BatchOptions& options_;
  std::unique_ptr<WarcReader> warc_;
  std::size_t index_ = 0;
  std::set<std::string> taken_;
  std::unique_ptr<std::istream, void (*)(std::istream*)> stream_{nullptr, [](std::istream*) {}};
  std::size_t stream_index_ = 0;
  std::string stream_name_;
  std::size_t line_no_ = 0;
};

// A JSONL record's result: its passed-through fields, then the cleaner's.
std::string RenderRecord(const Job& job, const Document* doc, const std::string& error) {
  ordered_json out = job.passthrough.is_object() ? job.passthrough : ordered_json::object();
  if (doc != nullptr && doc->error.empty()) {
    ordered_json result = ToJson(*doc);
    result.erase("id");
    result.erase("url");
    for (auto& [key, value] : result.items()) out[key] = value;
  } else {
    out["error"] = error;
  }
  return out.dump() + "\n";
}

Result Process(Job& job, Cleaner& cleaner, const BatchOptions& options) {
  Result r;
  r.stream = job.stream;
  if (job.end_of_stream) {
    r.end_of_stream = true;
    r.counts = false;
    return r;
  }
  auto fail = [&](const std::string& message) {
    r.messages += "cleaner: " + job.name + ": " + message + "\n";
    r.failed = true;
    if (job.record) r.output = RenderRecord(job, nullptr, message);
  };
  if (!job.line.empty()) {
    const std::string stream_name = job.name;
    ParseRecord(job.line, job.line_no, stream_name, job);
    std::string().swap(job.line);  // the page is in job.bytes now
    if (job.url.empty()) job.url = options.url;
  }
  if (!job.error.empty()) {
    fail(job.error);
    return r;
  }
  if (!job.record) {
    if (std::string err = ReadInput(job.path, job.bytes); !err.empty()) {
      fail(err);
      return r;
    }
  }
  CleanOptions clean;
  clean.input = job.record ? job.input : options.input;
  clean.charset = job.charset.empty() ? options.charset : job.charset;
  clean.url = job.url;
  clean.site = options.site;
  clean.id = job.name;
  clean.markdown = options.format == OutputFormat::kMarkdown;
  Document doc = cleaner.Clean(job.bytes, clean);
  if (!doc.error.empty()) {
    if (!job.record && options.format == OutputFormat::kJsonl)
      r.output = Render(doc, options.format);
    fail(doc.error);
    return r;
  }
  r.bytes = job.bytes.size();
  r.blocks = static_cast<long>(doc.blocks.size());
  for (const Block& b : doc.blocks) {
    r.kept += b.verdict == Verdict::kKeep;
    if (options.stats && b.verdict == Verdict::kDrop) r.dropped.push_back(b.reason);
  }
  if (!options.quiet) {
    for (const std::string& w : doc.warnings) {
      r.messages += "cleaner: " + job.name + ": warning: " + w + "\n";
    }
    if (job.bytes.empty()) r.messages += "cleaner: " + job.name + ": warning: empty input\n";
  }
  if (job.record) {
    r.output = RenderRecord(job, &doc, "");
  } else if (job.out_path.empty()) {
    r.output = Render(doc, options.format);
  } else if (std::string err = WriteFileAtomically(job.out_path, Render(doc, options.format));
             !err.empty()) {
    fail(err);
  }
  return r;
}

}  // namespace

BatchSummary RunBatch(const RuleSet& rules, const std::vector<InputItem>& inputs,
                      const BatchOptions& options) {
  if (!options.output_dir.empty()) InstallTempFileCleanup();
  const int threads = std::max(1, options.jobs);
  std::vector<std::unique_ptr<Cleaner>> cleaners;
  for (int t = 0; t < threads; ++t) cleaners.push_back(std::make_unique<Cleaner>(rules));

  // jsonl/warc with -o: each stream's results go to DIR/<name>.jsonl, committed at its end.
  const bool stream_files =
      options.input_format != InputFormat::kFiles && !options.output_dir.empty();
  AtomicFile stream_file;
  std::size_t open_stream = SIZE_MAX;
  std::set<std::string> taken;
  BatchSummary summary;
  RunStats stats;
  std::uint64_t total_bytes = 0;
  if (options.progress && options.input_format == InputFormat::kFiles) {
    for (const InputItem& item : inputs) {
      std::error_code ec;
      if (item.path != "-") total_bytes += fs::file_size(item.path, ec) * !ec;
    }
  }
  ProgressLine progress(options.progress, total_bytes);
  const auto start = std::chrono::steady_clock::now();

  auto sink = [&](Result& r) {
    if (stream_files && r.stream != open_stream && !r.end_of_stream) {
      open_stream = r.stream;
      std::string collision;
      std::string path = PlanOutput(inputs[r.stream], options, ".jsonl", taken, collision);
      std::string err = collision.empty() ? stream_file.Open(path) : collision;
      if (!err.empty()) std::cerr << "cleaner: " << inputs[r.stream].path << ": " << err << "\n";
    }
    if (r.end_of_stream) {
      if (stream_file.is_open()) {
        if (std::string err = stream_file.Commit(); !err.empty()) {
          std::cerr << "cleaner: " << err << "\n";
          ++summary.failed;
        }
      }
      open_stream = SIZE_MAX;
      return;
    }
    if (stream_files) {
      // A write that fails (a full disk) drops the stream's file: better none
      // than a truncated one that looks whole.
      if (stream_file.is_open()) {
        if (std::string err = stream_file.Append(r.output); !err.empty()) {
          std::cerr << "cleaner: " << err << "\n";
          stream_file.Discard();
          ++summary.failed;
        }
      }
    } else {
      std::fwrite(r.output.data(), 1, r.output.size(), stdout);
    }
    if (!r.messages.empty()) {
      std::fflush(stdout);
      progress.Finish();
      std::fwrite(r.messages.data(), 1, r.messages.size(), stderr);
    }
    summary.inputs += r.counts;
    summary.failed += r.failed;
    stats.documents += r.counts;
    stats.failed += r.failed;
    stats.bytes += r.bytes;
    stats.blocks += r.blocks;
    stats.kept += r.kept;
    for (const std::string& reason : r.dropped) ++stats.dropped_by_reason[reason];
    progress.Update(stats.documents, stats.bytes);
  };

  JobSource source(inputs, options);
  RunOrdered<Job, Result>(
      threads, static_cast<std::size_t>(threads) * 32, [&](Job& job) { return source.Next(job); },
      [&](Job& job, int worker) {
        return Process(job, *cleaners[static_cast<std::size_t>(worker)], options);
      },
      sink);
  std::fflush(stdout);
  progress.Finish();
  if (options.stats) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string text = FormatStats(stats, seconds);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  return summary;
}

}  // namespace cleaner
