// cleaner: strips publisher chrome from scraped pages and emits the article body.
//
//   cleaner [OPTIONS] [PATH...]      clean files, folders (recursive) or stdin
//   cleaner rules check [--rules D]  report every broken rule (file:line, rule id)
//   cleaner rules test  [--rules D]  run every [[rule.example]]
//
// Exit codes: 0 all good, 1 some inputs failed (the others were still done),
// 2 usage or rule errors.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <thread>

#include "cleaner/cli/batch.h"
#include "cleaner/cli/inputs.h"
#include "cleaner/cli/rules_source.h"
#include "cleaner/rules/loader.h"
#include "cleaner/rules/rule_tests.h"

namespace {

using namespace cleaner;

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

int RulesCheck(const std::string& dir) {
  LoadedRules loaded = LoadRulesDir(dir);
  for (const RuleError& w : loaded.warnings) std::cout << "warning: " << w.ToString() << "\n";
  for (const RuleError& e : loaded.errors) std::cout << "error: " << e.ToString() << "\n";
  std::size_t rules = 0, selector_rules = 0;
  for (const Pack& p : loaded.packs) {
    rules += p.rules.size();
    for (const Rule& r : p.rules) selector_rules += r.IsDomRule();
  }
  std::cout << dir << ": " << loaded.packs.size() << " packs, " << rules << " rules ("
            << selector_rules << " selector rules), " << loaded.errors.size() << " errors, "
            << loaded.warnings.size() << " warnings\n";
  return loaded.ok() ? kExitOk : kExitUsage;
}

int RulesTest(const std::string& dir) {
  auto rules = LoadRulesOrReport(dir, false);
  if (!rules) return kExitUsage;
  ExampleReport report = RunRuleExamples(*rules);
  for (const ExampleFailure& f : report.failures) {
    std::cout << "FAIL " << f.where.ToString() << ": rule '" << f.rule_id << "': " << f.message
              << "\n";
  }
  std::cout << dir << ": " << report.examples << " examples, " << report.failures.size()
            << " failed; " << report.rules_without_examples << " rules without examples\n";
  return report.failures.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "cleaner: strips publisher chrome (AI disclosures, subscription walls, newsletter boxes,\n"
      "related-headline lists, chat widgets, comments, share bars, datelines...) from scraped\n"
      "pages (plain text or HTML, or JSONL / WARC streams of them) and prints the article\n"
      "body, one block per line.\n\n"
      "Inputs: files, folders (walked recursively, dot files skipped), or '-' / nothing for "
      "stdin.\n"
      "Exit codes: 0 all good, 1 some inputs failed (the others were still done), 2 usage or\n"
      "rule errors.",
      "cleaner"};
  app.set_version_flag("--version", std::string("cleaner ") + CLEANER_VERSION);
  app.require_subcommand(0, 1);

  std::vector<std::string> paths;
  std::string format = "text";
  bool explain = false;
  std::string rules_dir;
  std::string output_dir;
  std::string url;
  std::string site;
  std::string input_kind = "auto";
  std::string charset;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  bool quiet = false;

