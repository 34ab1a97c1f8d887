// The command line end to end: exit codes, bad input, atomic -o output, formats.
// Runs the built binary; every case gets its own scratch folder.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const fs::path& path, std::string_view data) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

const std::string kArticle =
    "A Title For The Page\n"
    "The city council approved the new budget on Tuesday after a long debate about transit.\n"
    "Officials said the plan would add bus routes and repair two bridges over the next year.\n"
    "Residents who spoke at the meeting mostly supported the changes, though some asked for "
    "more.\n";

const std::string kArticleBody =
    "The city council approved the new budget on Tuesday after a long debate about transit.\n"
    "Officials said the plan would add bus routes and repair two bridges over the next year.\n"
    "Residents who spoke at the meeting mostly supported the changes, though some asked for "
    "more.\n";

class Cli : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("cleaner-cli-" + std::to_string(getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  // Runs cleaner with `args` (shell syntax), stdin from `stdin_file` if given.
  CliRun Cleaner(const std::string& args, const std::string& stdin_file = "/dev/null") {
    fs::path out = dir_ / ".stdout", err = dir_ / ".stderr";
    std::string cmd = std::string(CLEANER_BINARY) + " " + args + " <" + stdin_file + " >" +
                      out.string() + " 2>" + err.string();
    int status = std::system(cmd.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = ReadFile(out);
    run.err = ReadFile(err);
    return run;
  }

  fs::path dir_;
};

TEST_F(Cli, HelpListsEveryOptionAndExitsZero) {
  CliRun r = Cleaner("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option :
       {"--format", "--explain", "--output", "--rules", "--url", "--site", "--jobs", "--quiet",
        "--input", "--charset", "--input-format", "--stats", "markdown", "rules", "Exit codes"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

TEST_F(Cli, UnknownOptionIsAUsageError) {
  CliRun r = Cleaner("--no-such-option");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST_F(Cli, CleansAFileToStdout) {
  WriteFile(dir_ / "a.txt", kArticle);
  CliRun r = Cleaner((dir_ / "a.txt").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kArticleBody);
}

TEST_F(Cli, ReadsStdinWhenNoPathOrDash) {
  WriteFile(dir_ / "a.txt", kArticle);
  EXPECT_EQ(Cleaner("", (dir_ / "a.txt").string()).out, kArticleBody);
  EXPECT_EQ(Cleaner("-", (dir_ / "a.txt").string()).out, kArticleBody);
}

TEST_F(Cli, EmptyFileGivesEmptyOutputAndAWarning) {
  WriteFile(dir_ / "empty.txt", "");
  CliRun r = Cleaner((dir_ / "empty.txt").string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("empty input"), std::string::npos) << r.err;
}

TEST_F(Cli, BinaryFileFailsAloneAndTheBatchGoesOn) {
  WriteFile(dir_ / "in/a.bin", std::string("PK\x03\x04\0\0\x01\x02", 8));
  WriteFile(dir_ / "in/b.txt", kArticle);
  CliRun r = Cleaner("-o " + (dir_ / "out").string() + " " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out/a.txt"));
  EXPECT_EQ(ReadFile(dir_ / "out/b.txt"), kArticleBody);
}

TEST_F(Cli, InvalidUtf8IsRepairedAndCounted) {
  WriteFile(dir_ / "bad.txt",
            "Caf\xE9 society returns to the old town square this weekend, organizers said.\n");
  CliRun r = Cleaner("--format json " + (dir_ / "bad.txt").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["counts"]["invalid_utf8"], 1);
  EXPECT_NE(j["body"].get<std::string>().find("Caf\xEF\xBF\xBD society"), std::string::npos);
  EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos);
}

TEST_F(Cli, FiftyMegabyteSingleLineIsKeptWhole) {
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "the committee reviewed every budget line again ";
  line += "and agreed.";
  WriteFile(dir_ / "huge.txt", line + "\n");
  CliRun r = Cleaner((dir_ / "huge.txt").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.size(), line.size() + 1);
  EXPECT_TRUE(r.out == line + "\n");
}

TEST_F(Cli, MissingAndUnreadableInputsFailButOthersAreDone) {
  WriteFile(dir_ / "in/good.txt", kArticle);
  fs::create_symlink(dir_ / "nowhere", dir_ / "in/dangling.txt");
  bool root = geteuid() == 0;
  if (!root) {
    WriteFile(dir_ / "in/locked.txt", kArticle);
    fs::permissions(dir_ / "in/locked.txt", fs::perms::none);
  }
  CliRun r = Cleaner("-o " + (dir_ / "out").string() + " " + (dir_ / "in").string() + " " +
                     (dir_ / "missing.txt").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadFile(dir_ / "out/good.txt"), kArticleBody);
  EXPECT_NE(r.err.find("missing.txt: no such file"), std::string::npos) << r.err;
  if (!root) {
    EXPECT_NE(r.err.find("locked.txt"), std::string::npos) << r.err;
  }
}

TEST_F(Cli, OutputFolderMirrorsInputsAndLeavesNoTemporaries) {
  WriteFile(dir_ / "in/a.txt", kArticle);
  WriteFile(dir_ / "in/sub/b.page.txt", kArticle);
  WriteFile(dir_ / "in/.hidden.txt", kArticle);
  CliRun r = Cleaner("-j 2 -o " + (dir_ / "out").string() + " " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadFile(dir_ / "out/a.txt"), kArticleBody);
  EXPECT_EQ(ReadFile(dir_ / "out/sub/b.page.txt"), kArticleBody);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "out")) files += e.is_regular_file();
  EXPECT_EQ(files, 2);  // no temp files, dot files skipped
}

TEST_F(Cli, JsonlGivesOneObjectPerInputInOrder) {
  for (int i = 0; i < 5; ++i) WriteFile(dir_ / ("in/" + std::to_string(i) + ".txt"), kArticle);
  CliRun r = Cleaner("--format jsonl -j 2 " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["title"], "A Title For The Page");
    EXPECT_EQ(j["body"], kArticleBody);
    EXPECT_NE(j["id"].get<std::string>().find(std::to_string(n) + ".txt"), std::string::npos);
    ++n;
  }
  EXPECT_EQ(n, 5);
}

TEST_F(Cli, OutputIsIdenticalForAnyJobCount) {
  for (int i = 0; i < 12; ++i) {
    WriteFile(dir_ / ("in/" + std::to_string(i) + ".txt"),
              "Menu\nHome\n" + kArticle + "Related Articles\nSomething else entirely here\n");
  }
  CliRun one = Cleaner("--format jsonl -j 1 " + (dir_ / "in").string());
  CliRun two = Cleaner("--format jsonl -j 2 " + (dir_ / "in").string());
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, two.out);
}

TEST_F(Cli, JsonlStreamRoundTripsInOrderWithFieldsPassedThrough) {
  std::string stream;
  for (int i = 0; i < 20; ++i) {
    nlohmann::ordered_json record = {{"id", "doc-" + std::to_string(i)},
                                     {"url", "https://news.example.com/a/" + std::to_string(i)},
                                     {"text", kArticle},
                                     {"lang", "en"}};
    stream += record.dump() + "\n";
    if (i == 7) stream += "{not json\n";              // a broken record
    if (i == 9) stream += "{\"id\": \"no-page\"}\n";  // a record without a page
    if (i == 11) stream += "\n";                      // blank lines are skipped
  }
  WriteFile(dir_ / "in.jsonl", stream);
  CliRun r = Cleaner("--input-format jsonl -j 2", (dir_ / "in.jsonl").string());
  EXPECT_EQ(r.exit_code, 1);  // two bad records; the others are done
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> out;
  while (std::getline(lines, line)) out.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(out.size(), 22u);
  EXPECT_EQ(out[0]["id"], "doc-0");
  EXPECT_EQ(out[0]["lang"], "en");
  EXPECT_EQ(out[0]["url"], "https://news.example.com/a/0");
  EXPECT_EQ(out[0]["body"], kArticleBody);
  EXPECT_FALSE(out[0].contains("text"));
  EXPECT_TRUE(out[8].contains("error"));  // the broken line, in its place
  EXPECT_EQ(out[9]["id"], "doc-8");
  EXPECT_EQ(out[11]["id"], "no-page");
  EXPECT_TRUE(out[11].contains("error"));
  EXPECT_EQ(out[21]["id"], "doc-19");
}

TEST_F(Cli, JsonlStreamToOutputFolderIsWrittenWhole) {
  std::string stream;
  for (int i = 0; i < 3; ++i) {
    stream += nlohmann::json({{"id", i}, {"text", kArticle}}).dump() + "\n";
  }
  WriteFile(dir_ / "in/batch.jsonl", stream);
  CliRun r =
      Cleaner("--input-format jsonl -o " + (dir_ / "out").string() + " " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::string written = ReadFile(dir_ / "out/batch.jsonl");
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 3);
}

// A WARC record: header + block + the two CRLFs that end it.
std::string WarcRecordText(const std::string& type, const std::string& url,
                           const std::string& block, const std::string& content_type) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + type + "-" +
         std::to_string(block.size()) + ">\r\nWARC-Target-URI: " + url +
         "\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

// Common Crawl layout: one gzip member per record.
void WriteMultiMemberGzip(const fs::path& path, const std::vector<std::string>& members) {
  fs::remove(path);
  for (const std::string& m : members) {
    gzFile f = gzopen(path.c_str(), "ab");
    gzwrite(f, m.data(), static_cast<unsigned>(m.size()));
    gzclose(f);
  }
}

TEST_F(Cli, WarcAndWetRecordsAreCleanedFromMultiMemberGzip) {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  std::string first = kArticle.substr(0, 40), rest = kArticle.substr(40);
  char size1[16], size2[16];
  std::snprintf(size1, sizeof size1, "%zx", first.size());
  std::snprintf(size2, sizeof size2, "%zx", rest.size());
  http += std::string(size1) + "\r\n" + first + "\r\n" + size2 + "\r\n" + rest + "\r\n0\r\n\r\n";
  WriteMultiMemberGzip(
      dir_ / "crawl.warc.gz",
      {WarcRecordText("warcinfo", "", "software: test\r\n", "application/warc-fields"),
       WarcRecordText("request", "https://a.example/x", "GET /x HTTP/1.1\r\n\r\n",
                      "application/http; msgtype=request"),
       WarcRecordText("response", "https://a.example/x", http,
                      "application/http; msgtype=response"),
       WarcRecordText("conversion", "https://b.example/y", kArticle, "text/plain")});
  CliRun r = Cleaner("--input-format warc " + (dir_ / "crawl.warc.gz").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> out;
  while (std::getline(lines, line)) out.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(out.size(), 2u);  // warcinfo and request records are skipped
  EXPECT_EQ(out[0]["warc_type"], "response");
  EXPECT_EQ(out[0]["url"], "https://a.example/x");
  EXPECT_EQ(out[0]["body"], kArticleBody);  // chunked body decoded, HTTP headers gone
  EXPECT_EQ(out[1]["warc_type"], "conversion");
  EXPECT_EQ(out[1]["body"], kArticleBody);
}

TEST_F(Cli, TruncatedWarcGivesAnErrorRecordAndNoCrash) {
  std::string warc = WarcRecordText("conversion", "https://b.example/y", kArticle, "text/plain");
  WriteFile(dir_ / "cut.warc", warc.substr(0, warc.size() - 60));
  CliRun r = Cleaner("--input-format warc " + (dir_ / "cut.warc").string());
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_NE(j["error"].get<std::string>().find("truncated"), std::string::npos);
}

TEST_F(Cli, ExplainShowsEveryInputLine) {
  WriteFile(dir_ / "a.txt", kArticle + "\n");
  CliRun r = Cleaner("--explain " + (dir_ / "a.txt").string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("TITLE"), std::string::npos);
  EXPECT_NE(r.out.find("KEEP"), std::string::npos);
  int rows = 0;
  for (char c : r.out) rows += c == '\n';
  EXPECT_EQ(rows, 5);  // 4 lines + the final blank line
}

TEST_F(Cli, BrokenRuleFileIsAUsageErrorNamingFileLineAndRule) {
  WriteFile(dir_ / "rules/bad.toml",
            "[pack]\nid = \"p\"\ndescription = \"d\"\n\n[[rule]]\nid = \"bad.regex\"\n"
            "description = \"d\"\npattern = '(unclosed'\naction = \"drop\"\ncolour = \"red\"\n");
  WriteFile(dir_ / "a.txt", kArticle);
  CliRun r = Cleaner("--rules " + (dir_ / "rules").string() + " " + (dir_ / "a.txt").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("bad.toml:5"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.regex"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown key 'colour'"), std::string::npos) << r.err;

  CliRun check = Cleaner("rules check --rules " + (dir_ / "rules").string());
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.out.find("2 errors"), std::string::npos) << check.out;
}

TEST_F(Cli, MissingRulesFolderIsAUsageError) {
  WriteFile(dir_ / "a.txt", kArticle);
  CliRun r = Cleaner("--rules " + (dir_ / "nope").string() + " " + (dir_ / "a.txt").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope"), std::string::npos);
}

TEST_F(Cli, BundledRulesCheckClean) {
  CliRun r = Cleaner(std::string("rules check --rules ") + CLEANER_RULES_DIR);
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(Cli, UnknownSiteIsAUsageError) {
  WriteFile(dir_ / "a.txt", kArticle);
  CliRun r = Cleaner("--site no.such.pack " + (dir_ / "a.txt").string());
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace

namespace {

// An HTML page: navigation and a footer around an article with a subheading,
// a list and a non-ASCII word ("café", spelled by the caller's encoding).
std::string HtmlPage(const std::string& cafe, const std::string& meta = "") {
  std::string page = "<!doctype html><html lang=\"en\"><head>" + meta +
                     "<title>Council backs transit budget</title></head><body>"
                     "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> "
                     "<a href=\"/sport\">Sport</a></nav><article>"
                     "<h1>Council backs transit budget</h1>";
  page += "<p>" + kArticleBody.substr(0, kArticleBody.find('\n')) + "</p>";
  page +=
      "<h2>What changes</h2><ul><li>Four new bus routes across the city</li>"
      "<li>Repairs to two bridges over the river</li></ul>";
  page += "<p>The mayor celebrated at a " + cafe +
          " near city hall, where supporters gathered after the vote on Tuesday evening.</p>";
  page +=
      "</article><footer>Copyright 2025 City Paper. All rights reserved.</footer></body></html>";
  return page;
}

}  // namespace

TEST_F(Cli, HtmlIsDetectedFromTheBytesAndCleaned) {
  WriteFile(dir_ / "page.html", HtmlPage("caf\xC3\xA9"));
  CliRun r = Cleaner((dir_ / "page.html").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("The city council approved the new budget"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("caf\xC3\xA9 near city hall"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Sport"), std::string::npos) << "navigation kept:\n" << r.out;
  EXPECT_EQ(r.out.find("All rights reserved"), std::string::npos) << "footer kept:\n" << r.out;
  EXPECT_EQ(r.out.find('<'), std::string::npos) << "markup in the body:\n" << r.out;
  // Forced text mode reads the same bytes as lines of text: the markup stays.
  CliRun text = Cleaner("--input text " + (dir_ / "page.html").string());
  EXPECT_NE(text.out.find('<'), std::string::npos);
}

TEST_F(Cli, JsonForHtmlCarriesMetadataAndDomPaths) {
  WriteFile(dir_ / "page.html", HtmlPage("caf\xC3\xA9"));
  CliRun r = Cleaner("--format json " + (dir_ / "page.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["input"], "html");
  EXPECT_EQ(j["title"], "Council backs transit budget");
  EXPECT_EQ(j["metadata"]["language"], "en");
  bool nav_path = false;
  for (const auto& removed : j["removed"]) {
    nav_path = nav_path || removed.value("path", "").find("nav") != std::string::npos;
  }
  EXPECT_TRUE(nav_path) << j["removed"].dump(1);
}

TEST_F(Cli, MarkdownKeepsHeadingsAndLists) {
  WriteFile(dir_ / "page.html", HtmlPage("caf\xC3\xA9"));
  CliRun r = Cleaner("--format markdown " + (dir_ / "page.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# Council backs transit budget\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\n## What changes\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n- Four new bus routes across the city\n"
                       "- Repairs to two bridges over the river\n"),
            std::string::npos)
      << r.out;
}

TEST_F(Cli, MarkdownEmphasisAndLinksResolvedAgainstUrl) {
  WriteFile(dir_ / "page.html",
            HtmlPage("<em>caf\xC3\xA9</em> on <a href=\"../squares/main.html\">Main Square</a>"));
  CliRun r = Cleaner("--format markdown --url https://paper.example/news/2025/vote.html " +
                     (dir_ / "page.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("at a *caf\xC3\xA9* on "
                       "[Main Square](https://paper.example/news/squares/main.html) near"),
            std::string::npos)
      << r.out;
  CliRun text =
      Cleaner("--url https://paper.example/news/2025/vote.html " + (dir_ / "page.html").string());
  EXPECT_NE(text.out.find("at a caf\xC3\xA9 on Main Square near"), std::string::npos) << text.out;
}

TEST_F(Cli, CharsetOptionDecodesALegacyPage) {
  WriteFile(dir_ / "latin1.html", HtmlPage("caf\xE9"));  // ISO-8859-1 bytes, no declaration
  CliRun r = Cleaner("--charset iso-8859-1 " + (dir_ / "latin1.html").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("caf\xC3\xA9 near city hall"), std::string::npos) << r.out;
  // A <meta charset> is honoured without the option.
  WriteFile(dir_ / "declared.html", HtmlPage("caf\xE9", "<meta charset=\"windows-1252\">"));
  CliRun declared = Cleaner((dir_ / "declared.html").string());
  EXPECT_NE(declared.out.find("caf\xC3\xA9 near city hall"), std::string::npos) << declared.out;
}

TEST_F(Cli, JsonlHtmlRecordsAreCleanedAsHtml) {
  std::string stream = nlohmann::json({{"id", "h"}, {"html", HtmlPage("caf\xC3\xA9")}}).dump();
  stream += "\n";
  WriteFile(dir_ / "in.jsonl", stream);
  CliRun r = Cleaner("--input-format jsonl " + (dir_ / "in.jsonl").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["id"], "h");
  EXPECT_EQ(j["input"], "html");
  EXPECT_EQ(j["body"].get<std::string>().find("Sport"), std::string::npos);
}

TEST_F(Cli, StatsSummarizeTheRunOnStderrOnly) {
  WriteFile(dir_ / "in/a.txt", "Menu\nHome\nNews\nSport\n" + kArticle);
  WriteFile(dir_ / "in/b.txt", kArticle);
  CliRun plain = Cleaner((dir_ / "in").string());
  CliRun r = Cleaner("--stats " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, plain.out);
  EXPECT_NE(r.err.find("documents  2 (0 failed)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dropped by rule or detector"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress line when stderr is a file";
}

TEST_F(Cli, KilledMidStreamLeavesNoPartialOutputFile) {
  // Large enough that one core takes well over the 0.3 s before the kill.
  std::string record =
      nlohmann::json({{"text", "Menu\nHome\n" + kArticle + "Related\nOther story here\n"}}).dump() +
      "\n";
  fs::create_directories(dir_ / "in");
  std::ofstream big(dir_ / "in/big.jsonl", std::ios::binary);
  for (int i = 0; i < 150000; ++i) big << record;
  big.close();
  std::string cmd = "timeout -s TERM 0.3 " + std::string(CLEANER_BINARY) +
                    " -j 1 --input-format jsonl -o " + (dir_ / "out").string() + " " +
                    (dir_ / "in").string() + " >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 124) << "finished before the kill: make the input larger";
  std::vector<std::string> left;
  if (fs::exists(dir_ / "out")) {
    for (const auto& e : fs::recursive_directory_iterator(dir_ / "out")) {
      if (e.is_regular_file()) left.push_back(e.path().filename().string());
    }
  }
  EXPECT_TRUE(left.empty()) << "left behind: " << left.front();
}

TEST_F(Cli, WarcStreamToOutputFolderIsOneFile) {
  std::string page = HtmlPage("caf\xC3\xA9");
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
  WriteFile(dir_ / "in/crawl.warc", WarcRecordText("response", "https://news.example.com/a", http,
                                                   "application/http; msgtype=response"));
  CliRun r = Cleaner("--input-format warc -o " + (dir_ / "out").string() + " " +
                     (dir_ / "in/crawl.warc").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::string written = ReadFile(dir_ / "out/crawl.jsonl");
  ASSERT_EQ(std::count(written.begin(), written.end(), '\n'), 1) << written;
  EXPECT_EQ(nlohmann::json::parse(written)["url"], "https://news.example.com/a");
}
