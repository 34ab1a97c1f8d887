// Cleans inputs on a pool of worker threads. Each worker owns a Cleaner (its
// scratch); the compiled rules are shared read-only. Results are printed
// (stdout) or written (-o DIR) and messages reported in input order, so output
// bytes do not depend on the number of threads.
//
// Two kinds of input:
//   files  each file (or stdin) is one page; -o DIR gets one output per file;
//   jsonl  each file (or stdin) is a stream of JSON objects, one a line
//          ({"id", "url", "html"|"text", "charset"?, ...}); one JSON result a line
//          out, in input order, the other fields passed through; a bad record
//          gives an error object on its line and the stream goes on. With -o DIR
//          each stream becomes DIR/<name>.jsonl, renamed into place when complete;
//   warc   each file is a WARC or WET file (.warc, .warc.gz, multi-member gzip):
//          response records are cleaned as pages with their URL and HTTP charset,
//          WET conversion records as text; results as for jsonl.
#pragma once

#include <string>
#include <vector>

#include "cleaner/cli/inputs.h"
#include "cleaner/pipeline/cleaner.h"
#include "cleaner/rules/rule_set.h"

namespace cleaner {

enum class OutputFormat { kText, kJson, kJsonl, kMarkdown, kExplain };
enum class InputFormat { kFiles, kJsonl, kWarc };

struct BatchOptions {
  OutputFormat format = OutputFormat::kText;
  InputFormat input_format = InputFormat::kFiles;
  std::string output_dir;              // empty: stdout
  InputKind input = InputKind::kAuto;  // files: --input; records say "html" or "text"
  std::string charset;                 // --charset: forced for HTML pages without their own
  std::string url;
  std::string site;
  int jobs = 1;
  bool quiet = false;     // no warnings on stderr
  bool progress = false;  // a progress line on stderr (the caller checks it is a terminal)
  bool stats = false;     // a summary on stderr at the end (progress.h)
};

struct BatchSummary {
  long inputs = 0;  // pages or records
  long failed = 0;
};

BatchSummary RunBatch(const RuleSet& rules, const std::vector<InputItem>& inputs,
                      const BatchOptions& options);

}  // namespace cleaner