  app.add_option("paths", paths, "Files or folders to clean; '-' or none reads stdin");
  app.add_option("-f,--format", format,
                 "Output: text (the body, title excluded), json (title, body, "
                 "removed blocks with rule ids, flags, counts), jsonl (one "
                 "JSON object a line), markdown (headings, lists, quotes, tables, emphasis, links)")
      ->check(CLI::IsMember({"text", "json", "jsonl", "markdown"}))
      ->capture_default_str();
  app.add_flag("--explain", explain,
               "Show every input line with KEEP/DROP/TITLE and the rule or detector that decided, "
               "instead of the body");
  app.add_option("-o,--output", output_dir,
                 "Write one output per input into this folder (created if missing), atomically; "
                 "names mirror the inputs with the format's extension");
  app.add_option("--rules", rules_dir,
                 "Rule pack folder (default: $CLEANER_RULES, else the bundled rules/)");
  app.add_option("--url", url, "Page URL: selects site packs by domain");
  app.add_option("--site", site, "Apply this site pack (by pack id) whatever the URL");
  app.add_option("--input", input_kind,
                 "Page kind: auto (HTML when the page starts like markup), text, html")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->capture_default_str();
  app.add_option("--charset", charset,
                 "Charset to read HTML pages in, over their <meta charset> (a byte-order mark "
                 "still wins); a JSONL record's \"charset\" field or a WARC record's HTTP "
                 "charset overrides it");
  std::string input_format = "files";
  app.add_option("--input-format", input_format,
                 "files: each path (or stdin) is one page; jsonl: each path (or stdin) is a "
                 "stream of JSON objects {id, url, html|text, ...}, one a line, cleaned into one "
                 "JSON result a line, in order, other fields passed through; warc: each path is "
                 "a WARC/WET file (.warc or .warc.gz, multi-member gzip): response and conversion "
                 "records are cleaned, one JSON result a line")
      ->check(CLI::IsMember({"files", "jsonl", "warc"}))
      ->capture_default_str();
  app.add_option("-j,--jobs", jobs, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_flag("-q,--quiet", quiet,
               "No warnings and no progress line on stderr (errors are still shown)");
  bool stats = false;
  app.add_flag("--stats", stats,
               "At the end, a summary on stderr: documents, bytes, MB/s, blocks dropped per "
               "rule or detector id, failures");

  CLI::App* rules_cmd = app.add_subcommand("rules", "Check or test rule packs");
  rules_cmd->require_subcommand(1);
  std::string rules_cmd_dir;
  CLI::App* check_cmd =
      rules_cmd->add_subcommand("check",
                                "Load every pack and report every broken rule with file, line "
                                "and rule id (exit 2 if any)");
  CLI::App* test_cmd = rules_cmd->add_subcommand(
      "test", "Run every [[rule.example]] of every pack (exit 1 if any fails)");
  for (CLI::App* sub : {check_cmd, test_cmd}) {
    sub->add_option("--rules", rules_cmd_dir, "Rule pack folder (default: the bundled rules/)");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (check_cmd->parsed()) return RulesCheck(ResolveRulesDir(rules_cmd_dir));
  if (test_cmd->parsed()) return RulesTest(ResolveRulesDir(rules_cmd_dir));

  auto rules = LoadRulesOrReport(ResolveRulesDir(rules_dir), quiet);
  if (!rules) return kExitUsage;

  BatchOptions options;
  static const std::map<std::string, OutputFormat> kFormats = {
      {"text", OutputFormat::kText},
      {"json", OutputFormat::kJson},
      {"jsonl", OutputFormat::kJsonl},
      {"markdown", OutputFormat::kMarkdown}};
  options.format = explain ? OutputFormat::kExplain : kFormats.at(format);
  options.input_format = input_format == "jsonl"  ? InputFormat::kJsonl
                         : input_format == "warc" ? InputFormat::kWarc
                                                  : InputFormat::kFiles;
  options.output_dir = output_dir;
  options.input = input_kind == "html"   ? InputKind::kHtml
                  : input_kind == "text" ? InputKind::kText
                                         : InputKind::kAuto;
  options.charset = charset;
  options.url = url;
  options.site = site;
  options.jobs = jobs;
  options.quiet = quiet;
  options.stats = stats;
  // A progress line only for a person watching: stderr is a terminal.
  options.progress = !quiet && isatty(STDERR_FILENO) != 0;
  if (!site.empty()) {
    bool known = false;
    for (const Pack& p : rules->packs()) known = known || p.id == site;
    if (!known) {
      std::cerr << "cleaner: --site " << site << ": no pack with that id\n";
      return kExitUsage;
    }
  }
  std::vector<InputItem> inputs = ExpandInputs(paths);
  BatchSummary summary = RunBatch(*rules, inputs, options);
  if (summary.failed > 0) {
    std::cerr << "cleaner: " << summary.failed << " of " << summary.inputs << " input(s) failed\n";
    return kExitSomeFailed;
  }
  return kExitOk;
}
