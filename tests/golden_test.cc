// Golden fixtures: every fixtures/<case>/ holds input.txt or input.html and
// expected.txt (and optionally case.toml with a `url` and a `charset`); cleaning
// the input with the bundled rules must give expected.txt byte for byte. When
// the case has expected.md, the Markdown output must equal it; when it has
// expected.json, every field there must equal the JSON output's (a subset match:
// objects such as "metadata" and "flags" compare key by key). Expectations are
// written by hand, never generated from the cleaner's output; a failure prints
// the --explain view.
#include <gtest/gtest.h>

#include <toml++/toml.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cleaner/emit/emit.h"
#include "cleaner/emit/markdown.h"
#include "cleaner/pipeline/cleaner.h"
#include "cleaner/rules/loader.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const RuleSet& BundledRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    LoadedRules loaded = LoadRulesDir(CLEANER_RULES_DIR);
    for (const RuleError& e : loaded.errors) ADD_FAILURE() << e.ToString();
    std::vector<RuleError> errors;
    return RuleSet::Compile(std::move(loaded), &errors);
  }();
  return *rules;
}

std::vector<std::string> TextCases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(CLEANER_FIXTURES_DIR)) {
    if (entry.is_directory() &&
        (fs::exists(entry.path() / "input.txt") || fs::exists(entry.path() / "input.html"))) {
      cases.push_back(entry.path().filename().string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class GoldenText : public testing::TestWithParam<std::string> {};

// Every field of `expected` must be in `got` with the same value; objects recurse.
void ExpectSubset(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& got,
                  const std::string& where) {
  if (!expected.is_object()) {
    EXPECT_EQ(got, expected) << "at " << where;
    return;
  }
  ASSERT_TRUE(got.is_object()) << "at " << where << ": expected an object, got " << got.dump();
  for (const auto& [key, value] : expected.items()) {
    std::string path = where;
    path.append("/").append(key);
    if (!got.contains(key)) {
      ADD_FAILURE() << "missing " << path;
      continue;
    }
    ExpectSubset(value, got[key], path);
  }
}

TEST_P(GoldenText, MatchesExpectedBody) {
  const fs::path dir = fs::path(CLEANER_FIXTURES_DIR) / GetParam();
  CleanOptions options;
  if (fs::exists(dir / "case.toml")) {
    toml::table meta = toml::parse_file((dir / "case.toml").string());
    options.url = meta["url"].value_or(std::string());
    options.charset = meta["charset"].value_or(std::string());
  }
  const bool html = fs::exists(dir / "input.html");
  options.input = html ? InputKind::kHtml : InputKind::kText;
  Cleaner cleaner(BundledRules());
  Document doc = cleaner.Clean(ReadFile(dir / (html ? "input.html" : "input.txt")), options);
  EXPECT_EQ(BodyText(doc), ReadFile(dir / "expected.txt")) << "explain:\n" << ExplainText(doc);
  if (fs::exists(dir / "expected.md")) {
    // As `--format markdown` runs it: Markdown twins and link targets built, which
    // must not change the text.
    CleanOptions markdown_options = options;
    markdown_options.markdown = true;
    Document markdown_doc =
        cleaner.Clean(ReadFile(dir / (html ? "input.html" : "input.txt")), markdown_options);
    EXPECT_EQ(BodyText(markdown_doc), BodyText(doc)) << "link targets changed the text";
    EXPECT_EQ(MarkdownText(markdown_doc), ReadFile(dir / "expected.md")) << "markdown differs";
  }
  if (fs::exists(dir / "expected.json")) {
    ExpectSubset(nlohmann::ordered_json::parse(ReadFile(dir / "expected.json")), ToJson(doc), "");
  }
}

std::string CaseName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenText, testing::ValuesIn(TextCases()), CaseName);

}  // namespace
}  // namespace cleaner
